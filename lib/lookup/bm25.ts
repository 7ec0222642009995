/**
 * BM25 over the speech's sentences. A query word that is in the speech's
 * vocabulary counts the sentence's own words; one that is not (jieba cut the
 * selection differently, e.g. 生态环境保护 as one word) falls back to counting
 * it as a substring of the sentence, so a different segmentation still finds it.
 */
import type { SentenceDoc, TermSpan, WordIndex } from './word-index';

const K1 = 1.2;
const B = 0.75;

export interface WordScore {
  doc: SentenceDoc;
  score: number;
  /** The query words the sentence shares, with their places in the speech. */
  shared: TermSpan[];
}

function substringSpans(doc: SentenceDoc, term: string): TermSpan[] {
  const spans: TermSpan[] = [];
  const text = doc.sentence.text.toLowerCase();
  for (let i = text.indexOf(term); i >= 0; i = text.indexOf(term, i + term.length)) {
    spans.push({ term, start: doc.sentence.start + i, end: doc.sentence.start + i + term.length });
  }
  return spans;
}

/** Per sentence (by its place in index.docs) the term's spans there; only sentences that have it are listed. */
function placesOf(index: WordIndex, term: string): Map<number, TermSpan[]> {
  const places = new Map<number, TermSpan[]>();
  const inVocabulary = index.documentFrequency.has(term);
  index.docs.forEach((doc, i) => {
    const spans = inVocabulary ? doc.terms.get(term) : substringSpans(doc, term);
    if (spans?.length) places.set(i, spans);
  });
  return places;
}

/** Sentences sharing at least one of `terms`, best first. */
export function rankByWords(index: WordIndex, terms: readonly string[]): WordScore[] {
  const n = index.docs.length;
  // Each term's places are found once, in one pass over the sentences.
  const weighted: { weight: number; places: Map<number, TermSpan[]> }[] = [];
  const seen = new Set<string>();
  for (const term of terms) {
    if (seen.has(term)) continue;
    seen.add(term);
    const places = placesOf(index, term);
    const df = index.documentFrequency.get(term) ?? places.size;
    if (df > 0 && places.size > 0) weighted.push({ weight: Math.log(1 + (n - df + 0.5) / (df + 0.5)), places });
  }
  const candidates = new Set<number>();
  for (const { places } of weighted) for (const i of places.keys()) candidates.add(i);
  const out: WordScore[] = [];
  for (const i of [...candidates].sort((a, b) => a - b)) {
    const doc = index.docs[i] as SentenceDoc;
    let score = 0;
    const shared: TermSpan[] = [];
    for (const { weight, places } of weighted) {
      const spans = places.get(i);
      if (!spans) continue;
      const tf = spans.length;
      score += (weight * tf * (K1 + 1)) / (tf + K1 * (1 - B + (B * doc.length) / index.averageLength));
      shared.push(...spans);
    }
    if (score > 0) out.push({ doc, score, shared: shared.sort((a, b) => a.start - b.start) });
  }
  return out.sort((a, b) => b.score - a.score || a.doc.sentence.start - b.doc.sentence.start);
}
