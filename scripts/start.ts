/**
 * `npm start`: builds the extension and shows it at work on a bundled demo page.
 *
 * - With a display (DISPLAY or WAYLAND_DISPLAY set): opens Chromium with the
 *   extension loaded on the demo page and waits until you close the browser.
 * - Without one (or with --headless): runs the demo in headless Chromium,
 *   prints what was found, and writes screenshots of the page, the popup and
 *   the reader to a folder it names (default artifacts/demo, or --out DIR).
 * - No Chromium: says exactly how to install one, exits 1. Installs nothing.
 * - `--browser firefox`: the same in Firefox ESR (scripts/start-firefox.ts).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import stringWidth from 'string-width';
import { getCorpus } from '../lib/corpus';
import type { TabResults } from '../lib/messages';
import { chromiumArgs, findChromium, INSTALL_HINT, startPageServer } from './browser';
import { firefoxDemo } from './start-firefox';

const ROOT = resolve(import.meta.dirname, '..');
const args = process.argv.slice(2);
const outArg = args.indexOf('--out');
const OUT_DIR = resolve(ROOT, outArg >= 0 ? (args[outArg + 1] ?? 'artifacts/demo') : 'artifacts/demo');
const headless = args.includes('--headless') || !(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
const EXTENSION_DIR = join(ROOT, '.output/chrome-mv3');
const browserArg = args.indexOf('--browser');
const BROWSER = browserArg >= 0 ? args[browserArg + 1] : 'chromium';

/** What a newcomer does next: the headless demo ran in a browser of its own. */
const LOAD_BY_HAND = `
To use Yuanwen in your own browser:
  Chrome, Chromium, Edge: open chrome://extensions, turn on Developer mode, click "Load unpacked"
                          and choose ${EXTENSION_DIR}
  Firefox (140+):         run \`npm run build\`, open about:debugging#/runtime/this-firefox,
                          click "Load Temporary Add-on…" and choose ${join(ROOT, '.output/firefox-mv3/manifest.json')}`;

/** Terminal control sequences (colours, cursor moves) removed. */
function stripAnsi(text: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: ESC is what is being removed
  return text.replace(/\u001b\[[0-9;?]*[A-Za-z]/g, '');
}

async function main(): Promise<number> {
  if (BROWSER === 'firefox') return firefoxDemo({ root: ROOT, headless, outDir: OUT_DIR, printFindings });
  if (BROWSER !== 'chromium') {
    console.error(`npm start: --browser takes chromium or firefox, not ${BROWSER}`);
    return 1;
  }
  const executablePath = findChromium();
  if (!executablePath) {
    console.error(`npm start needs Chromium or Chrome and found none: ${INSTALL_HINT}`);
    return 1;
  }
  console.log('Building the extension (wxt build)…');
  // wxt's progress spinner ("- Preparing...", cursor codes) goes to stderr: kept back, shown only on failure.
  try {
    execFileSync('npx', ['wxt', 'build'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] });
  } catch (error) {
    const stderr = (error as { stderr?: Buffer }).stderr?.toString() ?? '';
    throw new Error(`wxt build failed:\n${stripAnsi(stderr)}`);
  }
  console.log(`Built: ${EXTENSION_DIR}`);

  const server = await startPageServer(join(ROOT, 'demo'));
  const demoUrl = `${server.baseUrl}/news.html`;
  const userDataDir = mkdtempSync(join(tmpdir(), 'yuanwen-demo-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath,
    headless,
    args: chromiumArgs(EXTENSION_DIR, headless),
    viewport: headless ? { width: 1280, height: 900 } : null,
  });
  try {
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
    const extensionId = new URL(worker.url()).host;
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(demoUrl);
    if (!headless) {
      console.log(
        `Chromium is open on ${demoUrl} with Yuanwen loaded. Click the 原文 toolbar icon; close the browser to finish.`,
      );
      await new Promise<void>((done) => context.on('close', () => done()));
      return 0;
    }
    return await headlessDemo(page, extensionId, demoUrl);
  } finally {
    await context.close().catch(() => {});
    await server.close();
    rmSync(userDataDir, { recursive: true, force: true });
  }
}

async function headlessDemo(page: Page, extensionId: string, demoUrl: string): Promise<number> {
  const context = page.context();
  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${extensionId}/popup.html`);
  const tabId = await popup.evaluate(
    async (url) => (await chrome.tabs.query({})).find((t) => t.url === url)?.id ?? -1,
    demoUrl,
  );
  const results = await waitForResults(popup, tabId);
  await popup.close();
  if (!results) {
    console.error('The extension reported no results for the demo page within 10 s.');
    return 1;
  }

  printFindings(results, demoUrl);

  mkdirSync(OUT_DIR, { recursive: true });
  await page.bringToFront();
  await page.screenshot({ path: join(OUT_DIR, 'page.png') });
  const popupShot = await context.newPage();
  await popupShot.setViewportSize({ width: 400, height: 600 });
  await popupShot.goto(`chrome-extension://${extensionId}/popup.html?tab=${tabId}`);
  await popupShot.waitForTimeout(800);
  await popupShot.screenshot({ path: join(OUT_DIR, 'popup.png') });
  const first = results.matches.find((m) => m.kind === 'passage') ?? results.matches[0];
  if (first) {
    const reader = await context.newPage();
    await reader.goto(`chrome-extension://${extensionId}/reader.html#span=${first.speechStart}-${first.speechEnd}`);
    await reader.waitForTimeout(800);
    await reader.screenshot({ path: join(OUT_DIR, 'reader.png') });
  }
  console.log(`\nScreenshots of the page, the popup and the reader: ${OUT_DIR}/{page,popup,reader}.png`);
  console.log(LOAD_BY_HAND);
  return 0;
}

/** The findings, one line each (shared by the Chromium and Firefox demos). */
function printFindings(results: TabResults, demoUrl: string): void {
  const corpus = getCorpus();
  const rows: [string, string, string, string][] = [];
  console.log(`\n${results.matches.length} quotes of 《${corpus.meta.title}》 found on ${demoUrl}:\n`);
  for (const m of results.matches) {
    const where = corpus.locate(m.speechStart);
    const section = where ? `${where.section.label} ¶${where.paragraph.number}` : '?';
    const kind = m.kind === 'slogan' ? 'slogan ' : m.similarity < 1 ? 'near   ' : 'passage';
    rows.push([kind, `${(m.similarity * 100).toFixed(0).padStart(3)}%`, section, m.quote]);
  }
  // Columns padded by display width: a Chinese character takes two columns of a terminal.
  const sectionWidth = Math.max(0, ...rows.map((r) => stringWidth(r[2])));
  for (const [kind, similarity, section, quote] of rows) {
    console.log(`  ${kind}  ${similarity}  ${section}${' '.repeat(sectionWidth - stringWidth(section))}  ${quote}`);
  }
}

async function waitForResults(popup: Page, tabId: number): Promise<TabResults | null> {
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    const results = (await popup.evaluate(
      (id) => chrome.runtime.sendMessage({ type: 'get-tab-results', tabId: id }),
      tabId,
    )) as TabResults | null;
    if (results && results.status === 'done') return results;
    await popup.waitForTimeout(200);
  }
  return null;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`npm start failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
