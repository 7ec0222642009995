import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createDocument } from '../../lib/library/document';
import {
  buildLibraryIndex,
  libraryIndexBytes,
  loadLibraryIndex,
  MIN_RUN,
  originLookup,
  originOf,
  originsOf,
  serialiseLibraryIndex,
} from '../../lib/library/library-index';
import { createLibraryMatcher, mergeMatches } from '../../lib/library/matcher';
import type { ReferenceDocument } from '../../lib/library/types';
import { createSpeechMatcher } from '../../lib/match';
import type { DocumentMatch } from '../../lib/match/types';
import { corpusDocument } from './library-corpora';

function doc(titleStart: string): ReferenceDocument {
  const real = corpusDocument(titleStart);
  const made = createDocument({ text: real.content, origin: { kind: 'paste' }, hints: { title: real.title } });
  if (!made.ok) throw new Error(made.error.message);
  return made.value;
}

const congress = doc('高举中国特色社会主义伟大旗帜 为全面建设');
const report2023 = doc('2023年');
const report2024 = doc('2024年');
const documents = [congress, report2023, report2024];
const index = buildLibraryIndex(documents);
const speech = readFileSync(new URL('../../data/speech.txt', import.meta.url), 'utf8');

describe('the library index', () => {
  it('maps normalised positions to text offsets through its bucket table as by a full search', () => {
    const originAt = originLookup(index, index.codes.length);
    for (let p = 0; p < index.codes.length; p += 97) expect(originAt(p)).toBe(originOf(index, p));
    for (const p of [0, 255, 256, 257, index.codes.length - 1]) expect(originAt(p)).toBe(originOf(index, p));
  });

  it('maps a span of normalised positions to text offsets in one walk, as position by position', () => {
    // Spans across paragraph separators and skipped punctuation, at the start, the middle and the end.
    for (const from of [0, 1, 777, 40_000, index.codes.length - 300]) {
      const out = new Int32Array(300);
      const base = originOf(index, from);
      originsOf(index, from, base, out);
      const expected = Array.from({ length: 300 }, (_, i) => originOf(index, from + i) - base);
      expect(Array.from(out)).toEqual(expected);
      expect(out[299]).toBeGreaterThan(299); // the span crossed skipped characters
    }
  });

  it('is compact and survives serialisation without a rebuild', () => {
    const chars = documents.reduce((n, d) => n + d.text.length, 0);
    expect(libraryIndexBytes(index) / chars).toBeLessThanOrEqual(16);
    const loaded = loadLibraryIndex(serialiseLibraryIndex(index));
    const page = `据报道，${report2023.text.slice(3000, 3080)}。`;
    const a = createLibraryMatcher({ speech: null, library: index }).scan(page);
    const b = createLibraryMatcher({ speech: null, library: loaded }).scan(page);
    expect(a.length).toBeGreaterThan(0);
    expect(b).toEqual(a);
  });

  it('reports progress while building', () => {
    const seen: [number, number][] = [];
    buildLibraryIndex(documents, { onProgress: (done, total) => seen.push([done, total]) });
    expect(seen.at(-1)).toEqual([3, 3]);
  });
});

describe('matching across documents', () => {
  const matcher = createLibraryMatcher({ speech: createSpeechMatcher(), library: index });

  it('names the document a verbatim passage comes from, with its span in that document', () => {
    const at = congress.text.indexOf('坚持把发展经济的着力点放在实体经济上');
    expect(at).toBeGreaterThan(0);
    const quote = congress.text.slice(at, at + 30);
    const page = `记者了解到，报告强调${quote}，引起热烈反响。`;
    const found = matcher.scan(page);
    const m = found.find((x) => x.documentId === congress.id) as DocumentMatch;
    expect(m).toBeDefined();
    expect(m.rule).toBe('verbatim');
    expect(congress.text.slice(m.speechStart, m.speechEnd)).toBe(page.slice(m.start, m.end));
    expect(page.slice(m.start, m.end)).toContain('坚持把发展经济的着力点放在实体经济上');
  });

  it('shows a misquote of a library document as one near match with its diff', () => {
    const original = '坚持把发展经济的着力点放在实体经济上，推进新型工业化';
    const page = `文章写道：${original.replace('实体经济', '实体产业')}。`;
    const m = matcher.scan(page).find((x) => x.documentId === congress.id) as DocumentMatch;
    expect(m).toMatchObject({ rule: 'near' });
    expect(m.similarity).toBeLessThan(1);
    expect(m.diff?.filter((op) => op.op !== 'equal')).toEqual([{ op: 'replace', page: '产业', speech: '经济' }]);
  });

  it('makes one match of a passage the speech and a report share, listing both', () => {
    // The speech reuses lines of the 20th Congress report.
    const line = speech.split('\n').find((l) => l.includes('人与自然和谐共生的现代化')) as string;
    const at = line.indexOf('人与自然和谐共生的现代化');
    const page = `评论：${line.slice(Math.max(0, at - 12), at + 12)}。`;
    const found = matcher.scan(page);
    const one = found.find((m) => m.documentId === 'speech' || m.alsoIn.some((a) => a.documentId === 'speech'));
    expect(one).toBeDefined();
    const ids = [one?.documentId, ...(one?.alsoIn.map((a) => a.documentId) ?? [])];
    expect(ids).toContain('speech');
    expect(ids.some((id) => id !== 'speech')).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
    // Every document is named once, and no two matches overlap on the page.
    for (let k = 1; k < found.length; k++)
      expect((found[k] as DocumentMatch).start).toBeGreaterThanOrEqual((found[k - 1] as DocumentMatch).end);
  });

  it('finds a document’s quoted slogan after quotation marks, and leaves ordinary text alone', () => {
    const page = '会上提出要坚持“一国两制”方针。今天天气很好，我们去公园散步，看见很多孩子在放风筝。';
    const found = createLibraryMatcher({ speech: null, library: index }).scan(page);
    expect(found.map((m) => [m.rule, page.slice(m.start, m.end)])).toEqual([['quoted-slogan', '一国两制']]);
    expect(found[0]?.documentId).toBe(congress.id);
  });

  it('finds every exact run of MIN_RUN characters or more that has substance', () => {
    const source = report2024.text;
    const at = source.indexOf('。', 2000) + 1;
    const sentence = source.slice(at, source.indexOf('。', at) + 1);
    expect(sentence.length).toBeGreaterThan(MIN_RUN * 2);
    for (let cut = 0; cut < 3; cut++) {
      const page = `消息：${sentence.slice(cut)}`;
      const found = createLibraryMatcher({ speech: null, library: index }).scan(page);
      expect(
        found.some((m) => m.documentId === report2024.id || m.alsoIn.some((a) => a.documentId === report2024.id)),
      ).toBe(true);
    }
  });
});

describe('merging matches of several documents', () => {
  const base = {
    kind: 'passage',
    similarity: 1,
    diff: null,
    rule: 'verbatim',
    distinctiveness: 1,
    alsoIn: [],
  } as const;
  it('keeps the longest page span as the match and lists the others once, the speech first on a tie', () => {
    const merged = mergeMatches([
      { ...base, start: 10, end: 20, speechStart: 0, speechEnd: 10, documentId: 'speech', alsoIn: [] },
      { ...base, start: 10, end: 20, speechStart: 5, speechEnd: 15, documentId: 'doc-a', alsoIn: [] },
      { ...base, start: 8, end: 20, speechStart: 7, speechEnd: 19, documentId: 'doc-b', alsoIn: [] },
      { ...base, start: 30, end: 40, speechStart: 1, speechEnd: 11, documentId: 'doc-a', alsoIn: [] },
    ]);
    expect(merged.map((m) => [m.documentId, m.start, m.alsoIn.map((a) => a.documentId)])).toEqual([
      ['doc-b', 8, ['speech', 'doc-a']],
      ['doc-a', 30, []],
    ]);
  });
});
