/**
 * Live pages: paragraphs appended after load (and one rewritten) are scanned
 * as they come, by re-reading only the changed blocks; a single-page app's
 * route change (History API, no load) starts a fresh result.
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
  resultsOf,
  settle,
} from './content-helpers';
import { WALL_CLOCK } from './wall-clock';

describe('content script on live pages', WALL_CLOCK, () => {
  const s = extensionFixture({ baseline: true });

  it('keeps up with paragraphs appended and rewritten after load, re-reading only those', async () => {
    const url = `${s.session.server.baseUrl}/content-append.html`;
    const run = await openWithExtension(s.session, url);
    const plain = await open(s.baseline.context, url);
    const tabId = await s.bg.tabIdOf(run.page);
    const first = await s.bg.waitForDone(tabId, (r) => r.matches.length >= 1);
    expect(covers(await allHighlighted(run.page), '绿水青山就是金山银山')).toBe(true);
    const firstId = first.matches.find((m) => m.quote.includes('绿水青山就是金山银山'))?.id;
    expect(firstId).toBeDefined();

    for (const p of [run.page, plain.page]) await p.waitForFunction(() => document.body.dataset.done === '1');
    const results = await s.bg.waitForDone(tabId, (r) => r.matches.some((m) => m.quote.includes('抓民生')));
    const highlighted = await allHighlighted(run.page);
    for (const quote of [
      '绿水青山就是金山银山',
      '时时放心不下',
      '生态环境是关系党的使命宗旨的重大政治问题，也是关系民生的重大社会问题',
      '抓生态就是抓发展、抓生态就是抓民生',
    ]) {
      expect(covers(highlighted, quote), quote).toBe(true);
    }
    // The first match kept its id through the later re-scans (they touched other blocks only).
    expect(results.matches.map((m) => m.id)).toContain(firstId);
    // The last pass read the rewritten paragraph, not the page.
    const pageChars = await run.page.evaluate(() => document.body.innerText.length);
    expect(results.frames?.[0]?.timings?.chars).toBeLessThan(pageChars / 2);
    await expectBadgeAndHighlights(s, tabId, results, [run.page]);
    await settle();
    await expectUntouched(run, plain, undefined, resultsOf(s.bg, tabId));
  });

  it('lists text appended after load in document order in the popup', async () => {
    const url = `${s.session.server.baseUrl}/content-append.html`;
    const run = await open(s.session.context, url);
    const tabId = await s.bg.tabIdOf(run.page);
    await run.page.waitForFunction(() => document.body.dataset.done === '1');
    await s.bg.waitForDone(tabId, (r) => r.matches.some((m) => m.quote.includes('抓民生')));
    const popup = await s.session.context.newPage();
    try {
      await popup.goto(s.session.extensionUrl(`popup.html?tab=${tabId}`));
      await popup.waitForFunction(() => document.querySelectorAll('li.match').length >= 4, undefined, {
        timeout: 20_000,
      });
      const listed = await popup.$$eval('li.match .match__quote', (els) => els.map((e) => e.textContent ?? ''));
      // The first paragraph's quote stands at a later offset of its block than the appended ones in theirs.
      const expected = ['绿水青山就是金山银山', '时时放心不下', '生态环境是关系党的使命宗旨', '抓生态就是抓发展'];
      const positions = expected.map((q) => listed.findIndex((l) => l.includes(q)));
      expect(
        positions.every((i) => i >= 0),
        JSON.stringify(listed),
      ).toBe(true);
      expect(positions, JSON.stringify(listed)).toEqual([...positions].sort((a, b) => a - b));
    } finally {
      await popup.close();
      await run.page.close();
    }
  });

  it('starts a fresh result on a single-page-app route change', async () => {
    const url = `${s.session.server.baseUrl}/content-spa.html`;
    const run = await openWithExtension(s.session, url);
    const plain = await open(s.baseline.context, url);
    const tabId = await s.bg.tabIdOf(run.page);
    const before = await s.bg.waitForDone(tabId, (r) => r.matches.length >= 2);
    expect(covers(await allHighlighted(run.page), '绿水青山就是金山银山')).toBe(true);
    expect(before.matches.map((m) => m.quote)).toContain('两个维护');

    for (const p of [run.page, plain.page]) await p.click('#to-b');
    const after = await s.bg.waitForDone(
      tabId,
      (r) => r.url.endsWith('?route=b') && r.matches.some((m) => m.quote.includes('时时放心不下')),
    );
    expect(after.matches.map((m) => m.quote).join('|')).not.toMatch(/绿水青山|两个维护/);
    const highlighted = await allHighlighted(run.page);
    expect(covers(highlighted, '时时放心不下')).toBe(true);
    expect(highlighted.join('|')).not.toMatch(/绿水青山|两个维护/);
    expect(after.title).toBe('第二篇');
    await expectBadgeAndHighlights(s, tabId, after, [run.page]);
    await settle();
    await expectUntouched(run, plain, undefined, resultsOf(s.bg, tabId));
  });
});
