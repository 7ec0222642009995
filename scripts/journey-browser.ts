/**
 * One driver for the journeys both browsers run (journeys.e2e.ts): puppeteer-core
 * launches Debian's Chromium (CDP) or Firefox ESR (WebDriver BiDi) with the
 * production build loaded, and gives the spec the same Page API in each.
 *
 * Firefox differences handled here:
 * - The add-on is installed as a temporary add-on over BiDi; its moz-extension
 *   UUID is random per profile, so the profile pins it (`extensions.webextensions.uuids`)
 *   to know the extension pages' URLs.
 * - BiDi refuses to navigate to a moz-extension:// URL unless the browser runs with
 *   `--remote-allow-system-access`, and the navigation, which moves the tab to the
 *   extension process, never reports its load: extension pages are opened without
 *   waiting for the navigation and read once their own document says it is there.
 * - The clipboard: Firefox asks the user before a page reads it; the testing pref
 *   `dom.events.testing.asyncClipboard` lets the test read back what was copied.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { chromiumArgs, type PageServer, ROOT, requireChromium, requireFirefox, startPageServer } from './browser';

export type BrowserKind = 'chromium' | 'firefox';
export const BROWSER_KINDS: readonly BrowserKind[] = ['chromium', 'firefox'];

export function extensionDirOf(kind: BrowserKind): string {
  const out = process.env.YUANWEN_OUT_DIR ?? '.output';
  return resolve(ROOT, out, kind === 'firefox' ? 'firefox-mv3' : 'chrome-mv3');
}

/** Any fixed v4 UUID: the moz-extension:// host of the add-on in this profile. */
const FIREFOX_EXTENSION_UUID = '5e1b7c2a-3d4f-4a6b-8c9d-0e1f2a3b4c5d';

export interface JourneyBrowser {
  kind: BrowserKind;
  browser: Browser;
  server: PageServer;
  /** chrome-extension://<id>/<path> or moz-extension://<uuid>/<path> */
  extensionUrl(path: string): string;
  /** A web page, loaded. */
  openPage(url: string, beforeScripts?: string): Promise<Page>;
  /** An extension page, loaded (popup, options, reader, lookup). */
  openExtensionPage(path: string): Promise<Page>;
  /** The tab whose document is at a URL starting with `prefix` (a tab the extension opened), once loaded. */
  waitForPage(prefix: string, timeoutMs?: number): Promise<Page>;
  close(): Promise<void>;
}

/** Polls `read` until `ok`; fails saying what it waited for and what it last saw. */
export async function waitUntil<T>(read: () => Promise<T>, ok: (v: T) => boolean, what: string, ms = 15_000) {
  const deadline = Date.now() + ms;
  let last: T | undefined;
  let error: unknown;
  for (;;) {
    try {
      last = await read();
      if (ok(last)) return last;
    } catch (e) {
      error = e; // a document in the middle of a navigation
    }
    if (Date.now() > deadline)
      throw new Error(`waited ${ms} ms for ${what}; last saw ${JSON.stringify(last)}${error ? ` (${error})` : ''}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Where the page's document is, read from the document itself (Firefox's BiDi page.url() can lag an extension page). */
const locationOf = (page: Page) =>
  page.evaluate(() => ({ href: location.href, ready: document.readyState === 'complete' }));

export interface LaunchOptions {
  /** Headless (the default), or in a window (npm start with a display). */
  headless?: boolean;
  /** What the page server serves (default: the e2e fixtures). */
  pagesDir?: string;
}

export async function launchJourneyBrowser(kind: BrowserKind, options: LaunchOptions = {}): Promise<JourneyBrowser> {
  const { headless = true, pagesDir } = options;
  const extensionDir = extensionDirOf(kind);
  const manifest = JSON.parse(readFileSync(join(extensionDir, 'manifest.json'), 'utf8')); // fails clearly when unbuilt
  const server = await startPageServer(pagesDir);
  const userDataDir = mkdtempSync(join(tmpdir(), `yuanwen-${kind}-`));
  let browser: Browser;
  let origin: string;
  try {
    if (kind === 'firefox') {
      const geckoId: string | undefined = manifest.browser_specific_settings?.gecko?.id;
      if (!geckoId) throw new Error(`${extensionDir}/manifest.json has no browser_specific_settings.gecko.id`);
      browser = await puppeteer.launch({
        browser: 'firefox',
        executablePath: requireFirefox(),
        headless,
        userDataDir,
        args: ['--remote-allow-system-access'],
        defaultViewport: headless ? { width: 1280, height: 900 } : null,
        extraPrefsFirefox: {
          'extensions.webextensions.uuids': JSON.stringify({ [geckoId]: FIREFOX_EXTENSION_UUID }),
          'dom.events.testing.asyncClipboard': true,
        },
      });
      await browser.installExtension(extensionDir);
      origin = `moz-extension://${FIREFOX_EXTENSION_UUID}/`;
    } else {
      browser = await puppeteer.launch({
        browser: 'chrome',
        executablePath: requireChromium(),
        headless,
        userDataDir,
        enableExtensions: true,
        // The window's own size rather than an emulated viewport: puppeteer emulates one on each tab as it
        // attaches, which resizes a tab the extension opened (the reader) after it scrolled to its passage.
        args: [...chromiumArgs(extensionDir), '--window-size=1280,900'],
        defaultViewport: null,
      });
      const worker = await browser.waitForTarget(
        (t) => t.type() === 'service_worker' && t.url().startsWith('chrome-extension://'),
        { timeout: 15_000 },
      );
      origin = `chrome-extension://${new URL(worker.url()).host}/`;
      // Extension pages read the clipboard back in the copy test. Writing needs no grant: the copy runs on the
      // reader's click (the extension has no clipboardWrite permission either).
      await browser.setPermission(origin.replace(/\/$/, ''), {
        permission: { name: 'clipboard-read' },
        state: 'granted',
      });
    }
  } catch (error) {
    await server.close();
    rmSync(userDataDir, { recursive: true, force: true });
    throw error;
  }
  const extensionUrl = (path: string) => origin + path.replace(/^\//, '');

  // A page may take its hash out of the address once read (the lookup page does, so a query stays out of
  // history): the document is the one asked for when all but the hash agree.
  const withoutHash = (href: string) => href.replace(/#.*$/, '');
  const loaded = async (page: Page, url: string) => {
    await waitUntil(
      () => locationOf(page),
      (l) => withoutHash(l.href) === withoutHash(url) && l.ready,
      `${url} to load`,
    );
    return page;
  };

  return {
    kind,
    browser,
    server,
    extensionUrl,
    async openPage(url, beforeScripts) {
      const page = await browser.newPage();
      if (beforeScripts) await page.evaluateOnNewDocument(beforeScripts);
      await page.goto(url, { waitUntil: 'load' });
      return page;
    },
    async openExtensionPage(path) {
      const url = extensionUrl(path);
      const page = await browser.newPage();
      if (kind === 'chromium') {
        await page.goto(url, { waitUntil: 'load' });
        return page;
      }
      // Firefox: the navigation's own promise never settles (see above); the document says when it is there.
      void page.goto(url, { timeout: 60_000 }).catch(() => undefined);
      return loaded(page, url);
    },
    async waitForPage(prefix, timeoutMs = 15_000) {
      const found = await waitUntil(
        async () => {
          for (const page of await browser.pages()) {
            const where = await locationOf(page).catch(() => null);
            if (where?.ready && where.href.startsWith(prefix)) return page;
          }
          return null;
        },
        (p) => p !== null,
        `a tab at ${prefix}`,
        timeoutMs,
      );
      return found as Page;
    },
    async close() {
      await browser.close().catch(() => undefined);
      await server.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}
