/**
 * The shared course of a hostile-page test: one browser with the built
 * extension, the no-network watch on, each page opened under the probe, the
 * scan awaited through the background, then the checks every hostile page must
 * pass: no error, no DOM change, no highlight in an editor or across a
 * surrogate pair, and the extension really ran without a task over 50 ms (its
 * frames' own slice timings, page-thread.ts).
 */
import { expect } from 'vitest';
import type { TabResults } from '../../lib/messages';
import { type ExtensionSession, launchWithExtension } from '../../scripts/browser';
import {
  describeReport,
  type Highlights,
  openPageProbe,
  type PageProbe,
  type PageProbeReport,
} from '../../scripts/page-probe';
import { openStatusReader, type StatusReader } from '../../scripts/scan-status';
import { type NetworkWatch, watchExtensionNetwork } from './network';
import { expectShortSlices, LONG_TASK_MS } from './page-thread';

/** Invisible format characters (Unicode Cf): a reader does not see them, so a quote interleaved with them is still the quote. */
export const FORMAT_CHARS = /\p{Cf}/gu;

export interface HostileBrowser {
  session: ExtensionSession;
  status: StatusReader;
  network: NetworkWatch;
  close(): Promise<void>;
}

export async function launchHostileBrowser(): Promise<HostileBrowser> {
  const session = await launchWithExtension();
  const network = watchExtensionNetwork(session.context);
  const status = await openStatusReader(session);
  return {
    session,
    status,
    network,
    async close() {
      await status.close().catch(() => undefined);
      await network.stop();
      await session.close();
    },
  };
}

let visitCount = 0;

export interface VisitOptions {
  /** Page texts that must end up highlighted (compared with invisible format characters removed). */
  expectHighlighted: string[];
  /** Runs once the probed page exists, before navigation (e.g. to listen to its console from the start). */
  beforeNavigation?: (probe: PageProbe) => void;
  /** Runs after load, before waiting for the scan to finish (e.g. wait out the page's own activity). */
  whilePageRuns?: (probe: PageProbe) => Promise<void>;
  /** Time to let debounced work settle once the scan is done (ms). */
  settleMs?: number;
}

/** What the probe saw, and the tab's results in the background once the page settled. */
export interface HostileReport extends PageProbeReport {
  results: TabResults | null;
}

export interface Visit {
  probe: PageProbe;
  report: HostileReport;
  url: string;
  tabId: number;
}

/** Serves `html` at a fresh URL, opens it under the probe and waits until the extension has finished with it. */
export async function visitHostilePage(
  browser: HostileBrowser,
  name: string,
  html: string,
  options: VisitOptions,
): Promise<Visit> {
  visitCount += 1;
  const path = `/${name}-${visitCount}.html`;
  browser.session.server.route(path, html);
  const url = `${browser.session.server.baseUrl}${path}`;
  const probe = await openPageProbe(browser.session);
  try {
    await browser.network.attach(probe.page);
    options.beforeNavigation?.(probe);
    await probe.goto(url);
    await options.whilePageRuns?.(probe);
    await browser.status.waitForDone(url, undefined, 60_000);
    // The scan is done; its highlights must be there (polled by hand: this also runs in beforeAll).
    const deadline = Date.now() + 15_000;
    for (;;) {
      const runs = visibleRuns(await probe.highlights());
      const missing = options.expectHighlighted.filter((t) => !runs.some((r) => r.includes(t)));
      if (missing.length === 0) break;
      if (Date.now() > deadline)
        throw new Error(`not highlighted on ${name}: ${JSON.stringify(missing)}; highlighted: ${JSON.stringify(runs)}`);
      await new Promise((ok) => setTimeout(ok, 1000));
    }
    await new Promise((ok) => setTimeout(ok, options.settleMs ?? 500));
    const tabId = await browser.status.tabIdOf(url);
    const report = { ...(await probe.finish()), results: await browser.status.results(tabId) };
    return { probe, report, url, tabId };
  } catch (error) {
    await probe.dispose();
    throw error;
  }
}

/** The highlighted runs as a reader sees them: invisible format characters removed. */
export function visibleRuns(highlights: Highlights): string[] {
  return highlights.runs.map((r) => r.replace(FORMAT_CHARS, ''));
}

/** The checks every hostile page must pass; `sliceLimitMs`: the page-thread bound (page-thread.ts). */
export function expectUnharmed(report: HostileReport, sliceLimitMs = LONG_TASK_MS): void {
  expectPageUnharmed(report);
  expectShortSlices(report.results, `\n${describeReport(report)}`, sliceLimitMs);
}

/** What the probe in the page checks: no error, no DOM change, no highlight in an editor or splitting a character. */
export function expectPageUnharmed(report: PageProbeReport): void {
  const context = describeReport(report);
  expect(report.errors, `errors on the page:\n${context}`).toEqual([]);
  expect(report.domDiff, `the DOM changed:\n${context}`).toBeNull();
  expect(report.mutations, `mutations outside the page's own:\n${context}`).toEqual([]);
  expect(
    report.highlights.ranges.filter((h) => h.inEditable),
    'a highlight inside a form field or contenteditable region',
  ).toEqual([]);
  expect(
    report.highlights.ranges.filter((h) => h.splitsSurrogate),
    'a highlight boundary splits a surrogate pair',
  ).toEqual([]);
}
