/**
 * Static pages: quotes split across inline elements and line breaks, a
 * traditional-script page, and a page with no Chinese at all (which must cost
 * next to nothing: the matcher is never called).
 */
import { describe, expect, it } from 'vitest';
import { extensionFixture } from './content-fixture';
import {
  allHighlighted,
  covers,
  expectBadgeAndHighlights,
  expectUntouched,
  open,
  openWithExtension,
  readProbe,
  resultsOf,
  settle,
} from './content-helpers';
import { WALL_CLOCK } from './wall-clock';

describe('content script on static pages', WALL_CLOCK, () => {
  const s = extensionFixture({ baseline: true });

  async function visit(path: string, accept: (n: number) => boolean) {
    const url = `${s.session.server.baseUrl}${path}`;
    const run = await openWithExtension(s.session, url);
    const plain = await open(s.baseline.context, url);
    const tabId = await s.bg.tabIdOf(run.page);
    const results = await s.bg.waitForDone(tabId, (r) => accept(r.matches.length));
    return { run, plain, tabId, results };
  }

  it('matches quotes split across <b>, <a>, <span>, <em>, <br> and soft line breaks', async () => {
    const { run, plain, tabId, results } = await visit('/content-split.html', (n) => n >= 5);
    const highlighted = await allHighlighted(run.page);
    for (const quote of [
      '绿水青山就是金山银山', // across <b>
      '抓生态就是抓发展、抓生态就是抓民生', // across <a> and <span>
      '时时放心不下', // across a line break in the source
      '生态文明建设是关系中华民族永续发展的根本大计', // across <em> and <br>
      '像保护眼睛一样保护生态环境，像对待生命一样对待生态环境', // across <i> and a line break
    ]) {
      expect(covers(highlighted, quote), quote).toBe(true);
    }
    await expectBadgeAndHighlights(s, tabId, results, [run.page]);
    await settle();
    expect((await readProbe(run.page)).mutations).toBe(0);
    await expectUntouched(run, plain, undefined, resultsOf(s.bg, tabId));
  });

  it('matches a traditional-script page', async () => {
    const { run, plain, tabId, results } = await visit('/content-traditional.html', (n) => n >= 3);
    const highlighted = await allHighlighted(run.page);
    for (const quote of [
      '綠水青山就是金山銀山',
      '時時放心不下',
      '生態環境是關係黨的使命宗旨的重大政治問題，也是關係民生的重大社會問題',
    ]) {
      expect(covers(highlighted, quote), quote).toBe(true);
    }
    await expectBadgeAndHighlights(s, tabId, results, [run.page]);
    await settle();
    await expectUntouched(run, plain, undefined, resultsOf(s.bg, tabId));
  });

  it('does next to nothing on a page without Chinese', async () => {
    const { run, plain, tabId, results } = await visit('/content-english.html', () => true);
    expect(results.matches).toEqual([]);
    expect(await s.bg.badge(tabId)).toBe('');
    const frame = results.frames?.[0];
    expect(frame?.timings?.scanMs, 'the matcher never runs').toBe(0);
    expect(frame?.timings?.slices).toBe(1);
    expect(frame?.timings?.totalMs).toBeLessThan(20);
    const names = await run.page.evaluate(() => [...CSS.highlights.keys()]);
    expect(names).toEqual([]);
    expect(await run.page.evaluate(() => document.adoptedStyleSheets.length)).toBe(0);
    await settle();
    await expectUntouched(run, plain, undefined, resultsOf(s.bg, tabId));
  });

  it('reports a page without Chinese as read, then scans it when Chinese arrives', async () => {
    const url = `${s.session.server.baseUrl}/content-english-late.html`;
    const run = await openWithExtension(s.session, url);
    const plain = await open(s.baseline.context, url);
    const tabId = await s.bg.tabIdOf(run.page);
    // First the page as read without Chinese: done, nothing found, the matcher never called.
    const before = await s.bg.waitForDone(tabId);
    expect(before.matches).toEqual([]);
    expect(before.frames?.[0]?.timings?.scanMs).toBe(0);
    expect(await run.page.evaluate(() => [...CSS.highlights.keys()])).toEqual([]);
    // Then the live blog's Chinese post, on both pages.
    for (const { page } of [run, plain])
      await page.evaluate(() => (window as unknown as { postUpdate(): void }).postUpdate());
    const after = await s.bg.waitForDone(tabId, (r) => r.matches.length > 0);
    // The slogan with four characters or more of the speech's sentence around it: that sentence, a passage.
    expect(after.matches.map((m) => m.quote)).toEqual(['牢固树立“绿水青山就是金山银山”的理念']);
    expect(covers(await allHighlighted(run.page), '绿水青山就是金山银山')).toBe(true);
    await expectBadgeAndHighlights(s, tabId, after, [run.page]);
    await settle();
    await expectUntouched(run, plain, undefined, resultsOf(s.bg, tabId));
  });
});
