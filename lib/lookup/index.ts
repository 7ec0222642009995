/**
 * Selection lookup, pure: rank the speech's passages for a piece of text.
 * `getLookupIndex()` builds the word index of the bundled speech once.
 */
import { getCorpus } from '../corpus';
import { speechData } from '../corpus/speech-data';
import { matchData } from '../match/derived';
import { createOccurrenceFinder, type OccurrenceFinder } from './occurrences';
import { createSimplifier, type Simplifier } from './simplify';
import { buildSpeechIndex, type SpeechIndex } from './speech-index';

export { rankByWords } from './bm25';
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
export { buildSpeechIndex, type SpeechIndex } from './speech-index';
export { meaningfulWords, sloganWords } from './terms';

let cached: SpeechIndex | undefined;

export function getLookupIndex(): SpeechIndex {
  cached ??= buildSpeechIndex(getCorpus(), speechData.wordEnds);
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
