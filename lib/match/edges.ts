/**
 * Edits at the ends of a quote. Seed-and-extend takes an edit only when a few characters match after it, so an
 * edit among the last (or first) characters of a phrase would leave a verbatim run that stops short of it and
 * reads as a clean quote: 像对待生命一样对待自然环境 for …生态环境, …的长远大计 for …的根本大计, 持续打好 for
 * 持续深入打好. Here an alignment is carried to the end (start) of the speech's phrase when the page has that
 * phrase's last (first) characters, the anchor, within reach and inside the page's own phrase: the edit then
 * lies between matching text, a misquote, not the page going on in its own words. A different word in front of
 * a verbatim run (必须把… for 切实把…) has no anchor and stays a verbatim run.
 */
import { type AlignMemory, align } from './diff';
import type { Candidate } from './extend';

/** The speech's phrase may go on at most this many characters past the alignment… */
export const EDGE_SPEECH_MAX = 6;
/** …and the page's edited part may be at most this many characters longer. */
export const EDGE_PAGE_EXTRA = 6;

export interface PageEdges {
  codes: Uint16Array;
  /** Normalised length of the page. */
  length: number;
  /** Whether normalised positions p − 1 and p lie in one phrase of the page (no punctuation or break between). */
  joined(p: number): boolean;
  /** Page positions below this belong to an earlier match. */
  leftBound: number;
  /** The matcher's memory for the edit distances. */
  memory: AlignMemory;
}

export interface SpeechEdges {
  codes: Uint16Array;
  phraseStartAt: Uint8Array;
}

/** Levenshtein distance of short a[aFrom, aTo) and b[bFrom, bTo) (the diff's own DP; its runs are not needed). */
function distance(
  a: Uint16Array,
  aFrom: number,
  aTo: number,
  b: Uint16Array,
  bFrom: number,
  bTo: number,
  memory: AlignMemory,
): number {
  return align(a, aFrom, aTo, b, bFrom, bTo, [], memory);
}

function same(a: Uint16Array, aFrom: number, b: Uint16Array, bFrom: number, length: number): boolean {
  for (let k = 0; k < length; k++) if (a[aFrom + k] !== b[bFrom + k]) return false;
  return true;
}

/** Carries `c` to the end of the speech's phrase across an edit in its last characters, where the page allows. */
export function completeTail(page: PageEdges, speech: SpeechEdges, c: Candidate): void {
  const sp = speech.codes;
  let phraseEnd = c.se;
  while (phraseEnd < sp.length && speech.phraseStartAt[phraseEnd] !== 1) {
    phraseEnd++;
    if (phraseEnd - c.se > EDGE_SPEECH_MAX) return;
  }
  const rest = phraseEnd - c.se;
  if (rest === 0) return;
  const anchor = rest >= 3 ? 2 : 1;
  const reach = Math.min(page.length, c.pe + rest + EDGE_PAGE_EXTRA);
  // Most alignments have no anchor within reach: look for one before asking where the page's phrase ends.
  let first = c.pe + anchor;
  while (first <= reach && !same(page.codes, first - anchor, sp, phraseEnd - anchor, anchor)) first++;
  if (first > reach || !page.joined(c.pe)) return; // no anchor, or the page's phrase ended with the alignment
  let limit = c.pe + 1; // the page's phrase goes on to here (exclusive)
  while (limit < reach && page.joined(limit)) limit++;
  let best = -1;
  let bestCost = Number.POSITIVE_INFINITY;
  for (let q = first; q <= limit; q++) {
    if (!same(page.codes, q - anchor, sp, phraseEnd - anchor, anchor)) continue;
    const cost = distance(page.codes, c.pe, q - anchor, sp, c.se, phraseEnd - anchor, page.memory);
    if (cost < bestCost) {
      best = q;
      bestCost = cost;
    }
  }
  if (best < 0 || bestCost === 0) return;
  c.gaps = [...c.gaps, c.pe, best - anchor - c.pe, c.se, phraseEnd - anchor - c.se];
  c.pe = best;
  c.se = phraseEnd;
  c.matched += anchor;
}

/** The same at the start: carries `c` back to the start of the speech's phrase across an edit in its first characters. */
export function completeHead(page: PageEdges, speech: SpeechEdges, c: Candidate): void {
  const sp = speech.codes;
  let phraseStart = c.ss;
  while (phraseStart > 0 && speech.phraseStartAt[phraseStart] !== 1) {
    phraseStart--;
    if (c.ss - phraseStart > EDGE_SPEECH_MAX) return;
  }
  const rest = c.ss - phraseStart;
  if (rest === 0) return;
  const anchor = rest >= 3 ? 2 : 1;
  const reach = Math.max(page.leftBound, c.ps - rest - EDGE_PAGE_EXTRA);
  // As in completeTail: the anchor first.
  let first = c.ps - anchor;
  while (first >= reach && !same(page.codes, first, sp, phraseStart, anchor)) first--;
  if (first < reach || !page.joined(c.ps)) return; // no anchor, or the page's phrase starts with the alignment
  let limit = c.ps - 1; // the page's phrase reaches back to here (inclusive)
  while (limit > reach && page.joined(limit)) limit--;
  let best = -1;
  let bestCost = Number.POSITIVE_INFINITY;
  for (let q = first; q >= limit; q--) {
    if (!same(page.codes, q, sp, phraseStart, anchor)) continue;
    const cost = distance(page.codes, q + anchor, c.ps, sp, phraseStart + anchor, c.ss, page.memory);
    if (cost < bestCost) {
      best = q;
      bestCost = cost;
    }
  }
  if (best < 0 || bestCost === 0) return;
  c.gaps = [best + anchor, c.ps - best - anchor, phraseStart + anchor, c.ss - phraseStart - anchor, ...c.gaps];
  c.ps = best;
  c.ss = phraseStart;
  c.matched += anchor;
}
