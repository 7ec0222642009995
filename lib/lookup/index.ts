/**
 * Selection lookup, pure: rank the speech's passages for a piece of text.
 * `getLookupIndex()` builds the word index of the bundled speech once.
 */
import { getCorpus } from '../corpus';
import { speechData } from '../corpus/speech-data';
import { SPEECH_DOCUMENT_ID } from '../library/types';
import { createSpeechMatcher, type Matcher } from '../match';
import { matchData } from '../match/derived';
import type { LookupSource } from './documents';
import { createOccurrenceFinder, type OccurrenceFinder } from './occurrences';
import { createSimplifier, type Simplifier } from './simplify';
import { buildWordIndex, type WordIndex } from './word-index';

export { rankByWords } from './bm25';
export {
  type DocumentLookupHit,
  type DocumentLookupResult,
  documentLookupSource,
  type LookupSource,
  lookupDocuments,
} from './documents';
export type { OccurrenceFinder } from './occurrences';
export {
  type LookupHit,
  type LookupResult,
  lookupSelection,
  MAX_SELECTION,
  type Segmenter,
  WORD_SCORE_FLOOR,
} from './rank';
export type { Simplifier } from './simplify';
export { meaningfulWords, sloganWords } from './terms';
export { buildSubstringIndex, buildWordIndex, type WordIndex } from './word-index';

let cached: WordIndex | undefined;

export function getLookupIndex(): WordIndex {
  cached ??= buildWordIndex(getCorpus(), speechData.wordEnds);
  return cached;
}

let simplifier: Simplifier | undefined;

/** Traditional → simplified over the speech's characters (the matcher's build-time table). */
export function getSimplifier(): Simplifier {
  simplifier ??= createSimplifier(matchData.t2s);
  return simplifier;
}

let occurrenceFinder: OccurrenceFinder | undefined;

/** Word-for-word search of the bundled speech, with the matcher's normalisation. */
export function getOccurrenceFinder(): OccurrenceFinder {
  occurrenceFinder ??= createOccurrenceFinder(getCorpus().text, matchData.t2s);
  return occurrenceFinder;
}

let matcher: Matcher | undefined;

/** The speech's matcher, for a lookup's quotes of the speech. */
export function getLookupMatcher(): Matcher {
  matcher ??= createSpeechMatcher();
  return matcher;
}

/** The speech as a lookup source (lookupDocuments). */
export function speechLookupSource(): LookupSource {
  return {
    documentId: SPEECH_DOCUMENT_ID,
    index: getLookupIndex(),
    matcher: getLookupMatcher(),
    occurrences: getOccurrenceFinder(),
  };
}
