/**
 * The content script: runs in every http(s) frame, finds the page's quotes of
 * the speech, highlights them (CSS Custom Highlight API: no DOM change), keeps
 * them current as the page changes, and reports them to the background.
 *
 * It starts at document_start only to set up styles while the page is still
 * empty (see highlighter.ts); the scan waits for the parsed page and an idle
 * moment. The matcher itself runs in the background (scan-text).
 *
 * Wiring only; the work is in the sibling modules:
 *   scanner.ts     read text → scan → Ranges → highlight → report (sliced, queued)
 *   highlighter.ts CSS.highlights; ::highlight() styles from the manifest
 *                  (highlights.css), custom colours in an adopted stylesheet
 *   live.ts        MutationObserver (re-scans changed blocks only) + SPA route changes
 *   jump.ts        scroll a match into view and flash it
 *   reporter.ts    frame-report messages to the background, newest wins,
 *                  sent again until acknowledged
 *   resend.ts      answers the background's resend-report with the last report
 *   slices.ts      time budgets and yielding, so no task runs long
 *   han-gate.ts    a page or frame without Han characters gets no scanner,
 *                  listener or timer until Chinese text arrives (a frame
 *                  other than the top one does not even read settings)
 *
 * Messages (lib/messages.ts), over the extension runtime only (never
 * window.postMessage: page scripts can neither inject nor read results):
 *   sends    frame-report {url, title, status, matches, timings?};
 *            scan-text {text, options} → ScanReply: the matcher runs in the
 *            background, so its index build and its scans never block the page
 *   answers  jump-to-match {matchId} → JumpResult (only the frame whose key
 *            prefixes the id answers), toggle-highlights → {ok} (ok: not paused)
 *
 * Knowing when a scan is complete (for tests and benchmarks):
 *   - In the background, `{type:'get-tab-results', tabId}` returns TabResults;
 *     `status` is 'done' once every frame that reported has finished, and
 *     `frames[i].timings` holds each frame's last scan.
 *   - A frame's report carries `status: 'done'` and `timings` (ScanTimings):
 *     extractMs, highlightMs = the page-side work of those phases; scanMs =
 *     the matcher's time in the background (off the page's thread);
 *     totalMs = all the work on the page's thread (extraction, messages,
 *     Ranges, highlights; waits excluded); elapsedMs =
 *     wall clock from its start to its report; chars = text read; slices =
 *     tasks it ran in; maxSliceMs = the longest of them (wall clock, so it
 *     includes garbage collection and the machine stalling us);
 *     matcherInitMs = building the matcher's index in the background (only
 *     when this pass made the worker build it). A top frame without Han
 *     characters reports status 'done', no matches and one slice: its look
 *     for Han text (extractMs = totalMs), scanMs 0 (the matcher is never
 *     called); a frame other than the top one without Han does not report.
 *   - A full scan that needs more than one slice first reports status
 *     'scanning' with no matches; re-scans after mutations report only when
 *     something changed, with status 'done' and that pass's timings.
 *   - In the page, `CSS.highlights.get('yuanwen-slogan' | 'yuanwen-passage' |
 *     'yuanwen-near' | 'yuanwen-flash')` are the painted Ranges (the registry
 *     is per document, visible from the main world).
 */

import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { readSettings, watchSettings } from '../../extension/settings';
import { hasHan } from '../../lib/dom/extract';
import type { ScanOptions } from '../../lib/match';
import { isScanReply, type JumpResult, type Message, parseMessage, type ScanReply } from '../../lib/messages';
import { isSitePaused } from '../../lib/settings/paused';
import { scanOptionsFor } from '../../lib/settings/scan-options';
import './highlights.css';
import { frameHasHan, waitForHan } from './han-gate';
import { Highlighter, highlightsSupported } from './highlighter';
import { jumpTo } from './jump';
import { LiveWatcher } from './live';
import { createReporter, type Reporter, type ReportTransport } from './reporter';
import { answerResendRequests } from './resend';
import { FrameScanner, round } from './scanner';

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  allFrames: true,
  // Early, to set up highlight styles before the page is laid out (see highlighter.ts); the scan
  // itself waits for the parsed page and an idle moment, as document_idle would.
  runAt: 'document_start',
  cssInjectionMode: 'manifest',
  // WXT would window.postMessage a "script started" note carrying the extension id: a page could read it.
  noScriptStartedPostMessage: true,
  main(ctx) {
    start(ctx).catch(() => {
      // Never throw into the page.
    });
  },
});

/**
 * The matcher runs in the background (scan-text): its index of the speech is
 * built once per worker, not once per page, and scanning never blocks the
 * page. A call that gets no well-formed answer (the worker stopped while
 * scanning, the message port closed) rejects: the scanner retries it.
 */
async function scanInBackground(text: string, options: ScanOptions): Promise<ScanReply> {
  const message: Message = { type: 'scan-text', text, options };
  const reply: unknown = await browser.runtime.sendMessage(message);
  if (isScanReply(reply)) return reply;
  throw new Error('no scan reply');
}

/**
 * Reports go to the background over the extension runtime, for as long as it is there: an orphaned script
 * (the extension reloaded or updated) may still see a runtime id, but its messages fail as "invalidated".
 */
function createReportTransport(): ReportTransport {
  let invalidated = false;
  return {
    async send(report) {
      try {
        return await browser.runtime.sendMessage({ type: 'frame-report', report } satisfies Message);
      } catch (error) {
        if (/context invalidated/i.test(String((error as Error)?.message))) invalidated = true;
        throw error;
      }
    },
    alive: () => !invalidated && !!browser.runtime?.id,
    wait: (ms) => new Promise((ok) => setTimeout(ok, ms)),
  };
}

/** The page parsed (DOMContentLoaded) and the browser idle for a moment: what document_idle waits for. */
function pageReady(win: Window): Promise<void> {
  const idle = () =>
    new Promise<void>((resolve) => {
      if (typeof win.requestIdleCallback === 'function') win.requestIdleCallback(() => resolve(), { timeout: 200 });
      else setTimeout(resolve, 0);
    });
  if (win.document.readyState !== 'loading') return idle();
  return new Promise<void>((resolve) => {
    win.document.addEventListener('DOMContentLoaded', () => void idle().then(resolve), { once: true });
  });
}

/** Random per frame document: match ids are unique across the tab's frames. */
function frameKey(): string {
  const bytes = new Uint8Array(6);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * Calls `then` when the extension's runtime is gone (reloaded, updated, removed). WXT also invalidates the
 * context on a document event that any page script can dispatch (the extension id of a published extension
 * is public): only a real loss of the runtime counts.
 */
function onRuntimeLost(ctx: ContentScriptContext, then: () => void): void {
  ctx.onInvalidated(() => {
    if (!browser.runtime?.id) then();
  });
}

function isTopFrame(win: Window): boolean {
  try {
    return win.top === win;
  } catch {
    return false;
  }
}

/**
 * A frame other than the top one (an ad, an embed, a widget) waits until it
 * shows Chinese before it reads settings or sets anything up: until then it
 * costs one MutationObserver (see han-gate.ts). False when the extension went
 * away first.
 */
async function hanInFrame(ctx: ContentScriptContext, win: Window, doc: Document): Promise<boolean> {
  await pageReady(win);
  if (frameHasHan(doc)) return true;
  const wait = waitForHan(win, doc);
  onRuntimeLost(ctx, () => wait.cancel());
  return wait.arrived;
}

/**
 * The top frame of a page without Chinese reads nothing more than that: it
 * reports the page read (no quotes), and waits with a LiveWatcher (changed
 * text, route changes) until Chinese text arrives, re-reporting after a route
 * change, whose new URL the background starts afresh. False when the
 * extension went away first.
 */
function hanArrivesInTopFrame(
  ctx: ContentScriptContext,
  win: Window,
  doc: Document,
  report: Reporter,
  paused: boolean,
  look: { ms: number; chars: number },
): Promise<boolean> {
  const { ms, chars } = look;
  const tell = () =>
    report.send({
      url: location.href,
      title: doc.title,
      matches: [],
      ...(paused
        ? { status: 'paused' as const }
        : {
            status: 'done' as const,
            noChinese: true as const,
            timings: {
              extractMs: ms,
              scanMs: 0,
              sendMs: 0,
              highlightMs: 0,
              totalMs: ms,
              elapsedMs: ms,
              chars,
              slices: 1,
              maxSliceMs: ms,
            },
          }),
    });
  tell();
  return new Promise<boolean>((resolve) => {
    // Back from the back/forward cache: the background forgot this page on navigation (as below).
    const onPageShow = (event: PageTransitionEvent) => {
      if (event.persisted) tell();
    };
    win.addEventListener('pageshow', onPageShow);
    const done = (han: boolean) => {
      watcher.stop();
      win.removeEventListener('pageshow', onPageShow);
      resolve(han);
    };
    const watcher = new LiveWatcher(win, {
      changed: (roots) => {
        if (roots === null ? frameHasHan(doc) : roots.some((r) => hasHan(r.textContent ?? ''))) done(true);
      },
      removed: () => undefined,
      navigated: () => {
        if (frameHasHan(doc)) done(true);
        else tell();
      },
    });
    watcher.start();
    onRuntimeLost(ctx, () => done(false));
  });
}

async function start(ctx: ContentScriptContext): Promise<void> {
  const doc = document;
  const win = window;
  const report = createReporter(createReportTransport());
  if (!highlightsSupported()) {
    report.send({ url: location.href, title: doc.title, status: 'unsupported', matches: [] });
    return;
  }
  // The top frame reads the settings at once: a user's own highlight colours are adopted while the page is
  // still empty (highlighter.ts). Then it looks for Chinese, and without any it only reports the page read.
  const top = isTopFrame(win);
  if (!top && !(await hanInFrame(ctx, win, doc))) return;
  // From here on the frame reports, and answers the background when it asks for the report again.
  const stopAnswering = answerResendRequests(report);
  onRuntimeLost(ctx, stopAnswering);
  let settings = (await readSettings()).settings;
  if (ctx.isInvalid) return;
  const highlighter = new Highlighter(doc, settings.colours);
  if (top) {
    // Styles first, while the page is still being parsed; then a first look for Chinese.
    if (!isSitePaused(settings, location.hostname)) highlighter.prepare();
    await pageReady(win);
    const started = performance.now();
    const read = { chars: 0 };
    if (!frameHasHan(doc, read)) {
      const look = { ms: round(performance.now() - started), chars: read.chars };
      const paused = isSitePaused(settings, location.hostname);
      if (!(await hanArrivesInTopFrame(ctx, win, doc, report, paused, look))) return;
      settings = (await readSettings()).settings; // they may have changed while the page showed no Chinese
      if (ctx.isInvalid) return;
      highlighter.setColours(settings.colours);
    }
  }
  const key = frameKey();
  let live: LiveWatcher | null = null;
  const scanner = new FrameScanner({
    doc,
    frameKey: key,
    highlighter,
    options: () => scanOptionsFor(settings),
    scan: scanInBackground,
    report: (r) => report.send(r),
    shadowRoot(root) {
      highlighter.addScope(root);
      live?.observe(root);
    },
    textChanges: () => live?.textChanges ?? 0,
  });
  live = new LiveWatcher(win, {
    changed: (roots) => void scanner.rescan(roots ?? [doc.body ?? doc.documentElement]),
    removed: () => {
      if (scanner.prune()) scanner.sendReport();
    },
    navigated: () => void scanner.scanAll(),
  });

  const paused = () => isSitePaused(settings, location.hostname);
  let running = false;
  /** Cancels the flash of a jump still scrolling (a newer jump, a pause or a teardown must not see it light up). */
  let cancelJump: () => void = () => undefined;
  /** The page is parsed and we may scan (until then, settings changes only prepare). */
  let ready = false;
  const run = () => {
    running = true;
    live?.start();
    void scanner.scanAll();
  };
  const halt = () => {
    running = false;
    cancelJump();
    live?.stop();
    scanner.stop('paused');
  };

  const unwatch = watchSettings(({ settings: next }) => {
    const before = JSON.stringify(scanOptionsFor(settings));
    settings = next;
    highlighter.setColours(next.colours);
    if (paused()) {
      if (running) halt();
    } else if (!running) {
      if (ready) run();
      else highlighter.prepare();
    } else if (JSON.stringify(scanOptionsFor(next)) !== before) void scanner.scanAll();
  });

  const onMessage = (raw: unknown, _sender: unknown, sendResponse: (r: JumpResult) => void): undefined => {
    const message = parseMessage(raw);
    if (!message) return;
    if (message.type === 'jump-to-match') {
      if (!message.matchId.startsWith(`${key}:`)) return; // another frame's match: let it answer
      const entry = scanner.get(message.matchId);
      if (!running) sendResponse({ ok: false, reason: 'paused' });
      else if (!entry) sendResponse({ ok: false, reason: 'gone' });
      else {
        if (!highlighter.isVisible()) highlighter.setVisible(true);
        cancelJump();
        cancelJump = jumpTo(entry.ranges, win, highlighter);
        sendResponse({ ok: true });
      }
    } else if (message.type === 'toggle-highlights') {
      if (running) highlighter.setVisible(!highlighter.isVisible());
      sendResponse({ ok: running }); // any frame may answer: the sender only learns that a page listened
    }
  };
  browser.runtime.onMessage.addListener(onMessage);

  // Back from the back/forward cache: the background forgot this page on navigation.
  const onPageShow = (event: PageTransitionEvent) => {
    if (event.persisted) scanner.sendReport();
  };
  win.addEventListener('pageshow', onPageShow);

  let tornDown = false;
  const teardown = () => {
    if (tornDown) return;
    tornDown = true;
    clearInterval(aliveCheck);
    cancelJump();
    try {
      browser.runtime.onMessage.removeListener(onMessage);
    } catch {
      // the runtime is already gone
    }
    win.removeEventListener('pageshow', onPageShow);
    unwatch();
    stopAnswering();
    live?.stop();
    scanner.stop('paused');
    highlighter.clear();
  };
  // The extension was reloaded, updated or removed: this script is orphaned and cleans up.
  const aliveCheck = setInterval(() => {
    if (!browser.runtime?.id) teardown();
  }, 2000);
  onRuntimeLost(ctx, teardown);

  // Styles before the scan (the top frame's are in place already, adopted while the page was parsed).
  if (paused()) scanner.stop('paused');
  else highlighter.prepare();
  // The page is parsed and was idle a moment ago: the top frame waited for that above, a frame in hanInFrame.
  ready = true;
  if (tornDown) return;
  if (!paused() && !running) run();
}
