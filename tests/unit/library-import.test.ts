import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeText } from '../../lib/library/decode';
import { checkAgainstLibrary, createDocument, documentIdOf } from '../../lib/library/document';
import { MAX_DOCUMENT_CHARS, MAX_FILE_BYTES } from '../../lib/library/errors';
import { importArticle, importDocx, importFile, importPaste, importTextFile } from '../../lib/library/import';
import { exportLibrary, mergeLibrary, parseLibraryFile } from '../../lib/library/library-file';
import { importPdf, type PdfJs } from '../../lib/library/pdf';
import { keyPhrasesOf } from '../../lib/library/structure';
import type { ReferenceDocument } from '../../lib/library/types';
import { corpusDocument } from './library-corpora';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/library/${name}`, import.meta.url));
const utf8 = fixture('report-utf8.txt').toString('utf8');
const NOW = Date.UTC(2026, 0, 2);

function must<T>(r: { ok: true; value: T } | { ok: false; error: { message: string } }): T {
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

async function pdfjs(): Promise<PdfJs> {
  return (await import('pdfjs-dist/legacy/build/pdf.mjs')) as unknown as PdfJs;
}

describe('text files are decoded whatever their encoding', () => {
  it('reads GBK (GB18030), UTF-16 with a mark and UTF-8 to the same text and the same id', () => {
    const gbk = must(importTextFile('report-gbk.txt', fixture('report-gbk.txt'), { now: NOW }));
    const utf16 = must(importTextFile('report-utf16.txt', fixture('report-utf16.txt'), { now: NOW }));
    const plain = must(importTextFile('report-utf8.txt', fixture('report-utf8.txt'), { now: NOW }));
    expect(gbk.origin).toEqual({ kind: 'file', fileName: 'report-gbk.txt', format: 'txt', encoding: 'gb18030' });
    expect(utf16.origin).toMatchObject({ encoding: 'utf-16le' });
    expect(plain.origin).toMatchObject({ encoding: 'utf-8' });
    expect(gbk.text).toBe(plain.text);
    expect(utf16.text).toBe(plain.text);
    expect(gbk.id).toBe(plain.id);
    expect(gbk.text).toContain('本届政府任期即将结束');
  });

  it('tells UTF-16 without a mark by its zero bytes', () => {
    const bytes = Buffer.from('Report 报告\nline two 第二行\n', 'utf16le');
    expect(must(decodeText(bytes))).toEqual({ text: 'Report 报告\nline two 第二行\n', encoding: 'utf-16le' });
  });

  it('refuses empty, binary, undecodable and over-size input, each with its own reason', () => {
    const empty = importTextFile('a.txt', new Uint8Array(0));
    expect(!empty.ok && empty.error.code).toBe('empty');
    const blank = importTextFile('a.txt', Buffer.from('  \n\n。，“”\n'));
    expect(!blank.ok && blank.error.code).toBe('empty');
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]);
    const binary = importTextFile('a.txt', png);
    expect(!binary.ok && binary.error.code).toBe('binary');
    // Bytes valid in neither UTF-8 nor GB18030: 0x80 and 0xFF lead bytes.
    const junk = importTextFile('a.txt', Buffer.from([0x41, 0xff, 0xff, 0x80, 0x42, 0xff, 0x80, 0x80, 0xff]));
    expect(!junk.ok && junk.error.code).toBe('undecodable');
    const big = importTextFile('a.txt', new Uint8Array(MAX_FILE_BYTES + 1).fill(0x41));
    expect(!big.ok && big.error).toMatchObject({ code: 'too-large', unit: 'bytes', limit: MAX_FILE_BYTES });
    const long = importPaste('字'.repeat(MAX_DOCUMENT_CHARS + 1));
    expect(!long.ok && long.error).toMatchObject({ code: 'too-large', unit: 'characters' });
  });

  it('refuses a file type it cannot read', async () => {
    const r = await importFile('slides.pptx', Buffer.from('x'));
    expect(!r.ok && r.error).toMatchObject({ code: 'unsupported', fileName: 'slides.pptx' });
  });
});

describe('structure and metadata are detected on import', () => {
  it('reads title, date, author and occasion off the head of a work report', () => {
    const doc = must(importTextFile('2023.txt', fixture('report-gbk.txt')));
    expect(doc.meta).toMatchObject({
      title: '政府工作报告',
      date: '2023-03-05',
      author: '国务院总理 李克强',
      occasion: '第十四届全国人民代表大会第一次会议',
      publisher: null,
      englishTitle: null,
      url: null,
    });
    expect(doc.structure.headings).toEqual([
      expect.objectContaining({ level: 1, label: '一、', title: '过去一年和五年工作回顾' }),
    ]);
  });

  it('finds the 20th Congress report’s headings in two levels, its author and date, and its slogans', () => {
    const real = corpusDocument('高举中国特色社会主义伟大旗帜 为全面建设');
    const doc = must(createDocument({ text: real.content, origin: { kind: 'paste' }, hints: { title: real.title } }));
    const { headings, paragraphs, sentences, slogans } = doc.structure;
    expect(doc.meta.author).toBe('习近平');
    expect(doc.meta.date).toBe('2022-10-16');
    expect(doc.meta.title).toBe(real.title);
    const top = headings.filter((h) => h.level === 1).map((h) => `${h.label}${h.title}`);
    expect(top.slice(0, 3)).toEqual([
      '一、过去五年的工作和新时代十年的伟大变革',
      '二、开辟马克思主义中国化时代化新境界',
      '三、新时代新征程中国共产党的使命任务',
    ]);
    expect(top).toHaveLength(15);
    const second = headings.filter((h) => h.level === 2);
    expect(second[0]).toMatchObject({ label: '（一）', title: '构建高水平社会主义市场经济体制' });
    // Every heading's span is its marker and words, as the text has them.
    for (const h of headings) expect(doc.text.slice(h.start, h.end)).toBe(`${h.label}${h.title}`);
    expect(paragraphs.length).toBeGreaterThan(150);
    expect(
      sentences.some((s) => doc.text.slice(s.start, s.end) === '现在，我代表第十九届中央委员会向大会作报告。'),
    ).toBe(true);
    const texts = slogans.map((s) => s.text);
    expect(texts).toContain('一国两制');
    expect(texts).toContain('十四五');
    for (const s of slogans) for (const o of s.occurrences) expect(doc.text.slice(o.start, o.end)).toBe(s.text);
  });

  it('recognises 第X部分, 第X章, 第X条, 第一， and numbered headings, outermost first', () => {
    const text = [
      '某某条例',
      '第一章 总则',
      '第一条 为了规范管理，制定本条例。',
      '第二章 附则',
      '第二条 本条例自公布之日起施行。',
    ].join('\n');
    const doc = must(importPaste(text));
    expect(doc.structure.headings.map((h) => [h.level, h.label, h.title])).toEqual([
      [1, '第一章', '总则'],
      [2, '第一条', '为了规范管理，制定本条例'],
      [1, '第二章', '附则'],
      [2, '第二条', '本条例自公布之日起施行'],
    ]);
    const speechLike = must(importPaste('讲话\n第一，要坚持方向。具体如下。\n1. 抓落实\n第二，要统筹推进。'));
    expect(speechLike.structure.headings.map((h) => [h.level, h.label, h.title])).toEqual([
      [1, '第一，', '要坚持方向'],
      [2, '1.', '抓落实'],
      [1, '第二，', '要统筹推进'],
    ]);
  });

  it('takes headings from Markdown and HTML, and never runs or keeps a script', async () => {
    const md = must(
      await importFile('notes.md', Buffer.from('# 学习笔记\n\n## 一、总体要求\n\n要**坚持**[问题导向](https://x)。\n')),
    );
    expect(md.text).toBe('学习笔记\n\n一、总体要求\n\n要坚持问题导向。');
    expect(md.meta.title).toBe('学习笔记');
    expect(md.structure.headings.map((h) => [h.level, h.label, h.title])).toEqual([
      [1, '', '学习笔记'],
      [2, '一、', '总体要求'],
    ]);
    const html = must(await importFile('report.html', fixture('report.html')));
    expect(html.text).not.toContain('不该出现');
    expect(html.text).not.toContain('<');
    expect(html.meta.title).toBe('政府工作报告');
    expect(html.structure.headings.map((h) => [h.level, h.label, h.title])).toEqual([
      [1, '', '政府工作报告'],
      [2, '一、', '过去一年和五年工作回顾'],
    ]);
  });

  it('applies the reader’s key-phrase edits over the detected slogans', () => {
    const doc = must(importPaste('要践行“绿水青山就是金山银山”的理念，守住“红线”，推进美丽中国建设。'));
    expect(doc.structure.slogans.map((s) => s.text)).toEqual(['绿水青山就是金山银山', '红线']);
    const edited = keyPhrasesOf(doc.text, doc.structure.slogans, { added: ['美丽中国建设'], removed: ['红线'] });
    expect(edited.map((s) => s.text)).toEqual(['绿水青山就是金山银山', '美丽中国建设']);
    const at = doc.text.indexOf('美丽中国建设');
    expect(edited[1]?.occurrences).toEqual([{ start: at, end: at + 6 }]);
  });
});

describe('.docx and .pdf', () => {
  it('reads a .docx with its heading styles', async () => {
    const doc = must(await importDocx('report.docx', fixture('report.docx')));
    expect(doc.origin).toEqual({ kind: 'file', fileName: 'report.docx', format: 'docx' });
    expect(doc.text).toContain('本届政府任期即将结束。现在，我代表国务院');
    expect(doc.structure.headings.map((h) => [h.level, h.label, h.title])).toEqual([
      [1, '', '政府工作报告'],
      [2, '一、', '过去一年和五年工作回顾'],
    ]);
    expect(doc.meta.date).toBe('2023-03-05');
  });

  it('refuses a corrupt .docx', async () => {
    const broken = await importDocx('broken.docx', Buffer.from('PK\u0003\u0004 this is not a zip archive'));
    expect(!broken.ok && broken.error).toMatchObject({ code: 'corrupt', format: 'docx' });
    const truncated = await importDocx('cut.docx', fixture('report.docx').subarray(0, 600));
    expect(!truncated.ok && truncated.error.code).toBe('corrupt');
  });

  it('reads a .pdf (pdf.js legacy build) into paragraphs with its headings', async () => {
    const doc = must(await importPdf(await pdfjs(), 'report.pdf', fixture('report.pdf')));
    expect(doc.origin).toEqual({ kind: 'file', fileName: 'report.pdf', format: 'pdf' });
    // The PDF breaks paragraphs into lines and writes some ideographs as radicals: both undone.
    expect(doc.text).toContain('以习近平同志为核心的党中央团结带领全国各族人民迎难而上，全面落实疫情要防住');
    expect(doc.structure.headings.map((h) => `${h.label}${h.title}`)).toContain('一、过去一年和五年工作回顾');
    expect(doc.meta.title).toBe('政府工作报告');
  });

  it('refuses a corrupt .pdf', async () => {
    const lib = await pdfjs();
    const bad = await importPdf(lib, 'bad.pdf', Buffer.from('%PDF-1.7\nnot really a pdf\n%%EOF'));
    expect(!bad.ok && bad.error).toMatchObject({ code: 'corrupt', format: 'pdf' });
    const cut = await importPdf(lib, 'cut.pdf', fixture('report.pdf').subarray(0, 2000));
    expect(!cut.ok && cut.error.code).toBe('corrupt');
  });
});

describe('pasted text, a page’s article, duplicates', () => {
  it('turns an article into a document citing its page', () => {
    const doc = must(
      importArticle({
        text: '\n    新华社北京电\n\n    在2023年全国生态环境保护大会上的讲话要点。\n',
        title: '要点速览',
        url: 'https://news.example.cn/a/1',
        byline: '记者 张三',
        siteName: '新华网',
      }),
    );
    expect(doc.origin).toEqual({ kind: 'page', url: 'https://news.example.cn/a/1' });
    expect(doc.meta).toMatchObject({
      title: '要点速览',
      url: 'https://news.example.cn/a/1',
      author: '记者 张三',
      publisher: '新华网',
    });
    expect(doc.text).toBe('新华社北京电\n\n在2023年全国生态环境保护大会上的讲话要点。');
  });

  it('gives one text one id, up to width, punctuation and spaces', () => {
    expect(documentIdOf('绿水青山，就是金山银山。')).toBe(documentIdOf('綠水青山 就是金山銀山!'.replace('綠', '绿')));
    expect(documentIdOf('绿水青山就是金山银山')).not.toBe(documentIdOf('绿水青山就是金山'));
  });

  it('refuses an exact duplicate and a near-duplicate, saying how much overlaps', () => {
    const library = [must(importPaste(utf8))];
    const again = must(importTextFile('copy.txt', fixture('report-gbk.txt')));
    const dup = checkAgainstLibrary(again, library);
    expect(!dup.ok && dup.error).toMatchObject({
      code: 'duplicate',
      documentId: library[0]?.id,
      title: '政府工作报告',
    });
    // The same report with one paragraph dropped and a line added.
    const edited = must(importPaste(`${utf8.replace(/各位代表：\n\n[^\n]*\n/, '')}\n附：本文有删节。`));
    const near = checkAgainstLibrary(edited, library);
    expect(!near.ok && near.error.code).toBe('near-duplicate');
    const overlap = !near.ok && near.error.code === 'near-duplicate' ? near.error.overlap : 0;
    expect(overlap).toBeGreaterThan(0.8);
    expect(overlap).toBeLessThan(1);
    expect(!near.ok && near.error.message).toMatch(/^\d+% of this text is already in “政府工作报告”$/);
    const other = must(importPaste('这是一篇完全不同的文章，讲的是城市垃圾分类和社区治理的新做法。'));
    expect(checkAgainstLibrary(other, library).ok).toBe(true);
  });
});

describe('the library file', () => {
  const docs = (): ReferenceDocument[] => [
    must(importTextFile('report.txt', fixture('report-utf8.txt'), { now: NOW })),
    { ...must(importPaste('要践行“绿水青山就是金山银山”的理念，推进美丽中国建设。', { now: NOW })), enabled: false },
  ];

  it('round-trips: export, parse, the same documents (structure derived again)', () => {
    const original = docs();
    original[1] = { ...(original[1] as ReferenceDocument), keyPhrases: { added: ['美丽中国建设'], removed: [] } };
    const file = exportLibrary(original, NOW);
    expect(file).toMatchObject({ format: 'yuanwen-library', version: 1, exportedAt: '2026-01-02T00:00:00.000Z' });
    const parsed = parseLibraryFile(JSON.stringify(file));
    if (!parsed.ok) throw new Error(parsed.error.message);
    expect(parsed.documents).toEqual(original);
  });

  it('refuses what is not a valid library file, saying why', () => {
    const cases: [string, string][] = [
      ['{not json', 'invalid-json'],
      ['{"format":"other"}', 'not-a-library'],
      ['{"format":"yuanwen-library","version":2,"exportedAt":"","documents":[]}', 'unsupported-version'],
      ['{"format":"yuanwen-library","version":1,"exportedAt":"","documents":[{"id":"x"}]}', 'invalid'],
    ];
    for (const [json, code] of cases) {
      const r = parseLibraryFile(json);
      expect(!r.ok && r.error.code).toBe(code);
    }
    const file = exportLibrary(docs(), NOW);
    (file.documents[0] as { meta: { date: string } }).meta.date = 'last year';
    const r = parseLibraryFile(JSON.stringify(file));
    expect(!r.ok && r.error).toMatchObject({ code: 'invalid' });
    expect(!r.ok && r.error.message).toContain('documents.0.meta.date');
  });

  it('merges a colleague’s file: new documents added, duplicates and near-duplicates skipped', () => {
    const mine = [docs()[0] as ReferenceDocument];
    const theirs = parseLibraryFile(
      JSON.stringify(exportLibrary([...docs(), must(importPaste(`${utf8}\n补充一句。`))])),
    );
    if (!theirs.ok) throw new Error(theirs.error.message);
    const merged = mergeLibrary(mine, theirs.documents);
    expect(merged.added.map((d) => d.text.slice(0, 4))).toEqual(['要践行“']);
    expect(merged.skipped.map((s) => s.reason.error.code)).toEqual(['duplicate', 'near-duplicate']);
  });
});
