/**
 * The library matcher: the speech's own engine for the speech (its quality is what `npm run eval` holds it to)
 * and the library index for every other enabled document, merged so a page span found in several documents is
 * ONE match that names its main document and lists the others (alsoIn). The main one is the document whose
 * match covers most of the page (the speech first on a tie, then the library's order); a slogan and a passage
 * over the same words merge the same way.
 */
import type { ScanOptions } from '../match';
import type { DocumentMatch, Match, SharedPassage } from '../match/types';
import type { LibraryIndex } from './library-index';
import { createLibraryScanner, type LibraryScanner } from './scan';
import { SPEECH_DOCUMENT_ID } from './types';

export interface SpeechScanner {
  scan(text: string, options?: ScanOptions): Match[];
}

export interface LibraryMatcherInput {
  /** The speech's matcher (lib/match createSpeechMatcher()), or null when the reader disabled the speech. */
  speech: SpeechScanner | null;
  /** The index over the enabled documents, or null when there are none. */
  library: LibraryIndex | null;
}

export interface LibraryMatcher {
  /** Every quote of every enabled document in `text`, in text order, each naming its document. Never throws. */
  scan(text: string, options?: ScanOptions): DocumentMatch[];
}

export function createLibraryMatcher({ speech, library }: LibraryMatcherInput): LibraryMatcher {
  const scanner: LibraryScanner | null = library && library.documents.length > 0 ? createLibraryScanner(library) : null;
  return {
    scan(text, options = {}) {
      try {
        const fromSpeech: DocumentMatch[] = (speech?.scan(text, options) ?? []).map((m) => ({
          ...m,
          documentId: SPEECH_DOCUMENT_ID,
          alsoIn: [],
        }));
        const fromLibrary = scanner?.scan(text, options) ?? [];
        return mergeMatches([...fromSpeech, ...fromLibrary]);
      } catch (error) {
        console.error('[yuanwen] library scan failed', error);
        return [];
      }
    },
  };
}

const shared = (m: DocumentMatch): SharedPassage => ({
  documentId: m.documentId,
  speechStart: m.speechStart,
  speechEnd: m.speechEnd,
  similarity: m.similarity,
  start: m.start,
  end: m.end,
});

/**
 * Matches whose page spans overlap become one: the longest (then the earliest in `matches`, so the speech
 * first) is kept and the others are listed in its alsoIn, one entry per document. In text order.
 */
export function mergeMatches(matches: readonly DocumentMatch[]): DocumentMatch[] {
  const order = matches.map((m, k) => ({ m, k })).sort((a, b) => a.m.start - b.m.start || a.k - b.k);
  const out: DocumentMatch[] = [];
  let group: { m: DocumentMatch; k: number }[] = [];
  let groupEnd = -1;
  const flush = () => {
    if (group.length === 0) return;
    const main = group.reduce((best, g) => {
      const len = g.m.end - g.m.start;
      const bestLen = best.m.end - best.m.start;
      return len > bestLen || (len === bestLen && g.k < best.k) ? g : best;
    });
    const seen = new Set([main.m.documentId]);
    const alsoIn: SharedPassage[] = [...main.m.alsoIn];
    for (const a of alsoIn) seen.add(a.documentId);
    for (const g of group.slice().sort((a, b) => a.k - b.k)) {
      if (g === main || seen.has(g.m.documentId)) continue;
      seen.add(g.m.documentId);
      alsoIn.push(shared(g.m));
    }
    out.push({ ...main.m, alsoIn });
    group = [];
  };
  for (const entry of order) {
    if (entry.m.start >= groupEnd) {
      flush();
      groupEnd = entry.m.end;
    } else groupEnd = Math.max(groupEnd, entry.m.end);
    group.push(entry);
  }
  flush();
  return out;
}
