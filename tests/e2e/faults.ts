/**
 * Shared by the fault suite (faults-*.e2e.ts): a large Chinese news page
 * with its expected matches computed in node by the same matcher (the CLI's
 * reading of the HTML, lib/match), the checks that badge, stored results and
 * page highlights agree with them, and control over the extension's service
 * worker: stop it (DevTools' ServiceWorker.stopAllWorkers, as Chrome stops an
 * idle or busy worker) at the moment it receives a chosen message.
 */
import type { CDPSession, ConsoleMessage, Page, Worker } from 'playwright-core';
import { expect } from 'vitest';
import { decodeTab } from '../../entrypoints/background/stored-results';
import { getCorpus } from '../../lib/corpus';
import { createSpeechMatcher, type Match } from '../../lib/match';
import type { TabResults } from '../../lib/messages';
import { DEFAULT_SETTINGS } from '../../lib/settings/defaults';
import { scanOptionsFor } from '../../lib/settings/scan-options';
import type { ExtensionSession } from '../../scripts/browser';
import { htmlText } from '../../scripts/scan';
import { allHighlighted, type Background, covers, HIGHLIGHTS } from './content-helpers';

const speechMatcher = createSpeechMatcher();

const FILLER = '记者从有关部门获悉，今年以来全省经济运行总体平稳，各地积极推进重点项目建设，群众生活水平不断提高。';
const QUOTES = [
  '会议要求牢固树立“绿水青山就是金山银山”的理念。',
  '会议指出，生态环境是关系党的使命宗旨的重大政治问题，也是关系民生的重大社会问题。',
  '要以“时时放心不下”的责任感抓好工作。',
  '要牢固树立“抓生态就是抓发展、抓生态就是抓民生”的理念。',
];

export interface FaultPage {
  html: string;
  /** The matches the matcher finds in the page's text, read as the content script reads it. */
  expected: Match[];
  /** The page's text as the content script reads it (expected offsets index it). */
  text: string;
}

/** About `bytes` of HTML: news paragraphs, with one of QUOTES every `every` paragraphs. */
export function newsPage(bytes: number, every = 40, title = '大页面'): FaultPage {
  const parts = [
    `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>${title}</title></head><body><main>`,
  ];
  let size = Buffer.byteLength(parts[0] as string);
  for (let i = 0; size < bytes; i++) {
    const text = i % every === every / 2 ? FILLER + QUOTES[((i / every) % QUOTES.length) | 0] : FILLER;
    const p = i % 10 === 0 ? `<h2>第${i}节</h2><p>${text}</p>\n` : `<p><span>${i}.</span> ${text}</p>\n`;
    parts.push(p);
    size += Buffer.byteLength(p);
  }
  parts.push('</main></body></html>');
  const html = parts.join('');
  const text = htmlText(html);
  return { html, text, expected: speechMatcher.scan(text, scanOptionsFor(DEFAULT_SETTINGS)) };
}

const key = (m: Pick<Match, 'kind' | 'start' | 'end' | 'speechStart' | 'speechEnd'>) =>
  `${m.kind}:${m.start}-${m.end}@${m.speechStart}-${m.speechEnd}`;

/** The highlight a match is painted with (entrypoints/content/scanner.ts highlightKind). */
function highlightName(m: Match): (typeof HIGHLIGHTS)[number] {
  if (m.kind === 'slogan') return 'yuanwen-slogan';
  return m.similarity < 1 || m.diff ? 'yuanwen-near' : 'yuanwen-passage';
}

/** Ranges per highlight name in the page. */
function rangeCounts(page: Page): Promise<Record<string, number>> {
  return page.evaluate(
    (names) => Object.fromEntries(names.map((n) => [n, CSS.highlights.get(n)?.size ?? 0])),
    [...HIGHLIGHTS],
  );
}

/** The tab's results as stored in storage.session, decoded, read from an extension page. */
export async function storedMatches(extPage: Page, tabId: number): Promise<Match[] | null> {
  const raw = await extPage.evaluate(
    async (k) => (await chrome.storage.session.get(k))[k] ?? null,
    `yuanwen-tab-${tabId}`,
  );
  const frames = raw === null ? null : decodeTab(raw, getCorpus().text);
  return frames ? frames.flatMap((f) => f.report.matches) : null;
}

/**
 * Badge, background results (the popup's view), storage and page highlights all show exactly the matcher's
 * result for the page. `stored`: whether the results must be in storage (false when storage is full).
 */
export async function expectFullResult(
  bg: Background,
  extPage: Page,
  page: Page,
  tabId: number,
  truth: FaultPage,
  stored = true,
): Promise<TabResults> {
  const want = truth.expected.map(key).sort();
  const results = await bg.waitForDone(tabId, (r) => r.matches.length === want.length, 60_000);
  expect(results.matches.map(key).sort()).toEqual(want);
  expect(await bg.badge(tabId)).toBe(String(want.length));
  if (stored) expect((await storedMatches(extPage, tabId))?.map(key).sort()).toEqual(want);
  const counts: Record<string, number> = {};
  for (const m of truth.expected) counts[highlightName(m)] = (counts[highlightName(m)] ?? 0) + 1;
  for (const name of HIGHLIGHTS) counts[name] ??= 0;
  expect(await rangeCounts(page)).toEqual(counts);
  const painted = await allHighlighted(page);
  for (const m of truth.expected) expect(covers(painted, truth.text.slice(m.start, m.end))).toBe(true);
  return results;
}

/** A message the worker receives: its type, and for reports their status ('frame-report:done'). */
export type WorkerEvent = string;

/**
 * The extension's service worker under the test's control. Status changes come from DevTools'
 * ServiceWorker domain, opened on an extension page (which also reads storage for the checks).
 */
export class WorkerControl {
  readonly statuses: string[] = [];
  private constructor(
    private readonly session: ExtensionSession,
    readonly extPage: Page,
    private readonly cdp: CDPSession,
  ) {}

  static async open(session: ExtensionSession): Promise<WorkerControl> {
    const extPage = await session.context.newPage();
    await extPage.goto(session.extensionUrl('options.html'));
    const cdp = await session.context.newCDPSession(extPage);
    const control = new WorkerControl(session, extPage, cdp);
    cdp.on('ServiceWorker.workerVersionUpdated', (e) => {
      for (const v of e.versions) control.statuses.push(v.runningStatus);
    });
    await cdp.send('ServiceWorker.enable');
    return control;
  }

  /** The running worker, woken by a message from the extension page if it is stopped. */
  async current(): Promise<Worker> {
    const deadline = Date.now() + 15_000;
    for (;;) {
      const live = this.session.context.serviceWorkers().filter((w) => w.url().includes(this.session.extensionId));
      const worker = live.at(-1);
      if (worker) {
        try {
          await worker.evaluate(() => 1);
          return worker;
        } catch {
          // stopping: wait for the next one
        }
      }
      if (Date.now() > deadline) throw new Error('no running service worker of the extension within 15 s');
      await this.extPage.evaluate(() => chrome.runtime.sendMessage({ type: 'get-tab-results', tabId: 1 }));
      await new Promise((ok) => setTimeout(ok, 100));
    }
  }

  /**
   * Records the messages the running worker receives (a listener of the test's own, added to it, logs
   * each one's kind to its console) and calls `onEvent` with each; returns the worker and the unsubscribe.
   */
  async watch(onEvent: (event: WorkerEvent) => void): Promise<{ worker: Worker; unwatch(): void }> {
    const worker = await this.current();
    await worker.evaluate(() => {
      const g = globalThis as { __ywFaultProbe?: boolean };
      if (g.__ywFaultProbe) return;
      g.__ywFaultProbe = true;
      chrome.runtime.onMessage.addListener((m: { type?: unknown; report?: { status?: unknown } }) => {
        if (typeof m?.type !== 'string' || m.type === 'get-tab-results') return;
        console.log(`yw-fault:${m.type}${m.type === 'frame-report' ? `:${String(m.report?.status)}` : ''}`);
      });
    });
    const onConsole = (msg: ConsoleMessage) => {
      const text = msg.text();
      if (text.startsWith('yw-fault:')) onEvent(text.slice('yw-fault:'.length));
    };
    worker.on('console', onConsole);
    return { worker, unwatch: () => worker.off('console', onConsole) };
  }

  /**
   * Stops the worker `delayMs` after it receives its `nth` message of kind `event` (1-based); `stopped`
   * resolves once it has stopped (the worker that wakes afterwards is a fresh one), with the events it saw.
   */
  async stopAt(event: WorkerEvent, nth: number, delayMs = 0): Promise<{ stopped: Promise<WorkerEvent[]> }> {
    const seen: WorkerEvent[] = [];
    let hit: () => void = () => undefined;
    const reached = new Promise<void>((ok) => {
      hit = ok;
    });
    let count = 0;
    const { unwatch } = await this.watch((e) => {
      seen.push(e);
      if (e === event && ++count === nth) hit();
    });
    const stopped = reached.then(async () => {
      unwatch();
      if (delayMs > 0) await new Promise((ok) => setTimeout(ok, delayMs));
      await this.stop();
      return seen.slice();
    });
    return { stopped };
  }

  /** Stops every service worker now and waits until one reports stopped. */
  async stop(): Promise<void> {
    const from = this.statuses.length;
    await this.cdp.send('ServiceWorker.stopAllWorkers');
    const deadline = Date.now() + 10_000;
    while (!this.statuses.slice(from).includes('stopped')) {
      if (Date.now() > deadline) throw new Error('the service worker did not stop within 10 s');
      await new Promise((ok) => setTimeout(ok, 20));
    }
  }

  async close(): Promise<void> {
    await this.cdp.detach().catch(() => undefined);
    await this.extPage.close().catch(() => undefined);
  }
}
