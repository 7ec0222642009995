/**
 * A 5 MB page: every quote found and highlighted, the badge right, and the
 * work split into many tasks: the frame's own timings say how many, and bound
 * the longest.
 */
import { describe, expect, it } from 'vitest';
import { extensionFixture } from './content-fixture';
import { expectUntouched, highlightedTexts, open, openWithExtension, readProbe, settle } from './content-helpers';
import { expectShortSlices, LARGE_PAGE_SLICE_MS } from './page-thread';
import { WALL_CLOCK } from './wall-clock';

const FILLER = '记者从有关部门获悉，今年以来全省经济运行总体平稳，各地积极推进重点项目建设，群众生活水平不断提高。';
const SLOGAN = '会议要求牢固树立“绿水青山就是金山银山”的理念。';
const PASSAGE = '会议指出，生态环境是关系党的使命宗旨的重大政治问题，也是关系民生的重大社会问题。';

/** About `bytes` of HTML: news paragraphs, a slogan every 200 and a passage every 200 (offset by 100). */
function bigPage(bytes: number): { html: string; slogans: number; passages: number } {
  const parts = [
    '<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>大页面</title></head><body><main>',
  ];
  let size = Buffer.byteLength(parts[0] as string);
  let slogans = 0;
  let passages = 0;
  for (let i = 0; size < bytes; i++) {
    let text = FILLER;
    if (i % 200 === 0) {
      text += SLOGAN;
      slogans++;
    } else if (i % 200 === 100) {
      text += PASSAGE;
      passages++;
    }
    const p = i % 10 === 0 ? `<h2>第${i}节</h2><p>${text}</p>\n` : `<p><span>${i}.</span> ${text}</p>\n`;
    parts.push(p);
    size += Buffer.byteLength(p);
  }
  parts.push('</main></body></html>');
  return { html: parts.join(''), slogans, passages };
}

describe('content script on a 5 MB page', WALL_CLOCK, () => {
  const s = extensionFixture({ baseline: true });

  // The page-thread check reads the scanner's own slice timings, wall time: on a 5 MB page it is bounded by
  // LARGE_PAGE_SLICE_MS, which proves the work sliced (page-thread.ts says why not LONG_TASK_MS).
  it('finds every quote, in bounded slices', async () => {
    // A retry starts from a quiet browser: the pages of an earlier attempt are closed.
    for (const page of [...s.session.context.pages(), ...s.baseline.context.pages()]) {
      if (page.url().includes('/content-big.html')) await page.close();
    }
    const { html, slogans, passages } = bigPage(5 * 1024 * 1024);
    s.session.server.route('/content-big.html', html);
    const url = `${s.session.server.baseUrl}/content-big.html`;
    // The page without the extension is loaded (and parsed) first: two browsers parsing 5 MB at once on
    // two cores would stretch the extension's slices by the other browser's work, not its own.
    const plain = await open(s.baseline.context, url);
    await settle(500);
    const run = await openWithExtension(s.session, url);
    const tabId = await s.bg.tabIdOf(run.page);
    const results = await s.bg.waitForDone(tabId, (r) => r.matches.length > 0, 60_000);

    expect(results.matches.filter((m) => m.quote.includes('绿水青山就是金山银山')).length).toBe(slogans);
    expect(results.matches.filter((m) => m.quote.includes('生态环境是关系党的使命宗旨的重大政治问题')).length).toBe(
      passages,
    );
    expect(results.matches.length).toBe(slogans + passages);
    expect(await s.bg.badge(tabId)).toBe(String(slogans + passages));
    const hl = await highlightedTexts(run.page);
    const all = [...hl['yuanwen-slogan'], ...hl['yuanwen-passage'], ...hl['yuanwen-near']];
    expect(all.filter((t) => t.includes('绿水青山就是金山银山')).length).toBe(slogans);
    expect(all.filter((t) => t.includes('生态环境是关系党的使命宗旨的重大政治问题')).length).toBe(passages);

    const timings = results.frames?.[0]?.timings;
    expect(timings?.chars).toBeGreaterThan(1_500_000);
    expect(timings?.slices, 'the work was split into many short tasks').toBeGreaterThan(10);
    console.log(`5 MB page: ${JSON.stringify(timings)}`);

    await settle(1500);
    expect((await readProbe(run.page)).mutations).toBe(0);
    await expectUntouched(run, plain);
    expectShortSlices(await s.bg.results(tabId), '', LARGE_PAGE_SLICE_MS);
  });
});
