/**
 * Text inside components and frames: an open shadow root (and a light-DOM
 * node slotted into it) is read and highlighted; a closed one is not read;
 * an iframe's quotes are highlighted in the iframe and counted on the tab's
 * badge together with the top frame's; a jump to a quote in a frame below the
 * fold brings that frame into the top window's view too.
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

describe('content script in shadow DOM and iframes', WALL_CLOCK, () => {
  const s = extensionFixture({ baseline: true });

  it('highlights quotes in an open shadow root and in slotted content, not in a closed one', async () => {
    const url = `${s.session.server.baseUrl}/content-shadow.html`;
    const run = await openWithExtension(s.session, url);
    const plain = await open(s.baseline.context, url);
    const tabId = await s.bg.tabIdOf(run.page);
    const results = await s.bg.waitForDone(tabId, (r) => r.matches.length >= 3);
    const highlighted = await allHighlighted(run.page);
    for (const quote of [
      '绿水青山就是金山银山',
      '生态环境是关系党的使命宗旨的重大政治问题，也是关系民生的重大社会问题',
      '时时放心不下',
    ]) {
      expect(covers(highlighted, quote), quote).toBe(true);
    }
    expect(highlighted.join('|')).not.toContain('一张蓝图绘到底');
    // The shadow tree's ranges are styled: our sheet is adopted by that root (not added as an element).
    const adopted = await run.page.evaluate(
      () => document.querySelector('quote-card')?.shadowRoot?.adoptedStyleSheets.length,
    );
    expect(adopted).toBe(1);
    await expectBadgeAndHighlights(s, tabId, results, [run.page]);
    await settle();
    await expectUntouched(run, plain, undefined, resultsOf(s.bg, tabId));
  });

  it('highlights quotes in an iframe and counts both frames on the badge', async () => {
    const url = `${s.session.server.baseUrl}/content-iframe.html`;
    const run = await openWithExtension(s.session, url);
    const plain = await open(s.baseline.context, url);
    const tabId = await s.bg.tabIdOf(run.page);
    const results = await s.bg.waitForDone(tabId, (r) => (r.frames?.length ?? 0) >= 2 && r.matches.length >= 3);
    const inner = run.page.frames().find((f) => f.url().endsWith('/content-iframe-inner.html'));
    expect(inner).toBeDefined();
    if (!inner) return;
    expect(covers(await allHighlighted(run.page), '绿水青山就是金山银山')).toBe(true);
    const innerHighlighted = await allHighlighted(inner);
    expect(covers(innerHighlighted, '时时放心不下')).toBe(true);
    expect(covers(innerHighlighted, '生态环境是关系党的使命宗旨的重大政治问题，也是关系民生的重大社会问题')).toBe(true);
    expect(results.frames?.map((f) => f.status)).toEqual(['done', 'done']);
    await expectBadgeAndHighlights(s, tabId, results, [run.page, inner]);
    // A jump to the iframe's match is answered by the iframe's content script.
    const innerMatch = results.matches.find((m) => m.quote.includes('时时放心不下'));
    expect(await s.bg.sendToTab(tabId, { type: 'jump-to-match', matchId: innerMatch?.id })).toEqual({ ok: true });
    await settle();
    await expectUntouched(run, plain, (p) => p.frames(), resultsOf(s.bg, tabId));
  });

  it('brings a match in a long paragraph inside a frame below the fold into the top window’s view', async () => {
    const url = `${s.session.server.baseUrl}/content-jump-frame.html`;
    const run = await open(s.session.context, url);
    const tabId = await s.bg.tabIdOf(run.page);
    const results = await s.bg.waitForDone(tabId, (r) => r.matches.some((m) => m.quote.includes('时时放心不下')));
    const inner = run.page.frames().find((f) => f.url().endsWith('/content-jump-frame-inner.html'));
    expect(inner).toBeTruthy();
    if (!inner) return;
    const match = results.matches.find((m) => m.quote.includes('时时放心不下'));
    // Where the quote is on the screen: its place in the frame's window, plus the frame's place in the top one.
    const onScreen = async () => {
      const frameTop = await run.page.evaluate(
        () => document.querySelector('iframe')?.getBoundingClientRect().top ?? 0,
      );
      const inFrame = await inner.evaluate((quote) => {
        const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
        for (let n = walker.nextNode(); n; n = walker.nextNode()) {
          const at = (n.nodeValue ?? '').indexOf(quote);
          if (at < 0) continue;
          const range = document.createRange();
          range.setStart(n, at);
          range.setEnd(n, at + quote.length);
          const box = range.getBoundingClientRect();
          return { centre: box.top + box.height / 2, frameHeight: innerHeight };
        }
        return null;
      }, '时时放心不下');
      const viewport = await run.page.evaluate(() => innerHeight);
      return { frameTop, inFrame, viewport };
    };
    const before = await onScreen();
    expect(before.frameTop).toBeGreaterThan(before.viewport); // the frame starts below the fold
    expect(await s.bg.sendToTab(tabId, { type: 'jump-to-match', matchId: match?.id })).toEqual({ ok: true });
    // Smooth scrolling takes a moment; wait until both windows have come to rest with the quote in view.
    let last = before;
    let inViewTwice = 0;
    const deadline = Date.now() + 10_000;
    for (;;) {
      last = await onScreen();
      const f = last.inFrame;
      const visible =
        f !== null &&
        f.centre > 0 &&
        f.centre < f.frameHeight &&
        last.frameTop + f.centre > 0 &&
        last.frameTop + f.centre < last.viewport;
      inViewTwice = visible ? inViewTwice + 1 : 0;
      if (inViewTwice === 2) break;
      if (Date.now() > deadline) throw new Error(`the quote is not in view after the jump: ${JSON.stringify(last)}`);
      await new Promise((ok) => setTimeout(ok, 200));
    }
    expect(run.watch.consoleErrors).toEqual([]);
  });

  it('leaves a frame without Chinese alone, and scans a frame once Chinese text arrives in it', async () => {
    const url = `${s.session.server.baseUrl}/content-frames-late.html`;
    const run = await openWithExtension(s.session, url);
    const plain = await open(s.baseline.context, url);
    const tabId = await s.bg.tabIdOf(run.page);
    // The late frame's article arrives 1.5 s after load: its report comes after the top frame's.
    const results = await s.bg.waitForDone(
      tabId,
      (r) => r.matches.some((m) => m.quote.includes('时时放心不下')),
      20_000,
    );
    const late = run.page.frames().find((f) => f.url().endsWith('/content-frame-late.html'));
    const english = run.page.frames().find((f) => f.url().endsWith('/content-frame-english.html'));
    expect(late && english).toBeTruthy();
    if (!late || !english) return;
    expect(covers(await allHighlighted(late), '时时放心不下')).toBe(true);
    expect(covers(await allHighlighted(run.page), '绿水青山就是金山银山')).toBe(true);
    // Two frames reported: the top one and the one that got Chinese. The English widget never did
    // (it read no settings, registered no listener, sent nothing), though its text kept changing.
    expect(results.frames).toHaveLength(2);
    expect(results.frames?.every((f) => f.status === 'done')).toBe(true);
    expect(await english.evaluate(() => [...CSS.highlights.keys()])).toEqual([]);
    await expectBadgeAndHighlights(s, tabId, results, [run.page, late]);
    await settle();
    await expectUntouched(run, plain, (p) => p.frames(), resultsOf(s.bg, tabId));
  });
});
