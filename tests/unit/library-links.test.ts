/**
 * Reader links to library documents and a document's corpus view (sections
 * from its outermost headings, numbered paragraphs, locate()).
 */
import { describe, expect, it } from 'vitest';
import { documentCorpus, yearOf } from '../../lib/library/corpus-view';
import { documentHash, readDocumentHash } from '../../lib/library/doc-link';
import { createDocument } from '../../lib/library/document';

describe('document links', () => {
  it('keeps the speech on its own links and names other documents', () => {
    expect(documentHash('speech', { start: 3, end: 9 })).toBe('#span=3-9');
    expect(documentHash('speech', null)).toBe('');
    expect(documentHash('d1', { start: 3, end: 9 })).toBe('#doc=d1&span=3-9');
    expect(documentHash('a b', null)).toBe('#doc=a%20b');
    expect(readDocumentHash('#doc=d1&span=3-9')).toEqual({ documentId: 'd1', rest: '#span=3-9' });
    expect(readDocumentHash('#doc=a%20b')).toEqual({ documentId: 'a b', rest: '' });
    expect(readDocumentHash('#span=3-9')).toBeNull();
    expect(readDocumentHash('#doc=')).toBeNull();
    expect(readDocumentHash('#doc=%E0%A4%A')).toBeNull();
  });
});

describe('document corpus view', () => {
  const made = createDocument({
    text: '标题行\n\n开头一段。\n\n一、第一部分\n（一）小节\n第一句；第二分句。第二句。\n\n二、第二部分\n最后一段。',
    origin: { kind: 'paste' },
  });
  if (!made.ok) throw new Error(made.error.message);
  const doc = made.value;
  const corpus = documentCorpus(doc);

  it('makes sections of the outermost headings and numbers the paragraphs', () => {
    expect(corpus.sections.map((s) => s.label)).toEqual(['', '一、', '二、']);
    expect(corpus.sections.map((s) => s.title)).toEqual([doc.meta.title, '第一部分', '第二部分']);
    expect(corpus.paragraphs.map((p) => p.number)).toEqual(corpus.paragraphs.map((_, i) => i + 1));
    const at = doc.text.indexOf('第二句');
    const loc = corpus.locate(at);
    expect(loc?.section.label).toBe('一、');
    expect(loc?.sentence.text).toBe('第二句。');
    const last = corpus.locate(doc.text.indexOf('最后'));
    expect(last?.section.label).toBe('二、');
    expect(corpus.locate(doc.text.length + 5)).toBeNull();
  });

  it('splits sentences into clauses after ；', () => {
    const s = corpus.sentences.find((x) => x.text.startsWith('第一句'));
    expect(s?.clauses.map((c) => c.text)).toEqual(['第一句；', '第二分句。']);
  });

  it('reads the year of a date, NaN when unknown', () => {
    expect(yearOf('2023-03-05')).toBe(2023);
    expect(yearOf(null)).toBeNaN();
  });
});

describe('a document whose title is its only top-level heading', () => {
  it('takes its sections from the next level', () => {
    const text = '报告\n\n一、甲部分\n第一段内容。\n\n二、乙部分\n第二段内容。';
    const made = createDocument({ text, origin: { kind: 'paste' } });
    if (!made.ok) throw new Error(made.error.message);
    const at = (s: string) => made.value.text.indexOf(s);
    const headings = [
      { start: 0, end: 2, level: 1, label: '', title: '报告' },
      { start: at('一、'), end: at('一、') + 5, level: 2, label: '一、', title: '甲部分' },
      { start: at('二、'), end: at('二、') + 5, level: 2, label: '二、', title: '乙部分' },
    ];
    const view = documentCorpus({ ...made.value, structure: { ...made.value.structure, headings } });
    expect(view.sections.map((s) => s.title)).toEqual([made.value.meta.title, '甲部分', '乙部分']);
    expect(view.locate(at('第二段'))?.section.title).toBe('乙部分');
  });
});
