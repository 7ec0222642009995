/**
 * The matching engine's public face: `createSpeechMatcher().scan(text, options)`. Building the speech's index
 * takes a few tens of milliseconds, so a caller builds one matcher and keeps it (the background per worker,
 * a CLI per run, a test file per file). matcher.ts tells how a scan works; rules.ts, every rule that decides a
 * match; substance.ts, what makes a passage.
 */
import { getCorpus } from '../corpus';
import { speechData } from '../corpus/speech-data';
import { matchData } from './derived';
import { createMatcher, type Matcher } from './matcher';
import { buildSpeechIndex, type SpeechIndex } from './speech-index';

export { createMatcher, type Matcher, type ScanOptions } from './matcher';
export type { DiffOp, Match, MatchKind } from './types';

/** The bundled speech's index, built anew. */
export function createSpeechIndex(): SpeechIndex {
  return buildSpeechIndex({
    corpus: getCorpus(),
    wordEnds: speechData.wordEnds,
    wordWeights: matchData.wordWeights,
    t2s: matchData.t2s,
  });
}

/** A matcher of the bundled speech, with its own index and buffers. */
export function createSpeechMatcher(): Matcher {
  return createMatcher(createSpeechIndex());
}
