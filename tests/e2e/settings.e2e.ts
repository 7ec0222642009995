/**
 * Settings end to end in Chromium: changes made on the options page reach an
 * open tab at once. Pausing the site removes its highlights and stops
 * scanning (text added later is not highlighted); resuming restores them,
 * including that later text. The global switch, the sensitivity, the popup's
 * quick settings and the keyboard command's toggle message act on the open
 * tab too.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ExtensionSession, launchWithExtension } from '../../scripts/browser';
import { openStatusReader, type StatusReader } from '../../scripts/scan-status';

const NAMES = ['yuanwen-slogan', 'yuanwen-passage', 'yuanwen-near'] as const;

const PAGE = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>设置测试页</title></head><body>
<article>
<h1>某地召开生态环境保护工作会议</h1>
<p>会议强调，保护好生态环境，是我们党践行使命宗旨、密切党和人民群众之间的血肉联系的重要举措。</p>
<p>与会同志表示，要牢固树立“绿水青山就是金山银山”的理念，推动生态文明建设迈上新台阶。</p>
<p id="later"></p>
</article></body></html>`;

const LATER = '会议还指出，要坚持目标导向、问题导向、效果导向的统一，统筹当前困难和长远发展、政府帮扶和市场力量。';

/** Ranges painted per highlight name (the registry is per document, visible from the page's world). */
function painted(page: Page): Promise<Record<string, number>> {
  return page.evaluate(
    (names) => Object.fromEntries(names.map((n) => [n, CSS.highlights.get(n)?.size ?? 0])),
    [...NAMES],
  );
}
const total = async (page: Page) => Object.values(await painted(page)).reduce((a, b) => a + b, 0);

/** Whether a painted range contains `text` (to tell which passage is highlighted). */
function isPainted(page: Page, text: string): Promise<boolean> {
  return page.evaluate(
    ({ names, text }) =>
      names.some((n) =>
        [...(CSS.highlights.get(n) ?? [])].some((r) => (r as Range).toString().includes(text.slice(0, 12))),
      ),
    { names: [...NAMES], text },
  );
}

/** Polls outside a test (expect.poll only works inside one); fails saying what it waited for. */
async function waitFor<T>(read: () => Promise<T>, ok: (v: T) => boolean, what: string, ms = 10_000): Promise<T> {
  const deadline = Date.now() + ms;
  let last: T = await read();
  while (!ok(last)) {
    if (Date.now() > deadline) throw new Error(`waited ${ms} ms for ${what}; last saw ${JSON.stringify(last)}`);
    await new Promise((r) => setTimeout(r, 100));
    last = await read();
  }
  return last;
}

describe('settings reach open tabs at once', () => {
  let session: ExtensionSession;
  let status: StatusReader;
  let page: Page;
  let options: Page;
  let url: string;
  let initial: number;

  beforeAll(async () => {
    session = await launchWithExtension();
    status = await openStatusReader(session);
    session.server.route('/settings-page.html', PAGE);
    url = `${session.server.baseUrl}/settings-page.html`;
    page = await session.context.newPage();
    await page.goto(url);
    await status.waitForDone(url, (r) => r.matches.length >= 2);
    initial = await waitFor(
      () => total(page),
      (n) => n >= 2,
      'two painted highlights',
    );
    options = await session.context.newPage();
    await options.goto(session.extensionUrl('options.html'));
    await options.getByRole('heading', { level: 1 }).waitFor();
  });
  afterAll(async () => {
    await status?.close();
    await session?.close();
  });

  it('pausing the site removes its highlights and stops scanning', async () => {
    await options.getByLabel('Site hostname or URL').fill(url); // a pasted URL: stored as its hostname
    await options.getByRole('button', { name: 'Pause this site' }).click();
    await expect.poll(() => options.getByText('127.0.0.1', { exact: true }).count()).toBe(1);

    await expect.poll(() => total(page), { timeout: 5_000 }).toBe(0);
    const tabId = await status.tabIdOf(url);
    await expect.poll(async () => (await status.results(tabId))?.status, { timeout: 5_000 }).toBe('paused');
    expect((await status.results(tabId))?.matches).toEqual([]);

    // Text that arrives while paused is not scanned.
    await page.evaluate((text) => {
      const p = document.getElementById('later');
      if (p) p.textContent = text;
    }, LATER);
    await page.waitForTimeout(2_000); // longer than a live re-scan takes when not paused
    expect(await total(page)).toBe(0);
    expect((await status.results(tabId))?.status).toBe('paused');
    expect((await status.results(tabId))?.matches).toEqual([]);
  });

  it('resuming restores the highlights, including text added while paused', async () => {
    await options.getByRole('button', { name: 'Resume on 127.0.0.1' }).click();
    await expect.poll(() => isPainted(page, '效果导向的统一'), { timeout: 10_000 }).toBe(true);
    expect(await total(page)).toBeGreaterThan(initial);
    await status.waitForDone(url, (r) => r.matches.length > 2);
  });

  it('the global switch turns every page off and on', async () => {
    const before = await total(page);
    await options.getByLabel('Run Yuanwen on all sites').uncheck();
    await expect.poll(() => total(page), { timeout: 5_000 }).toBe(0);
    await options.getByLabel('Run Yuanwen on all sites').check();
    await expect.poll(() => total(page), { timeout: 10_000 }).toBe(before);
  });

  it('sensitivity applies at once: slogans only drops the passages', async () => {
    await options.getByLabel('Slogans only').check();
    await expect.poll(async () => (await painted(page))['yuanwen-passage'], { timeout: 10_000 }).toBe(0);
    expect(await isPainted(page, '绿水青山就是金山银山')).toBe(true);
    await options.getByLabel('Also near-verbatim').check();
    await expect.poll(async () => (await painted(page))['yuanwen-passage'], { timeout: 10_000 }).toBeGreaterThan(0);
  });

  it('the keyboard command’s message hides and shows the highlights', async () => {
    const before = await total(page);
    expect(before).toBeGreaterThan(0);
    const tabId = await status.tabIdOf(url);
    const send = () =>
      session.serviceWorker.evaluate((id) => chrome.tabs.sendMessage(id, { type: 'toggle-highlights' }), tabId);
    expect(await send()).toEqual({ ok: true });
    await expect.poll(() => total(page), { timeout: 5_000 }).toBe(0);
    await send();
    await expect.poll(() => total(page), { timeout: 5_000 }).toBe(before);
  });

  it('declares the keyboard commands in the manifest', async () => {
    const manifest = await session.serviceWorker.evaluate(() => chrome.runtime.getManifest());
    expect(Object.keys(manifest.commands ?? {}).sort()).toEqual(['_execute_action', 'toggle-highlights']);
    const commands = await session.serviceWorker.evaluate(() => chrome.commands.getAll());
    expect(commands.find((c) => c.name === 'toggle-highlights')?.shortcut).toBe('Alt+Shift+H');
  });

  it('the popup’s switch pauses and resumes the site, and its settings hold no second one', async () => {
    const before = await total(page);
    expect(before).toBeGreaterThan(0);
    const popup = await session.context.newPage();
    await popup.goto(session.extensionUrl(`popup.html?tab=${await status.tabIdOf(url)}`));
    await popup.locator('summary', { hasText: 'Settings' }).click();
    await popup.getByLabel('Sensitivity').waitFor(); // the quick settings are open
    const pause = popup.getByRole('switch', { name: 'Pause on 127.0.0.1' });
    expect(await pause.count()).toBe(1);
    expect(await popup.getByLabel('Pause on 127.0.0.1').count()).toBe(0);
    await pause.click();
    await expect.poll(() => total(page), { timeout: 5_000 }).toBe(0);
    await expect.poll(() => pause.getAttribute('aria-checked')).toBe('true');
    await pause.click();
    await expect.poll(() => total(page), { timeout: 10_000 }).toBe(before);
    await popup.close();
  });

  it('a corrupt stored value: pages still work on defaults, the options page shows a notice and repairs it', async () => {
    await session.serviceWorker.evaluate(() =>
      chrome.storage.local.set({ settings: { enabled: 'yes', pausedSites: 42, language: 'en', junk: true } }),
    );
    await page.reload();
    await status.waitForDone(url, (r) => r.matches.length > 0);
    await expect.poll(() => total(page), { timeout: 10_000 }).toBeGreaterThan(0);
    await options.reload();
    const notice = options.getByRole('alert');
    await expect.poll(() => notice.textContent(), { timeout: 5_000 }).toContain('On/off');
    expect(await notice.textContent()).toContain('Paused sites');
    expect(await notice.textContent()).toContain('junk');
    await notice.getByRole('button', { name: 'Keep the valid ones and repair' }).click();
    await expect.poll(() => options.getByRole('alert').count()).toBe(0);
    const stored = await session.serviceWorker.evaluate(() => chrome.storage.local.get('settings'));
    expect(stored.settings).toMatchObject({ enabled: true, pausedSites: [], language: 'en' });
    expect(stored.settings).not.toHaveProperty('junk');
  });
});
