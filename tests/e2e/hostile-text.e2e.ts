/**
 * Text as hostile or sloppy pages write it: unpaired surrogates against
 * quotes, astral characters, zero-width and bidi controls inside quotes, NUL,
 * thousands of lone surrogates. No error, no harm, exact highlight boundaries.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SLOGAN, SLOGAN_2, SLOGAN_3, strangeTextPage } from './hostile-pages';
import {
  expectUnharmed,
  FORMAT_CHARS,
  type HostileBrowser,
  launchHostileBrowser,
  type Visit,
  visitHostilePage,
} from './hostile-run';
import { WALL_CLOCK } from './wall-clock';

describe('hostile pages: strange text', WALL_CLOCK, () => {
  let browser: HostileBrowser;
  let visit: Visit;
  beforeAll(async () => {
    browser = await launchHostileBrowser();
  });
  afterAll(async () => {
    await visit?.probe.page.close();
    await browser?.close();
  });

  // The visit is this test's, so a retry (its check reads a wall clock) measures a new visit; the tests
  // below read the last one.
  it('survives the page unharmed', async () => {
    await visit?.probe.page.close();
    visit = await visitHostilePage(browser, 'strange-text', strangeTextPage(), {
      expectHighlighted: [SLOGAN, SLOGAN_2],
    });
    expectUnharmed(visit.report);
  });

  it('highlights quotes next to unpaired surrogates and astral characters exactly, never half a pair', () => {
    const runs = visit.report.highlights.runs;
    // The plain quote, the one between lone surrogates, the one between astral characters: exact runs.
    expect(runs.filter((r) => r === SLOGAN).length).toBeGreaterThanOrEqual(2);
    expect(runs).toContain(SLOGAN_2);
    expect(runs.some((r) => /[\uD800-\uDFFF]/.test(r))).toBe(false);
  });

  it('reads a quote through zero-width and bidi control characters as the reader sees it', () => {
    const visible = visit.report.highlights.runs.map((r) => r.replace(FORMAT_CHARS, ''));
    // SLOGAN_3 with a zero-width character between every two letters.
    expect(visible).toContain(SLOGAN_3);
    // SLOGAN wrapped in a right-to-left override with RLM/LRM between its letters.
    expect(
      visit.report.highlights.runs.some((r) => r.includes('\u200F') && r.replace(FORMAT_CHARS, '') === SLOGAN),
    ).toBe(true);
  });

  it('makes no network request from any extension context', () => {
    browser.network.assertNoExtensionRequests();
  });
});
