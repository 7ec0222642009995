/**
 * The service worker stopped in the middle of a 1 MB page's scan, and in the
 * middle of its report, ten times each: every run ends with the full result
 * (badge, the popup's results, storage, page highlights), as the matcher
 * finds it in node for the same page.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExtensionSession } from '../../scripts/browser';
import { extensionFixture } from './content-fixture';
import { type Background, watchConsole } from './content-helpers';
import { expectFullResult, type FaultPage, newsPage, WorkerControl } from './faults';
import { WALL_CLOCK } from './wall-clock';

const WINDOW_CHARS = 64_000; // entrypoints/content/scanner.ts: one scan-text message per window

describe('the service worker stopped during a scan and a report', WALL_CLOCK, () => {
  let session: ExtensionSession;
  let bg: Background;
  let control: WorkerControl;
  let truth: FaultPage;
  let url: string;
  let run = 0;

  const ext = extensionFixture();
  beforeAll(async () => {
    ({ session, bg } = ext);
    control = await WorkerControl.open(session);
    truth = newsPage(1024 * 1024);
    session.server.route('/faults-1mb.html', truth.html);
    url = `${session.server.baseUrl}/faults-1mb.html`;
  });
  afterAll(async () => {
    await control?.close();
  });

  /** Opens the page with the worker set to stop at `event`, and checks the outcome. */
  async function runWith(event: string, nth: number, delayMs: number): Promise<string[]> {
    const { stopped } = await control.stopAt(event, nth, delayMs);
    const page = await session.context.newPage();
    const watch = watchConsole(page);
    await page.goto(`${url}?run=${++run}`);
    const seen = await Promise.race([
      stopped,
      new Promise<never>((_, no) => setTimeout(() => no(new Error(`never saw ${event} #${nth}`)), 60_000)),
    ]);
    const tabId = await bg.tabIdOf(page);
    await expectFullResult(bg, control.extPage, page, tabId, truth);
    expect(watch.consoleErrors).toEqual([]);
    await page.close();
    return seen;
  }

  it('the page is large: several scan-text messages, dozens of quotes', () => {
    expect(truth.text.length).toBeGreaterThan(4 * WINDOW_CHARS);
    expect(truth.expected.length).toBeGreaterThan(80);
  });

  it('stopped at ten points of the scan: 10 of 10 end with the full result', async () => {
    const windows = Math.floor(truth.text.length / WINDOW_CHARS);
    const outcomes: string[] = [];
    for (let i = 0; i < 10; i++) {
      const nth = 1 + (i % windows);
      const delayMs = i < windows ? 0 : 15;
      const seen = await runWith('scan-text', nth, delayMs);
      outcomes.push(`scan-text #${nth} +${delayMs} ms (${seen.length} messages before the stop)`);
    }
    console.log(`stops during the scan:\n  ${outcomes.join('\n  ')}`);
    expect(outcomes).toHaveLength(10);
  });

  it('stopped as the report arrives, and just before: 10 of 10 end with the full result', async () => {
    const windows = Math.ceil(truth.text.length / WINDOW_CHARS);
    const points: [string, number, number][] = [
      ['frame-report:done', 1, 0],
      ['frame-report:done', 1, 0],
      ['frame-report:done', 1, 2],
      ['frame-report:done', 1, 5],
      ['frame-report:scanning', 1, 0],
      ['scan-text', windows, 0],
      ['scan-text', windows, 10],
      ['scan-text', windows, 20],
      ['scan-text', windows, 30],
      ['scan-text', windows, 40],
    ];
    for (const [event, nth, delayMs] of points) await runWith(event, nth, delayMs);
    expect(points).toHaveLength(10);
  });
});
