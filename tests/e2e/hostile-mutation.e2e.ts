/**
 * A page that rewrites its own text 1,000 times a second for 10 s. The
 * extension must keep up without long tasks or stalls, touch nothing outside
 * what the page itself changes, and end with the page's final quotes
 * highlighted.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mutatingPage, SLOGAN, SLOGAN_2 } from './hostile-pages';
import { expectUnharmed, type HostileBrowser, launchHostileBrowser, visitHostilePage } from './hostile-run';
import { WALL_CLOCK } from './wall-clock';

const SECONDS = 10;

describe('hostile pages: constant mutation', WALL_CLOCK, () => {
  let browser: HostileBrowser;
  beforeAll(async () => {
    browser = await launchHostileBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it(`survives ${SECONDS * 1000} text mutations in ${SECONDS} s and highlights the final text`, async () => {
    const visit = await visitHostilePage(browser, 'mutating', mutatingPage(SECONDS), {
      // The static quote, and the one in the live region once the page has restored it.
      expectHighlighted: [SLOGAN, SLOGAN_2],
      whilePageRuns: async (probe) => {
        await probe.page.waitForFunction(
          () => (window as { __mutationsDone?: number }).__mutationsDone !== undefined,
          undefined,
          {
            timeout: SECONDS * 1000 + 30_000,
            polling: 500,
          },
        );
      },
      settleMs: 1000,
    });
    const done = await visit.probe.page.evaluate(() => (window as { __mutationsDone?: number }).__mutationsDone);
    expect(done).toBe(SECONDS * 1000);
    expectUnharmed(visit.report);
    // The extension kept working during the storm, not only at the start and the end.
    const during = visit.report.extensionTasks.filter((t) => t.start > visit.report.extensionTasks[0]!.start + 2000);
    expect(during.length).toBeGreaterThan(0);
    await visit.probe.page.close();
  });

  it('makes no network request from any extension context', () => {
    browser.network.assertNoExtensionRequests();
  });
});
