/**
 * Selection lookup over several documents: the speech and the library's
 * enabled documents. Each document is a lookup source (its word index, its
 * matcher, its word-for-word finder); a lookup ranks each source with
 * lookupSelection and merges the hits, each naming its document.
 */
import type { Corpus } from '../corpus/types';
import { buildLibraryIndex } from '../library/library-index';
import { createLibraryMatcher } from '../library/matcher';
import type { ReferenceDocument } from '../library/types';
import type { Matcher } from '../match';
import { createOccurrenceFinder, type OccurrenceFinder } from './occurrences';
import { type LookupHit, type LookupOptions, lookupSelection, MAX_EXACT_HITS, type Segmenter } from './rank';
import { buildSubstringIndex, type WordIndex } from './word-index';

export interface LookupSource {
  documentId: string;
  /** The document's sentences and words (its corpus view is `index.corpus`). */
  index: WordIndex;
  matcher: Pick<Matcher, 'scan'>;
  occurrences: OccurrenceFinder;
}

export interface DocumentLookupHit extends LookupHit {
  /** The document the passage is in ('speech' for the speech). */
  documentId: string;
}

export interface DocumentLookupResult {
  query: string;
  words: string[];
  hits: DocumentLookupHit[];
}

const KIND_ORDER: Record<LookupHit['kind'], number> = { exact: 0, 'near-verbatim': 1, slogan: 2, words: 3 };
const DEFAULT_LIMIT = 12;

/**
 * A library document as a lookup source: its sentences ranked by the query's words as substrings, its own
 * matcher (a one-document library index) and word-for-word finder.
 */
export function documentLookupSource(doc: ReferenceDocument, corpus: Corpus, t2s: string): LookupSource {
  return {
    documentId: doc.id,
    index: buildSubstringIndex(corpus),
    matcher: createLibraryMatcher({ speech: null, library: buildLibraryIndex([doc]) }),
    occurrences: createOccurrenceFinder(doc.text, t2s),
  };
}

/**
 * The best passages of every source for `selection`. Quotes come first (the document that says most of the
 * selection word for word first, a tie in the sources' order; by place within a document), then near-verbatim
 * quotes, slogans and shared words, strongest first.
 */
export function lookupDocuments(
  selection: string,
  sources: readonly LookupSource[],
  deps: { segment: Segmenter; simplify?: (text: string) => string },
  options: LookupOptions = {},
): DocumentLookupResult {
  const limit = options.limit ?? DEFAULT_LIMIT;
  if (sources.length === 1) {
    // One document: its own ranking as it is.
    const only = sources[0] as LookupSource;
    const result = lookupSelection(selection, { ...only, ...deps }, options);
    return { ...result, hits: result.hits.map((hit) => ({ ...hit, documentId: only.documentId })) };
  }
  const words = new Set<string>();
  const ranked: { hit: DocumentLookupHit; source: number }[] = [];
  let query = '';
  sources.forEach((source, k) => {
    const result = lookupSelection(selection, { ...source, ...deps }, { limit });
    query = result.query;
    for (const w of result.words) words.add(w);
    for (const hit of result.hits) ranked.push({ hit: { ...hit, documentId: source.documentId }, source: k });
  });
  // Word-for-word hits read in document order, the document quoted most fully first (then the sources' order).
  const fullest = new Map<number, number>();
  for (const r of ranked)
    if (r.hit.kind === 'exact') fullest.set(r.source, Math.max(fullest.get(r.source) ?? 0, r.hit.score));
  ranked.sort(
    (a, b) =>
      KIND_ORDER[a.hit.kind] - KIND_ORDER[b.hit.kind] ||
      (a.hit.kind === 'exact'
        ? (fullest.get(b.source) ?? 0) - (fullest.get(a.source) ?? 0)
        : b.hit.score - a.hit.score) ||
      a.source - b.source ||
      a.hit.sentence.start - b.hit.sentence.start,
  );
  const exact = ranked.filter((r) => r.hit.kind === 'exact').slice(0, MAX_EXACT_HITS);
  const rest = ranked.filter((r) => r.hit.kind !== 'exact').slice(0, limit);
  return { query, words: [...words], hits: [...exact, ...rest].map((r) => r.hit) };
}
