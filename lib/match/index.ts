/**
 * The matching engine's public face. Placeholder until the engine lands
 * (issue 3): it finds slogans verbatim only, so the content script, popup and
 * tests can be built against the final API.
 */
import { getCorpus } from '../corpus';
import type { Match } from './types';

export type { DiffOp, Match, MatchKind } from './types';

export interface ScanOptions {
  slogans?: boolean;
  passages?: boolean;
  nearVerbatim?: boolean;
  /** Shortest passage reported on its own, in normalised characters. */
  minPassageLength?: number;
  /** Match traditional characters. */
  traditional?: boolean;
}

export interface Matcher {
  /** All quotes of the speech in `text`, in text order. Never throws. */
  scan(text: string, options?: ScanOptions): Match[];
}

let matcher: Matcher | undefined;

export function getMatcher(): Matcher {
  matcher ??= createPlaceholderMatcher();
  return matcher;
}

function createPlaceholderMatcher(): Matcher {
  const corpus = getCorpus();
  return {
    scan(text) {
      const out: Match[] = [];
      for (const slogan of corpus.slogans) {
        const occ = slogan.occurrences[0];
        if (!occ || slogan.text.length <= 3) continue;
        for (let i = text.indexOf(slogan.text); i >= 0; i = text.indexOf(slogan.text, i + 1)) {
          out.push({
            kind: 'slogan',
            start: i,
            end: i + slogan.text.length,
            speechStart: occ.start,
            speechEnd: occ.end,
            similarity: 1,
            diff: null,
          });
        }
      }
      return out.sort((a, b) => a.start - b.start);
    },
  };
}
