/**
 * What a page can do against the content script, and what it can learn of it.
 *
 * The forged event: WXT's content-script context stops when it sees the
 * document event `<extension id>:content:wxt:content-script-started`, and the
 * id of a published extension is public. The extension replaces that context
 * (entrypoints/content/runtime-context.ts): a page that dispatches the event —
 * from its <head>, from inside an iframe, or before its Chinese text arrives
 * late — still gets its quotes highlighted, and never sees such an event from
 * the extension.
 */
import type { Frame, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { FULL_RESCAN_MIN_MS, MAX_FRAMES_PER_TAB } from '../../lib/limits';
import type { ExtensionSession } from '../../scripts/browser';
import { extensionFixture } from './content-fixture';
import { allHighlighted, type Background, covers } from './content-helpers';
import { openContentWorld } from './content-world';

const SLOGAN = '绿水青山就是金山银山';
const SLOGAN_2 = '一张蓝图绘到底';
const SLOGAN_3 = '功成不必在我';

function html(title: string, body: string, head = ''): string {
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>${title}</title>${head}</head><body>${body}</body></html>`;
}

/**
 * An inline script that forges WXT's event at once and every 50 ms for `forMs`, and counts the events of
 * that name it did not send itself (the extension's own announcement, if it made one) in window.__seen.
 */
function forger(extensionId: string, forMs = 4000): string {
  const name = `${extensionId}:content:wxt:content-script-started`;
  return `<script>(() => {
  const name = ${JSON.stringify(name)};
  let own = 0;
  window.__seen = 0;
  window.__forged = 0;
  document.addEventListener(name, () => { if (own > 0) own -= 1; else window.__seen += 1; }, true);
  const fire = () => {
    own += 1;
    window.__forged += 1;
    document.dispatchEvent(new CustomEvent(name, { detail: { contentScriptName: 'content', messageId: 'forged' } }));
  };
  fire();
  const t = setInterval(fire, 50);
  setTimeout(() => clearInterval(t), ${forMs});
})();</script>`;
}

async function waitForHighlight(target: Page | Frame, quote: string, timeoutMs = 20_000): Promise<string[]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const highlighted = await allHighlighted(target);
    if (covers(highlighted, quote)) return highlighted;
    if (Date.now() > deadline)
      throw new Error(`not highlighted: ${quote}; highlighted: ${JSON.stringify(highlighted)}`);
    await new Promise((ok) => setTimeout(ok, 250));
  }
}

// One browser for the whole file: each test opens its own pages, and closes them.
const ext = extensionFixture();
let session: ExtensionSession;
let bg: Background;
beforeAll(() => {
  ({ session, bg } = ext);
});

describe('a page that forges WXT’s content-script-started event', () => {
  it('is ignored when fired from an inline <head> script', async () => {
    session.server.route(
      '/forged-head.html',
      html('伪造事件', `<p>正文：${SLOGAN}。</p>`, forger(session.extensionId)),
    );
    const page = await session.context.newPage();
    await page.goto(`${session.server.baseUrl}/forged-head.html`);
    await waitForHighlight(page, SLOGAN);
    // Still alive once the forging is over: a quote added afterwards is found too.
    await page.waitForFunction(() => (window as unknown as { __forged: number }).__forged > 40);
    await page.evaluate((q) => {
      const p = document.createElement('p');
      p.textContent = `后来：${q}。`;
      document.body.append(p);
    }, SLOGAN_2);
    await waitForHighlight(page, SLOGAN_2);
    // The page never saw the extension announce itself on its document.
    expect(await page.evaluate(() => (window as unknown as { __seen: number }).__seen)).toBe(0);
    const tabId = await bg.tabIdOf(page);
    const results = await bg.results(tabId);
    expect(results.matches.map((m) => m.quote).join('|')).toContain(SLOGAN_2);
    await page.close();
  });

  it('is ignored when fired inside an iframe whose Chinese arrives late', async () => {
    const inner = `<div id="late"></div><script>setTimeout(() => { document.getElementById('late').textContent = '框架：${SLOGAN}。'; }, 1500);</script>`;
    session.server.route('/forged-frame-inner.html', html('框架', inner, forger(session.extensionId, 3000)));
    session.server.route(
      '/forged-frame.html',
      html(
        '外层',
        `<p>外层页面：${SLOGAN_2}。</p><iframe src="/forged-frame-inner.html" width="600" height="200"></iframe>`,
      ),
    );
    const page = await session.context.newPage();
    await page.goto(`${session.server.baseUrl}/forged-frame.html`);
    await waitForHighlight(page, SLOGAN_2);
    const frame = page.frames().find((f) => f.url().endsWith('/forged-frame-inner.html'));
    if (!frame) throw new Error('the iframe did not load');
    await waitForHighlight(frame, SLOGAN);
    expect(await frame.evaluate(() => (window as unknown as { __seen: number }).__seen)).toBe(0);
    await page.close();
  });

  it('is ignored in a top frame whose Chinese text arrives after the event', async () => {
    const body = `<main id="app">Loading…</main><script>setTimeout(() => { document.getElementById('app').textContent = '单页应用：${SLOGAN}。'; }, 2000);</script>`;
    session.server.route('/forged-late.html', html('SPA', body, forger(session.extensionId, 2500)));
    const page = await session.context.newPage();
    await page.goto(`${session.server.baseUrl}/forged-late.html`);
    await waitForHighlight(page, SLOGAN);
    expect(await page.evaluate(() => (window as unknown as { __seen: number }).__seen)).toBe(0);
    await page.close();
  });
});

/** What the page's main world can read of the extension: registry entries and adopted sheets, shadow roots included. */
async function pageSees(
  page: Page | Frame,
): Promise<{ entries: number; ranges: number; docSheets: number; shadowSheets: number[] }> {
  return page.evaluate(() => {
    const names = [...CSS.highlights.keys()].filter((n) => n.startsWith('yuanwen-'));
    let ranges = 0;
    for (const n of names) ranges += CSS.highlights.get(n)?.size ?? 0;
    const shadowSheets = [...document.querySelectorAll('*')]
      .filter((el) => el.shadowRoot)
      .map((el) => (el.shadowRoot as ShadowRoot).adoptedStyleSheets.length);
    return { entries: names.length, ranges, docSheets: document.adoptedStyleSheets.length, shadowSheets };
  });
}

async function waitForResults(page: Page, accept: (quotes: string[]) => boolean) {
  const tabId = await bg.tabIdOf(page);
  const deadline = Date.now() + 30_000;
  for (;;) {
    const r = await bg.results(tabId);
    if (r.status === 'done' && accept(r.matches.map((m) => m.quote))) return { tabId, results: r };
    if (Date.now() > deadline) throw new Error(`results not as expected: ${JSON.stringify(r).slice(0, 800)}`);
    await new Promise((ok) => setTimeout(ok, 250));
  }
}

const setSettings = (patch: Record<string, unknown>) =>
  session.serviceWorker.evaluate(async (p) => {
    const { settings } = await chrome.storage.local.get('settings');
    await chrome.storage.local.set({ settings: { ...(settings ?? {}), ...p } });
  }, patch);

describe('what a page can plant, and what it can read', () => {
  it('neither highlights nor counts text a reader cannot see (a detector)', async () => {
    const detectors = [
      `<p style="opacity:0">透明：${SLOGAN_2}。</p>`,
      `<p style="position:absolute;left:-9999px;top:0">屏幕外：${SLOGAN_2}。</p>`,
      `<p style="position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap">裁剪：${SLOGAN_3}。</p>`,
      `<div style="width:0;height:0;overflow:hidden"><p>零尺寸：${SLOGAN_3}。</p></div>`,
    ].join('');
    session.server.route('/detectors.html', html('探测', `<p>正文：${SLOGAN}。</p>${detectors}`));
    const page = await session.context.newPage();
    await page.goto(`${session.server.baseUrl}/detectors.html`);
    const { results } = await waitForResults(page, (q) => q.some((x) => x.includes(SLOGAN)));
    await new Promise((ok) => setTimeout(ok, 1000));
    const quotes = (await bg.results(results.tabId)).matches.map((m) => m.quote);
    expect(quotes.filter((q) => q.includes(SLOGAN_2) || q.includes(SLOGAN_3))).toEqual([]);
    expect(quotes.filter((q) => q.includes(SLOGAN))).toHaveLength(1);
    const highlighted = await allHighlighted(page);
    expect(covers(highlighted, SLOGAN)).toBe(true);
    expect(highlighted.filter((h) => h.includes(SLOGAN_2) || h.includes(SLOGAN_3))).toEqual([]);
    await page.close();
  });

  it('adopts its stylesheet only into shadow roots that hold a match', async () => {
    const body = `<p>正文：${SLOGAN}。</p><div id="a"></div><div id="b"></div><script>
      document.getElementById('a').attachShadow({ mode: 'open' }).innerHTML = '<p>影子甲：${SLOGAN_2}。</p>';
      document.getElementById('b').attachShadow({ mode: 'open' }).innerHTML = '<p>影子乙：今天天气晴朗，市民在公园散步。</p>';
    </script>`;
    session.server.route('/shadows.html', html('影子', body));
    const page = await session.context.newPage();
    await page.goto(`${session.server.baseUrl}/shadows.html`);
    await waitForResults(page, (q) => q.some((x) => x.includes(SLOGAN_2)));
    await new Promise((ok) => setTimeout(ok, 500));
    const seen = await page.evaluate(() =>
      ['a', 'b'].map(
        (id) => ((document.getElementById(id) as HTMLElement).shadowRoot as ShadowRoot).adoptedStyleSheets.length,
      ),
    );
    expect(seen).toEqual([1, 0]);
    await page.close();
  });

  it('in quiet mode leaves the page nothing to read while the popup lists every match, until shown', async () => {
    await setSettings({
      quiet: true,
      colours: { slogan: '#ff000066', passage: '#00ff0055', nearVerbatim: '#0000ff66' },
    });
    try {
      const body = `<p>正文：${SLOGAN}。</p><p>又：${SLOGAN_2}。</p><div id="a"></div><script>
        document.getElementById('a').attachShadow({ mode: 'open' }).innerHTML = '<p>影子：${SLOGAN_3}。</p>';
      </script>`;
      session.server.route('/quiet.html', html('安静', body));
      const page = await session.context.newPage();
      await page.goto(`${session.server.baseUrl}/quiet.html`);
      const { tabId, results } = await waitForResults(page, (q) =>
        [SLOGAN, SLOGAN_2, SLOGAN_3].every((s) => q.some((x) => x.includes(s))),
      );
      expect(results.matches.length).toBeGreaterThanOrEqual(3);
      expect(await bg.badge(tabId)).toBe(String(results.matches.length));
      await new Promise((ok) => setTimeout(ok, 1000));
      expect(await pageSees(page)).toEqual({ entries: 0, ranges: 0, docSheets: 0, shadowSheets: [0] });
      // The popup lists every match.
      const popup = await session.context.newPage();
      await popup.goto(session.extensionUrl(`popup.html?tab=${tabId}`));
      await expect.poll(() => popup.locator('li.match').count(), { timeout: 10_000 }).toBe(results.matches.length);
      await popup.close();
      // The reader asks to show them on this page, then to hide them again.
      expect(await bg.sendToTab(tabId, { type: 'show-highlights', shown: true })).toEqual({ ok: true });
      await expect.poll(async () => (await pageSees(page)).entries).toBeGreaterThan(0);
      const shown = await pageSees(page);
      expect(shown.docSheets).toBe(1);
      expect(shown.shadowSheets).toEqual([1]);
      await bg.sendToTab(tabId, { type: 'show-highlights', shown: false });
      await expect.poll(() => pageSees(page)).toEqual({ entries: 0, ranges: 0, docSheets: 0, shadowSheets: [0] });
      await page.close();
    } finally {
      await setSettings({ quiet: false, colours: undefined });
    }
  });

  it('extension pages cannot reach the network: their CSP makes the browser refuse it', async () => {
    const page = await session.context.newPage();
    await page.goto(session.extensionUrl('options.html'));
    const outcome = await page.evaluate(async (url) => {
      try {
        await fetch(url);
        return 'fetched';
      } catch {
        return 'refused';
      }
    }, `${session.server.baseUrl}/detectors.html`);
    expect(outcome).toBe('refused');
    const csp = await session.serviceWorker.evaluate(
      () =>
        (chrome.runtime.getManifest() as { content_security_policy?: { extension_pages?: string } })
          .content_security_policy?.extension_pages,
    );
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("connect-src 'self'");
    await page.close();
  });

  it(`keeps the results of at most ${MAX_FRAMES_PER_TAB} frames of a page that floods itself with frames`, async () => {
    session.server.route('/flood-frame.html', html('框架', `<p>框架：${SLOGAN}。</p>`));
    const frames = Array.from(
      { length: MAX_FRAMES_PER_TAB + 8 },
      () => '<iframe src="/flood-frame.html" width="80" height="40"></iframe>',
    ).join('');
    session.server.route('/flood.html', html('洪水', `<p>正文：${SLOGAN_2}。</p>${frames}`));
    const page = await session.context.newPage();
    await page.goto(`${session.server.baseUrl}/flood.html`);
    const tabId = await bg.tabIdOf(page);
    await expect
      .poll(async () => (await bg.results(tabId)).frames?.length ?? 0, { timeout: 30_000 })
      .toBe(MAX_FRAMES_PER_TAB);
    await new Promise((ok) => setTimeout(ok, 1500));
    const r = await bg.results(tabId);
    expect(r.frames).toHaveLength(MAX_FRAMES_PER_TAB);
    expect(r.limited).toBe(true);
    expect(r.matches.length).toBeLessThanOrEqual(MAX_FRAMES_PER_TAB);
    await page.close();
  });
});

describe('a page that changes its URL every 500 ms', () => {
  const PUSHES = 16;
  const EVERY_MS = 500;

  it(`stays highlighted and reported, and is re-scanned in full at most once per ${FULL_RESCAN_MIN_MS} ms`, async () => {
    const body = `<p>正文：“${SLOGAN}”。</p><p>又说：“${SLOGAN_2}”。</p><script>
      window.__pushes = [];
      window.__loop = () => new Promise((done) => {
        const t = setInterval(() => {
          const n = window.__pushes.length + 1;
          history.pushState({ n }, '', '/route-flood/' + n);
          window.__pushes.push(performance.now());
          if (n >= ${PUSHES}) { clearInterval(t); done(); }
        }, ${EVERY_MS});
      });
    </script>`;
    const page = await ext.openPage('/route-flood.html', html('路由', body));
    const { tabId, results } = await waitForResults(page, (q) =>
      [SLOGAN, SLOGAN_2].every((s) => q.some((x) => x.includes(s))),
    );
    // A full pass hands the frame's whole text to the matcher once: its length is the unit of the count below.
    const passChars = results.frames?.[0]?.timings?.chars ?? 0;
    expect(passChars).toBeGreaterThan(0);
    const world = await openContentWorld(page, session.extensionId);
    await world.countMessages();

    await page.evaluate(() => (window as unknown as { __loop: () => Promise<void> }).__loop());
    const pushes = await page.evaluate(() => (window as unknown as { __pushes: number[] }).__pushes);
    expect(pushes).toHaveLength(PUSHES);
    // The pass deferred past the last route change runs within FULL_RESCAN_MIN_MS of the one before it.
    await new Promise((ok) => setTimeout(ok, FULL_RESCAN_MIN_MS + 1000));
    const sent = await world.counts();
    await world.close();

    const passes = sent.scanChars / passChars;
    // Passes at least FULL_RESCAN_MIN_MS apart, all between the first route change and FULL_RESCAN_MIN_MS after
    // the last (measured on the page's own clock): without the limit there would be one per route change.
    const span = (pushes.at(-1) as number) - (pushes[0] as number);
    const most = Math.floor(span / FULL_RESCAN_MIN_MS) + 2;
    const detail = `${JSON.stringify(sent)}; ${passChars} characters a pass; route changes over ${Math.round(span)} ms`;
    console.log(`route flood: ${passes} full passes for ${PUSHES} route changes (at most ${most}); ${detail}`);
    expect(passes, `full passes: ${detail}`).toBeLessThanOrEqual(most);
    expect(most, 'the bound is below one pass per route change').toBeLessThan(PUSHES);
    // And the route changes were followed: the page was scanned again while its URL changed.
    expect(passes, `full passes: ${detail}`).toBeGreaterThanOrEqual(2);

    // The results are the page's, at its last URL, each quote once; the highlights are there.
    const after = await waitForResults(page, (q) => [SLOGAN, SLOGAN_2].every((s) => q.some((x) => x.includes(s))));
    expect(after.results.url).toBe(`${session.server.baseUrl}/route-flood/${PUSHES}`);
    const quotes = after.results.matches.map((m) => m.quote);
    expect(quotes.filter((q) => q.includes(SLOGAN))).toHaveLength(1);
    expect(quotes.filter((q) => q.includes(SLOGAN_2))).toHaveLength(1);
    expect(await bg.badge(tabId)).toBe(String(after.results.matches.length));
    const highlighted = await allHighlighted(page);
    expect(covers(highlighted, SLOGAN) && covers(highlighted, SLOGAN_2)).toBe(true);
    await page.close();
  });
});
