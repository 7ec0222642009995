/**
 * Selection lookup over the library: the speech and a real document (the 20th Congress report of
 * ../shared/corpora), with jieba's node build and the real matchers.
 */
import { add_word, cut } from 'jieba-wasm';
import { beforeAll, describe, expect, it } from 'vitest';
import { getCorpus } from '../../lib/corpus';
import { documentCorpus } from '../../lib/library/corpus-view';
import { createDocument } from '../../lib/library/document';
import type { ReferenceDocument } from '../../lib/library/types';
import {
  buildSubstringIndex,
  documentLookupSource,
  getSimplifier,
  type LookupSource,
  lookupDocuments,
  sloganWords,
  speechLookupSource,
} from '../../lib/lookup';
import { matchData } from '../../lib/match/derived';
import { corpusDocument } from './library-corpora';

const segment = (text: string) => cut(text, true);
let congress: ReferenceDocument;
let sources: LookupSource[];

beforeAll(() => {
  for (const w of sloganWords(getCorpus().slogans)) add_word(w, 100000, 'n');
  const real = corpusDocument('高举中国特色社会主义伟大旗帜 为全面建设');
  const made = createDocument({ text: real.content, origin: { kind: 'paste' }, hints: { title: real.title } });
  if (!made.ok) throw new Error(made.error.message);
  congress = made.value;
  sources = [speechLookupSource(), documentLookupSource(congress, documentCorpus(congress), matchData.t2s)];
});

const deps = () => ({ segment, simplify: getSimplifier() });

describe('buildSubstringIndex', () => {
  it('has one entry per sentence, its length in characters, and no vocabulary', () => {
    const corpus = documentCorpus(congress);
    const index = buildSubstringIndex(corpus);
    expect(index.docs).toHaveLength(corpus.sentences.length);
    expect(index.documentFrequency.size).toBe(0);
    expect(index.averageLength).toBeGreaterThan(10);
    expect(index.docs[3]?.length).toBe(corpus.sentences[3]?.text.length);
  });
});

describe('lookupDocuments', () => {
  it('finds a line only the congress report has, in the report, at its place', () => {
    const line = '坚持山水林田湖草沙一体化保护和系统治理';
    const result = lookupDocuments(line, sources, deps());
    const first = result.hits[0];
    expect(first?.kind).toBe('exact');
    expect(first?.documentId).toBe(congress.id);
    const mark = first?.marks[0];
    expect(congress.text.slice(mark?.start, mark?.end)).toBe(line);
    expect(result.hits.filter((h) => h.kind === 'exact').every((h) => h.documentId === congress.id)).toBe(true);
  });

  it('puts the document that says the whole selection before one that shares a run of it', () => {
    // The report's opening; a work report listed first shares a run of it.
    const line = '中国共产党第二十次全国代表大会，是在全党全国各族人民迈上全面建设社会主义现代化国家新征程';
    const made = createDocument({
      text: '某市政府工作报告\n\n一、总体要求\n今年我们要团结带领全市人民，迈上全面建设社会主义现代化国家新征程。',
      origin: { kind: 'paste' },
    });
    if (!made.ok) throw new Error(made.error.message);
    const partial = documentLookupSource(made.value, documentCorpus(made.value), matchData.t2s);
    const result = lookupDocuments(line, [partial, sources[1] as LookupSource], deps());
    const exact = result.hits.filter((h) => h.kind === 'exact');
    expect(exact.map((h) => h.documentId)).toContain(made.value.id);
    expect(exact[0]?.documentId).toBe(congress.id);
  });

  it('lists a line the speech and the report share in both, the speech first', () => {
    const line = '绿水青山就是金山银山';
    const exact = lookupDocuments(line, sources, deps()).hits.filter((h) => h.kind === 'exact');
    const documents = exact.map((h) => h.documentId);
    expect(documents[0]).toBe('speech');
    expect(documents).toContain(congress.id);
    for (const hit of exact) {
      const text = hit.documentId === 'speech' ? getCorpus().text : congress.text;
      const mark = hit.marks[0];
      expect(text.slice(mark?.start, mark?.end)).toBe(line);
    }
  });

  it('ranks word hits of every document and names each', () => {
    const result = lookupDocuments('全过程人民民主 高质量发展 乡村振兴', sources, deps());
    expect(result.hits.length).toBeGreaterThan(0);
    expect(result.hits.some((h) => h.documentId === congress.id)).toBe(true);
    for (const hit of result.hits) {
      const text = hit.documentId === 'speech' ? getCorpus().text : congress.text;
      expect(text.slice(hit.sentence.start, hit.sentence.end)).toBe(hit.sentence.text);
    }
  });

  it('with one source, is that source ranked as lookupSelection ranks it', () => {
    const only = lookupDocuments('绿水青山就是金山银山', [sources[0] as LookupSource], deps());
    expect(only.hits.length).toBeGreaterThan(0);
    expect(only.hits.every((h) => h.documentId === 'speech')).toBe(true);
  });
});
