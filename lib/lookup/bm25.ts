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

function spansOf(index: WordIndex, doc: SentenceDoc, term: string): TermSpan[] {
  return index.documentFrequency.has(term) ? (doc.terms.get(term) ?? []) : substringSpans(doc, term);
}

/** Sentences sharing at least one of `terms`, best first. */
export function rankByWords(index: WordIndex, terms: readonly string[]): WordScore[] {
  const n = index.docs.length;
  const idf = new Map<string, number>();
  for (const term of terms) {
    const df = index.documentFrequency.get(term) ?? index.docs.filter((d) => substringSpans(d, term).length).length;
    if (df > 0) idf.set(term, Math.log(1 + (n - df + 0.5) / (df + 0.5)));
  }
  const out: WordScore[] = [];
  for (const doc of index.docs) {
    let score = 0;
    const shared: TermSpan[] = [];
    for (const [term, weight] of idf) {
      const spans = spansOf(index, doc, term);
      if (spans.length === 0) continue;
      const tf = spans.length;
      score += (weight * tf * (K1 + 1)) / (tf + K1 * (1 - B + (B * doc.length) / index.averageLength));
      shared.push(...spans);
    }
    if (score > 0) out.push({ doc, score, shared: shared.sort((a, b) => a.start - b.start) });
  }
  return out.sort((a, b) => b.score - a.score || a.doc.sentence.start - b.doc.sentence.start);
}
