/**
 * A matcher: one speech's index and the buffers its scans reuse. A scan is one linear pass (pass.ts), then
 * seed-and-extend over the pass's exact runs (passages.ts, BLAST/passim style), then the slogans outside those
 * passages (slogans.ts); the two lists are merged in page order. Each matcher owns its buffers, so two matchers
 * never share state; one matcher scans one text at a time (scans are synchronous).
 */
import { createPassBuffers, runPass, SEED_MIN } from './pass';
import { createPassageScratch, findPassages } from './passages';
import { findSlogans } from './slogans';
import type { SpeechIndex } from './speech-index';
import type { Match } from './types';

export interface ScanOptions {
  /** Report slogans (default true). */
  slogans?: boolean;
  /** Report verbatim passages (default true). */
  passages?: boolean;
  /** Report near-verbatim passages too (default true; needs `passages`). */
  nearVerbatim?: boolean;
  /** Shortest passage reported on its own, in normalised characters (default 8). */
  minPassageLength?: number;
  /** Fold traditional characters to simplified (default true). */
  traditional?: boolean;
  /** Leave out matches less distinctive than this (default 0: all; STOCK_BELOW: no stock phrasing). */
  minDistinctiveness?: number;
}

export interface Matcher {
  /** All quotes of the speech in `text`, in text order. Never throws: a failure is logged and gives none. */
  scan(text: string, options?: ScanOptions): Match[];
}

export function createMatcher(index: SpeechIndex): Matcher {
  const buffers = createPassBuffers();
  const scratch = createPassageScratch();
  return {
    scan(text, options = {}) {
      try {
        return scan(text, options);
      } catch (error) {
        // A bug here must never reach the page: report nothing rather than throw.
        console.error('[yuanwen] scan failed', error);
        return [];
      }
    },
  };

  function scan(text: string, options: ScanOptions): Match[] {
    const wantSlogans = options.slogans ?? true;
    const wantPassages = options.passages ?? true;
    const wantNear = options.nearVerbatim ?? true;
    const minPassage = Math.max(SEED_MIN, options.minPassageLength ?? 8);
    if (typeof text !== 'string' || text.length === 0 || (!wantSlogans && !wantPassages)) return [];
    const table = (options.traditional ?? true) ? index.codeTable.table : index.plainTable.table;

    const pass = runPass(index, text, table, buffers);
    if (pass.seedCount === 0 && pass.quoteCount === 0) return [];
    // Edits are aligned whatever the options: a misquote left out is better than a misquote reported as
    // verbatim pieces that stop at the edit (rules.ts, near).
    const passages = wantPassages
      ? findPassages(index, text, pass, true, minPassage, scratch)
      : { matches: [], bounds: [] };
    const slogans = wantSlogans ? findSlogans(index, text, table, pass, passages.bounds) : [];
    const matches = mergeInPageOrder(passages.matches, slogans);
    const least = options.minDistinctiveness ?? 0;
    return wantNear && least <= 0
      ? matches
      : matches.filter((m) => (wantNear || m.similarity === 1) && m.distinctiveness >= least);
  }
}

/** Passages and slogans in page order (both lists are, and passages do not overlap); slogans inside a passage are part of it. */
function mergeInPageOrder(passages: Match[], slogans: Match[]): Match[] {
  if (slogans.length === 0) return passages;
  const out: Match[] = [];
  let p = 0;
  for (const s of slogans) {
    while (p < passages.length && (passages[p] as Match).end <= s.start) out.push(passages[p++] as Match);
    const host = passages[p];
    if (host && host.start <= s.start && s.end <= host.end) continue;
    while (p < passages.length && (passages[p] as Match).start <= s.start) out.push(passages[p++] as Match);
    out.push(s);
  }
  while (p < passages.length) out.push(passages[p++] as Match);
  return out;
}
