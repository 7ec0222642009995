/**
 * Shared by the content-script e2e tests (content-*.e2e.ts): loads a page with
 * the extension and, for comparison, in a plain Chromium without it; waits
 * for the background to report the scan done; reads what is highlighted,
 * the badge, console errors, window messages and the serialised DOM.
 *
 * The page thread: the content script's own slice timings, as its frames
 * report them (page-thread.ts), say whether it ran a long task.
 */
import { type Browser, type BrowserContext, chromium, type Frame, type Page } from 'playwright-core';
import { expect } from 'vitest';
import type { TabResults } from '../../lib/messages';
import type { ExtensionSession } from '../../scripts/browser';
import { chromiumArgs, requireChromium } from '../../scripts/browser';
import { expectShortSlices } from './page-thread';

export const HIGHLIGHTS = ['yuanwen-slogan', 'yuanwen-passage', 'yuanwen-near'] as const;
export type HighlightName = (typeof HIGHLIGHTS)[number] | 'yuanwen-flash';

/** Runs in the page's main world before its scripts: DOM mutations after DOMContentLoaded, window messages. */
const PROBE = `(() => {
  const probe = { mutations: 0, messages: [] };
  window.addEventListener('message', (e) => { probe.messages.push(typeof e.data === 'string' ? e.data : JSON.stringify(e.data)); });
  Object.defineProperty(window, '__ywProbe', { value: probe });
  document.addEventListener('DOMContentLoaded', () => {
    new MutationObserver((records) => { probe.mutations += records.length; })
      .observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
  });
})();`;

export interface ProbeResult {
  mutations: number;
  /** window 'message' events the page received (the extension must post none). */
  messages: string[];
}

export async function readProbe(page: Page | Frame): Promise<ProbeResult> {
  return page.evaluate(() => {
    const probe = (window as unknown as { __ywProbe: ProbeResult }).__ywProbe;
    return { mutations: probe.mutations, messages: probe.messages.slice() };
  });
}

/** The DOM as markup, open shadow roots included (outerHTML leaves them out). */
export function serialiseDom(page: Page | Frame): Promise<string> {
  return page.evaluate(() => {
    const parts = [document.documentElement.outerHTML];
    const visit = (root: Document | ShadowRoot) => {
      for (const el of root.querySelectorAll('*')) {
        if (el.shadowRoot) {
          parts.push(`#shadow-root(${el.localName}): ${el.shadowRoot.innerHTML}`);
          visit(el.shadowRoot);
        }
      }
    };
    visit(document);
    return parts.join('\n');
  });
}

/**
 * Per highlight name, the highlighted texts in document order, adjacent ranges
 * joined (a quote across <b> is three Ranges, one text) and whitespace removed.
 */
export function highlightedTexts(page: Page | Frame): Promise<Record<HighlightName, string[]>> {
  return page.evaluate(
    (names) => {
      const out: Record<string, string[]> = {};
      for (const name of names) {
        const hl = CSS.highlights.get(name);
        const ranges = hl ? ([...hl] as Range[]) : [];
        const ordered = ranges.slice().sort((a, b) => {
          try {
            return a.compareBoundaryPoints(Range.START_TO_START, b);
          } catch {
            return 0; // different trees (shadow roots): keep insertion order
          }
        });
        const texts: string[] = [];
        let prev: Range | null = null;
        for (const r of ordered) {
          let joined = false;
          if (prev) {
            try {
              const gap = document.createRange();
              gap.setStart(prev.endContainer, prev.endOffset);
              gap.setEnd(r.startContainer, r.startOffset);
              joined = gap.toString() === '';
            } catch {
              joined = false;
            }
          }
          const text = r.toString().replace(/\s+/g, '');
          if (joined && texts.length > 0) texts[texts.length - 1] += text;
          else texts.push(text);
          prev = r;
        }
        out[name] = texts;
      }
      return out;
    },
    [...HIGHLIGHTS, 'yuanwen-flash'],
  ) as Promise<Record<HighlightName, string[]>>;
}

export interface Watch {
  consoleErrors: string[];
}

/** Collects console errors and uncaught exceptions of a page (content-script logs included). */
export function watchConsole(page: Page): Watch {
  const watch: Watch = { consoleErrors: [] };
  page.on('console', (m) => {
    if (m.type() === 'error') watch.consoleErrors.push(m.text());
  });
  page.on('pageerror', (e) => watch.consoleErrors.push(`uncaught: ${e.message}`));
  return watch;
}

/** Extension side: the background's results and badge, asked the way the popup asks. */
export class Background {
  private messenger: Page | undefined;
  constructor(private readonly session: ExtensionSession) {}

  private async page(): Promise<Page> {
    if (!this.messenger || this.messenger.isClosed()) {
      this.messenger = await this.session.context.newPage();
      await this.messenger.goto(this.session.extensionUrl('options.html'));
    }
    return this.messenger;
  }

  async tabIdOf(page: Page): Promise<number> {
    await page.bringToFront();
    const url = page.url();
    const id = await (await this.page()).evaluate(async (u) => {
      // The newest tab showing the URL: a retried test opens the same URL again while the failed try's tab stays open.
      const ids = (await chrome.tabs.query({})).filter((t) => t.url === u && t.id !== undefined).map((t) => t.id);
      return ids.length > 0 ? Math.max(...(ids as number[])) : null;
    }, url);
    if (id === null) throw new Error(`no tab shows ${url}`);
    return id;
  }

  async results(tabId: number): Promise<TabResults> {
    return (await this.page()).evaluate(
      (id) => chrome.runtime.sendMessage({ type: 'get-tab-results', tabId: id }) as Promise<TabResults>,
      tabId,
    );
  }

  /** Read from an extension page rather than the service worker, which may have been stopped and restarted. */
  async badge(tabId: number): Promise<string> {
    return (await this.page()).evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId);
  }

  /** Sends a message to the tab's content scripts from an extension page, as the popup does. */
  async sendToTab(tabId: number, message: unknown): Promise<unknown> {
    return (await this.page()).evaluate(([id, m]) => chrome.tabs.sendMessage(id as number, m), [
      tabId,
      message,
    ] as const);
  }

  /** Polls until the tab is 'done' and `accept` holds; fails with what it last saw. */
  async waitForDone(
    tabId: number,
    accept: (r: TabResults) => boolean = () => true,
    timeoutMs = 20_000,
  ): Promise<TabResults> {
    const deadline = Date.now() + timeoutMs;
    let last: TabResults | null = null;
    for (;;) {
      last = await this.results(tabId);
      if (last?.status === 'done' && accept(last)) return last;
      if (Date.now() > deadline)
        throw new Error(
          `tab ${tabId} not done as expected in ${timeoutMs} ms; last: ${JSON.stringify(last && { ...last, matches: last.matches.map((m) => m.quote) })}`,
        );
      await new Promise((ok) => setTimeout(ok, 150));
    }
  }

  async close(): Promise<void> {
    await this.messenger?.close();
  }
}

/** A plain Chromium without the extension: what the page does on its own. */
export async function launchBaseline(): Promise<{ browser: Browser; context: BrowserContext }> {
  const args = chromiumArgs('/nonexistent').filter((a) => !a.includes('extension'));
  const browser = await chromium.launch({ executablePath: requireChromium(), headless: true, args });
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.addInitScript(PROBE);
  return { browser, context };
}

export async function installProbe(context: BrowserContext): Promise<void> {
  await context.addInitScript(PROBE);
}

export interface PageRun {
  page: Page;
  watch: Watch;
}

/** Opens a page and watches its console: the baseline's, or one with the extension. */
export async function open(context: BrowserContext, url: string): Promise<PageRun> {
  const page = await context.newPage();
  const watch = watchConsole(page);
  await page.goto(url, { waitUntil: 'load' });
  return { page, watch };
}

/** Opens a page in the extension's browser. */
export function openWithExtension(session: ExtensionSession, url: string): Promise<PageRun> {
  return open(session.context, url);
}

/** Lets a page settle: the extension's debounced re-scans and the page's own timers. */
export const settle = (ms = 800) => new Promise((ok) => setTimeout(ok, ms));

/**
 * The checks every content test makes: no console error, the DOM as the page
 * left it without the extension, no window message, and no long task of the
 * content script in any frame's last pass (the tab's results, from `results`).
 */
export async function expectUntouched(
  run: PageRun,
  baseline: PageRun,
  frames: (p: Page) => (Page | Frame)[] = (p) => [p],
  results?: () => Promise<TabResults>,
) {
  expect(run.watch.consoleErrors, 'console errors with the extension').toEqual([]);
  const mine = frames(run.page);
  const theirs = frames(baseline.page);
  expect(mine.length).toBe(theirs.length);
  for (let i = 0; i < mine.length; i++) {
    expect(await serialiseDom(mine[i] as Page | Frame), `DOM of frame ${i}`).toBe(
      await serialiseDom(theirs[i] as Page | Frame),
    );
  }
  const withExt = await readProbe(run.page);
  const without = await readProbe(baseline.page);
  expect(withExt.messages, 'window messages the page saw').toEqual(without.messages);
  if (results) expectShortSlices(await results());
}

/** All highlighted texts of a page or frame, all kinds together. */
export async function allHighlighted(page: Page | Frame): Promise<string[]> {
  const hl = await highlightedTexts(page);
  return HIGHLIGHTS.flatMap((name) => hl[name]);
}

/** Whether some highlighted text contains `quote` (whitespace ignored). */
export function covers(highlighted: string[], quote: string): boolean {
  const q = quote.replace(/\s+/g, '');
  return highlighted.some((h) => h.includes(q));
}

/** Every reported match is highlighted, and the badge shows their number. */
export async function expectBadgeAndHighlights(
  s: { bg: Background },
  tabId: number,
  results: TabResults,
  frames: (Page | Frame)[],
) {
  expect(await s.bg.badge(tabId)).toBe(results.matches.length > 0 ? String(results.matches.length) : '');
  const highlighted = (await Promise.all(frames.map(allHighlighted))).flat();
  for (const m of results.matches) expect(covers(highlighted, m.quote), `highlighted: ${m.quote}`).toBe(true);
}

/** The tab's results as the background has them now, for expectUntouched's page-thread check. */
export function resultsOf(bg: Background, tabId: number): () => Promise<TabResults> {
  return () => bg.results(tabId);
}
