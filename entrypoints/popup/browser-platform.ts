/**
 * The popup's browser glue: which tab it shows, its results pushed by the
 * background, messages to the page, the clipboard, downloads and the lazily
 * loaded citations.
 * The components get this through the PopupPlatform interface.
 */
import { browser } from 'wxt/browser';
import type { CitationApi, JumpOutcome, PopupPlatform, TabInfo } from '../../components/popup/platform';
import { copyToClipboard } from '../../components/shared/clipboard';
import { loadPopupDocuments } from '../../extension/library/popup-documents';
import { watchTabResults } from '../../extension/results-port';
import { readSettings, setSitePaused, updateSettings, watchSettings } from '../../extension/settings';
import { documentHash } from '../../lib/library/doc-link';
import { SPEECH_DOCUMENT_ID } from '../../lib/library/types';
import { type Message, parseTabResults as parseReply, type TabResults } from '../../lib/messages';
import { LOOKUP_PAGE, READER_PAGE, readerHash } from '../../lib/page-links';
import { loadCitationApi } from './citations';

/** The popup page's own localStorage (extension origin): only the list order, nothing from pages. */
const VIEW_KEY = 'yuanwen-popup-view';

/** The background's reply about this tab, checked by the protocol's schema (lib/messages.ts). */
export function parseTabResults(x: unknown, tabId: number): TabResults | null {
  const results = parseReply(x);
  return results && results.tabId === tabId ? results : null;
}

/** The owning frame's reply to jump-to-match ({ ok, reason? }); anything else counts as no answer. */
export function jumpOutcome(reply: unknown): JumpOutcome {
  if (typeof reply !== 'object' || reply === null) return 'no-answer';
  const { ok, reason } = reply as { ok?: unknown; reason?: unknown };
  if (ok === true) return 'ok';
  if (ok !== false) return 'no-answer';
  return reason === 'paused' ? 'paused' : 'gone';
}

/** `popup.html?tab=<id>` shows that tab (pinned in a tab, or opened by a test); else the active tab. */
export function pinnedTabId(search: string): number | null {
  const raw = new URLSearchParams(search).get('tab');
  return raw !== null && /^\d{1,10}$/.test(raw) ? Number(raw) : null;
}

async function findTab(pinned: number | null): Promise<TabInfo | null> {
  const tab =
    pinned !== null
      ? await browser.tabs.get(pinned).catch(() => undefined)
      : (await browser.tabs.query({ active: true, currentWindow: true }))[0];
  if (!tab || tab.id === undefined) return null;
  return {
    id: tab.id,
    url: tab.url ?? tab.pendingUrl ?? '',
    title: tab.title ?? '',
    loading: tab.status === 'loading',
  };
}

function download(fileName: string, mimeType: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: `${mimeType};charset=utf-8` }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}

export function createBrowserPlatform(search: string): PopupPlatform {
  const pinned = pinnedTabId(search);
  let citations: Promise<CitationApi> | undefined;
  return {
    getTab: () => findTab(pinned),
    watchResults: (tabId, callback) => watchTabResults(tabId, (raw) => callback(parseTabResults(raw, tabId))),
    getSettings: async () => (await readSettings()).settings,
    watchSettings: (callback) => watchSettings(({ settings }) => callback(settings)),
    async setSitePaused(hostname, paused) {
      await setSitePaused(hostname, paused);
    },
    async setQuiet(quiet) {
      await updateSettings({ quiet, quietAsked: true });
    },
    async showHighlights(tabId, shown) {
      const message: Message = { type: 'show-highlights', shown };
      try {
        return jumpOutcome(await browser.tabs.sendMessage(tabId, message)) === 'ok';
      } catch {
        return false; // no content script in the tab
      }
    },
    async jump(tabId, matchId) {
      const message: Message = { type: 'jump-to-match', matchId };
      try {
        const outcome = jumpOutcome(await browser.tabs.sendMessage(tabId, message));
        // Pinned in a tab, the page is elsewhere: bring it forward to show the jump.
        if (outcome === 'ok' && pinned !== null) {
          const tab = await browser.tabs.update(tabId, { active: true });
          if (tab?.windowId !== undefined) await browser.windows.update(tab.windowId, { focused: true });
        }
        return outcome;
      } catch {
        return 'no-answer'; // no content script in the tab
      }
    },
    openReader(span, documentId) {
      const hash =
        documentId && documentId !== SPEECH_DOCUMENT_ID
          ? documentHash(documentId, span)
          : span
            ? readerHash({ kind: 'span', span })
            : '';
      void browser.tabs.create({ url: browser.runtime.getURL(READER_PAGE) + hash });
    },
    getDocuments: loadPopupDocuments,
    addPageToLibrary(tabId) {
      void browser.tabs.create({ url: `${browser.runtime.getURL('/library.html')}#page=${tabId}` });
    },
    openLookup() {
      void browser.tabs.create({ url: browser.runtime.getURL(LOOKUP_PAGE) });
    },
    reloadTab(tabId) {
      void browser.tabs.reload(tabId);
    },
    copyText: (text) => copyToClipboard(text),
    download,
    loadCitations: () => {
      citations ??= loadCitationApi();
      return citations;
    },
    loadView() {
      try {
        const v = localStorage.getItem(VIEW_KEY);
        return v === 'page' || v === 'section' ? v : null;
      } catch {
        return null;
      }
    },
    saveView(view) {
      try {
        localStorage.setItem(VIEW_KEY, view);
      } catch {
        // storage disabled: the choice lasts for this popup only
      }
    },
    browserLanguage: navigator.language,
    ownOrigin: browser.runtime.getURL('/'),
    now: () => new Date(),
    whenIdle(task) {
      if ('requestIdleCallback' in window) window.requestIdleCallback(task, { timeout: 800 });
      else setTimeout(task, 200);
    },
  };
}
