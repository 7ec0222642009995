/**
 * A private (incognito) window: once the reader allows Yuanwen there, its
 * quotes are found like anywhere else, their results live only in
 * storage.session (memory, never disk) under the tab's keys, and they are gone
 * once the window closes; nothing of the page reaches storage.local.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { launchWithExtension } from '../../scripts/browser';
import { extensionFixture } from './content-fixture';

const SLOGAN = '绿水青山就是金山银山';
const PAGE = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>隐私窗口</title></head><body><p>私密浏览：要牢固树立“${SLOGAN}”的理念。</p></body></html>`;

/** The storage.session keys that hold a tab's results (entrypoints/background/tab-results.ts). */
async function sessionKeysOf(ext: Page, tabId: number): Promise<string[]> {
  return ext.evaluate(
    async (id) => Object.keys(await chrome.storage.session.get(null)).filter((k) => k.startsWith(`yuanwen-tab-${id}-`)),
    tabId,
  );
}

describe('a private window', () => {
  const fx = extensionFixture({ launch: () => launchWithExtension({ allowInIncognito: true }) });

  it('keeps its results in storage.session only, and drops them when the window closes', async () => {
    const { session } = fx;
    const url = fx.serve('/private.html', PAGE);
    // The profile allows Yuanwen in incognito (the launcher's allowInIncognito), as the reader would.
    const ext = await session.context.newPage();
    await ext.goto(session.extensionUrl('options.html'));
    expect(await ext.evaluate(() => chrome.extension.isAllowedIncognitoAccess())).toBe(true);
    const { windowId, tabId } = await ext.evaluate(async (u) => {
      const w = await chrome.windows.create({ incognito: true, url: u });
      return { windowId: w?.id as number, tabId: w?.tabs?.[0]?.id as number };
    }, url);
    expect(await ext.evaluate((id) => chrome.tabs.get(id).then((t) => t.incognito), tabId)).toBe(true);

    // Found and reported as anywhere else.
    await expect
      .poll(
        async () => {
          const r = (await ext.evaluate(
            (id) => chrome.runtime.sendMessage({ type: 'get-tab-results', tabId: id }),
            tabId,
          )) as { status: string; matches: { quote: string }[] } | null;
          return r?.status === 'done' && r.matches.some((m) => m.quote.includes(SLOGAN));
        },
        { timeout: 30_000 },
      )
      .toBe(true);
    expect((await sessionKeysOf(ext, tabId)).length).toBeGreaterThan(0);
    // Nothing of the page in storage.local.
    const local = await ext.evaluate(async () => JSON.stringify(await chrome.storage.local.get(null)));
    expect(local).not.toContain('/private.html');
    expect(local).not.toContain(SLOGAN);

    await ext.evaluate((id) => chrome.windows.remove(id), windowId);
    await expect.poll(() => sessionKeysOf(ext, tabId), { timeout: 10_000 }).toEqual([]);
    await ext.close();
  });
});
