/**
 * Form fields and contenteditable regions full of quotes of the speech: never
 * highlighted, never touched (value, focus and selection included), while
 * the real quotes around them are highlighted. Typing a quote into an editor
 * must not light it up either.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../../scripts/browser';
import { formsPage, SLOGAN, SLOGAN_2 } from './hostile-pages';
import {
  expectUnharmed,
  type HostileBrowser,
  launchHostileBrowser,
  visibleRuns,
  visitHostilePage,
} from './hostile-run';

// The first long paragraph of the speech, quoted whole inside a textarea.
const speechParagraph =
  readFileSync(join(ROOT, 'data/speech.txt'), 'utf8')
    .split('\n')
    .find((line) => line.length > 200) ?? '';

describe('hostile pages: forms and editors', () => {
  let browser: HostileBrowser;
  beforeAll(async () => {
    browser = await launchHostileBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('leaves fields and editors alone and highlights the quotes around them', async () => {
    expect(speechParagraph.length).toBeGreaterThan(200);
    const visit = await visitHostilePage(browser, 'forms', formsPage(speechParagraph), {
      expectHighlighted: [SLOGAN, SLOGAN_2],
    });
    expectUnharmed(visit.report);
    // Exactly the two real quotes: nothing from the fields, editors, the button or the options.
    expect(visibleRuns(visit.report.highlights)).toEqual([SLOGAN, SLOGAN_2]);
    // The page focused the textarea and selected part of it; both survived the scan.
    const field = await visit.probe.evaluate<{ active: string; start: number; end: number }>(
      `({ active: document.activeElement.id, start: document.getElementById('body').selectionStart, end: document.getElementById('body').selectionEnd })`,
    );
    expect(field).toEqual({ active: 'body', start: 3, end: 12 });
    await visit.probe.page.close();
  });

  it('does not highlight a quote the reader types into an editor', async () => {
    const visit = await visitHostilePage(browser, 'forms-typing', formsPage(speechParagraph), {
      expectHighlighted: [SLOGAN, SLOGAN_2],
    });
    const page = visit.probe.page;
    await page.click('#editor p');
    await page.keyboard.press('End');
    await page.keyboard.insertText(`又打了一句：${SLOGAN}，${SLOGAN_2}。`);
    await page.click('#title');
    await page.keyboard.press('End');
    await page.keyboard.insertText(SLOGAN_2);
    // Past the extension's debounce; it re-reads changed blocks, and must still skip these.
    await page.waitForTimeout(2000);
    const after = await visit.probe.highlights();
    expect(visibleRuns(after)).toEqual([SLOGAN, SLOGAN_2]);
    expect(after.ranges.filter((r) => r.inEditable)).toEqual([]);
    await page.close();
  });

  it('makes no network request from any extension context', () => {
    browser.network.assertNoExtensionRequests();
  });
});
