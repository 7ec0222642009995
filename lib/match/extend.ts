/**
 * Seed-and-extend: grows an exact run of the page into the longest alignment
 * with the speech that small edits allow (BLAST's X-drop extension, as passim
 * uses it for text reuse).
 *
 * At a mismatch the extension tries edit steps, cheapest first: replace,
 * insert or drop up to SHORT_STEP characters a side, then a dropped or added
 * clause of up to LONG_STEP characters. A step is taken only if enough
 * characters match right after it, so chance agreement of one or two
 * characters never carries an alignment into unrelated text. Exact characters
 * score +1, a step −(its longer side + 1); the alignment ends where the score
 * peaked. Every step taken is recorded as a gap, so the diff later needs a DP
 * only over each gap (a few characters), never over the whole quote.
 */
import { occurrenceEnds } from './automaton';
import { type SpeechIndex, unitAt } from './speech-index';

/** After a small edit (≤ SHORT_STEP characters a side), this many characters must match again… */
const CONTINUE_MIN = 3;
/** …and after a larger one (up to LONG_STEP), this many. */
const CONTINUE_LONG = 5;
const SHORT_STEP = 3;
export const LONG_STEP = 8;
/** The extension gives up once its score falls this far below its best. */
const X_DROP = 10;
/** Longest alignment grown from one seed, normalised characters a side; a longer quote is reported in pieces. */
export const MAX_EXTEND = 2000;
/** Occurrences of a seed in the speech tried (the most repeated phrase occurs ~20 times). */
const MAX_OCCURRENCES = 32;

/** Steps as [page chars, speech chars, characters that must match after], cheapest and most diagonal first. */
const stepList: number[] = [];
for (let cost = 1; cost <= LONG_STEP; cost++) {
  const need = cost <= SHORT_STEP ? CONTINUE_MIN : CONTINUE_LONG;
  for (let skew = 0; skew <= cost; skew++) {
    if (cost > SHORT_STEP && skew < cost) continue; // long steps: a clause dropped or added, nothing else
    if (skew === 0) stepList.push(cost, cost, need);
    else stepList.push(cost, cost - skew, need, cost - skew, cost, need);
  }
}
const STEPS = Int32Array.from(stepList);

/**
 * Which edit steps (one bit each, in STEPS order) have their first character
 * matching: page characters pg[pa], pg[pa + d], … against speech characters
 * sp[sa], sp[sa + d], … (d = 1 extending right, −1 extending left). Both
 * extensions call it with a literal d, and V8 inlines it.
 */
function firstCharMask(pg: Uint16Array, pa: number, sp: Uint16Array, sa: number, d: number): number {
  const a0 = pg[pa + d * 0] as number;
  const a1 = pg[pa + d * 1] as number;
  const a2 = pg[pa + d * 2] as number;
  const a3 = pg[pa + d * 3] as number;
  const a4 = pg[pa + d * 4] as number;
  const a5 = pg[pa + d * 5] as number;
  const a6 = pg[pa + d * 6] as number;
  const a7 = pg[pa + d * 7] as number;
  const a8 = pg[pa + d * 8] as number;
  const b0 = sp[sa + d * 0] as number;
  const b1 = sp[sa + d * 1] as number;
  const b2 = sp[sa + d * 2] as number;
  const b3 = sp[sa + d * 3] as number;
  const b4 = sp[sa + d * 4] as number;
  const b5 = sp[sa + d * 5] as number;
  const b6 = sp[sa + d * 6] as number;
  const b7 = sp[sa + d * 7] as number;
  const b8 = sp[sa + d * 8] as number;
  return (
    (a1 === b1 ? 1 : 0) |
    (a1 === b0 ? 2 : 0) |
    (a0 === b1 ? 4 : 0) |
    (a2 === b2 ? 8 : 0) |
    (a2 === b1 ? 16 : 0) |
    (a1 === b2 ? 32 : 0) |
    (a2 === b0 ? 64 : 0) |
    (a0 === b2 ? 128 : 0) |
    (a3 === b3 ? 256 : 0) |
    (a3 === b2 ? 512 : 0) |
    (a2 === b3 ? 1024 : 0) |
    (a3 === b1 ? 2048 : 0) |
    (a1 === b3 ? 4096 : 0) |
    (a3 === b0 ? 8192 : 0) |
    (a0 === b3 ? 16384 : 0) |
    (a4 === b0 ? 32768 : 0) |
    (a0 === b4 ? 65536 : 0) |
    (a5 === b0 ? 131072 : 0) |
    (a0 === b5 ? 262144 : 0) |
    (a6 === b0 ? 524288 : 0) |
    (a0 === b6 ? 1048576 : 0) |
    (a7 === b0 ? 2097152 : 0) |
    (a0 === b7 ? 4194304 : 0) |
    (a8 === b0 ? 8388608 : 0) |
    (a0 === b8 ? 16777216 : 0)
  );
}
/** Farthest a step and the characters after it reach (LONG_STEP + CONTINUE_LONG): within it, the step search reads without bounds checks. */
const REACH = LONG_STEP + CONTINUE_LONG;
// The step search's unrolled form (extendRight, extendLeft) spells out this table: keep them in step.
if (
  stepList.join() !==
  '1,1,3,1,0,3,0,1,3,2,2,3,2,1,3,1,2,3,2,0,3,0,2,3,3,3,3,3,2,3,2,3,3,3,1,3,1,3,3,3,0,3,0,3,3,4,0,5,0,4,5,5,0,5,0,5,5,6,0,5,0,6,5,7,0,5,0,7,5,8,0,5,0,8,5'
)
  throw new Error('extend.ts: the unrolled step search is out of date');

/** An alignment of page [ps, pe) with speech [ss, se) (normalised positions). */
export interface Candidate {
  ps: number;
  pe: number;
  ss: number;
  se: number;
  /** Characters matched exactly. */
  matched: number;
  /** Gaps in page order, flattened as [pageStart, pageLength, speechStart, speechLength, …]; empty when exact. */
  gaps: number[];
}

/** A matcher's scratch for alignSeed: the steps recorded on each side, and the last extension's best end. */
export interface AlignScratch {
  /** Steps recorded per side, 4 numbers each; 256 steps is far beyond any alignment that stays similar enough. */
  left: Int32Array;
  right: Int32Array;
  /** Where the last extension peaked, page and speech… */
  p: number;
  s: number;
  /** …the characters it matched exactly, its score, and how many recorded steps lead there. */
  matched: number;
  score: number;
  steps: number;
}

export function createAlignScratch(): AlignScratch {
  return { left: new Int32Array(4 * 256), right: new Int32Array(4 * 256), p: 0, s: 0, matched: 0, score: 0, steps: 0 };
}

/**
 * Extends right from boundary p (page) / s (speech) up to the limits
 * (exclusive). Records each step taken into `out.right` as a forward gap;
 * `out.steps` tells how many belong to the best end. One function per
 * direction, the tables read into locals: a direction test at every
 * character of the step search would cost more than the code it saves.
 */
function extendRight(
  pg: Uint16Array,
  pLimit: number,
  sp: Uint16Array,
  sLimit: number,
  p: number,
  s: number,
  out: AlignScratch,
): void {
  const rec = out.right;
  const table = STEPS;
  const tableLength = table.length;
  const xDrop = X_DROP;
  let matched = 0;
  let score = 0;
  let steps = 0;
  // The best end so far, in locals (written to `out` once, at the end).
  let bestP = p;
  let bestS = s;
  let bestMatched = 0;
  let bestScore = 0;
  let bestSteps = 0;
  for (;;) {
    while (p < pLimit && s < sLimit && pg[p] === sp[s]) {
      p++;
      s++;
      matched++;
      score++;
    }
    if (score > bestScore) {
      bestScore = score;
      bestP = p;
      bestS = s;
      bestMatched = matched;
      bestSteps = steps;
    }
    if (score < bestScore - xDrop) break;
    // Cheapest step after which enough characters match.
    let k = 0;
    if (p + REACH <= pLimit && s + REACH <= sLimit) {
      // Away from the limits: the first characters of every step compared at once, one bit per step in table
      // order, then only the steps whose first character matches are checked further (most steps fail there).
      let mask = firstCharMask(pg, p, sp, s, 1);
      k = tableLength;
      while (mask !== 0) {
        const at = (31 - Math.clz32(mask & -mask)) * 3;
        const np = p + (table[at] as number);
        const ns = s + (table[at + 1] as number);
        const need = table[at + 2] as number;
        let j = 1;
        while (j < need && pg[np + j] === sp[ns + j]) j++;
        if (j === need) {
          k = at;
          break;
        }
        mask &= mask - 1;
      }
    } else {
      for (; k < tableLength; k += 3) {
        const np = p + (table[k] as number);
        const ns = s + (table[k + 1] as number);
        const need = table[k + 2] as number;
        if (np + need > pLimit || ns + need > sLimit || pg[np] !== sp[ns]) continue;
        let j = 1;
        while (j < need && pg[np + j] === sp[ns + j]) j++;
        if (j === need) break;
      }
    }
    if (k >= tableLength) break;
    const dp = table[k] as number;
    const ds = table[k + 1] as number;
    if (steps * 4 + 4 > rec.length) break; // more edits than any quote worth reporting
    rec[steps * 4] = p;
    rec[steps * 4 + 1] = dp;
    rec[steps * 4 + 2] = s;
    rec[steps * 4 + 3] = ds;
    p += dp;
    s += ds;
    steps++;
    score -= Math.max(dp, ds) + 1;
  }
  out.p = bestP;
  out.s = bestS;
  out.matched = bestMatched;
  out.score = bestScore;
  out.steps = bestSteps;
}

/** The same leftwards from boundary p / s, down to the limits (inclusive lower bounds of what may be read). */
function extendLeft(
  pg: Uint16Array,
  pLimit: number,
  sp: Uint16Array,
  sLimit: number,
  p: number,
  s: number,
  out: AlignScratch,
): void {
  const rec = out.left;
  const table = STEPS;
  const tableLength = table.length;
  const xDrop = X_DROP;
  let matched = 0;
  let score = 0;
  let steps = 0;
  // The best end so far, in locals (written to `out` once, at the end).
  let bestP = p;
  let bestS = s;
  let bestMatched = 0;
  let bestScore = 0;
  let bestSteps = 0;
  for (;;) {
    while (p > pLimit && s > sLimit && pg[p - 1] === sp[s - 1]) {
      p--;
      s--;
      matched++;
      score++;
    }
    if (score > bestScore) {
      bestScore = score;
      bestP = p;
      bestS = s;
      bestMatched = matched;
      bestSteps = steps;
    }
    if (score < bestScore - xDrop) break;
    let k = 0;
    if (p - REACH >= pLimit && s - REACH >= sLimit) {
      // As in extendRight.
      let mask = firstCharMask(pg, p - 1, sp, s - 1, -1);
      k = tableLength;
      while (mask !== 0) {
        const at = (31 - Math.clz32(mask & -mask)) * 3;
        const np = p - (table[at] as number);
        const ns = s - (table[at + 1] as number);
        const need = table[at + 2] as number;
        let j = 1;
        while (j < need && pg[np - 1 - j] === sp[ns - 1 - j]) j++;
        if (j === need) {
          k = at;
          break;
        }
        mask &= mask - 1;
      }
    } else {
      for (; k < tableLength; k += 3) {
        const np = p - (table[k] as number);
        const ns = s - (table[k + 1] as number);
        const need = table[k + 2] as number;
        if (np - need < pLimit || ns - need < sLimit || pg[np - 1] !== sp[ns - 1]) continue;
        let j = 1;
        while (j < need && pg[np - 1 - j] === sp[ns - 1 - j]) j++;
        if (j === need) break;
      }
    }
    if (k >= tableLength) break;
    const dp = table[k] as number;
    const ds = table[k + 1] as number;
    p -= dp;
    s -= ds;
    if (steps * 4 + 4 > rec.length) break; // more edits than any quote worth reporting
    rec[steps * 4] = p;
    rec[steps * 4 + 1] = dp;
    rec[steps * 4 + 2] = s;
    rec[steps * 4 + 3] = ds;
    steps++;
    score -= Math.max(dp, ds) + 1;
  }
  out.p = bestP;
  out.s = bestS;
  out.matched = bestMatched;
  out.score = bestScore;
  out.steps = bestSteps;
}

/**
 * Whether two exact runs of the page (ending at normalised positions endA <
 * endB, automaton states stateA, stateB) can lie on one alignment with the
 * speech: some occurrence of B follows some occurrence of A in the speech at
 * the page's distance, give or take LONG_STEP. Cheap (both occurrence lists
 * are short and sorted), and it spares the edit search on pages where stock
 * phrases merely stand next to each other.
 */
export function onOneDiagonal(index: SpeechIndex, stateA: number, endA: number, stateB: number, endB: number): boolean {
  const cache = index.occurrenceCache;
  const a = cache[stateA] ?? occurrenceEnds(index.automaton, stateA, cache, MAX_OCCURRENCES);
  const b = cache[stateB] ?? occurrenceEnds(index.automaton, stateB, cache, MAX_OCCURRENCES);
  const distance = endB - endA;
  let j = 0;
  for (let i = 0; i < a.length; i++) {
    const lo = (a[i] as number) + distance - LONG_STEP;
    while (j < b.length && (b[j] as number) < lo) j++;
    if (j < b.length && (b[j] as number) <= lo + 2 * LONG_STEP) return true;
  }
  return false;
}

/** The end positions (inclusive) of the speech's occurrences of automaton state `state`'s text, first ones first. */
export function occurrencesOf(index: SpeechIndex, state: number): Int32Array {
  return index.occurrenceCache[state] ?? occurrenceEnds(index.automaton, state, index.occurrenceCache, MAX_OCCURRENCES);
}

/**
 * The best alignment grown from the seed page [start, end), tried at every
 * place the speech has the seed's text (`state` is its automaton state),
 * within that place's unit of the speech (title or paragraph: `unitStarts`).
 * `scratch` is the calling matcher's.
 */
export function alignSeed(
  index: SpeechIndex,
  pg: Uint16Array,
  n: number,
  start: number,
  end: number,
  state: number,
  leftBound: number,
  unitStarts: Int32Array,
  scratch: AlignScratch,
): Candidate | null {
  const sc = index.codes;
  const L = end - start;
  const rightLimit = Math.min(n, end + MAX_EXTEND);
  const leftLimit = Math.max(leftBound, start - MAX_EXTEND);
  const ends = occurrencesOf(index, state);
  let best: Candidate | null = null;
  let bestScore = -1;
  for (let k = 0; k < ends.length; k++) {
    const e = ends[k] as number;
    const unit = unitAt(unitStarts, e);
    const unitStart = unitStarts[unit] as number;
    const unitEnd = unitStarts[unit + 1] as number;
    if (e + 1 - L < unitStart) continue; // the seed itself crosses units: the engine judges it in pieces
    extendRight(pg, rightLimit, sc, unitEnd, end, e + 1, scratch);
    const pe = scratch.p;
    const se = scratch.s;
    const rMatched = scratch.matched;
    const rScore = scratch.score;
    const rSteps = scratch.steps;
    extendLeft(pg, leftLimit, sc, unitStart, start, e + 1 - L, scratch);
    const score = L + rScore + scratch.score;
    if (score <= bestScore) continue;
    bestScore = score;
    const gaps: number[] = [];
    const leftRec = scratch.left;
    const rightRec = scratch.right;
    for (let g = scratch.steps - 1; g >= 0; g--) {
      gaps.push(
        leftRec[g * 4] as number,
        leftRec[g * 4 + 1] as number,
        leftRec[g * 4 + 2] as number,
        leftRec[g * 4 + 3] as number,
      );
    }
    for (let g = 0; g < rSteps; g++) {
      gaps.push(
        rightRec[g * 4] as number,
        rightRec[g * 4 + 1] as number,
        rightRec[g * 4 + 2] as number,
        rightRec[g * 4 + 3] as number,
      );
    }
    best = { ps: scratch.p, pe, ss: scratch.s, se, matched: L + rMatched + scratch.matched, gaps };
  }
  return best;
}
