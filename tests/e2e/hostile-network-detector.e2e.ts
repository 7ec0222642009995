/**
 * Proves the no-network check can fail: a throwaway extension that requests
 * the page server from its service worker, an extension page and a content
 * script must be caught three times, while the page's own requests and the
 * extension's requests for its own files are not counted against it.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ExtensionSession, launchWithExtension } from '../../scripts/browser';
import { type NetworkWatch, watchExtensionNetwork } from './network';
import { allowNetwork } from './no-network.setup';

const MANIFEST = {
  manifest_version: 3,
  name: 'leaky test extension',
  version: '1',
  background: { service_worker: 'sw.js' },
  host_permissions: ['http://127.0.0.1/*'],
  content_scripts: [{ matches: ['http://127.0.0.1/*'], js: ['cs.js'], run_at: 'document_idle' }],
};

// The page server's origin is not known when the extension is written: the
// extension learns it from the page it is injected into / from a message.
const FILES: Record<string, string> = {
  'manifest.json': JSON.stringify(MANIFEST),
  'sw.js': `chrome.runtime.onMessage.addListener((m) => { if (m && m.origin) fetch(m.origin + '/leak-from-worker').catch(() => {}); });`,
  'cs.js': `fetch(chrome.runtime.getURL('own.txt')).catch(() => {});
fetch(location.origin + '/leak-from-content-script').catch(() => {});
chrome.runtime.sendMessage({ origin: location.origin });`,
  'page.html': '<!doctype html><meta charset="utf-8"><script src="page.js"></script>',
  'page.js': `fetch(new URLSearchParams(location.search).get('origin') + '/leak-from-extension-page').catch(() => {});`,
  'own.txt': 'own file',
};

describe('the no-network check', () => {
  let dir: string;
  let session: ExtensionSession;
  let watch: NetworkWatch;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'yuanwen-leaky-ext-'));
    for (const [name, body] of Object.entries(FILES)) writeFileSync(join(dir, name), body);
    session = await launchWithExtension({ extensionDir: dir });
    allowNetwork(session); // leaky on purpose: the suite-wide check must not fail this file
    watch = watchExtensionNetwork(session.context);
  });
  afterAll(async () => {
    await watch?.stop();
    await session?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  /** Visits a page (content script leaks, and asks the worker to) and the leaky extension page. */
  async function leak(on: ExtensionSession, attach?: NetworkWatch) {
    on.server.route('/page', '<!doctype html><meta charset="utf-8"><p>页面</p><img src="/page-own-image">');
    const page = await on.context.newPage();
    await attach?.attach(page);
    await page.goto(`${on.server.baseUrl}/page`);
    const extensionPage = await on.context.newPage();
    await extensionPage.goto(`${on.extensionUrl('page.html')}?origin=${encodeURIComponent(on.server.baseUrl)}`);
    return { page, extensionPage };
  }

  it('catches requests from the service worker, an extension page and a content script, and only those', async () => {
    const { page, extensionPage } = await leak(session, watch);
    await expect
      .poll(
        () =>
          watch
            .offending()
            .map((r) => new URL(r.url).pathname)
            .sort(),
        { timeout: 15_000 },
      )
      .toEqual(['/leak-from-content-script', '/leak-from-extension-page', '/leak-from-worker']);
    const from = Object.fromEntries(watch.offending().map((r) => [new URL(r.url).pathname, r.from]));
    expect(from['/leak-from-worker']).toMatch(/^service worker chrome-extension:\/\//);
    expect(from['/leak-from-extension-page']).toMatch(/^extension page chrome-extension:\/\//);
    expect(from['/leak-from-content-script']).toMatch(/^content script chrome-extension:\/\/.*\/cs\.js/);
    // The extension's own files were requested too, and are allowed.
    expect(watch.extensionRequestCount()).toBeGreaterThan(watch.offending().length);
    expect(() => watch.assertNoExtensionRequests()).toThrow(/made 3 network request/);
    await page.close();
    await extensionPage.close();
  });

  it('fails a session at close, suite-wide, when it is not exempt', async () => {
    const other = await launchWithExtension({ extensionDir: dir });
    await leak(other);
    await new Promise((ok) => setTimeout(ok, 3000)); // the worker's fetch follows a message round trip
    await expect(other.close()).rejects.toThrow(/made 3 network request\(s\) during this file/);
  });
});
