/**
 * Hostile pages by size and shape: 100,000 text nodes, and a quote nested
 * 5,000 elements deep. The extension must read them all in short slices (the
 * 100,000 nodes under LARGE_PAGE_SLICE_MS, page-thread.ts), without touching
 * the page.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deepNestingPage, manyTextNodesPage, SLOGAN, SLOGAN_2, SLOGAN_3 } from './hostile-pages';
import { expectUnharmed, type HostileBrowser, launchHostileBrowser, visitHostilePage } from './hostile-run';
import { LARGE_PAGE_SLICE_MS } from './page-thread';
import { WALL_CLOCK } from './wall-clock';

describe('hostile pages: size and depth', WALL_CLOCK, () => {
  let browser: HostileBrowser;
  beforeAll(async () => {
    browser = await launchHostileBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('reads a page of 100,000 text nodes, split quotes included, without harming it', async () => {
    const visit = await visitHostilePage(browser, 'many-nodes', manyTextNodesPage(), {
      expectHighlighted: [SLOGAN, SLOGAN_2],
    });
    const textNodes = await visit.probe.evaluate<number>(
      `(() => { let n = 0; const w = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT); while (w.nextNode()) n++; return n; })()`,
    );
    expect(textNodes).toBeGreaterThanOrEqual(100_000);
    expectUnharmed(visit.report, LARGE_PAGE_SLICE_MS);
    // The quote split over three spans is found as well as the whole one.
    expect(visit.report.highlights.runs.filter((run) => run.includes(SLOGAN)).length).toBeGreaterThanOrEqual(2);
    await visit.probe.page.close();
  });

  it('finds a quote nested 5,000 elements deep without harming the page', async () => {
    const visit = await visitHostilePage(browser, 'deep', deepNestingPage(), {
      expectHighlighted: [SLOGAN, SLOGAN_3],
    });
    const depth = await visit.probe.evaluate<number>(
      `(() => { let d = 0; for (let el = document.getElementById('deep'); el.firstElementChild; el = el.firstElementChild) d++; return d; })()`,
    );
    expect(depth).toBe(5000);
    expectUnharmed(visit.report);
    await visit.probe.page.close();
  });

  it('makes no network request from any extension context', () => {
    expect(browser.network.extensionRequestCount()).toBeGreaterThan(0); // the watch saw the extension at work
    browser.network.assertNoExtensionRequests();
  });
});
