/**
 * The matching engine's public face: `getMatcher().scan(text, options)`.
 * The index is built on first use from the bundled speech and the derived
 * data (jieba word weights, traditional → simplified table); see engine.ts
 * for how a scan works and substance.ts for what makes a passage.
 */
import { getCorpus } from '../corpus';
import { speechData } from '../corpus/speech-data';
import { matchData } from './derived';
import { type ScanOptions, scanText } from './engine';
import { buildSpeechIndex, type SpeechIndex } from './speech-index';
import type { Match } from './types';

export type { ScanOptions } from './engine';
export type { DiffOp, Match, MatchKind } from './types';

export interface Matcher {
  /** All quotes of the speech in `text`, in text order. Never throws. */
  scan(text: string, options?: ScanOptions): Match[];
}

let matcher: Matcher | undefined;
let speechIndex: SpeechIndex | undefined;

/** The speech's index, built once per page/process. */
export function getSpeechIndex(): SpeechIndex {
  speechIndex ??= buildSpeechIndex({
    corpus: getCorpus(),
    wordEnds: speechData.wordEnds,
    wordWeights: matchData.wordWeights,
    t2s: matchData.t2s,
  });
  return speechIndex;
}

export function getMatcher(): Matcher {
  matcher ??= createMatcher(getSpeechIndex());
  return matcher;
}

export function createMatcher(index: SpeechIndex): Matcher {
  return {
    scan(text, options) {
      try {
        return scanText(index, text, options);
      } catch (error) {
        // A bug here must never reach the page: report nothing rather than throw.
        console.error('[yuanwen] scan failed', error);
        return [];
      }
    },
  };
}
