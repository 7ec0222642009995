/**
 * The library journey in Chromium, on the production build: a reader imports
 * a .docx, a GBK .txt, a .pdf and the page they are reading; a news page then
 * shows quotes of each with the right document (a line the speech and the
 * 20th Party Congress report share is one match naming both) and section;
 * the popup opens the quoted document in the reader at the quote (its contents
 * from the detected structure, its citation, its heat map, its own search);
 * a lookup searches every document; the library is exported and a
 * colleague's fresh profile imports it and sees the same quotes.
 *
 * Fixtures are made here, deterministically: the GBK file is the congress
 * report (../shared/corpora) encoded with the inverse of the browser's own
 * GBK decoder; the PDF is an excerpt of the 2024 government work report
 * printed by Chromium; the .docx is the engine's fixture (2023 report).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ExtensionSession, launchWithExtension, ROOT } from '../../scripts/browser';
import { readClipboard } from './clipboard';

const CORPORA = join(ROOT, '../shared/corpora');

function corpus(file: string, pick: (d: Record<string, unknown>) => boolean): { title: string; content: string } {
  for (const line of readFileSync(join(CORPORA, file), 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const d = JSON.parse(line) as Record<string, unknown>;
    if (pick(d)) return { title: String(d.title), content: String(d.content) };
  }
  throw new Error(`no such document in ${file} (../shared/corpora is needed)`);
}

/** GBK bytes of `text`: the inverse of TextDecoder('gbk') over every two-byte code. */
function encodeGbk(text: string): Uint8Array {
  const decoder = new TextDecoder('gbk');
  const table = new Map<string, [number, number]>();
  for (let a = 0x81; a <= 0xfe; a++)
    for (let b = 0x40; b <= 0xfe; b++) {
      if (b === 0x7f) continue;
      const ch = decoder.decode(Uint8Array.of(a, b));
      if (ch.length === 1 && ch !== '\ufffd' && !table.has(ch)) table.set(ch, [a, b]);
    }
  const out: number[] = [];
  for (const ch of text) {
    const code = ch.codePointAt(0) as number;
    if (code < 0x80) out.push(code);
    else {
      const pair = table.get(ch);
      if (pair) out.push(...pair);
    }
  }
  return Uint8Array.from(out);
}

const CONGRESS = corpus('cpc-congress-reports.jsonl', (d) => d.congress === 20);
const REPORT_2024 = corpus('government-work-reports.jsonl', (d) => d.year === '2024');
/** In the speech and in the congress report. */
const SHARED = '必须牢固树立和践行绿水青山就是金山银山的理念，站在人与自然和谐共生的高度谋划发展';
/** In the 2023 report (the .docx). */
const DOCX_LINE = '面对风高浪急的国际环境和艰巨繁重的国内改革发展稳定任务';
/** Only in the congress report (its opening). */
const CONGRESS_LINE = '中国共产党第二十次全国代表大会，是在全党全国各族人民迈上全面建设社会主义现代化国家新征程';
const SPEECH_TITLE = '在2023年生态文明建设和生态环境保护工作会议上的讲话';
/** The page added to the library, and a line of it. */
const ARTICLE_LINE = '县里把山区林下经济与乡村旅游结合起来，探索出一条生态产品价值实现的新路子';

function pdfExcerpt(): { html: string; line: string } {
  const paragraphs = REPORT_2024.content
    .split(/\n\s*\n/)
    .filter((p) => p.trim().length > 40)
    .slice(0, 6);
  const line = (paragraphs[2] as string).replace(/\s/g, '').slice(0, 30);
  const body = paragraphs.map((p) => `<p>${p.trim()}</p>`).join('\n');
  return {
    html: `<!doctype html><meta charset="utf-8"><title>2024年政府工作报告</title><style>body{font:14px "Noto Sans CJK SC",sans-serif}</style><h1>2024年政府工作报告</h1>\n${body}`,
    line,
  };
}

async function importFile(library: Page, name: string, mimeType: string, buffer: Buffer): Promise<void> {
  await library.locator('input[type="file"][accept*=".docx"]').setInputFiles({ name, mimeType, buffer });
  const preview = library.getByRole('region', { name: /^Preview/ });
  await preview.waitFor({ timeout: 30_000 });
  await preview.getByRole('button', { name: 'Save to the library' }).click();
  await library.getByText(/^Saved “/).waitFor();
}

async function tabIdOf(session: ExtensionSession, url: string): Promise<number> {
  return session.serviceWorker.evaluate(async (u) => {
    const [tab] = await chrome.tabs.query({ url: u });
    return tab?.id ?? -1;
  }, url);
}

interface Listed {
  quote: string;
  documentId: string;
  chips: string[];
  section: string;
}

async function popupMatches(session: ExtensionSession, url: string, atLeast: number): Promise<Listed[]> {
  const popup = await session.context.newPage();
  await popup.goto(session.extensionUrl(`popup.html?tab=${await tabIdOf(session, url)}`));
  await popup.waitForFunction(
    (n) =>
      document.querySelectorAll('li.match').length >= n &&
      !document.querySelector('.toolbar__count .spinner') &&
      document.querySelector('.yw-doc-chip') !== null,
    atLeast,
    { timeout: 30_000 },
  );
  const listed = await popup.$$eval('li.match', (lis) =>
    lis.map((li) => ({
      quote: li.querySelector('.match__quote')?.textContent ?? '',
      documentId: (li as HTMLElement).dataset.documentId ?? '',
      chips: [...li.querySelectorAll('.yw-doc-chip')].map((c) => c.textContent ?? ''),
      section: li.querySelector('.match__section')?.textContent ?? '',
    })),
  );
  await popup.close();
  return listed;
}

function newsPage(lines: string[]): string {
  const body = lines.map((l) => `<p>记者从会上获悉：${l}。这是一段新闻报道的文字。</p>`).join('\n');
  return `<!doctype html><html lang="zh-CN"><meta charset="utf-8"><title>综合新闻</title><body><article><h1>综合新闻</h1>${body}</article></body></html>`;
}

describe('library journey', () => {
  let a: ExtensionSession;
  let b: ExtensionSession | undefined;
  let exported = '';
  const pdf = pdfExcerpt();

  beforeAll(async () => {
    a = await launchWithExtension();
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
  });

  it('imports a .docx, a GBK .txt, a .pdf and the current page', async () => {
    const printer = await a.context.newPage();
    await printer.setContent(pdf.html);
    const pdfBytes = await printer.pdf({ format: 'A4' });
    await printer.close();

    const library = await a.context.newPage();
    await library.goto(a.extensionUrl('library.html'));
    await importFile(
      library,
      'report-2023.docx',
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      readFileSync(join(ROOT, 'tests/fixtures/library/report.docx')),
    );
    const gbk = Buffer.from(encodeGbk(`${CONGRESS.title}\n\n${CONGRESS.content}`));
    await importFile(library, 'congress-20.txt', 'text/plain', gbk);
    await importFile(library, 'report-2024.pdf', 'application/pdf', pdfBytes);

    // The page being read: "Add this page to the library" opens library.html#page=<tab>.
    a.server.route(
      '/article.html',
      `<!doctype html><html lang="zh-CN"><meta charset="utf-8"><title>林下经济走出新路子 - 某县新闻网</title><body><nav>首页 | 新闻 | 视频</nav><article><h1>林下经济走出新路子</h1><p class="byline">记者 张某</p><p>${ARTICLE_LINE}。</p><p>当地干部介绍，近年来全县累计发展林下种植面积超过十万亩，带动数千户农民增收，生态效益和经济效益同步提升。</p><p>下一步，县里将继续完善利益联结机制，让更多群众分享生态红利，努力把绿色资源优势转化为发展优势。</p></article><footer>版权所有 某县新闻网</footer></body></html>`,
    );
    const article = await a.context.newPage();
    await article.goto(`${a.server.baseUrl}/article.html`);
    const tab = await tabIdOf(a, `${a.server.baseUrl}/article.html`);
    const adder = await a.context.newPage();
    await adder.goto(a.extensionUrl(`library.html#page=${tab}`));
    const preview = adder.getByRole('region', { name: /^Preview/ });
    await preview.waitFor({ timeout: 30_000 });
    expect(await preview.getByLabel('URL').inputValue()).toBe(`${a.server.baseUrl}/article.html`);
    await preview.getByRole('button', { name: 'Save to the library' }).click();
    await adder.getByText(/^Saved “/).waitFor();
    await adder.close();

    await library.reload();
    await library.waitForFunction(() => document.querySelectorAll('.yw-doc__title').length >= 5);
    const titles = await library.$$eval('.yw-doc__title', (els) => els.map((e) => e.textContent));
    expect(titles).toHaveLength(5); // the speech and four imports
    expect(titles).toContain(CONGRESS.title);
    await library.getByText('Index ready: 5 enabled documents').waitFor({ timeout: 60_000 });
  });

  it('shows the quotes of every document on a news page, with its document and section', async () => {
    a.server.route('/news.html', newsPage([SHARED, DOCX_LINE, pdf.line, ARTICLE_LINE]));
    const news = await a.context.newPage();
    await news.goto(`${a.server.baseUrl}/news.html`);
    const listed = await popupMatches(a, `${a.server.baseUrl}/news.html`, 4);
    const find = (words: string) => listed.find((m) => m.quote.includes(words.slice(2, 14)));
    const shared = find(SHARED);
    expect(shared?.chips.sort()).toEqual([CONGRESS.title, SPEECH_TITLE].sort());
    const docx = find(DOCX_LINE);
    expect(docx?.chips[0]).toBe('政府工作报告');
    expect(docx?.section).toMatch(/过去一年和五年工作回顾/);
    expect(find(pdf.line)?.chips[0]).toMatch(/2024年政府工作报告/);
    // Readability's title, as the page's <title> has it (the preview lets the reader shorten it).
    expect(find(ARTICLE_LINE)?.chips[0]).toMatch(/^林下经济走出新路子/);
  });

  it('opens a quote in its document in the reader: contents, span, citation, heat map, search', async () => {
    const url = `${a.server.baseUrl}/news.html`;
    const popup = await a.context.newPage();
    await popup.goto(a.extensionUrl(`popup.html?tab=${await tabIdOf(a, url)}`));
    const item = popup.locator('li.match', { hasText: DOCX_LINE.slice(2, 14) });
    await item.waitFor({ timeout: 30_000 });
    const documentId = (await item.getAttribute('data-document-id')) as string;
    expect(documentId).not.toBe('speech');
    const [reader] = await Promise.all([
      a.context.waitForEvent('page'),
      item.getByRole('button', { name: /^Full passage/ }).click(),
    ]);
    await popup.close();
    await reader.locator('mark[data-target]').first().waitFor({ timeout: 30_000 });
    expect(reader.url()).toMatch(new RegExp(`/reader\\.html#doc=${documentId}&span=\\d+-\\d+$`));
    expect(await reader.locator('h1').first().textContent()).toContain('政府工作报告');
    const marked = await reader.$$eval('mark[data-target]', (ms) => ms.map((m) => m.textContent ?? '').join(''));
    expect(marked).toContain(DOCX_LINE.slice(2, 24));
    // The contents list is the document's detected structure, at the section of the quote.
    const toc = reader.getByRole('navigation');
    expect(await toc.textContent()).toMatch(/过去一年和五年工作回顾/);
    expect(await toc.textContent()).not.toMatch(/切实增强落实污染防治的思想自觉/);
    await expect.poll(() => toc.locator('a[aria-current="location"]').textContent()).toMatch(/过去一年和五年工作回顾/);
    // The news page was recorded in the ledger: the quoted sentence of the document is shaded.
    await expect
      .poll(
        () =>
          reader.evaluate(() =>
            [1, 2, 3, 4].flatMap((level) =>
              [...(CSS.highlights.get(`yuanwen-heat-${level}`) ?? [])].map((r) => (r as Range).toString()),
            ),
          ),
        { timeout: 15_000 },
      )
      .toEqual(expect.arrayContaining([expect.stringContaining(DOCX_LINE.slice(2, 24))]));
    // The citation cites the document, not the speech.
    await reader.bringToFront();
    await reader.locator('.target-bar .citation-menu__copy').click();
    await expect.poll(() => reader.locator('.toast').textContent()).toMatch(/GB\/T 7714/);
    const citation = await readClipboard(a);
    expect(citation).toContain('政府工作报告');
    expect(citation).toContain(DOCX_LINE.slice(2, 24));
    expect(citation).not.toContain(SPEECH_TITLE);
    // Search within the document: a passage of it opens there.
    await reader.bringToFront();
    await reader.locator('summary', { hasText: 'Find in this document' }).click();
    const box = reader.getByLabel('Text to look up');
    await box.fill('稳就业');
    await box.press('Enter');
    const hit = reader.locator('li.yw-hit').first();
    await hit.waitFor({ timeout: 30_000 });
    expect(await hit.getAttribute('data-document-id')).toBe(documentId);
    await hit.getByRole('button', { name: 'Open in the reader' }).click();
    await expect.poll(() => reader.url()).toMatch(new RegExp(`#doc=${documentId}&span=\\d+-\\d+$`));
    await expect.poll(() => reader.locator('mark[data-target]').allTextContents()).toContain('稳就业');
    await reader.close();
  });

  it('a link to a document the library does not have says so and leads back to the speech', async () => {
    const reader = await a.context.newPage();
    await reader.goto(a.extensionUrl('reader.html#doc=no-such-document&span=0-4'));
    await reader
      .getByRole('alert')
      .getByText(/not in your library/)
      .waitFor();
    await reader.getByRole('link', { name: 'Open the speech' }).click();
    await expect.poll(() => reader.locator('h1').first().textContent()).toContain(SPEECH_TITLE);
    await reader.close();
  });

  it('looks a selection up in every enabled document and opens the right one', async () => {
    const lookup = await a.context.newPage();
    await lookup.goto(a.extensionUrl(`lookup.html#q=${encodeURIComponent(CONGRESS_LINE)}`));
    const first = lookup.locator('li.yw-hit').first();
    await first.waitFor({ timeout: 30_000 });
    expect(await first.getAttribute('data-kind')).toBe('exact');
    expect(await first.locator('.yw-doc-chip').textContent()).toBe(CONGRESS.title);
    const [reader] = await Promise.all([
      a.context.waitForEvent('page'),
      first.getByRole('link', { name: 'Open in the reader' }).click(),
    ]);
    await reader.locator('mark[data-target]').first().waitFor({ timeout: 30_000 });
    expect(reader.url()).toMatch(/\/reader\.html#doc=[^&]+&span=\d+-\d+$/);
    expect(await reader.locator('h1').first().textContent()).toContain('高举中国特色社会主义伟大旗帜');
    const marked = await reader.$$eval('mark[data-target]', (ms) => ms.map((m) => m.textContent ?? '').join(''));
    expect(marked.replace(/\s/g, '')).toBe(CONGRESS_LINE);
    // A line the speech shares is found in the speech too, the speech first.
    await lookup.bringToFront();
    const box = lookup.getByLabel('Text to look up');
    await box.fill(SHARED);
    await box.press('Enter');
    await expect
      .poll(() => lookup.locator('li.yw-hit[data-kind="exact"] .yw-doc-chip').allTextContents(), { timeout: 30_000 })
      .toEqual(expect.arrayContaining([SPEECH_TITLE, CONGRESS.title]));
    expect(await lookup.locator('li.yw-hit .yw-doc-chip').first().textContent()).toBe(SPEECH_TITLE);
    await reader.close();
    await lookup.close();
  });

  it('exports the library and a colleague imports it in a fresh profile', async () => {
    const library = await a.context.newPage();
    await library.goto(a.extensionUrl('library.html'));
    const [download] = await Promise.all([
      library.waitForEvent('download'),
      library.getByRole('button', { name: 'Export the whole library' }).click(),
    ]);
    exported = readFileSync((await download.path()) as string, 'utf8');
    expect(JSON.parse(exported).documents).toHaveLength(4);

    b = await launchWithExtension();
    const theirs = await b.context.newPage();
    await theirs.goto(b.extensionUrl('library.html'));
    await theirs
      .getByLabel('Import a library file (JSON)')
      .setInputFiles({ name: 'library.json', mimeType: 'application/json', buffer: Buffer.from(exported) });
    await theirs.getByText('Imported 4, skipped 0 duplicates').waitFor();
    await theirs.getByText('Index ready: 5 enabled documents').waitFor({ timeout: 60_000 });
    b.server.route('/news.html', newsPage([SHARED, DOCX_LINE]));
    const news = await b.context.newPage();
    await news.goto(`${b.server.baseUrl}/news.html`);
    const listed = await popupMatches(b, `${b.server.baseUrl}/news.html`, 2);
    expect(listed.find((m) => m.quote.includes(DOCX_LINE.slice(2, 14)))?.chips[0]).toBe('政府工作报告');
  });
});
