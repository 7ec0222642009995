/**
 * Selection lookup: the best passages of the speech for a piece of text.
 *
 *   1. quotes   — where the speech says the selection word for word (in speech
 *                 order), then the matching engine's passages in it (verbatim,
 *                 then near-verbatim, strongest first): the selection quotes them;
 *   2. slogans  — sentences that use a slogan the selection contains;
 *   3. words    — sentences sharing the most meaningful words (BM25).
 *
 * Pure: the segmenter (jieba) and the matcher are passed in, so Node tests run
 * jieba's node build and extension pages its web build.
 */
import type { Sentence, Span } from '../corpus/types';
import type { DiffOp, Matcher, ScanOptions } from '../match';
import { rankByWords } from './bm25';
import type { OccurrenceFinder } from './occurrences';
import { meaningfulWords } from './terms';
import type { WordIndex } from './word-index';

export type Segmenter = (text: string) => string[];

export type LookupHitKind = 'exact' | 'near-verbatim' | 'slogan' | 'words';

export interface LookupHit {
  kind: LookupHitKind;
  /** The passage: a sentence of the speech. */
  sentence: Sentence;
  /** What to mark in it, in speech.txt offsets: the quoted run, or the shared words. */
  marks: Span[];
  /** The words (or slogans) the passage shares with the selection, deduplicated. */
  words: string[];
  /** For quotes: 1 verbatim, below 1 near-verbatim; null for word hits. */
  similarity: number | null;
  diff: DiffOp[] | null;
  /** Orders hits within their kind (quoted characters × similarity, or BM25). */
  score: number;
}

export interface LookupResult {
  /** The selection as looked up (trimmed, capped). */
  query: string;
  /** The meaningful words used for ranking. */
  words: string[];
  hits: LookupHit[];
}

export interface LookupOptions {
  /** At most this many hits besides the word-for-word ones (of which there are at most MAX_EXACT_HITS). */
  limit?: number;
}

export const MAX_EXACT_HITS = 50;

/** Longer selections are cut: nobody means a whole page by "this passage". */
export const MAX_SELECTION = 4000;
const DEFAULT_LIMIT = 12;

// A lookup is an explicit question: ask for everything the engine can find, short runs included.
const LOOKUP_SCAN: ScanOptions = {
  slogans: true,
  passages: true,
  nearVerbatim: true,
  minPassageLength: 6,
  traditional: true,
};

/** Word hits scoring below this share of the best word hit are dropped. */
export const WORD_SCORE_FLOOR = 0.2;

const KIND_ORDER: Record<LookupHitKind, number> = { exact: 0, 'near-verbatim': 1, slogan: 2, words: 3 };

export function lookupSelection(
  selection: string,
  deps: {
    index: WordIndex;
    matcher: Matcher;
    segment: Segmenter;
    simplify?: (text: string) => string;
    /** Where the speech has the selection word for word (lib/lookup getOccurrenceFinder). */
    occurrences?: OccurrenceFinder;
  },
  options: LookupOptions = {},
): LookupResult {
  const query = selection.trim().slice(0, MAX_SELECTION);
  const { index, matcher, segment, simplify = (t: string) => t, occurrences = () => [] } = deps;
  const { corpus } = index;
  const hits = new Map<number, LookupHit>();

  // 0. The selection word for word: these sentences are verbatim whatever the matcher says of them.
  const verbatim = new Set<number>();
  for (const occ of query ? occurrences(query) : []) {
    for (const sentence of corpus.sentences) {
      const start = Math.max(sentence.start, occ.start);
      const end = Math.min(sentence.end, occ.end);
      if (start >= end) continue;
      verbatim.add(sentence.index);
      const hit = hits.get(sentence.index);
      if (hit) {
        hit.marks.push({ start, end });
        hit.score += end - start;
      } else {
        hits.set(sentence.index, {
          kind: 'exact',
          sentence,
          marks: [{ start, end }],
          words: [],
          similarity: 1,
          diff: null,
          score: end - start,
        });
      }
    }
  }

  // 1. Quotes (and the slogans the selection contains).
  const quotedSlogans: string[] = [];
  for (const m of query ? matcher.scan(query, LOOKUP_SCAN) : []) {
    // Slogans the quote contains: their other uses in the speech are hits too (tier 2).
    const quoted = corpus.text.slice(m.speechStart, m.speechEnd).toLowerCase();
    for (const slogan of corpus.slogans) {
      const text = slogan.text.toLowerCase();
      if (quoted.includes(text) && !quotedSlogans.includes(text)) quotedSlogans.push(text);
    }
    if (m.kind === 'slogan') continue;
    for (const sentence of corpus.sentences) {
      const start = Math.max(sentence.start, m.speechStart);
      const end = Math.min(sentence.end, m.speechEnd);
      if (start >= end) continue;
      const kind = m.similarity >= 1 && !m.diff ? 'exact' : 'near-verbatim';
      const score = (end - start) * m.similarity;
      const hit = hits.get(sentence.index);
      if (verbatim.has(sentence.index)) continue; // already marked word for word
      if (!hit) {
        hits.set(sentence.index, {
          kind,
          sentence,
          marks: [{ start, end }],
          words: [],
          similarity: m.similarity,
          diff: m.diff,
          score,
        });
      } else {
        hit.marks.push({ start, end });
        hit.score += score;
        // A near-verbatim quote of the sentence is what the selection does there, even if
        // a shorter run of it is verbatim: never call a misquote "quoted verbatim".
        if (kind === 'near-verbatim') hit.kind = kind;
        if (m.similarity < (hit.similarity ?? 1)) {
          hit.similarity = m.similarity;
          hit.diff = m.diff;
        }
      }
    }
  }

  // 2–3. Slogans and words.
  // Words are looked up in simplified script: the speech's own (the matcher handles traditional by itself).
  const words = meaningfulWords([...quotedSlogans, ...(query ? segment(simplify(query)) : [])]);
  const slogans = new Set(quotedSlogans);
  const scoredWords = rankByWords(index, words);
  // A passage sharing one common word with a long selection is noise next to one sharing ten.
  const floor = (scoredWords[0]?.score ?? 0) * WORD_SCORE_FLOOR;
  for (const scored of scoredWords) {
    if (scored.score < floor) break;
    const sentence = scored.doc.sentence;
    const shared = [...new Set(scored.shared.map((s) => s.term))];
    const existing = hits.get(sentence.index);
    if (existing) {
      existing.words = shared;
      continue;
    }
    hits.set(sentence.index, {
      kind: shared.some((w) => slogans.has(w)) ? 'slogan' : 'words',
      sentence,
      marks: scored.shared.map(({ start, end }) => ({ start, end })),
      words: shared,
      similarity: null,
      diff: null,
      score: scored.score,
    });
  }

  const ranked = [...hits.values()].sort(compareHits);
  for (const hit of ranked) hit.marks.sort((a, b) => a.start - b.start);
  const exact = ranked.filter((h) => h.kind === 'exact' && verbatim.has(h.sentence.index)).slice(0, MAX_EXACT_HITS);
  const rest = ranked.filter((h) => !(h.kind === 'exact' && verbatim.has(h.sentence.index)));
  return { query, words, hits: [...exact, ...rest.slice(0, options.limit ?? DEFAULT_LIMIT)] };
}

/** Scores this close are the same score (floating-point noise must not overturn speech order). */
const SCORE_EPSILON = 1e-9;

/**
 * Kind first; verbatim hits in speech order (the reader reads them top to bottom);
 * the others strongest first, equal scores in speech order.
 */
function compareHits(a: LookupHit, b: LookupHit): number {
  const byKind = KIND_ORDER[a.kind] - KIND_ORDER[b.kind];
  if (byKind !== 0) return byKind;
  if (a.kind !== 'exact' && Math.abs(b.score - a.score) > SCORE_EPSILON) return b.score - a.score;
  return a.sentence.start - b.sentence.start;
}
