/**
 * Slogans: the speech's short quoted phrases, looked up right after the page's quotation marks (any slogan, and
 * the only way a short one counts) and inside seeds (a long one wherever it stands, a numbered formula where it
 * stands alone). A slogan inside a reported passage is part of that passage and not reported again. Also the
 * two questions the passage judge asks of the slogans a span of the speech holds.
 */
import { QUOTE } from '../normalize';
import { type OffsetMap, originAt } from './offsets';
import type { Pass } from './pass';
import { formulaStandsAlone, MISQUOTED_SLOGAN_COVER, MISQUOTED_SLOGAN_MIN } from './rules';
import type { SpeechIndex } from './speech-index';
import type { Match, MatchRule } from './types';

/** The shortest slogan that can stand bare (a numbered formula: rules.ts). */
const SHORT_SLOGAN = 4;

/**
 * Slogans after quotation marks, and long slogans inside seeds, outside the passages (`passageBounds`: their
 * normalised [start, end), flattened, in page order); in page order, one per position.
 */
export function findSlogans(
  index: SpeechIndex,
  text: string,
  table: Uint16Array,
  pass: Pass,
  passageBounds: readonly number[],
): Match[] {
  const { norm, length: n, quotes, quoteCount: quotesUsed, offsets } = pass;
  const held: HeldBy = { bounds: passageBounds, cursor: 0 };
  const found: Match[] = [];
  const add = (from: number, slogan: number, rule: MatchRule): void => {
    const m = sloganMatch(index, offsets, held, from, slogan, rule);
    if (m) found.push(m);
  };
  const { slogans, slogansByFirst } = index;
  const alphabet = slogansByFirst.length;
  for (let q = 0; q < quotesUsed; q++) {
    const from = quotes[q] as number;
    if (from >= n) continue;
    const code = norm[from] as number;
    const starting = code < alphabet ? slogansByFirst[code] : undefined;
    if (!starting) continue;
    const hostEnd = passageEnd(held, from); // a slogan inside a passage is part of it: not looked at
    for (let j = 0; j < starting.length; j++) {
      const s = starting[j] as number;
      const slogan = slogans[s] as (typeof slogans)[number];
      if (slogan.standing === 'word' || from + slogan.codes.length <= hostEnd) continue;
      if (codesAt(norm, n, from, slogan.codes) && closedByQuote(text, table, offsets, from + slogan.codes.length))
        add(from, s, 'quoted-slogan');
    }
  }
  // Slogans inside exact runs, bare: a long one wherever it stands, a numbered formula where it stands alone
  // (rules.ts). A seed's text is the speech's [ss, se) at its first occurrence, so the slogans in it are read
  // off the speech (a prefix count says in O(1) whether there are any).
  const firstEnd = index.automaton.firstEnd;
  const before = index.sloganStartsBefore;
  const seeds = pass.seeds;
  const seedsEnd = pass.seedCount * 3;
  for (let k = 0; k < seedsEnd; k += 3) {
    const L = seeds[k + 1] as number;
    const se = (firstEnd[seeds[k + 2] as number] as number) + 1;
    const ss = se - L;
    if ((before[se - SHORT_SLOGAN + 1] as number) === (before[ss] as number)) continue;
    const end = seeds[k] as number;
    if (insidePassage(held, end - L, end)) continue; // its slogans belong to the passage
    for (let pos = ss; pos + SHORT_SLOGAN <= se; pos++) {
      const starting = index.slogansAt[pos];
      if (!starting) continue;
      for (const s of starting) {
        const slogan = slogans[s] as (typeof slogans)[number];
        const m = slogan.codes.length;
        if (slogan.standing === 'word' || pos + m > se) continue;
        const from = end - L + (pos - ss);
        if (
          slogan.standing === 'numbered' &&
          !formulaStandsAlone(text, originAt(offsets, from), originAt(offsets, from + m - 1) + 1)
        )
          continue;
        add(from, s, 'bare-slogan');
      }
    }
  }
  if (found.length < 2) return found;
  // Found from quotation marks and from runs, in two passes: sort, and keep one per position (quoted first).
  found.sort((x, y) => x.start - y.start || y.end - x.end || (x.rule === 'quoted-slogan' ? -1 : 1));
  return found.filter((m, k) => k === 0 || (found[k - 1] as Match).start !== m.start);
}

/** The passages' bounds, and the one passageEnd() found last: the search asks in page order, a step or two on. */
interface HeldBy {
  bounds: readonly number[];
  cursor: number;
}

/** The end of the accepted passage that holds normalised position `from`, or −1. */
function passageEnd(held: HeldBy, from: number): number {
  const bounds = held.bounds;
  const count = bounds.length >> 1;
  let k = held.cursor < count ? held.cursor : count - 1;
  if (k < 0) return -1;
  while (k > 0 && (bounds[k * 2 - 1] as number) > from) k--; // back past passages ending after `from`
  while (k < count && (bounds[k * 2 + 1] as number) <= from) k++; // on past passages ending at or before it
  held.cursor = k;
  return k < count && (bounds[k * 2] as number) <= from ? (bounds[k * 2 + 1] as number) : -1;
}

/** Whether normalised [from, to) lies inside an accepted passage. */
function insidePassage(held: HeldBy, from: number, to: number): boolean {
  const end = passageEnd(held, from);
  return end >= 0 && to <= end;
}

/** Slogan `slogan` at normalised position `from` as a match, unless a passage holds it. */
function sloganMatch(
  index: SpeechIndex,
  offsets: OffsetMap,
  held: HeldBy,
  from: number,
  slogan: number,
  rule: MatchRule,
): Match | null {
  const entry = index.slogans[slogan];
  if (!entry || insidePassage(held, from, from + entry.codes.length)) return null;
  return {
    kind: 'slogan',
    start: originAt(offsets, from),
    end: originAt(offsets, from + entry.codes.length - 1) + 1,
    speechStart: entry.speechStart,
    speechEnd: entry.speechEnd,
    similarity: 1,
    diff: null,
    rule,
    distinctiveness: 1,
  };
}

function codesAt(norm: Uint16Array, n: number, from: number, codes: Uint16Array): boolean {
  if (from + codes.length > n) return false;
  for (let j = 0; j < codes.length; j++) if (norm[from + j] !== codes[j]) return false;
  return true;
}

/** True if the first non-space character after normalised position `to` − 1 is a quotation mark. */
function closedByQuote(text: string, table: Uint16Array, offsets: OffsetMap, to: number): boolean {
  for (let i = originAt(offsets, to - 1) + 1; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (table[c] === QUOTE) return true;
    if (c !== 0x20 && c !== 0x3000 && c !== 0x0a && c !== 0x09 && c !== 0x0d) return false;
  }
  return false;
}

/** How many characters of speech [ss, se) lie outside the whole slogans (not words) it holds. */
export function outsideWholeSlogans(index: SpeechIndex, ss: number, se: number): number {
  if (index.sloganStartsBefore[se] === index.sloganStartsBefore[ss]) return se - ss;
  let inside = 0;
  let coveredTo = ss;
  for (let pos = ss; pos < se; pos++) {
    for (const k of index.slogansAt[pos] ?? []) {
      const slogan = index.slogans[k];
      if (!slogan || slogan.standing === 'word' || pos + slogan.codes.length > se) continue;
      const from = Math.max(pos, coveredTo);
      const to = pos + slogan.codes.length;
      if (to > from) inside += to - from;
      coveredTo = Math.max(coveredTo, to);
    }
  }
  return se - ss - inside;
}

/**
 * The slogan (of MISQUOTED_SLOGAN_MIN or more characters) that speech [ss, se) mostly covers, reaching at
 * most two characters past either of its ends, or −1.
 */
export function misquotedSlogan(index: SpeechIndex, ss: number, se: number): number {
  if (se - ss > index.longestSlogan + 4) return -1;
  const from = Math.max(0, se - 2 - index.longestSlogan);
  const to = Math.min(se, ss + 3);
  if (index.sloganStartsBefore[to] === index.sloganStartsBefore[from]) return -1;
  for (let pos = from; pos < to; pos++) {
    for (const k of index.slogansAt[pos] ?? []) {
      const slogan = index.slogans[k];
      if (slogan?.standing !== 'slogan' || slogan.codes.length < MISQUOTED_SLOGAN_MIN) continue;
      const to = pos + slogan.codes.length;
      const overlap = Math.min(se, to) - Math.max(ss, pos);
      if (overlap >= MISQUOTED_SLOGAN_COVER * slogan.codes.length && ss >= pos - 2 && se <= to + 2) return k;
    }
  }
  return -1;
}
