/**
 * The scan: one linear pass, then seed-and-extend (BLAST/passim style).
 *
 * 1. Pass (linear): normalise each code unit with one table read and walk the
 *    speech's suffix automaton, which gives at every position the longest
 *    piece of the speech ending there. Where that run stops growing, a
 *    maximal exact run ("seed") of ≥ SEED_MIN characters is recorded.
 *    Quotation marks are remembered for the short slogans.
 * 2. Passages: a seed is already maximal (the automaton makes it so), so it
 *    is a verbatim candidate as it stands; when near-verbatim quotes are
 *    wanted, a seed of ≥ EDIT_ANCHOR characters is extended across small
 *    edits at each place the speech has it (extend.ts). The best alignment is
 *    judged: enough characters, similarity ≥ MIN_SIMILARITY, enough substance
 *    (substance.ts). Seeds inside an accepted passage are absorbed by it
 *    (one match per quote); the same words quoted again further on the page
 *    are a new match.
 * 3. Slogans: looked up inside seeds (long ones) and right after quotation
 *    marks (any, and the only way a short one counts). A slogan inside a
 *    reported passage is part of that passage and not reported again; a
 *    slogan standing on its own (or with only stock words around it) is
 *    reported as a slogan.
 */

import { alignGaps, diffOps, similarityOf } from './diff';
import { completeHead, completeTail, type PageEdges } from './edges';
import { alignSeed, type Candidate, LONG_STEP, occurrencesOf, onOneDiagonal } from './extend';
import {
  distinctivenessOf,
  formulaStandsAlone,
  isHan,
  MIN_SIMILARITY,
  MISQUOTED_SLOGAN_COVER,
  MISQUOTED_SLOGAN_MIN,
  nearAccepted,
  stockRunAccepted,
  verbatimVerdict,
} from './rules';
import { PHRASE_BREAK, type SpeechIndex, unitAt } from './speech-index';
import { CLOSE_SIMILARITY } from './substance';
import type { Match, MatchRule } from './types';

// The per-seed calls go through module-local bindings: run under tsx (CLI, tests, benchmark), an imported
// function is read through an export getter at every call (measured ~5% of the work after the pass); bundled,
// these are plain references.
const alignSeedOf = alignSeed;
const onDiagonal = onOneDiagonal;
const alignGapsOf = alignGaps;
const verdictOf = verbatimVerdict;
const distinctivenessFrom = distinctivenessOf;
const nearOf = nearAccepted;
const tailOf = completeTail;
const headOf = completeHead;
const minSimilarity = MIN_SIMILARITY;
const closeSimilarity = CLOSE_SIMILARITY;
const similarityFrom = similarityOf;
const diffOpsOf = diffOps;

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

// The hot loop reads these as module-local literals: under tsx, imported bindings in a loop this hot
// measured ~1.5× slower. engine-constants are checked against their sources in tests/unit/match.test.ts.
const SKIP = 0;
const QUOTE = 0xfffe;
const BREAK = 0xffff;
const GRAM_MUL = 0x85ebca6b | 0; // = speech-index.ts GRAM_MUL
const GRAM_MUL2 = 0xc2b2ae35 | 0; // = speech-index.ts GRAM_MUL2
export const ENGINE_CONSTANTS = { SKIP, QUOTE, BREAK, GRAM_MUL, GRAM_MUL2 };

/** Shortest exact run worth recording: shorter ones are everyday two- and three-character words. */
const SEED_MIN = 4;
/** Edits are tried only around an exact run at least this long: a near-verbatim quote keeps long stretches intact. */
const EDIT_ANCHOR = 6;
/** Another seed at most this far away (normalised characters) makes a seed worth extending across edits. */
const NEIGHBOUR_GAP = LONG_STEP + 1;
/** Seeds looked at on each side of a seed for a neighbour on the same alignment. */
const NEIGHBOURS = 3;
/** The shortest slogan that can stand bare (a numbered formula: rules.ts). */
const SHORT_SLOGAN = 4;

// Reusable buffers: after the first scan of a large page, a scan allocates nothing proportional to the page.
/**
 * The pass's one working array: the code table at [0, 65536), the speech's bigram bitmap in 16-bit words from
 * BIGRAMS_AT (folded to 8 KB, see pass()), then from NORM_AT the normalised text. One array because V8 (Node 20)
 * checks each typed array the hot loop touches (map, length, detached buffer) at every character; one array
 * instead of three measured the pass ~6% faster. normBuf is a view of its normalised part, for everything after
 * the pass.
 */
const BIGRAMS_AT = 0x10000;
/** The filter's bigram bitmap is folded onto 2^16 bits (8 KB): see pass(). */
const BIGRAM_FOLD = 0xffff;
const NORM_AT = 0x20000;
let workBuf = new Uint16Array(NORM_AT + 1024);
let workTable: Uint16Array | null = null; // the code table and bigrams workBuf holds
let workBigrams: Int32Array | null = null;
let normBuf = workBuf.subarray(NORM_AT);
/**
 * The map from normalised positions back to the text, kept piecewise: pairs (n, i) meaning normalised position n
 * is text offset i, and each following position is one further, up to the next pair. A pair is written only where
 * skipped characters shift the offset (a run of punctuation writes one), so the pass stores one code per
 * character, not a code and an offset; originAt() reads it back for the few positions a match reports.
 */
let shiftBuf: Int32Array<ArrayBuffer> = new Int32Array(256);
let shiftEnd = 2; // numbers used in shiftBuf (two per pair)
let shiftCursor = 0; // the pair originAt() found last: matches are read back mostly in page order
let seedBuf: Int32Array<ArrayBuffer> = new Int32Array(3 * 256);
let quoteBuf: Int32Array<ArrayBuffer> = new Int32Array(64);
let seedCount = 0;
let quoteCount = 0;
let normLength = 0;

/**
 * The linear pass over `text`: fills normBuf (normalised codes), shiftBuf
 * (where skipped characters shift their offsets), seedBuf (end, length, automaton state of each maximal run
 * of ≥ SEED_MIN) and quoteBuf (normalised positions right after a quotation
 * mark that comes before a slogan's first letter).
 *
 * Two modes, because most of a page shares no four characters in a row with
 * the speech. Filter mode keeps one bit per position, whether the last two
 * codes are a bigram of the speech (an 8 KB bitmap, folded: it may say yes
 * for a pair that is not one, never no for one that is), and only
 * where three such bigrams run in a row looks the 4-gram up in a small table
 * that gives its automaton state (or tells a false candidate). Automaton mode
 * then steps the suffix automaton until the run falls below four characters
 * again. The runs found are exactly those a full automaton walk finds
 * (tests/unit/property.test.ts checks it): a run of ≥ 4 starts with a 4-gram
 * of the speech, and cannot reach further left than that 4-gram's start (the
 * filter or the automaton would have seen it).
 *
 * Written for V8's optimiser, measured under tsx and in the bundle:
 *   - constants are locals of the function (module bindings are context
 *     loads with a hole check at every character);
 *   - the filter loop calls nothing: when a buffer is full it breaks out, the
 *     outer loop grows the buffer and the same mode resumes. The automaton
 *     loop grows the seed buffer where it records a seed (a rare call;
 *     checking the room at every character of a run measured slower);
 *   - under tsx (the benchmark) V8 checks every typed-array access for a
 *     detached buffer: once a module is imported through tsx, V8's "no
 *     buffer was ever detached" protector is off for the whole process
 *     (seen in --print-opt-code; tsx's loader thread passing buffers is the
 *     likely cause). The fewer arrays touched per character, the fewer checks;
 *   - filter mode carries only the previous code and three bits; the 4-gram
 *     is read back from the normalised buffer on the rare hit.
 */
export function pass(index: SpeechIndex, text: string, table: Uint16Array): void {
  const SKIP = 0;
  const QUOTE = 0xfffe;
  const BREAK = 0xffff;
  const GRAM_MUL = 0x85ebca6b | 0; // = speech-index.ts GRAM_MUL
  const GRAM_MUL2 = 0xc2b2ae35 | 0; // = speech-index.ts GRAM_MUL2
  const SEED_MIN = 4; // = SEED_MIN below
  const BIGRAMS = 0x10000; // = BIGRAMS_AT
  const bigramWidth = index.codeTable.size + 1;
  const NORM = 0x20000; // = NORM_AT
  const { rootNext, rowOf, rows, width, c1, n1, c2, n2, c3, n3, link, len } = index.automaton;
  const { gramShift, gramFirst, gramLast, gramState, gramMask, gramSlotShift, sloganFirst } = index;
  const sloganFirstSize = sloganFirst.length;
  if (workBuf.length < NORM_AT + text.length || workTable !== table || workBigrams !== index.bigrams) {
    const size = Math.max(workBuf.length, NORM_AT + text.length);
    if (workBuf.length !== size) workBuf = new Uint16Array(size);
    workBuf.set(table, 0);
    // The index's bitmap has rows of 1024 bits, one per first code (128 KB). The filter reads a bit at every
    // character, so here it is made small enough to stay in the first-level cache: rows only as wide as the
    // alphabet (bigram (a, b) is bit a · width + b), folded onto 2^16 bits (8 KB, 16-bit words). Folding only
    // adds false candidates (≈ 4% of the bits are set; the 4-gram table rejects them), never loses a bigram.
    workBuf.fill(0, BIGRAMS_AT, NORM_AT);
    const bigrams = index.bigrams;
    const rowWidth = index.codeTable.size + 1;
    for (let w = 0; w < bigrams.length; w++) {
      let word = bigrams[w] as number;
      while (word !== 0) {
        const bit = 31 - Math.clz32(word & -word);
        word &= word - 1;
        const idx = w * 32 + bit; // (a << 10) | b
        const at = ((idx >>> 10) * rowWidth + (idx & 1023)) & BIGRAM_FOLD;
        workBuf[BIGRAMS_AT + (at >>> 4)] = (workBuf[BIGRAMS_AT + (at >>> 4)] as number) | (1 << (at & 15));
      }
    }
    workTable = table;
    workBigrams = index.bigrams;
    normBuf = workBuf.subarray(NORM_AT);
  }
  const work = workBuf;
  let shifts = shiftBuf;
  shifts[0] = 0;
  shifts[1] = 0;
  let shift = 0; // index of the last pair in shifts
  let shiftN = 0; // = shifts[shift]
  let quotes = quoteBuf;
  let seeds = seedBuf;
  // Capacities as int locals: a typed array's length is read as a double, with checks, at every use.
  let shiftCap = shifts.length;
  let quoteCap = quotes.length;
  let seedCap = seeds.length;
  let quotesUsed = 0;
  let seedsUsed = 0;
  let state = 0;
  let run = 0; // length of the current run of ≥ SEED_MIN (automaton mode), 0 in filter mode
  let prev = 0; // the previous code (0: none, after a break)
  let recent = 0; // whether each of the last three bigrams occurs in the speech, one bit each
  let n = 0;
  let peekTo = 0; // quotation marks before this index are followed by the same letter…
  let peekKeep = false; // …and kept if it starts a slogan
  const length = text.length;
  let i = 0;
  while (i < length) {
    if (quotesUsed === quoteCap) {
      quotes = grow(quotes);
      quoteCap = quotes.length;
    }
    if (seedsUsed + 3 > seedCap) {
      seeds = grow(seeds);
      seedCap = seeds.length;
    }
    if (shift + 4 > shiftCap) {
      shifts = grow(shifts);
      shiftCap = shifts.length;
    }
    if (run === 0) {
      // Filter mode: most characters.
      for (; i < length; i++) {
        const code = work[text.charCodeAt(i)] as number;
        // A break goes on like a letter here (a quarter of a news page is characters the speech never uses;
        // one branch fewer measured 2–5% faster): a 4-gram with one in it is refused at the table below.
        if (code === SKIP || code === QUOTE) {
          if (code === SKIP) {
            // The next position is offset i + 1 (a run of skipped characters rewrites one pair).
            if (shiftN !== n) {
              if (shift + 4 > shiftCap) break;
              shift += 2;
              shifts[shift] = n;
              shiftN = n;
            }
            shifts[shift + 1] = i + 1;
            continue;
          }
          if (code === QUOTE) {
            if (quotesUsed === quoteCap) break;
            if (shiftN !== n) {
              if (shift + 4 > shiftCap) break;
              shift += 2;
              shifts[shift] = n;
              shiftN = n;
            }
            shifts[shift + 1] = i + 1;
            // Kept only before a slogan's first letter (the next character that is not skipped): on a page full
            // of quotations, the slogan search then visits a few of them, not every one. The look-ahead is
            // remembered, so a run of quotation marks is read once.
            if (i >= peekTo) {
              let j = i + 1;
              let next = SKIP;
              for (; j < length; j++) {
                next = work[text.charCodeAt(j)] as number;
                if (next !== SKIP && next !== QUOTE) break;
              }
              peekTo = j;
              peekKeep = j < length && next < sloganFirstSize && sloganFirst[next] === 1;
            }
            if (peekKeep) quotes[quotesUsed++] = n;
            continue;
          }
        }
        work[NORM + n] = code;
        n++;
        // Three bigrams of the speech in a row (bit history 0b111) may be one of its 4-grams.
        const bi = (Math.imul(prev, bigramWidth) + code) & 0xffff; // = BIGRAM_FOLD
        prev = code;
        recent = ((recent << 1) | (((work[BIGRAMS + (bi >>> 4)] as number) >>> (bi & 15)) & 1)) & 7;
        if (recent !== 7) continue;
        // Three present bigrams in a row (or so the folded bitmap says). The four codes must be letters: a break
        // (0xffff) would spill out of its 10 bits, and before the fourth position there are no four codes.
        const a = work[NORM + n - 4] as number;
        const b = work[NORM + n - 3] as number;
        const c = work[NORM + n - 2] as number;
        if ((a | b | c | code) >= 1024 || n < 4) continue;
        const first = (a << 20) | (b << 10) | c;
        let slot = (Math.imul(Math.imul(first, GRAM_MUL) ^ code, GRAM_MUL2) >>> gramShift) >>> gramSlotShift;
        let f = gramFirst[slot] as number;
        while (f !== -1 && !(f === first && gramLast[slot] === code)) {
          slot = (slot + 1) & gramMask;
          f = gramFirst[slot] as number;
        }
        if (f === -1) continue; // a hash collision, not a 4-gram of the speech
        // A 4-gram of the speech: enter the automaton at its state.
        state = gramState[slot] as number;
        run = 4;
        i++;
        break;
      }
      continue;
    }
    // Automaton mode: each character continues the run of ≥ 4 or ends it.
    for (; i < length; i++) {
      const code = work[text.charCodeAt(i)] as number;
      if ((code - 1) >>> 0 >= QUOTE - 1) {
        // As in filter mode: one comparison for letters.
        if (code === SKIP) {
          if (shiftN !== n) {
            if (shift + 4 > shiftCap) break;
            shift += 2;
            shifts[shift] = n;
            shiftN = n;
          }
          shifts[shift + 1] = i + 1;
          continue;
        }
        if (code === QUOTE) {
          if (quotesUsed === quoteCap) break;
          if (shiftN !== n) {
            if (shift + 4 > shiftCap) break;
            shift += 2;
            shifts[shift] = n;
            shiftN = n;
          }
          shifts[shift + 1] = i + 1;
          if (i >= peekTo) {
            // As in filter mode.
            let j = i + 1;
            let next = SKIP;
            for (; j < length; j++) {
              next = work[text.charCodeAt(j)] as number;
              if (next !== SKIP && next !== QUOTE) break;
            }
            peekTo = j;
            peekKeep = j < length && next < sloganFirstSize && sloganFirst[next] === 1;
          }
          if (peekKeep) quotes[quotesUsed++] = n;
          continue;
        }
        // BREAK ends the run.
        if (seedsUsed + 3 > seedCap) {
          // Grown here, where a seed is recorded, not checked at every character of a run.
          seeds = grow(seeds);
          seedCap = seeds.length;
        }
        seeds[seedsUsed++] = n;
        seeds[seedsUsed++] = run;
        seeds[seedsUsed++] = state;
        state = 0;
        run = 0;
        prev = 0;
        recent = 0;
        work[NORM + n] = BREAK;
        n++;
        i++;
        break;
      }
      work[NORM + n] = code;
      n++;
      // The run is ≥ 4, so never the root here. Most states have one transition (c1; 0 for dense-row states).
      let t: number;
      if (c1[state] === code) t = n1[state] as number;
      else {
        const row = rowOf[state] as number;
        if (row >= 0) t = (rows[row * width + code] as number) - 1;
        else if (c2[state] === code) t = n2[state] as number;
        else if (c3[state] === code) t = n3[state] as number;
        else t = -1;
      }
      if (t >= 0) {
        state = t;
        run++;
        continue;
      }
      // The run ending before this character is maximal: record it, then fall back along suffix links.
      if (seedsUsed + 3 > seedCap) {
        seeds = grow(seeds);
        seedCap = seeds.length;
      }
      seeds[seedsUsed++] = n - 1;
      seeds[seedsUsed++] = run;
      seeds[seedsUsed++] = state;
      for (;;) {
        state = link[state] as number;
        if (state === 0) {
          state = rootNext[code] as number; // every letter occurs in the speech
          run = 1;
          break;
        }
        const up = rowOf[state] as number;
        if (up >= 0) t = (rows[up * width + code] as number) - 1;
        else if (c1[state] === code) t = n1[state] as number;
        else if (c2[state] === code) t = n2[state] as number;
        else if (c3[state] === code) t = n3[state] as number;
        else t = -1;
        if (t >= 0) {
          run = (len[state] as number) + 1;
          state = t;
          break;
        }
      }
      if (run < SEED_MIN) {
        // Back to the filter, primed with this code and (conservatively) both bigrams before the next character
        // marked present: a false candidate costs one table probe, a missed one a quote. The codes before it
        // were in the run, so the 4-gram read back on a hit is real.
        prev = code;
        recent = 3;
        state = 0;
        run = 0;
        i++;
        break;
      }
    }
  }
  if (run >= SEED_MIN) {
    if (seedsUsed + 3 > seeds.length) seeds = grow(seeds);
    seeds[seedsUsed++] = n;
    seeds[seedsUsed++] = run;
    seeds[seedsUsed++] = state;
  }
  quoteBuf = quotes;
  seedBuf = seeds;
  shiftBuf = shifts;
  shiftEnd = shift + 2;
  shiftCursor = 0;
  seedCount = seedsUsed / 3;
  quoteCount = quotesUsed;
  normLength = n;
}

/**
 * The maximal exact runs (≥ SEED_MIN) of `text` as [end, length, automaton state] (end in normalised positions):
 * for tests.
 */
export function seedsOf(index: SpeechIndex, text: string): [number, number, number][] {
  pass(index, text, index.codeTable.table);
  const out: [number, number, number][] = [];
  for (let k = 0; k < seedCount; k++)
    out.push([seedBuf[k * 3] as number, seedBuf[k * 3 + 1] as number, seedBuf[k * 3 + 2] as number]);
  return out;
}

/**
 * The text offset of normalised position p (< the pass's normalised length). Gallops from the pair found
 * last, forwards or backwards, so reading matches in page order costs O(log distance) each (a passage's
 * start is read after its diff, a slogan's after the passages around it).
 */
function originAt(p: number): number {
  const shifts = shiftBuf;
  const pairs = shiftEnd >> 1;
  // The answer is the last pair whose position is ≤ p: find lo ≤ it < hi, then bisect.
  let lo = shiftCursor >> 1;
  let hi: number;
  let step = 1;
  if ((shifts[lo * 2] as number) <= p) {
    hi = lo + 1;
    while (hi < pairs && (shifts[hi * 2] as number) <= p) {
      lo = hi;
      step *= 2;
      hi = lo + step;
    }
    if (hi > pairs) hi = pairs;
  } else {
    hi = lo;
    lo = hi - 1;
    while (lo > 0 && (shifts[lo * 2] as number) > p) {
      hi = lo;
      step *= 2;
      lo = hi - step;
    }
    if (lo < 0) lo = 0; // pair 0 is at position 0 ≤ p
  }
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if ((shifts[mid * 2] as number) <= p) lo = mid;
    else hi = mid;
  }
  shiftCursor = lo * 2;
  return (shifts[lo * 2 + 1] as number) + p - (shifts[lo * 2] as number);
}

/** The normalised → text map of the last pass, for diffOps. */
const pageOrigin = originAt;

/** Shrinks the pass's growable buffers to their smallest, so a test can make them grow in the middle of a pass. */
export function shrinkBuffersForTests(): void {
  seedBuf = new Int32Array(3);
  quoteBuf = new Int32Array(1);
  shiftBuf = new Int32Array(4);
}

/** The text offsets of normalised positions `at` of `text` (all of them, in order, if omitted): for tests. */
export function originsOf(index: SpeechIndex, text: string, at?: readonly number[]): number[] {
  pass(index, text, index.codeTable.table);
  const positions = at ?? Array.from({ length: normLength }, (_, p) => p);
  return positions.map((p) => originAt(p));
}

function grow(a: Int32Array): Int32Array<ArrayBuffer> {
  const b = new Int32Array(a.length * 2);
  b.set(a);
  return b;
}

export function scanText(index: SpeechIndex, text: string, options: ScanOptions = {}): Match[] {
  const wantSlogans = options.slogans ?? true;
  const wantPassages = options.passages ?? true;
  const wantNear = options.nearVerbatim ?? true;
  const minPassage = Math.max(SEED_MIN, options.minPassageLength ?? 8);
  if (typeof text !== 'string' || text.length === 0 || (!wantSlogans && !wantPassages)) return [];
  const table = (options.traditional ?? true) ? index.codeTable.table : index.plainTable.table;

  pass(index, text, table);
  // Edits are aligned whatever the options: a misquote left out is better than a misquote reported as verbatim
  // pieces that stop at the edit (rules.ts, near).
  const matches = matchesOfPass(index, text, table, wantSlogans, wantPassages, true, minPassage);
  const least = options.minDistinctiveness ?? 0;
  return wantNear && least <= 0
    ? matches
    : matches.filter((m) => (wantNear || m.similarity === 1) && m.distinctiveness >= least);
}

/** The matches of the last pass over `text` (the seed-and-extend and slogan steps). */
export function matchesOfPass(
  index: SpeechIndex,
  text: string,
  table: Uint16Array,
  wantSlogans: boolean,
  wantPassages: boolean,
  allowEdits: boolean,
  minPassage: number,
): Match[] {
  if (seedCount === 0 && quoteCount === 0) return [];
  const norm = normBuf;
  const seeds = seedBuf;
  const seedsFound = seedCount;
  const n = normLength;
  const firstEnd = index.automaton.firstEnd;
  const unitStarts = index.unitStarts;
  const passages: Match[] = [];
  passageBounds.length = 0;
  boundsCursor = 0;
  const edges: PageEdges = { codes: norm, length: n, joined: (p) => joinedAt(text, norm, n, p), leftBound: 0 };
  const accept = (found: Candidate, state: number): void => {
    edges.leftBound = coveredEnd;
    const c = withEdges(index, edges, found, state);
    const m = judge(index, text, c, minPassage);
    if (m) {
      passages.push(m);
      passageBounds.push(c.ps, c.pe);
      coveredEnd = c.pe;
    } else triedEnd = Math.max(triedEnd, c.pe);
  };
  let coveredEnd = 0; // passages are settled up to here (normalised page position)
  let triedEnd = -1; // end of the last rejected alignment: seeds inside it were already tried

  if (wantPassages) {
    for (let k = 0; k < seedsFound; k++) {
      const end = seeds[k * 3] as number;
      const state = seeds[k * 3 + 2] as number;
      // A seed reaching back into the last passage keeps only its part after it (a suffix: same state).
      const start = Math.max(end - (seeds[k * 3 + 1] as number), coveredEnd);
      const L = end - start;
      if (L < SEED_MIN || end <= triedEnd) continue;
      // A run across the speech's title or paragraph boundaries (a page reprinting the speech) is judged piece by
      // piece, each in its own paragraph.
      const se0 = (firstEnd[state] as number) + 1;
      const unit = unitAt(unitStarts, se0 - 1);
      if (se0 - L < (unitStarts[unit] as number)) {
        let pieceStart = se0 - L;
        for (let u = unitAt(unitStarts, pieceStart); pieceStart < se0; u++) {
          const pieceEnd = Math.min(se0, unitStarts[u + 1] as number);
          const piece: Candidate = {
            ps: end - (se0 - pieceStart),
            pe: end - (se0 - pieceEnd),
            ss: pieceStart,
            se: pieceEnd,
            matched: pieceEnd - pieceStart,
            gaps: NO_GAPS,
          };
          accept(piece, -1);
          pieceStart = pieceEnd;
        }
        continue;
      }
      let c: Candidate | null;
      // Edits are worth trying only where another exact run lies within reach of a step and on the same
      // alignment with the speech; an isolated run (the usual case for stock phrases) is judged as it stands.
      // (Seeds k − 1 and k are compared once: the answer for seed k − 1's next neighbour is kept for seed k.)
      // (A run from elsewhere in the speech may stand between two runs of one quote: 抓环保就是抓 between the
      // two halves of 抓生态就是抓发展、抓环保就是抓民生. So up to NEIGHBOURS seeds each way are looked at.)
      let near = false;
      if (allowEdits && L >= EDIT_ANCHOR) {
        for (let j = k - 1; !near && j >= 0 && j >= k - NEIGHBOURS; j--) {
          if (start - (seeds[j * 3] as number) > NEIGHBOUR_GAP) continue;
          near = onDiagonal(index, seeds[j * 3 + 2] as number, seeds[j * 3] as number, state, end);
        }
        for (let j = k + 1; !near && j < seedsFound && j <= k + NEIGHBOURS; j++) {
          if ((seeds[j * 3] as number) - (seeds[j * 3 + 1] as number) - end > NEIGHBOUR_GAP) continue;
          near = onDiagonal(index, state, end, seeds[j * 3 + 2] as number, seeds[j * 3] as number);
        }
      }
      if (near) c = alignSeedOf(index, norm, n, start, end, state, coveredEnd, unitStarts);
      else if (L >= minPassage) {
        // The seed as it stands (one scratch object: most seeds are judged and dropped).
        c = exact;
        c.gaps = NO_GAPS;
        c.se = (firstEnd[state] as number) + 1;
        c.ss = c.se - L;
        c.ps = start;
        c.pe = end;
        c.matched = L;
      } else continue;
      if (!c) continue;
      accept(c, near ? -1 : state);
    }
  }

  if (!wantSlogans) return passages;
  const slogans = findSlogans(index, text, table);
  if (slogans.length === 0) return passages;
  // Merge in page order (both lists are; passages do not overlap); slogans inside a passage are part of it.
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

/** Slogans after quotation marks, and long slogans inside seeds; in page order, one per position. */
function findSlogans(index: SpeechIndex, text: string, table: Uint16Array): Match[] {
  // Buffers and tables in locals: this runs once per seed and per quotation mark.
  const norm = normBuf;
  const n = normLength;
  const found: Match[] = [];
  const quotes = quoteBuf;
  const quotesUsed = quoteCount;
  const { slogans, slogansByFirst } = index;
  const alphabet = slogansByFirst.length;
  for (let q = 0; q < quotesUsed; q++) {
    const from = quotes[q] as number;
    if (from >= n) continue;
    const code = norm[from] as number;
    const starting = code < alphabet ? slogansByFirst[code] : undefined;
    if (!starting) continue;
    const hostEnd = passageEnd(from); // a slogan inside a passage is part of it: not looked at
    for (let j = 0; j < starting.length; j++) {
      const s = starting[j] as number;
      const slogan = slogans[s] as (typeof slogans)[number];
      if (slogan.standing === 'word' || from + slogan.codes.length <= hostEnd) continue;
      if (codesAt(norm, n, from, slogan.codes) && closedByQuote(text, table, from + slogan.codes.length))
        addSlogan(index, found, from, s, 'quoted-slogan');
    }
  }
  // Slogans inside exact runs, bare: a long one wherever it stands, a numbered formula where it stands alone
  // (rules.ts). A seed's text is the speech's [ss, se) at its first occurrence, so the slogans in it are read
  // off the speech (a prefix count says in O(1) whether there are any).
  const firstEnd = index.automaton.firstEnd;
  const before = index.sloganStartsBefore;
  const seeds = seedBuf;
  const seedsEnd = seedCount * 3;
  for (let k = 0; k < seedsEnd; k += 3) {
    const L = seeds[k + 1] as number;
    const se = (firstEnd[seeds[k + 2] as number] as number) + 1;
    const ss = se - L;
    if ((before[se - SHORT_SLOGAN + 1] as number) === (before[ss] as number)) continue;
    const end = seeds[k] as number;
    if (insidePassage(end - L, end)) continue; // its slogans belong to the passage
    for (let pos = ss; pos + SHORT_SLOGAN <= se; pos++) {
      const starting = index.slogansAt[pos];
      if (!starting) continue;
      for (const s of starting) {
        const slogan = slogans[s] as (typeof slogans)[number];
        const m = slogan.codes.length;
        if (slogan.standing === 'word' || pos + m > se) continue;
        const from = end - L + (pos - ss);
        if (slogan.standing === 'numbered' && !formulaStandsAlone(text, originAt(from), originAt(from + m - 1) + 1))
          continue;
        addSlogan(index, found, from, s, 'bare-slogan');
      }
    }
  }
  if (found.length < 2) return found;
  // Found from quotation marks and from runs, in two passes: sort, and keep one per position (quoted first).
  found.sort((x, y) => x.start - y.start || y.end - x.end || (x.rule === 'quoted-slogan' ? -1 : 1));
  return found.filter((m, k) => k === 0 || (found[k - 1] as Match).start !== m.start);
}

/** Normalised [start, end) of each accepted passage, in page order, flattened. */
const passageBounds: number[] = [];
const NO_GAPS: number[] = [];
const exact: Candidate = { ps: 0, pe: 0, ss: 0, se: 0, matched: 0, gaps: NO_GAPS };

/** The passage passageEnd() found last: the slogan search asks in page order, so a step or two from it. */
let boundsCursor = 0;

/** The end of the accepted passage that holds normalised position `from`, or −1. */
function passageEnd(from: number): number {
  const bounds = passageBounds;
  const count = bounds.length >> 1;
  let k = boundsCursor < count ? boundsCursor : count - 1;
  if (k < 0) return -1;
  while (k > 0 && (bounds[k * 2 - 1] as number) > from) k--; // back past passages ending after `from`
  while (k < count && (bounds[k * 2 + 1] as number) <= from) k++; // on past passages ending at or before it
  boundsCursor = k;
  return k < count && (bounds[k * 2] as number) <= from ? (bounds[k * 2 + 1] as number) : -1;
}

/** Whether normalised [from, to) lies inside an accepted passage. */
function insidePassage(from: number, to: number): boolean {
  const end = passageEnd(from);
  return end >= 0 && to <= end;
}

/** Adds slogan `slogan` at normalised position `from`, unless a passage holds it. */
function addSlogan(index: SpeechIndex, found: Match[], from: number, slogan: number, rule: MatchRule): void {
  const entry = index.slogans[slogan];
  if (!entry || insidePassage(from, from + entry.codes.length)) return;
  const start = originAt(from);
  found.push({
    kind: 'slogan',
    start,
    end: originAt(from + entry.codes.length - 1) + 1,
    speechStart: entry.speechStart,
    speechEnd: entry.speechEnd,
    similarity: 1,
    diff: null,
    rule,
    distinctiveness: 1,
  });
}

function codesAt(norm: Uint16Array, n: number, from: number, codes: Uint16Array): boolean {
  if (from + codes.length > n) return false;
  for (let j = 0; j < codes.length; j++) if (norm[from + j] !== codes[j]) return false;
  return true;
}

/** True if the first non-space character after normalised position `to` − 1 is a quotation mark. */
function closedByQuote(text: string, table: Uint16Array, to: number): boolean {
  for (let i = originAt(to - 1) + 1; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (table[c] === QUOTE) return true;
    if (c !== 0x20 && c !== 0x3000 && c !== 0x0a && c !== 0x09 && c !== 0x0d) return false;
  }
  return false;
}

/**
 * A quote ends where the speech's phrase ends: an alignment that runs fewer
 * than SEED_MIN characters into the next one (…的“潜绩”。要, …的理念，坚: the
 * page going on with a common character the speech also has there) or starts
 * fewer than SEED_MIN characters before one is cut back to the boundary. Only
 * an exact stretch is cut (no edit inside the part cut off), so the gaps stay
 * as they were. Mutates `c`.
 */
function trimAtClauses(clauseStartAt: Uint8Array, c: Candidate): void {
  const gaps = c.gaps;
  const lastGapEnd = gaps.length > 0 ? (gaps[gaps.length - 4] as number) + (gaps[gaps.length - 3] as number) : c.ps;
  for (let b = c.se - 1; b > c.ss && b > c.se - SEED_MIN; b--) {
    if (clauseStartAt[b] !== 1) continue;
    const cut = c.se - b;
    if (c.pe - cut >= lastGapEnd) {
      c.se = b;
      c.pe -= cut;
      c.matched -= cut;
    }
    break;
  }
  const firstGapStart = gaps.length > 0 ? (gaps[0] as number) : c.pe;
  for (let b = c.ss + 1; b < c.se && b < c.ss + SEED_MIN; b++) {
    if (clauseStartAt[b] !== 1) continue;
    const cut = b - c.ss;
    if (c.ps + cut <= firstGapStart) {
      c.ss = b;
      c.ps += cut;
      c.matched -= cut;
    }
    break;
  }
}

/** Opening quotation marks (“ 「 『 ‘) and closing ones (” 」 』 ’). */
function openingMark(c: number): boolean {
  return c === 0x201c || c === 0x300c || c === 0x300e || c === 0x2018;
}
function closingMark(c: number): boolean {
  return c === 0x201d || c === 0x300d || c === 0x300f || c === 0x2019;
}

/**
 * A passage that takes in an opening quotation mark of the page (…后人的“潜绩)
 * takes in its closing mark too when it follows right after: the highlight
 * and the quote read balanced. Returns the new end.
 */
function closeQuotes(text: string, start: number, end: number): number {
  if (end >= text.length || !closingMark(text.charCodeAt(end))) return end;
  let open = 0;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (openingMark(c)) open++;
    else if (open > 0 && closingMark(c)) open--;
  }
  while (open > 0 && end < text.length && closingMark(text.charCodeAt(end))) {
    end++;
    open--;
  }
  return end;
}

/**
 * Whether normalised page positions p − 1 and p lie in one phrase: no punctuation or line break between them, and
 * neither is a character outside the speech's alphabet other than a Chinese one (a changed character of a
 * misquote may be one the speech never uses; a Latin word ends the phrase).
 */
function joinedAt(text: string, norm: Uint16Array, n: number, p: number): boolean {
  if (p <= 0 || p >= n) return false;
  const from = originAt(p - 1);
  const to = originAt(p);
  if ((norm[p - 1] === BREAK && !isHan(text.charCodeAt(from))) || (norm[p] === BREAK && !isHan(text.charCodeAt(to))))
    return false;
  for (let i = from + 1; i < to; i++) if (PHRASE_BREAK.test(text.charAt(i))) return false;
  return true;
}

/** How many characters of speech [ss, se) lie outside the whole slogans (not words) it holds. */
function outsideWholeSlogans(index: SpeechIndex, ss: number, se: number): number {
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
function misquotedSlogan(index: SpeechIndex, ss: number, se: number): number {
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

/**
 * The candidate cut back to the speech's phrases and carried across edits at its ends (edges.ts). An exact run
 * (`state` ≥ 0) is tried at each place the speech has its text, since only one of them may be the phrase the
 * page edited (打好蓝天、碧水、净土保卫战 stands after 以更高标准 and after 持续深入); the place whose edges take
 * in most matching characters wins, the first place on a tie.
 */
function withEdges(index: SpeechIndex, edges: PageEdges, found: Candidate, state: number): Candidate {
  if (state < 0 || found.gaps.length > 0) return completeEdges(index, edges, found);
  const ends = occurrencesOf(index, state);
  const { ps, pe, se: firstSe } = found;
  const length = found.se - found.ss;
  let best = completeEdges(index, edges, found); // the first place
  if (ends.length === 1) return best;
  const phraseStartAt = index.phraseStartAt;
  const at = edgeScratch;
  for (const e of ends) {
    // A place whose phrase starts and ends with the run has nothing to complete or cut: it cannot do better.
    if (e + 1 === firstSe || (phraseStartAt[e + 1] === 1 && phraseStartAt[e + 1 - length] === 1)) continue;
    at.ps = ps;
    at.pe = pe;
    at.ss = e + 1 - length;
    at.se = e + 1;
    at.matched = length;
    at.gaps = NO_GAPS;
    completeEdges(index, edges, at);
    if (at.matched > best.matched || (at.matched === best.matched && at.gaps.length < best.gaps.length))
      best = { ...at };
  }
  return best;
}

/** withEdges' working candidate for the other places of a run: most are tried and dropped. */
const edgeScratch: Candidate = { ps: 0, pe: 0, ss: 0, se: 0, matched: 0, gaps: NO_GAPS };

function completeEdges(index: SpeechIndex, edges: PageEdges, c: Candidate): Candidate {
  trimAtClauses(index.phraseStartAt, c);
  tailOf(edges, index, c);
  headOf(edges, index, c);
  return c;
}

/** Accepts or rejects an alignment as a passage (rules.ts); computes its similarity, diff and distinctiveness. */
function judge(index: SpeechIndex, text: string, c: Candidate, minPassage: number): Match | null {
  const speechLength = c.se - c.ss;
  let similarity = 1;
  let runs: number[] | null = null; // the alignment's runs, turned into a diff once the match is accepted
  if (c.gaps.length > 0) {
    // Each gap costs at least the difference of its sides: often enough to say no before aligning them.
    const gaps = c.gaps;
    let least = 0;
    for (let g = 0; g < gaps.length; g += 4) least += Math.abs((gaps[g + 1] as number) - (gaps[g + 3] as number));
    if (similarityFrom(least, c.pe - c.ps, speechLength) < minSimilarity) return null;
    const aligned = alignGapsOf(normBuf, c.ps, c.pe, index.codes, c.gaps);
    if (aligned.distance > 0) {
      similarity = similarityFrom(aligned.distance, c.pe - c.ps, speechLength);
      if (similarity < minSimilarity) return null;
      runs = aligned.runs;
    }
  }
  const substance = (index.substancePrefix[c.se] as number) - (index.substancePrefix[c.ss] as number);
  const plain = (index.plainPrefix[c.se] as number) - (index.plainPrefix[c.ss] as number);
  let rule: MatchRule;
  let kind: Match['kind'] = 'passage';
  let distinctiveness = distinctivenessFrom(substance, speechLength, similarity >= closeSimilarity ? plain : 0);
  if (similarity === 1) {
    const verdict = verdictOf(substance, c.matched, plain, minPassage);
    if (verdict === null) return null;
    if (verdict === 'stock' && !stockRunAccepted(outsideWholeSlogans(index, c.ss, c.se))) return null;
    rule = 'verbatim';
  } else if (misquotedSlogan(index, c.ss, c.se) >= 0) {
    rule = 'misquoted-slogan';
    kind = 'slogan';
    distinctiveness = 1;
  } else if (
    nearOf(
      speechLength,
      c.matched,
      minPassage,
      similarity,
      distinctiveness,
      index.phraseStartAt[c.ss] === 1 && index.phraseStartAt[c.se] === 1,
    )
  )
    rule = 'near';
  else return null;
  const diff = runs
    ? diffOpsOf(
        runs,
        { text, originAt: pageOrigin, from: c.ps, to: c.pe },
        { text: index.text, origin: index.origin, from: c.ss },
      )
    : null;
  const start = originAt(c.ps);
  return {
    kind,
    start,
    end: closeQuotes(text, start, originAt(c.pe - 1) + 1),
    speechStart: index.origin[c.ss] as number,
    speechEnd: (index.origin[c.se - 1] as number) + 1,
    similarity,
    diff,
    rule,
    distinctiveness,
  };
}
