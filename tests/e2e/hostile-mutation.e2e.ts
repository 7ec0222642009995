/**
 * A page that rewrites its own text 1,000 times a second for 10 s. The
 * extension must keep up without long tasks, touch nothing outside
 * what the page itself changes, and end with the page's final quotes
 * highlighted.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ContentWorld, openContentWorld } from './content-world';
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
    let world: ContentWorld | undefined;
    let during = 0;
    let stormOn = false;
    const visit = await visitHostilePage(browser, 'mutating', mutatingPage(SECONDS), {
      // The static quote, and the one in the live region once the page has restored it.
      expectHighlighted: [SLOGAN, SLOGAN_2],
      whilePageRuns: async (probe) => {
        // Counts what the content script sends the background while the page rewrites itself.
        world = await openContentWorld(probe.page, browser.session.extensionId);
        await world.countMessages();
        await new Promise((ok) => setTimeout(ok, (SECONDS * 1000) / 2));
        during = (await world.counts()).byType['scan-text'] ?? 0;
        stormOn = await probe.page.evaluate(
          () => (window as { __mutationsDone?: number }).__mutationsDone === undefined,
        );
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
    // The extension kept working during the storm (it sent changed text to the matcher), not only at the end.
    expect(stormOn, 'the count was read while the page still rewrote itself').toBe(true);
    expect(during).toBeGreaterThan(0);
    await world?.close();
    await visit.probe.page.close();
  });

  it('makes no network request from any extension context', () => {
    browser.network.assertNoExtensionRequests();
  });
});
