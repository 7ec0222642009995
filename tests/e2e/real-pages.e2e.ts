/**
 * The same text, one answer: every case of ../shared/eval-real (real public pages, Markdown and plain text)
 * opened in Chromium with the built extension gives exactly the matches `npm run scan -- --json` reports for
 * the same file, and those are what the page shows highlighted. HTML is served as HTML; Markdown and text
 * files as text/plain, which the browser shows raw, as the CLI reads them.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSpeechMatcher } from '../../lib/match';
import { type ExtensionSession, launchWithExtension } from '../../scripts/browser';
import { REAL_SET_DIR } from '../../scripts/eval';
import { describeMatch, readInput } from '../../scripts/scan';
import { allHighlighted, Background } from './content-helpers';

const speechMatcher = createSpeechMatcher();

const CASES_DIR = join(REAL_SET_DIR, 'cases');
const cases = readdirSync(CASES_DIR)
  .filter((f) => ['.html', '.md', '.txt'].includes(extname(f)))
  .sort();

const squeeze = (s: string) => s.replace(/\s+/g, '');
const sorted = (xs: string[]) => xs.map(squeeze).sort();

describe('real pages: the extension and the CLI agree', () => {
  let session: ExtensionSession;
  let bg: Background;
  let page: Page;

  beforeAll(async () => {
    if (cases.length < 20) throw new Error(`the real-text set is missing or incomplete: ${CASES_DIR}`);
    session = await launchWithExtension();
    bg = new Background(session);
    page = await session.context.newPage();
  });
  afterAll(async () => {
    await bg?.close();
    await session?.close();
  });

  it.each(cases)('%s', async (file) => {
    const path = join(CASES_DIR, file);
    const html = extname(file) === '.html';
    const route = `/real/${encodeURIComponent(file)}`;
    session.server.route(
      route,
      readFileSync(path, 'utf8'),
      html ? 'text/html; charset=utf-8' : 'text/plain; charset=utf-8',
    );
    const text = readInput(path);
    const cli = speechMatcher.scan(text).map((m) => describeMatch(text, m).quote);

    await page.goto(`${session.server.baseUrl}${route}`);
    const tabId = await bg.tabIdOf(page);
    const results = await bg.waitForDone(tabId);
    const inBrowser = results.matches.map((m) => m.quote);
    expect(sorted(inBrowser), `${file}: extension vs CLI`).toEqual(sorted(cli));
    expect(sorted(await allHighlighted(page)), `${file}: highlighted vs CLI`).toEqual(sorted(cli));
  });
});
