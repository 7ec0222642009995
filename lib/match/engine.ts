/**
 * The scan: one linear pass, then seed-and-extend (BLAST/passim style).
 *
 * 1. Pass (linear): normalise each code unit with one table read and walk the
 *    speech's suffix automaton, which gives at every position the longest
 *    piece of the speech ending there. Where that run stops growing, a
 *    maximal exact run ("seed") of ≥ SEED_MIN characters is recorded.
 *    Quotation marks are remembered for the short slogans.
 * 2. Slogans: looked up inside seeds (long ones) and right after quotation
 *    marks (short ones).
 * 3. Passages: each seed is aligned at each place the speech has it and
 *    extended both ways, exactly, or across small edits when near-verbatim
 *    quotes are wanted (an edit is taken only if ≥ CONTINUE_MIN characters
 *    match after it; the end with the best score wins, X-drop style). The
 *    best alignment is then judged: enough characters, enough similarity,
 *    enough substance (lib/match/substance.ts).
 * 4. Resolution: a passage absorbs the seeds and slogans inside it (one match
 *    per quote; a slogan inside a passage is reported as the passage, slogans
 *    are reported where they stand on their own). A quote repeated on the
 *    page is a separate place, so a separate match.
 */
import { BREAK, QUOTE, SKIP } from '../normalize/table';
import { CODE_BITS, occurrenceEnds } from './automaton';
import { align, diffOps, MAX_ALIGN, similarityOf } from './diff';
import type { SpeechIndex } from './speech-index';
import { hasSubstance } from './substance';
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
}

/** Shortest exact run worth recording: shorter ones are everyday two- and three-character words. */
const SEED_MIN = 4;
/** Edits are tried only around an exact run at least this long: a near-verbatim quote keeps long stretches intact. */
const EDIT_ANCHOR = 6;
/** After a small edit (≤ 3 characters a side), this many characters must match again for the extension to go on… */
const CONTINUE_MIN = 3;
/** …and after a larger one (a dropped or inserted clause of up to LONG_STEP characters), this many. */
const CONTINUE_LONG = 5;
const SHORT_STEP = 3;
const LONG_STEP = 8;
/** The extension stops once its score falls this far below its best (X-drop). */
const X_DROP = 10;
/** A near-verbatim passage needs at least this similarity. */
export const MIN_SIMILARITY = 0.75;
/** Longest alignment grown from one seed (normalised characters a side); a longer quote is reported in pieces. */
const MAX_EXTEND = 2000;
/** Occurrences of a seed in the speech tried as anchors (the most repeated phrase occurs ~20 times). */
const MAX_OCCURRENCES = 32;
/** Occurrences tied for the longest exact run that are also tried with edits. */
const MAX_TIED = 4;
/** Slogans of this length or shorter count unquoted only inside a longer exact run; ≤ 3 only in quotes. */
const SHORT_SLOGAN = 4;

/**
 * Edit steps the extension may take at a mismatch, as [page chars, speech
 * chars, characters that must match after it]: cheapest first, diagonal
 * (a replacement) before skewed (an insertion or deletion).
 */
const STEPS: [number, number, number][] = [];
for (let cost = 1; cost <= LONG_STEP; cost++) {
  const need = cost <= SHORT_STEP ? CONTINUE_MIN : CONTINUE_LONG;
  for (let skew = 0; skew <= cost; skew++) {
    if (cost > SHORT_STEP && skew < cost - 2) continue; // long steps: a dropped or added clause, ± 2 replaced
    if (skew === 0) STEPS.push([cost, cost, need]);
    else STEPS.push([cost, cost - skew, need], [cost - skew, cost, need]);
  }
}

// Reusable buffers: a scan allocates nothing proportional to the page after the first.
let normBuf = new Uint16Array(1024);
let originBuf = new Int32Array(1024);
let seedBuf = new Int32Array(3 * 256);
let quoteBuf = new Int32Array(64);

interface Extension {
  p: number;
  s: number;
  matched: number;
  edits: number;
  score: number;
}

export function scanText(index: SpeechIndex, text: string, options: ScanOptions = {}): Match[] {
  const wantSlogans = options.slogans ?? true;
  const wantPassages = options.passages ?? true;
  const allowEdits = wantPassages && (options.nearVerbatim ?? true);
  const minPassage = Math.max(SEED_MIN, options.minPassageLength ?? 8);
  if (typeof text !== 'string' || text.length === 0 || (!wantSlogans && !wantPassages)) return [];

  const table = (options.traditional ?? true) ? index.codeTable.table : index.plainTable.table;
  const a = index.automaton;
  const { rootNext, soloCode, soloNext, keys, values, mask, shift, link, len } = a;

  if (normBuf.length < text.length) {
    normBuf = new Uint16Array(text.length);
    originBuf = new Int32Array(text.length);
  }
  const norm = normBuf;
  const origin = originBuf;
  let seeds = seedBuf;
  let seedCount = 0;
  let quotes = quoteBuf;
  let quoteCount = 0;

  // ---- 1. the linear pass ----
  let n = 0;
  let state = 0;
  let run = 0;
  const length = text.length;
  for (let i = 0; i < length; i++) {
    const code = table[text.charCodeAt(i)] as number;
    if (code === SKIP) continue;
    if (code >= QUOTE) {
      if (code === QUOTE) {
        if (quoteCount === quotes.length) quotes = grow(quotes);
        quotes[quoteCount++] = n;
        continue;
      }
      // BREAK: ends any run.
      if (run >= SEED_MIN) {
        if (seedCount * 3 + 3 > seeds.length) seeds = grow(seeds);
        seeds[seedCount * 3] = n;
        seeds[seedCount * 3 + 1] = run;
        seeds[seedCount * 3 + 2] = state;
        seedCount++;
      }
      norm[n] = BREAK;
      origin[n++] = i;
      state = 0;
      run = 0;
      continue;
    }
    norm[n] = code;
    origin[n++] = i;
    let t: number;
    if (state === 0) t = rootNext[code] as number;
    else if (soloCode[state] === code) t = soloNext[state] as number;
    else t = lookup(keys, values, mask, shift, (state << CODE_BITS) | code);
    if (t >= 0) {
      state = t;
      run++;
      continue;
    }
    // The run ending before this character is maximal: record it, then fall back along suffix links.
    if (run >= SEED_MIN) {
      if (seedCount * 3 + 3 > seeds.length) seeds = grow(seeds);
      seeds[seedCount * 3] = n - 1;
      seeds[seedCount * 3 + 1] = run;
      seeds[seedCount * 3 + 2] = state;
      seedCount++;
    }
    for (;;) {
      state = link[state] as number;
      run = len[state] as number;
      if (state === 0) {
        state = rootNext[code] as number; // every letter occurs in the speech
        run = 1;
        break;
      }
      t =
        soloCode[state] === code
          ? (soloNext[state] as number)
          : lookup(keys, values, mask, shift, (state << CODE_BITS) | code);
      if (t >= 0) {
        state = t;
        run++;
        break;
      }
    }
  }
  if (run >= SEED_MIN) {
    if (seedCount * 3 + 3 > seeds.length) seeds = grow(seeds);
    seeds[seedCount * 3] = n;
    seeds[seedCount * 3 + 1] = run;
    seeds[seedCount * 3 + 2] = state;
    seedCount++;
  }
  seedBuf = seeds;
  quoteBuf = quotes;
  if (seedCount === 0 && quoteCount === 0) return [];

  const page = { text, norm, origin, n };
  const out: Match[] = [];

  // ---- 3. passages (first, so slogans inside them can be dropped) ----
  let coveredEnd = 0; // normalised page position up to which passages are settled
  let triedEnd = -1; // end of the last rejected alignment: seeds inside it were already tried
  if (wantPassages) {
    for (let k = 0; k < seedCount; k++) {
      const end = seeds[k * 3] as number;
      const st = seeds[k * 3 + 2] as number;
      // A seed reaching back into the last passage keeps only its part after it (a suffix: same state).
      const start = Math.max(end - (seeds[k * 3 + 1] as number), coveredEnd);
      const L = end - start;
      if (L < SEED_MIN || end <= triedEnd) continue;
      const best = bestAlignment(index, page, start, end, L, st, coveredEnd, allowEdits);
      if (!best) continue;
      const accepted = judge(index, page, best, minPassage, allowEdits);
      if (accepted) {
        out.push(accepted);
        coveredEnd = best.pe;
      } else triedEnd = Math.max(triedEnd, best.pe);
    }
  }

  // ---- 2. slogans ----
  if (wantSlogans) {
    const found = new Map<number, Match>();
    const add = (from: number, slogan: number) => {
      const entry = index.slogans[slogan];
      if (!entry || found.has(from)) return;
      const to = from + entry.codes.length;
      found.set(from, {
        kind: 'slogan',
        start: origin[from] as number,
        end: (origin[to - 1] as number) + 1,
        speechStart: entry.speechStart,
        speechEnd: entry.speechEnd,
        similarity: 1,
        diff: null,
      });
    };
    // Any slogan set in quotation marks (the only way a short one counts).
    for (let q = 0; q < quoteCount; q++) {
      const from = quotes[q] as number;
      for (const s of index.slogansByFirst.get(norm[from] as number) ?? []) {
        const entry = index.slogans[s] as (typeof index.slogans)[number];
        if (codesAt(norm, n, from, entry.codes) && closedByQuote(text, table, origin, from + entry.codes.length))
          add(from, s);
      }
    }
    // Longer slogans inside exact runs; four-character ones only when the run goes on past them.
    for (let k = 0; k < seedCount; k++) {
      const end = seeds[k * 3] as number;
      const L = seeds[k * 3 + 1] as number;
      for (let p = end - L; p + SHORT_SLOGAN <= end; p++) {
        const starting = index.slogansByFirst.get(norm[p] as number);
        if (!starting) continue;
        for (const s of starting) {
          const entry = index.slogans[s] as (typeof index.slogans)[number];
          const m = entry.codes.length;
          if (m < SHORT_SLOGAN || p + m > end) continue;
          if (m === SHORT_SLOGAN && L <= m) continue;
          if (codesAt(norm, n, p, entry.codes)) add(p, s);
        }
      }
    }
    for (const m of found.values())
      if (!out.some((p) => p.kind === 'passage' && p.start <= m.start && m.end <= p.end)) out.push(m);
  }

  return out.sort((x, y) => x.start - y.start || y.end - x.end);
}

function lookup(keys: Int32Array, values: Int32Array, mask: number, shift: number, key: number): number {
  let slot = Math.imul(key, 0x9e3779b1 | 0) >>> shift;
  for (;;) {
    const k = keys[slot] as number;
    if (k === key) return values[slot] as number;
    if (k === -1) return -1;
    slot = (slot + 1) & mask;
  }
}

function grow<T extends Int32Array>(a: T): T {
  const b = new Int32Array(a.length * 2);
  b.set(a);
  return b as T;
}

function codesAt(norm: Uint16Array, n: number, from: number, codes: Uint16Array): boolean {
  if (from + codes.length > n) return false;
  for (let j = 0; j < codes.length; j++) if (norm[from + j] !== codes[j]) return false;
  return true;
}

/** True if the first non-space character after normalised position `to` − 1 is a quotation mark. */
function closedByQuote(text: string, table: Uint16Array, origin: Int32Array, to: number): boolean {
  for (let i = (origin[to - 1] as number) + 1; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (table[c] === QUOTE) return true;
    if (c !== 0x20 && c !== 0x3000 && c !== 0x0a && c !== 0x09 && c !== 0x0d) return false;
  }
  return false;
}

interface PageView {
  text: string;
  norm: Uint16Array;
  origin: Int32Array;
  n: number;
}

interface Candidate {
  ps: number;
  pe: number;
  ss: number;
  se: number;
  matched: number;
  edits: number;
}

/**
 * Aligns the seed [start, end) at each place the speech has it. Exact
 * extension first (cheap) picks the places with the longest exact run; only
 * those, and only around a run of EDIT_ANCHOR or more, are extended across
 * edits. Keeps the cost per seed small on pages that merely share the
 * speech's vocabulary.
 */
function bestAlignment(
  index: SpeechIndex,
  page: PageView,
  start: number,
  end: number,
  L: number,
  state: number,
  leftBound: number,
  allowEdits: boolean,
): Candidate | null {
  const sc = index.codes;
  const rightLimit = Math.min(page.n, end + MAX_EXTEND);
  const leftLimit = Math.max(leftBound, start - MAX_EXTEND);
  let bestExact = -1;
  let tied: number[] = [];
  let best: Candidate | null = null;
  for (const e of occurrenceEnds(index.automaton, state, MAX_OCCURRENCES)) {
    const ss = e + 1 - L;
    const right = extend(page.norm, rightLimit, sc, sc.length, end, e + 1, 1, false);
    const left = extend(page.norm, leftLimit, sc, 0, start, ss, -1, false);
    const total = L + left.matched + right.matched;
    if (total > bestExact) {
      bestExact = total;
      tied = [e];
      best = { ps: left.p, pe: right.p, ss: left.s, se: right.s, matched: total, edits: 0 };
    } else if (total === bestExact && tied.length < MAX_TIED) tied.push(e);
  }
  if (!allowEdits || bestExact < EDIT_ANCHOR) return best;
  let bestScore = bestExact;
  for (const e of tied) {
    const ss = e + 1 - L;
    const right = extend(page.norm, rightLimit, sc, sc.length, end, e + 1, 1, true);
    const left = extend(page.norm, leftLimit, sc, 0, start, ss, -1, true);
    const score = L + right.score + left.score;
    if (score > bestScore) {
      bestScore = score;
      best = {
        ps: left.p,
        pe: right.p,
        ss: left.s,
        se: right.s,
        matched: L + left.matched + right.matched,
        edits: left.edits + right.edits,
      };
    }
  }
  return best;
}

/**
 * Extends an alignment from page position p / speech position s in direction
 * dir (+1 right, −1 left; positions are boundaries). An exact character scores
 * +1, an edit step −(its longer side + 1); the extension ends where the score
 * peaked, and gives up once it falls X_DROP below that peak.
 */
function extend(
  pg: Uint16Array,
  pLimit: number,
  sp: Uint16Array,
  sLimit: number,
  p: number,
  s: number,
  dir: 1 | -1,
  allowEdits: boolean,
): Extension {
  // Right reads pg[p], left reads pg[p - 1].
  const off = dir === 1 ? 0 : -1;
  const exact = (pp: number, ss: number, cap: number): number => {
    let k = 0;
    if (dir === 1) {
      while (k < cap && pp + k < pLimit && ss + k < sLimit && pg[pp + k] === sp[ss + k]) k++;
    } else {
      while (k < cap && pp - k > pLimit && ss - k > sLimit && pg[pp - k + off] === sp[ss - k + off]) k++;
    }
    return k;
  };
  let matched = 0;
  let edits = 0;
  let score = 0;
  let best: Extension = { p, s, matched: 0, edits: 0, score: 0 };
  for (;;) {
    const k = exact(p, s, 1 << 30);
    p += dir * k;
    s += dir * k;
    matched += k;
    score += k;
    if (score > best.score) best = { p, s, matched, edits, score };
    if (!allowEdits || score < best.score - X_DROP) break;
    let stepped = false;
    for (const [dp, ds, need] of STEPS) {
      const np = p + dir * dp;
      const ns = s + dir * ds;
      if (dir === 1 ? np > pLimit || ns > sLimit : np < pLimit || ns < sLimit) continue;
      if (exact(np, ns, need) < need) continue;
      p = np;
      s = ns;
      const cost = Math.max(dp, ds);
      edits += cost;
      score -= cost + 1;
      stepped = true;
      break;
    }
    if (!stepped) break;
  }
  return best;
}

/** Accepts or rejects an alignment as a passage; computes similarity and diff. */
function judge(
  index: SpeechIndex,
  page: PageView,
  c: Candidate,
  minPassage: number,
  allowEdits: boolean,
): Match | null {
  if (c.matched < minPassage) return null;
  const substance = (index.substancePrefix[c.se] as number) - (index.substancePrefix[c.ss] as number);
  if (!hasSubstance(substance, c.matched)) return null;
  let similarity = 1;
  let diff: Match['diff'] = null;
  if (c.edits > 0) {
    if (!allowEdits) return null;
    const pageLen = c.pe - c.ps;
    const speechLen = c.se - c.ss;
    if (pageLen > MAX_ALIGN || speechLen > MAX_ALIGN) return null;
    const { distance, steps } = align(page.norm, c.ps, c.pe, index.codes, c.ss, c.se);
    similarity = similarityOf(distance, pageLen, speechLen);
    if (similarity < MIN_SIMILARITY) return null;
    if (distance > 0) {
      diff = diffOps(
        steps,
        { text: page.text, origin: page.origin, from: c.ps },
        { text: index.text, origin: index.origin, from: c.ss },
      );
    } else similarity = 1;
  }
  return {
    kind: 'passage',
    start: page.origin[c.ps] as number,
    end: (page.origin[c.pe - 1] as number) + 1,
    speechStart: index.origin[c.ss] as number,
    speechEnd: (index.origin[c.se - 1] as number) + 1,
    similarity,
    diff,
  };
}
