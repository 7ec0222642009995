/**
 * Selection lookup ranking, with jieba's node build as the segmenter (the
 * extension pages use its web build) and the real matcher.
 */
import { add_word, cut } from 'jieba-wasm';
import { beforeAll, describe, expect, it } from 'vitest';
import { getCorpus } from '../../lib/corpus';
import { speechData } from '../../lib/corpus/speech-data';
import {
  buildWordIndex,
  getLookupIndex,
  getOccurrenceFinder,
  getSimplifier,
  type LookupResult,
  lookupSelection,
  MAX_SELECTION,
  meaningfulWords,
  rankByWords,
  sloganWords,
  WORD_SCORE_FLOOR,
} from '../../lib/lookup';
import { createSpeechMatcher, type Match, type Matcher } from '../../lib/match';

const speechMatcher = createSpeechMatcher();

const corpus = getCorpus();
const segment = (text: string) => cut(text, true);
const deps = () => ({
  index: getLookupIndex(),
  matcher: speechMatcher,
  segment,
  simplify: getSimplifier(),
  occurrences: getOccurrenceFinder(),
});
const lookup = (text: string): LookupResult => lookupSelection(text, deps());

/** The sentence of the speech that contains `fragment`. */
function sentenceWith(fragment: string) {
  const s = corpus.sentences.find((x) => x.text.includes(fragment));
  if (!s) throw new Error(`no sentence contains ${fragment}`);
  return s;
}

beforeAll(() => {
  for (const w of sloganWords(corpus.slogans)) add_word(w, 100000, 'n');
});

describe('the speech index', () => {
  it('has one document per sentence whose term spans spell the speech', () => {
    const index = getLookupIndex();
    expect(index.docs).toHaveLength(corpus.sentences.length);
    for (const doc of index.docs) {
      for (const [term, spans] of doc.terms) {
        for (const span of spans) {
          expect(corpus.text.slice(span.start, span.end).toLowerCase()).toBe(term);
          expect(span.start).toBeGreaterThanOrEqual(doc.sentence.start);
          expect(span.end).toBeLessThanOrEqual(doc.sentence.end);
        }
      }
    }
  });

  it('counts every quoted slogan as a term of its sentence', () => {
    const index = getLookupIndex();
    for (const slogan of corpus.slogans) {
      for (const occ of slogan.occurrences) {
        const doc = index.docs.find((d) => d.sentence.start <= occ.start && occ.end <= d.sentence.end);
        expect(doc?.terms.get(slogan.text.toLowerCase()), slogan.text).toBeDefined();
      }
    }
  });

  it('builds from the derived word boundaries in a few milliseconds', () => {
    const t0 = performance.now();
    buildWordIndex(corpus, speechData.wordEnds);
    expect(performance.now() - t0).toBeLessThan(500); // generous: catches accidental quadratic work only
  });
});

describe('meaningful words', () => {
  it('drops single characters, punctuation and function words', () => {
    expect(meaningfulWords(['我们', '的', '生态', '，', '生态', '河湖', ' ', '2023'])).toEqual([
      '生态',
      '河湖',
      '2023',
    ]);
  });
});

describe('a slightly altered speech sentence', () => {
  const original = sentenceWith('保护好生态环境，是我们党践行使命宗旨');
  const variants = [
    // one character dropped (之间的 → 之间), two changed
    '保护好生态环境，是我们党践行使命宗旨、密切党和人民群众之间血肉联系的重要举措，关系着党能否兑现对人民的承诺',
    // reordered clauses, words replaced
    '影响着党的执政根基能否长期稳固，关系着党能否兑现对人民的承诺。保护好生态环境，是密切党和群众血肉联系的重要举措',
    // a paraphrase that keeps the key words only
    '保护生态环境是党践行使命宗旨、密切与人民群众血肉联系的举措',
  ];
  for (const text of variants) {
    it(`ranks the right passage first: ${text.slice(0, 24)}…`, () => {
      const result = lookup(text);
      expect(result.hits[0]?.sentence.index).toBe(original.index);
      // and clearly ahead of the runner-up
      const [first, second] = result.hits;
      if (first && second && first.kind === second.kind) expect(first.score).toBeGreaterThan(second.score * 1.5);
    });
  }

  it('drops passages that share only a common word or two', () => {
    const result = lookup(variants[0] as string);
    const wordHits = result.hits.filter((h) => h.kind === 'words' || h.kind === 'slogan');
    const best = Math.max(...wordHits.map((h) => h.score));
    for (const hit of wordHits) expect(hit.score).toBeGreaterThanOrEqual(best * WORD_SCORE_FLOOR);
    // e.g. a sentence whose only shared word is 重要 or 群众 is not listed
    expect(result.hits.some((h) => h.words.length === 1 && ['重要', '群众'].includes(h.words[0] as string))).toBe(
      false,
    );
  });

  it('scores fall as the quote degrades', () => {
    const exact = original.text.slice(0, 60);
    const scoreOf = (text: string) => {
      const hit = lookup(text).hits.find((h) => h.sentence.index === original.index);
      return hit ? [3 - ['exact', 'near-verbatim', 'slogan', 'words'].indexOf(hit.kind), hit.score] : [-1, 0];
    };
    const damaged = exact.replace('践行', '落实').replace('血肉', '紧密');
    const barely = '保护环境是党的宗旨';
    const a = scoreOf(exact);
    const b = scoreOf(damaged);
    const c = scoreOf(barely);
    // Compare (tier, score) lexicographically: a ≥ b ≥ c with at least one strict step each.
    const gt = (x: number[], y: number[]) =>
      (x[0] as number) > (y[0] as number) || (x[0] === y[0] && (x[1] as number) > (y[1] as number));
    expect(gt(a, b)).toBe(true);
    expect(gt(b, c)).toBe(true);
  });
});

describe('a keyword-only selection', () => {
  it('returns the passages that use the words, the one using all of them first', () => {
    const result = lookup('危险废物 重金属 土壤污染');
    expect(result.words).toEqual(expect.arrayContaining(['危险废物', '重金属']));
    const top = result.hits[0];
    expect(top?.sentence.text).toContain('危险废物');
    expect(top?.sentence.text).toContain('重金属');
    expect(top?.kind).toBe('words');
    for (const hit of result.hits) {
      expect(hit.words.length).toBeGreaterThan(0);
      for (const w of hit.words) expect(hit.sentence.text.toLowerCase()).toContain(w);
      for (const m of hit.marks) expect(result.words).toContain(corpus.text.slice(m.start, m.end).toLowerCase());
    }
  });

  it('finds every sentence that uses a rarer word', () => {
    const result = lookup('蓝天 碧水');
    const expected = corpus.sentences
      .filter((s) => s.text.includes('蓝天') || s.text.includes('碧水'))
      .map((s) => s.index);
    expect(expected.length).toBeGreaterThan(1);
    expect(result.hits.map((h) => h.sentence.index).sort((a, b) => a - b)).toEqual(expected);
  });

  it('weighs a rare word above a word the speech uses everywhere', () => {
    const result = lookup('生态 约谈');
    expect(result.hits[0]?.sentence.text).toContain('约谈');
  });
});

describe('a selection in traditional script', () => {
  it('finds the same passages as its simplified form', () => {
    const traditional = lookup('危險廢物 重金屬 土壤污染');
    expect(traditional.words).toEqual(expect.arrayContaining(['危险废物', '重金属']));
    const simplified = lookup('危险废物 重金属 土壤污染');
    expect(traditional.hits.map((h) => h.sentence.index)).toEqual(simplified.hits.map((h) => h.sentence.index));
  });

  it('simplifies only characters the table knows', () => {
    const simplify = getSimplifier();
    expect(simplify('綠水青山就是金山銀山')).toBe('绿水青山就是金山银山');
    expect(simplify('abc 123 生態')).toBe('abc 123 生态');
  });
});

describe('slogans', () => {
  it('lists every passage that says a selected slogan, word for word, in speech order, marking it', () => {
    const slogan = '绿水青山就是金山银山';
    const result = lookup(slogan);
    const users = corpus.sentences.filter((s) => s.text.includes(slogan)).map((s) => s.index);
    expect(users.length).toBeGreaterThan(2);
    expect(result.hits.map((h) => h.sentence.index)).toEqual(users);
    for (const hit of result.hits) {
      expect(hit.kind).toBe('exact');
      expect(hit.marks.some((m) => corpus.text.slice(m.start, m.end) === slogan)).toBe(true);
    }
  });

  it('lists the other passages that use a slogan a longer selection quotes', () => {
    const slogan = '绿水青山就是金山银山';
    const hits = lookup(`会上大家一致认为“${slogan}”很重要`).hits;
    const users = corpus.sentences.filter((s) => s.text.includes(slogan)).length;
    expect(hits.filter((h) => h.kind === 'slogan').length).toBeGreaterThanOrEqual(users - 1);
  });
});

describe('quotes from the matcher come first', () => {
  const target = sentenceWith('淘汰落后产能');
  const runStart = target.start + target.text.indexOf('淘汰落后产能');
  const fakeMatch = (similarity: number, start: number, length: number): Match => ({
    kind: 'passage',
    start: 0,
    end: length,
    speechStart: start,
    speechEnd: start + length,
    similarity,
    diff: similarity < 1 ? [{ op: 'replace', page: '甲', speech: '淘' }] : null,
    rule: similarity < 1 ? 'near' : 'verbatim',
    distinctiveness: 1,
  });
  // A matcher double: the ranking's contract is "passages the engine reports come first", whatever finds them.
  const matcherOf = (matches: Match[]): Matcher => ({ scan: () => matches });

  it('puts an exact passage above word hits and marks the quoted run', () => {
    const result = lookupSelection('淘汰落后产能 蓝天 碧水 净土', {
      ...deps(),
      matcher: matcherOf([fakeMatch(1, runStart, 6)]),
    });
    expect(result.hits[0]).toMatchObject({
      kind: 'exact',
      similarity: 1,
      marks: [{ start: runStart, end: runStart + 6 }],
    });
    expect(result.hits[0]?.sentence.index).toBe(target.index);
    expect(result.hits.slice(1).every((h) => h.kind === 'words')).toBe(true);
  });

  it('orders exact before near-verbatim and keeps the diff', () => {
    const other = sentenceWith('提升环境基础设施建设水平');
    const otherStart = other.start + other.text.indexOf('提升环境基础设施建设水平');
    const result = lookupSelection('x', {
      ...deps(),
      matcher: matcherOf([fakeMatch(0.8, runStart, 6), fakeMatch(1, otherStart, 8)]),
    });
    expect(result.hits.map((h) => h.kind)).toEqual(['exact', 'near-verbatim']);
    expect(result.hits[1]?.diff).toEqual([{ op: 'replace', page: '甲', speech: '淘' }]);
  });

  it('splits a quote that spans two sentences into both passages', () => {
    const a = corpus.sentences[10]!;
    const b = corpus.sentences[11]!;
    expect(b.paragraph).toBe(a.paragraph);
    const result = lookupSelection('x', {
      ...deps(),
      matcher: matcherOf([fakeMatch(1, a.end - 5, b.start - a.end + 10)]),
    });
    expect(result.hits.map((h) => h.sentence.index).sort()).toEqual([a.index, b.index]);
  });
});

describe('a search for words the speech says', () => {
  it('ranks the sentence that says the phrase above ones that share its words', () => {
    const hits = lookup('保护生态环境').hits;
    expect(hits[0]).toMatchObject({ kind: 'exact', similarity: 1 });
    expect(hits[0]?.sentence.index).toBe(sentenceWith('像保护眼睛一样保护生态环境').index);
    const at = corpus.text.indexOf('保护生态环境');
    expect(hits[0]?.marks).toEqual([{ start: at, end: at + 6 }]);
    expect(hits.slice(1).every((h) => h.kind !== 'exact')).toBe(true);
  });

  it('finds a short slogan, and a slogan typed without its 、, word for word', () => {
    expect(lookup('指挥棒').hits.map((h) => [h.kind, h.sentence.index])).toEqual([
      ['exact', sentenceWith('指挥棒').index],
    ]);
    const typed = lookup('抓环保就是抓机遇抓项目抓发展').hits[0];
    expect(typed?.kind).toBe('exact');
    expect(typed?.sentence.index).toBe(sentenceWith('抓环保就是抓机遇、抓项目、抓发展').index);
    const at = corpus.text.indexOf('抓环保就是抓机遇、抓项目、抓发展');
    expect(typed?.marks).toEqual([{ start: at, end: at + '抓环保就是抓机遇、抓项目、抓发展'.length }]);
  });

  it('lists every sentence that says it, in speech order, then the rest', () => {
    const hits = lookup('生态环境保护').hits;
    const exact = hits.filter((h) => h.kind === 'exact');
    const expected = corpus.sentences.filter((s) => s.text.includes('生态环境保护')).map((s) => s.index);
    expect(expected.length).toBeGreaterThan(3);
    expect(exact.map((h) => h.sentence.index)).toEqual(expected);
    expect(hits.slice(0, exact.length)).toEqual(exact);
  });

  it('keeps hits of the same score in speech order', () => {
    for (const query of ['生态', '政绩 理念', '污染防治']) {
      const hits = lookup(query).hits;
      for (let i = 1; i < hits.length; i++) {
        const a = hits[i - 1]!;
        const b = hits[i]!;
        if (a.kind === b.kind && (a.kind === 'exact' || a.score === b.score)) {
          expect(a.sentence.start, query).toBeLessThan(b.sentence.start);
        }
      }
    }
  });

  it('never calls a sentence quoted verbatim where the matcher reports a near-verbatim quote of it', () => {
    const target = sentenceWith('淘汰落后产能');
    const runStart = target.start + target.text.indexOf('淘汰落后产能');
    const diff = [{ op: 'replace' as const, page: '甲', speech: '淘' }];
    const matches: Match[] = [
      {
        kind: 'passage',
        start: 0,
        end: 6,
        speechStart: runStart,
        speechEnd: runStart + 6,
        similarity: 1,
        diff: null,
        rule: 'verbatim',
        distinctiveness: 1,
      },
      {
        kind: 'passage',
        start: 0,
        end: 12,
        speechStart: runStart - 6,
        speechEnd: runStart + 6,
        similarity: 0.9,
        diff,
        rule: 'near',
        distinctiveness: 1,
      },
    ];
    const [hit] = lookupSelection('x', { ...deps(), matcher: { scan: () => matches } }).hits;
    expect(hit).toMatchObject({ kind: 'near-verbatim', similarity: 0.9, diff });
  });
});

describe('bad input', () => {
  it('returns nothing for empty, blank or function-word-only selections', () => {
    for (const text of ['', '   ', '的了吗', '我们 他们 通过', '!!!']) expect(lookup(text).hits).toEqual([]);
  });

  it('caps a huge selection and still answers', () => {
    const huge = '危险废物'.repeat(5000);
    const result = lookup(huge);
    expect(result.query.length).toBe(MAX_SELECTION);
    expect(result.hits[0]?.sentence.text).toContain('危险废物');
  });

  it('a word jieba cut differently from the speech still matches as a substring', () => {
    const index = getLookupIndex();
    expect(index.documentFrequency.has('淘汰落后')).toBe(false);
    const ranked = rankByWords(index, ['淘汰落后']);
    expect(ranked.map((r) => r.doc.sentence.index)).toEqual([sentenceWith('淘汰落后').index]);
  });
});
