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
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allHighlighted, Background, covers } from './content-helpers';
import { type ExtensionSession, launchWithExtension } from './harness';

const SLOGAN = '绿水青山就是金山银山';
const SLOGAN_2 = '一张蓝图绘到底';

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

describe('a page that forges WXT’s content-script-started event', () => {
  let session: ExtensionSession;
  let bg: Background;
  beforeAll(async () => {
    session = await launchWithExtension();
    bg = new Background(session);
  });
  afterAll(async () => {
    await session?.close();
  });

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
