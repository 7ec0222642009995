/**
 * The speech as a collection of documents for word ranking: one document per
 * sentence, its terms the speech's own jieba words (derived at build time,
 * data/derived/speech.json) plus every slogan it quotes as one whole term.
 */
import type { Corpus, Sentence } from '../corpus/types';

export interface TermSpan {
  term: string;
  start: number;
  end: number;
}

export interface SentenceDoc {
  sentence: Sentence;
  /** Term → its spans in speech.txt. */
  terms: Map<string, TermSpan[]>;
  /** Number of terms (document length for BM25). */
  length: number;
}

export interface WordIndex {
  corpus: Corpus;
  docs: SentenceDoc[];
  averageLength: number;
  /** Term → number of sentences containing it (for terms of the speech's vocabulary). */
  documentFrequency: Map<string, number>;
}

function addTerm(doc: SentenceDoc, term: string, start: number, end: number): void {
  const spans = doc.terms.get(term);
  if (spans) spans.push({ term, start, end });
  else doc.terms.set(term, [{ term, start, end }]);
  doc.length += 1;
}

/** `wordEnds`: ascending end offsets of the speech's words within its paragraphs. */
export function buildWordIndex(corpus: Corpus, wordEnds: readonly number[]): WordIndex {
  const docs: SentenceDoc[] = corpus.sentences.map((sentence) => ({ sentence, terms: new Map(), length: 0 }));
  let k = 0;
  for (const p of corpus.paragraphs) {
    let from = p.start;
    while (k < wordEnds.length && (wordEnds[k] as number) <= from) k++;
    for (; k < wordEnds.length && (wordEnds[k] as number) <= p.end; k++) {
      const to = wordEnds[k] as number;
      const word = corpus.text.slice(from, to).toLowerCase();
      const doc = docs[corpus.locate(from)?.sentence.index ?? -1];
      if (doc && word.trim() !== '') addTerm(doc, word, from, to);
      from = to;
    }
  }
  for (const slogan of corpus.slogans) {
    for (const occ of slogan.occurrences) {
      const doc = docs[corpus.locate(occ.start)?.sentence.index ?? -1];
      // A slogan made of one jieba word is already a term of the sentence.
      if (doc && !doc.terms.get(slogan.text)?.some((s) => s.start === occ.start))
        addTerm(doc, slogan.text, occ.start, occ.end);
    }
  }
  const documentFrequency = new Map<string, number>();
  for (const doc of docs)
    for (const term of doc.terms.keys()) documentFrequency.set(term, (documentFrequency.get(term) ?? 0) + 1);
  const total = docs.reduce((n, d) => n + d.length, 0);
  return { corpus, docs, averageLength: docs.length ? total / docs.length : 1, documentFrequency };
}

/**
 * A document's sentences for word ranking without a segmentation: no vocabulary, so every query word is
 * counted as a substring of the sentence (bm25.ts), and a sentence's length is its number of characters.
 * Built at once for any document (jieba over a long document would take seconds on every lookup page).
 */
export function buildSubstringIndex(corpus: Corpus): WordIndex {
  const none = new Map<string, TermSpan[]>();
  const docs: SentenceDoc[] = corpus.sentences.map((sentence) => ({
    sentence,
    terms: none,
    length: sentence.text.length,
  }));
  const total = docs.reduce((n, d) => n + d.length, 0);
  return { corpus, docs, averageLength: total > 0 ? total / docs.length : 1, documentFrequency: new Map() };
}
