/**
 * The extension reloaded (as an update does) with tabs open: the new
 * background restarts the content script in them, so without reloading any
 * tab their highlights, badges, popup results and stored results are back,
 * equal to what the matcher finds in node for the same pages.
 */
import { describe, expect, it } from 'vitest';
import { extensionFixture } from './content-fixture';
import { expectFullResult, newsPage } from './faults';

describe('the extension reloaded with tabs open', () => {
  const ext = extensionFixture();

  it('regains highlights and badges in every open tab without a reload', async () => {
    const { session, bg } = ext;
    const pages = [newsPage(200 * 1024, 20, '第一页'), newsPage(100 * 1024, 10, '第二页')];
    const tabs = [];
    const extPage = await session.context.newPage();
    await extPage.goto(session.extensionUrl('options.html'));
    for (const [i, truth] of pages.entries()) {
      session.server.route(`/faults-reload-${i}.html`, truth.html);
      const page = await session.context.newPage();
      await page.goto(`${session.server.baseUrl}/faults-reload-${i}.html`);
      const tabId = await bg.tabIdOf(page);
      await expectFullResult(bg, extPage, page, tabId, truth);
      tabs.push({ page, tabId, truth });
    }
    const loads = await Promise.all(tabs.map(({ page }) => page.evaluate(() => performance.timeOrigin)));

    // Reload as the extensions page's reload button does (developer mode lets an unpacked extension reload).
    const manager = await session.context.newPage();
    await manager.goto('chrome://extensions');
    const reloaded = await manager.evaluate(async (id) => {
      type Dev = {
        updateProfileConfiguration(c: object, cb: () => void): void;
        reload(id: string, o: object, cb: () => void): void;
      };
      const dev = (chrome as unknown as { developerPrivate: Dev }).developerPrivate;
      await new Promise<void>((ok) => dev.updateProfileConfiguration({ inDeveloperMode: true }, ok));
      return new Promise<string>((ok) =>
        dev.reload(id, { failQuietly: true }, () => ok(chrome.runtime.lastError?.message ?? 'ok')),
      );
    }, session.extensionId);
    expect(reloaded).toBe('ok');
    await manager.close();
    // The extension's pages closed with it; storage.session and badges were cleared.
    await expect.poll(() => extPage.isClosed(), { timeout: 10_000 }).toBe(true);

    const freshExtPage = await session.context.newPage();
    await freshExtPage.goto(session.extensionUrl('options.html'));
    for (const { page, tabId, truth } of tabs) await expectFullResult(bg, freshExtPage, page, tabId, truth);
    // No tab was reloaded.
    expect(await Promise.all(tabs.map(({ page }) => page.evaluate(() => performance.timeOrigin)))).toEqual(loads);
    await freshExtPage.close();
  });
});
