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
 * first) is kept and the others are listed in its alsoIn, one entry per document. In text order. A match
 * that overlaps none is returned as it is (not copied); a merged one is a new object.
 */
export function mergeMatches(matches: readonly DocumentMatch[]): DocumentMatch[] {
  const order = Array.from(matches.keys()).sort(
    (a, b) => (matches[a] as DocumentMatch).start - (matches[b] as DocumentMatch).start || a - b,
  );
  const out: DocumentMatch[] = [];
  let group: number[] = [];
  let groupEnd = -1;
  const flush = () => {
    if (group.length === 0) return;
    if (group.length === 1) {
      // Alone on its span: kept as it is (every scan makes its matches afresh).
      out.push(matches[group[0] as number] as DocumentMatch);
      group = [];
      return;
    }
    const main = group.reduce((best, k) => {
      const m = matches[k] as DocumentMatch;
      const b = matches[best] as DocumentMatch;
      const len = m.end - m.start;
      const bestLen = b.end - b.start;
      return len > bestLen || (len === bestLen && k < best) ? k : best;
    });
    const mainMatch = matches[main] as DocumentMatch;
    const seen = new Set([mainMatch.documentId]);
    const alsoIn: SharedPassage[] = [...mainMatch.alsoIn];
    for (const a of alsoIn) seen.add(a.documentId);
    for (const k of group.sort((a, b) => a - b)) {
      const m = matches[k] as DocumentMatch;
      if (k === main || seen.has(m.documentId)) continue;
      seen.add(m.documentId);
      alsoIn.push(shared(m));
    }
    out.push({ ...mainMatch, alsoIn });
    group = [];
  };
  for (const k of order) {
    const m = matches[k] as DocumentMatch;
    if (m.start >= groupEnd) {
      flush();
      groupEnd = m.end;
    } else groupEnd = Math.max(groupEnd, m.end);
    group.push(k);
  }
  flush();
  return out;
}
