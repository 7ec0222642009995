/**
 * Citations of a library document: an unknown date prints each style's
 * "no date" form (never NaN), and a document's author is named in every format.
 */
import { describe, expect, it } from 'vitest';
import { type CitationFormatId, type CitationInput, formatCitation } from '../../lib/citations';
import { documentCorpus } from '../../lib/library/corpus-view';
import { createDocument } from '../../lib/library/document';
import type { DocumentMeta } from '../../lib/library/types';

const made = createDocument({
  text: '关于加强生态保护的报告\n\n一、总体要求\n坚持绿水青山就是金山银山的理念。\n\n二、主要任务\n打好污染防治攻坚战。',
  origin: { kind: 'paste' },
});
if (!made.ok) throw new Error(made.error.message);
const doc = made.value;
const QUOTE = '打好污染防治攻坚战';

function inputFor(meta: Partial<DocumentMeta>): CitationInput {
  const withMeta = { ...doc, meta: { ...doc.meta, title: '关于加强生态保护的报告', occasion: '工作会议', ...meta } };
  const start = doc.text.indexOf(QUOTE);
  return {
    document: { meta: withMeta.meta, corpus: documentCorpus(withMeta) },
    quote: QUOTE,
    speechStart: start,
    speechEnd: start + QUOTE.length,
  };
}

const undated = inputFor({ date: null, author: null });
const authored = inputFor({ date: '2024-05-01', author: '张三' });
const ALL: CitationFormatId[] = [
  'gbt7714',
  'gbt7714-2015',
  'apa',
  'mla',
  'chicago',
  'zh-note',
  'bibtex',
  'ris',
  'csl-json',
  'markdown',
  'plain',
];

describe('a library document with no date', () => {
  it('never prints NaN in any format', () => {
    for (const id of ALL) {
      expect(formatCitation(id, undated), id).not.toMatch(/NaN/);
      expect(formatCitation(id, undated, { lang: 'en' }), id).not.toMatch(/NaN/);
    }
  });

  it('prints n.d. in APA and Chicago', () => {
    const apa = formatCitation('apa', undated);
    expect(apa).toContain('关于加强生态保护的报告, n.d., Part 2');
    expect(apa).toContain('[Speech]. (n.d.). 工作会议.');
    expect(formatCitation('chicago', undated)).toContain('(speech, 工作会议, n.d.)');
  });

  it('leaves the year out of GB/T 7714, MLA and the Chinese footnote', () => {
    expect(formatCitation('gbt7714', undated)).toContain('[出版地不详]：[出版者不详]：二、“主要任务”');
    expect(formatCitation('gbt7714-2015', undated)).toContain('[出版地不详]: [出版者不详]: 二、“主要任务”');
    expect(formatCitation('mla', undated)).toContain('工作会议. Speech.');
    expect(formatCitation('zh-note', undated)).toContain('《关于加强生态保护的报告》，二、“主要任务”');
  });

  it('omits the date fields of the data formats', () => {
    const csl = JSON.parse(formatCitation('csl-json', undated)) as Record<string, unknown>[];
    expect(csl[0]).not.toHaveProperty('issued');
    expect(formatCitation('bibtex', undated)).not.toMatch(/\byear =/);
    expect(formatCitation('ris', undated)).not.toMatch(/^PY {2}-/m);
  });

  it('leaves the year out of plain text and Markdown', () => {
    expect(formatCitation('plain', undated)).toBe(
      '“打好污染防治攻坚战”——《关于加强生态保护的报告》，二、“主要任务”，第5段。',
    );
    expect(formatCitation('markdown', undated, { lang: 'en' })).toContain('— *关于加强生态保护的报告*, ');
  });
});

describe('a library document with an author', () => {
  it('names the author in plain text, Markdown and the Chinese footnote', () => {
    expect(formatCitation('plain', authored)).toMatch(
      /^“打好污染防治攻坚战”——张三：《关于加强生态保护的报告》（2024）/,
    );
    expect(formatCitation('plain', authored, { lang: 'en' })).toMatch(/— 张三, 关于加强生态保护的报告 \(2024\)/);
    expect(formatCitation('markdown', authored)).toContain('> ——张三：《关于加强生态保护的报告》（2024）');
    expect(formatCitation('markdown', authored, { lang: 'en' })).toContain('> — 张三, *关于加强生态保护的报告* (2024)');
    expect(formatCitation('zh-note', authored)).toContain('张三：《关于加强生态保护的报告》，2024年');
  });
});
