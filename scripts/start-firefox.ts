/**
 * `npm start -- --browser firefox`: the demo in Firefox ESR, as start.ts shows
 * it in Chromium. Builds the Firefox extension, installs it as a temporary
 * add-on (scripts/journey-browser.ts), opens the demo page; with a display
 * it waits until you close Firefox, without one it prints the findings and
 * writes screenshots of the page, the popup and the reader to `outDir`.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { TabResults } from '../lib/messages';
import { FIREFOX_INSTALL_HINT, findFirefox } from './browser';
import { extensionDirOf, launchJourneyBrowser, waitUntil } from './journey-browser';

export interface FirefoxDemoOptions {
  root: string;
  headless: boolean;
  outDir: string;
  /** Prints the findings the way the Chromium demo does. */
  printFindings(results: TabResults, demoUrl: string): void;
}

export async function firefoxDemo({ root, headless, outDir, printFindings }: FirefoxDemoOptions): Promise<number> {
  if (!findFirefox()) {
    console.error(`npm start -- --browser firefox needs Firefox and found none: ${FIREFOX_INSTALL_HINT}`);
    return 1;
  }
  console.log('Building the extension (wxt build -b firefox --mv3)…');
  execFileSync('npx', ['wxt', 'build', '-b', 'firefox', '--mv3'], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  console.log(`Built: ${extensionDirOf('firefox')}`);

  const jb = await launchJourneyBrowser('firefox', { headless, pagesDir: join(root, 'demo') });
  try {
    const demoUrl = `${jb.server.baseUrl}/news.html`;
    const page = await jb.openPage(demoUrl);
    if (!headless) {
      console.log(
        `Firefox is open on ${demoUrl} with Yuanwen installed as a temporary add-on. Click the 原文 toolbar icon; close Firefox to finish.`,
      );
      await new Promise<void>((done) => jb.browser.on('disconnected', () => done()));
      return 0;
    }
    const ext = await jb.openExtensionPage('options.html');
    const tabId = await ext.evaluate(
      async (url) => (await chrome.tabs.query({})).find((t) => t.url === url)?.id ?? -1,
      demoUrl,
    );
    const results = await waitUntil(
      () =>
        ext.evaluate(
          (id) => chrome.runtime.sendMessage({ type: 'get-tab-results', tabId: id }) as Promise<TabResults | null>,
          tabId,
        ),
      (r) => r?.status === 'done',
      'the extension’s results for the demo page',
      10_000,
    ).catch(() => null);
    await ext.close();
    if (!results) {
      console.error('The extension reported no results for the demo page within 10 s.');
      return 1;
    }
    printFindings(results, demoUrl);

    mkdirSync(outDir, { recursive: true });
    await page.bringToFront();
    await page.screenshot({ path: join(outDir, 'page.png') });
    const popup = await jb.openExtensionPage(`popup.html?tab=${tabId}`);
    await popup.setViewport({ width: 400, height: 600 });
    await new Promise((r) => setTimeout(r, 800));
    await popup.screenshot({ path: join(outDir, 'popup.png') });
    const first = results.matches.find((m) => m.kind === 'passage') ?? results.matches[0];
    if (first) {
      const reader = await jb.openExtensionPage(`reader.html#span=${first.speechStart}-${first.speechEnd}`);
      await new Promise((r) => setTimeout(r, 800));
      await reader.screenshot({ path: join(outDir, 'reader.png') });
    }
    console.log(`\nScreenshots of the page, the popup and the reader (Firefox): ${outDir}/{page,popup,reader}.png`);
    return 0;
  } finally {
    await jb.close();
  }
}
