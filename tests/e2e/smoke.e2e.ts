import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ExtensionSession, launchWithExtension } from '../../scripts/browser';

describe('smoke: the built extension in Chromium', () => {
  let session: ExtensionSession;
  beforeAll(async () => {
    session = await launchWithExtension();
  });
  afterAll(async () => {
    await session?.close();
  });

  it('starts its service worker from the built manifest', async () => {
    expect(session.extensionId).toMatch(/^[a-p]{32}$/);
    const manifest = await session.serviceWorker.evaluate(() => chrome.runtime.getManifest());
    expect(manifest.manifest_version).toBe(3);
  });

  it('renders the popup page', async () => {
    const page = await session.context.newPage();
    await page.goto(session.extensionUrl('popup.html'));
    await expect.poll(() => page.locator('#root').innerText()).toContain('原文');
    await page.close();
  });
});
