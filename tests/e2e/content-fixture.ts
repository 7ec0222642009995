/**
 * The one fixture of the content specs: a Chromium with the built extension,
 * launched before the spec's tests and closed after them, with the background
 * as the popup asks it (Background) and, when asked for, a plain Chromium
 * without the extension to compare pages with (content-helpers.ts).
 *
 *   const ext = extensionFixture();               // at the top of a spec or describe
 *   const page = await ext.openPage('/a.html', html);
 *   const results = await ext.bg.waitForDone(await ext.bg.tabIdOf(page));
 */
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { type ExtensionSession, launchWithExtension } from '../../scripts/browser';
import { Background, installProbe, launchBaseline } from './content-helpers';

export interface ExtensionFixture {
  readonly session: ExtensionSession;
  readonly bg: Background;
  /** The plain browser (only with `{ baseline: true }`). */
  readonly baseline: { context: BrowserContext };
  /** Serves `html` at `path` on the page server; returns its URL. */
  serve(path: string, html: string): string;
  /** Serves `html` at `path` (when given) and opens it in a new tab, loaded. */
  openPage(path: string, html?: string): Promise<Page>;
}

export interface FixtureOptions {
  /** Also launch a Chromium without the extension; both get the page probe (content-helpers.ts). */
  baseline?: boolean;
  launch?: () => Promise<ExtensionSession>;
}

export function extensionFixture(options: FixtureOptions = {}): ExtensionFixture {
  let up: { session: ExtensionSession; bg: Background; baseline?: Awaited<ReturnType<typeof launchBaseline>> } | null =
    null;
  beforeAll(async () => {
    const session = await (options.launch ?? launchWithExtension)();
    up = { session, bg: new Background(session) };
    if (options.baseline) {
      await installProbe(session.context);
      up.baseline = await launchBaseline();
    }
  });
  afterAll(async () => {
    await up?.bg.close().catch(() => undefined);
    await up?.baseline?.browser.close();
    await up?.session.close();
    up = null;
  });
  const need = () => {
    if (!up) throw new Error('the extension browser is not up: use the fixture inside a test or a hook');
    return up;
  };
  const serve = (path: string, html: string) => {
    const { server } = need().session;
    server.route(path, html);
    return `${server.baseUrl}${path}`;
  };
  return {
    get session() {
      return need().session;
    },
    get bg() {
      return need().bg;
    },
    get baseline() {
      const { baseline } = need();
      if (!baseline) throw new Error('this fixture has no baseline browser: extensionFixture({ baseline: true })');
      return baseline;
    },
    serve,
    async openPage(path, html) {
      const url = html === undefined ? `${need().session.server.baseUrl}${path}` : serve(path, html);
      const page = await need().session.context.newPage();
      await page.goto(url, { waitUntil: 'load' });
      return page;
    },
  };
}
