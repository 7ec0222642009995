/**
 * What the background knows about a tab, asked the way the popup asks it: a
 * `get-tab-results` message from an extension page (a service worker cannot
 * message itself). Used to wait until the content script has finished a page.
 */
import type { Page } from 'playwright-core';
import type { TabResults } from '../lib/messages';
import type { ExtensionSession } from './browser';

export interface StatusReader {
  /** The tab showing `url` (exact match): its id. */
  tabIdOf(url: string): Promise<number>;
  results(tabId: number): Promise<TabResults | null>;
  badge(tabId: number): Promise<string>;
  /** Polls until the tab's status is `done` and `accept` (if given) holds; fails saying what it last saw. */
  waitForDone(url: string, accept?: (r: TabResults) => boolean, timeoutMs?: number): Promise<TabResults>;
  close(): Promise<void>;
}

/** `messengerPage`: the extension page to send from (any extension page can; Yuanwen's options page is the quietest). */
export async function openStatusReader(
  session: ExtensionSession,
  messengerPage = 'options.html',
): Promise<StatusReader> {
  let messenger: Page | undefined;
  const page = async () => {
    if (!messenger || messenger.isClosed()) {
      messenger = await session.context.newPage();
      await messenger.goto(session.extensionUrl(messengerPage));
    }
    return messenger;
  };

  const tabIdOf = async (url: string) => {
    const id = await session.serviceWorker.evaluate(async (u) => {
      const tabs = await chrome.tabs.query({});
      return tabs.find((t) => t.url === u)?.id ?? null;
    }, url);
    if (id === null) throw new Error(`no tab shows ${url}`);
    return id;
  };

  const results = async (tabId: number) =>
    (await page()).evaluate(
      (id) => chrome.runtime.sendMessage({ type: 'get-tab-results', tabId: id }) as Promise<TabResults | null>,
      tabId,
    );

  const badge = (tabId: number) =>
    session.serviceWorker.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId);

  return {
    tabIdOf,
    results,
    badge,
    async waitForDone(url, accept = () => true, timeoutMs = 30_000) {
      const deadline = Date.now() + timeoutMs;
      let last: unknown = 'nothing';
      for (;;) {
        try {
          const r = await results(await tabIdOf(url));
          last = r ? { status: r.status, url: r.url, matches: r.matches.length } : r;
          if (r && r.status === 'done' && accept(r)) return r;
        } catch (e) {
          last = `error: ${(e as Error).message}`;
        }
        if (Date.now() > deadline)
          throw new Error(
            `the background never reported a finished scan of ${url} in ${timeoutMs} ms; last answer: ${JSON.stringify(last)}`,
          );
        await new Promise((ok) => setTimeout(ok, 200));
      }
    },
    async close() {
      await messenger?.close();
    },
  };
}
