/**
 * The reader page in Chromium: deep links highlight exactly the speech's
 * characters and scroll them into view, hash changes follow, a bad link says
 * what was wrong, the page's own anchors survive a reload, the table of contents navigates, and selecting text copies a
 * citation to the real clipboard.
 */
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatCitation } from '../../lib/citations';
import { getCorpus } from '../../lib/corpus';
import { type ExtensionSession, launchWithExtension } from '../../scripts/browser';
import { readClipboard } from './clipboard';

const corpus = getCorpus();

function spanOf(text: string, from = 0): { start: number; end: number } {
  const start = corpus.text.indexOf(text, from);
  if (start < 0) throw new Error(`not in the speech: ${text}`);
  return { start, end: start + text.length };
}

/** The highlighted text as the reader shows it: every <mark> of the target, in order. */
async function markedText(page: Page): Promise<string> {
  return page.$$eval('mark[data-target]', (marks) => marks.map((m) => m.textContent ?? '').join(''));
}

async function inViewport(locator: Locator): Promise<boolean> {
  return locator.evaluate((el) => {
    const r = el.getBoundingClientRect();
    return r.height > 0 && r.top >= 0 && r.bottom <= window.innerHeight && r.left >= 0 && r.right <= window.innerWidth;
  });
}

describe('reader page', () => {
  let session: ExtensionSession;
  let page: Page;
  const errors: string[] = [];

  beforeAll(async () => {
    session = await launchWithExtension();
    page = await session.context.newPage();
    page.on('pageerror', (e) => errors.push(String(e)));
  });
  afterAll(async () => {
    await session?.close();
  });

  it('highlights a span deep in the speech and scrolls it into view', async () => {
    // In part 3, far below the first screen.
    const span = spanOf('牢固树立“绿水青山就是金山银山”的理念，坚持问题导向');
    expect(span.start).toBeGreaterThan(corpus.sections[3]!.start);
    await page.goto(session.extensionUrl(`reader.html#span=${span.start}-${span.end}`));
    await page.locator('mark[data-target]').first().waitFor();
    expect(await markedText(page)).toBe(corpus.text.slice(span.start, span.end));
    await expect.poll(() => inViewport(page.locator('mark[data-target]').first())).toBe(true);
    expect(await inViewport(page.locator('mark[data-target]').last())).toBe(true);
    expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(300);
    // The contents mark the section the passage is in.
    await expect.poll(() => page.locator('nav a[aria-current="location"]').getAttribute('href')).toBe('#section-3');
  });

  it('follows a hash change to a span that crosses two paragraphs', async () => {
    const p2 = corpus.paragraphs[1]!;
    const p3 = corpus.paragraphs[2]!;
    const span = { start: p2.end - 6, end: p3.start + 8 };
    await page.evaluate((h) => {
      window.location.hash = h;
    }, `#span=${span.start}-${span.end}`);
    // The line break between the paragraphs is not on the page; every character of the speech is.
    await expect.poll(() => markedText(page)).toBe(corpus.text.slice(span.start, span.end).replace('\n', ''));
    await expect.poll(() => inViewport(page.locator('mark[data-target]').first())).toBe(true);
  });

  it('highlights and scrolls to a paragraph with #p=N', async () => {
    await page.evaluate(() => {
      window.location.hash = '#p=5';
    });
    const target = page.locator('.para--target');
    await expect.poll(() => target.getAttribute('id')).toBe('p-5');
    // A paragraph is shown by its background, not marked character by character.
    expect(await page.locator('mark').count()).toBe(0);
    expect((await target.locator('p').textContent()) ?? '').toBe(corpus.paragraphs[4]!.text);
    const top = await target.evaluate((el) => el.getBoundingClientRect().top);
    expect(top).toBeGreaterThanOrEqual(0);
    expect(top).toBeLessThan(await page.evaluate(() => window.innerHeight));
    await expect.poll(() => page.locator('nav a[aria-current="location"]').getAttribute('href')).toBe('#section-3');
  });

  it('ignores a malformed hash: no highlight on load, and the last target stays on change', async () => {
    await page.evaluate(() => {
      window.location.hash = '#span=99-3';
    });
    await page.waitForTimeout(100);
    expect(await page.locator('.para--target').getAttribute('id')).toBe('p-5');

    const fresh = await session.context.newPage();
    const freshErrors: string[] = [];
    fresh.on('pageerror', (e) => freshErrors.push(String(e)));
    await fresh.goto(session.extensionUrl('reader.html#span=abc'));
    await fresh.locator('#speech-title').waitFor();
    expect(await fresh.locator('mark').count()).toBe(0);
    expect(await fresh.locator('.para').count()).toBe(corpus.paragraphs.length);
    expect(freshErrors).toEqual([]);
    await fresh.close();
  });

  it('table of contents links go to each section', async () => {
    await page.goto(session.extensionUrl('reader.html'));
    const links = page.locator('nav a');
    await expect.poll(() => links.count()).toBe(corpus.sections.length);
    for (const section of [...corpus.sections].reverse()) {
      const link = page.locator(`nav a[href="#section-${section.index}"]`);
      if (section.title !== section.label) expect(await link.textContent()).toContain(section.title);
      await link.click();
      await expect.poll(() => page.evaluate(() => window.location.hash)).toBe(`#section-${section.index}`);
      const heading = page.locator(`#section-${section.index} h2`);
      await expect.poll(() => inViewport(heading)).toBe(true);
    }
  });

  it('opens where its own links point after a reload or when typed: #section-3, #text', async () => {
    await page.goto(session.extensionUrl('reader.html'));
    await page.locator('nav a[href="#section-3"]').click();
    await expect.poll(() => inViewport(page.locator('#section-3 h2'))).toBe(true);
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.reload();
    await page.locator('#section-3 h2').waitFor();
    await expect.poll(() => inViewport(page.locator('#section-3 h2'))).toBe(true);

    const typed = await session.context.newPage();
    await typed.goto(session.extensionUrl('reader.html#section-2'));
    await typed.locator('#section-2 h2').waitFor();
    await expect.poll(() => inViewport(typed.locator('#section-2 h2'))).toBe(true);
    await typed.goto(session.extensionUrl('reader.html#text'));
    await typed.reload();
    await typed.locator('#text').waitFor();
    await expect
      .poll(() => typed.evaluate(() => document.getElementById('text')!.getBoundingClientRect().top))
      .toBeLessThan(120);
    await expect.poll(() => typed.evaluate(() => window.scrollY)).toBeGreaterThan(0);
    await typed.close();
  });

  it('says what was wrong with a bad deep link and where the reader is instead', async () => {
    const bad = await session.context.newPage();
    for (const hash of ['#p=99', '#p=0', '#span=99999-100000', '#span=50-10', '#span=abc']) {
      await bad.goto(session.extensionUrl(`reader.html${hash}`));
      const alert = bad.getByRole('alert');
      await alert.waitFor();
      const said = await alert.innerText();
      expect(said, hash).toMatch(/link|链接/i);
      expect(said, hash).toMatch(/start of the speech|讲话开头/);
      expect(await bad.locator('mark[data-target]').count(), hash).toBe(0);
    }
    await bad.close();
  });

  it('paragraph numbers are visible and link to their paragraph', async () => {
    const numbers = await page.locator('.para__num').allTextContents();
    expect(numbers).toEqual(corpus.paragraphs.map((p) => `¶${p.number}`));
    await page.locator('#p-4 .para__num').click();
    await expect.poll(() => page.locator('.para--target').getAttribute('id')).toBe('p-4');
  });

  it('selecting text offers a citation, and one click copies the default format', async () => {
    const quote = '以更高标准打好蓝天、碧水、净土保卫战';
    const span = spanOf(quote);
    await page.goto(session.extensionUrl('reader.html'));
    await page.locator('#speech-title').waitFor();
    // Select the quote as a user would: a range over the text nodes that hold it.
    await page.evaluate(({ start, end }) => {
      const point = (offset: number): [Node, number] => {
        for (const run of document.querySelectorAll<HTMLElement>('[data-o]')) {
          const o = Number(run.dataset.o);
          const text = run.firstChild as Text;
          if (offset >= o && offset <= o + text.length) return [text, offset - o];
        }
        throw new Error(`no run holds ${offset}`);
      };
      const range = document.createRange();
      range.setStart(...point(start));
      range.setEnd(...point(end));
      range.startContainer.parentElement?.scrollIntoView({ block: 'center' });
      const sel = document.getSelection()!;
      sel.removeAllRanges();
      sel.addRange(range);
    }, span);
    const toolbar = page.locator('.selection-cite');
    await toolbar.waitFor();
    expect(await inViewport(toolbar)).toBe(true);
    await toolbar.locator('.citation-menu__copy').click();
    const expected = formatCitation('gbt7714', { quote, speechStart: span.start, speechEnd: span.end });
    await expect.poll(() => page.locator('.toast').textContent()).toMatch(/GB\/T 7714/);
    expect(await readClipboard(session)).toBe(expected);
    await page.bringToFront();

    // Another format from the menu.
    await toolbar.locator('.citation-menu__trigger').click();
    await page.locator('[role="menuitem"]', { hasText: 'BibTeX' }).click();
    const bibtex = formatCitation('bibtex', { quote, speechStart: span.start, speechEnd: span.end });
    await expect.poll(() => page.locator('.toast').textContent()).toMatch(/BibTeX/);
    expect(await readClipboard(session)).toBe(bibtex);
    await page.bringToFront();

    // APA has italics: the clipboard carries them as HTML beside the plain text.
    await toolbar.locator('.citation-menu__trigger').click();
    await page.locator('[role="menuitem"]', { hasText: 'APA 7' }).click();
    await expect.poll(() => page.locator('.toast').textContent()).toMatch(/APA 7/);
    const cited = { quote, speechStart: span.start, speechEnd: span.end };
    expect(await readClipboard(session)).toBe(formatCitation('apa', cited, { lang: 'en' }));
    expect(await readClipboard(session, 'text/html')).toContain(`<i>${corpus.meta.title}</i>`);
    expect(errors).toEqual([]);
  });
});
