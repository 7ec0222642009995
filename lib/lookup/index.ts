/**
 * Selection lookup, pure: rank the speech's passages for a piece of text.
 * `getLookupIndex()` builds the word index of the bundled speech once.
 */
import { getCorpus } from '../corpus';
import { speechData } from '../corpus/speech-data';
import { createSpeechMatcher, type Matcher } from '../match';
import { matchData } from '../match/derived';
import { createOccurrenceFinder, type OccurrenceFinder } from './occurrences';
import { createSimplifier, type Simplifier } from './simplify';
import { buildWordIndex, type WordIndex } from './word-index';

export { rankByWords, type WordScore } from './bm25';
export { createOccurrenceFinder, MIN_OCCURRENCE_CHARS, type OccurrenceFinder } from './occurrences';
export {
  type LookupHit,
  type LookupHitKind,
  type LookupOptions,
  type LookupResult,
  lookupSelection,
  MAX_EXACT_HITS,
  MAX_SELECTION,
  type Segmenter,
  WORD_SCORE_FLOOR,
} from './rank';
export { createSimplifier, type Simplifier } from './simplify';
export { isMeaningfulWord, meaningfulWords, sloganWords } from './terms';
export { buildWordIndex, type SentenceDoc, type TermSpan, type WordIndex } from './word-index';

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
