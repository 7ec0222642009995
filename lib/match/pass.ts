/**
 * The scan's linear pass: normalise each code unit with one table read and walk the speech's suffix automaton,
 * which gives at every position the longest piece of the speech ending there. Where that run stops growing, a
 * maximal exact run ("seed") of at least SEED_MIN characters is recorded; quotation marks before a slogan's first
 * letter are remembered for the short slogans. Everything after the pass reads its result (Pass), never the text
 * again except for offsets and punctuation.
 */
import type { OffsetMap } from './offsets';
import type { SpeechIndex } from './speech-index';

/** Shortest exact run worth recording: shorter ones are everyday two- and three-character words. */
export const SEED_MIN = 4;

/**
 * The pass's one working array holds the code table at [0, 65536), the speech's bigram bitmap in 16-bit words
 * from BIGRAMS_AT (folded to 8 KB, see runPass), then from NORM_AT the normalised text. One array because V8
 * checks each typed array a hot loop touches (map, length, detached buffer) at every character.
 */
const BIGRAMS_AT = 0x10000;
/** The filter's bigram bitmap is folded onto 2^16 bits (8 KB): see runPass. */
const BIGRAM_FOLD = 0xffff;
const NORM_AT = 0x20000;

/**
 * A matcher's reusable buffers: after the first scan of a large page, a pass allocates nothing proportional to
 * the page. Growable ones are replaced by larger copies as needed.
 */
export interface PassBuffers {
  work: Uint16Array;
  /** The code table and the bigram bitmap `work` holds, so they are copied in only when they change. */
  table: Uint16Array | null;
  bigrams: Int32Array | null;
  shifts: Int32Array<ArrayBuffer>;
  seeds: Int32Array<ArrayBuffer>;
  quotes: Int32Array<ArrayBuffer>;
}

/** Fresh buffers; `capacity` sizes the growable ones (a test makes them tiny to grow them mid-pass). */
export function createPassBuffers(capacity = 256): PassBuffers {
  return {
    work: new Uint16Array(NORM_AT + 1024),
    table: null,
    bigrams: null,
    shifts: new Int32Array(Math.max(4, capacity)),
    seeds: new Int32Array(3 * capacity),
    quotes: new Int32Array(Math.max(1, capacity >> 2)),
  };
}

/** What one pass found. Its arrays are views of the matcher's buffers: valid until that matcher's next pass. */
export interface Pass {
  /** The text normalised, one code per letter kept (the break code for a character the speech never uses). */
  norm: Uint16Array;
  length: number;
  /** Seeds as (normalised end, length, automaton state) triples, in page order. */
  seeds: Int32Array;
  seedCount: number;
  /** Normalised positions right after a quotation mark that stands before a slogan's first letter. */
  quotes: Int32Array;
  quoteCount: number;
  offsets: OffsetMap;
}

/**
 * The linear pass over `text`: the normalised codes, the offset map (where skipped characters shift their
 * offsets), the seeds (end, length, automaton state of each maximal run of ≥ SEED_MIN) and the quotation
 * marks (normalised positions right after a quotation mark that comes before a slogan's first letter).
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
 * Written for V8's optimiser:
 *   - the filter loop calls nothing: when a buffer is full it breaks out, the
 *     outer loop grows the buffer and the same mode resumes. The automaton
 *     loop grows the seed buffer where it records a seed (a rare call;
 *     checking the room at every character of a run is slower);
 *   - the fewer typed arrays touched per character, the fewer checks V8
 *     makes (map, length, detached buffer): hence one working array;
 *   - filter mode carries only the previous code and three bits; the 4-gram
 *     is read back from the normalised buffer on the rare hit.
 */
export function runPass(index: SpeechIndex, text: string, table: Uint16Array, buffers: PassBuffers): Pass {
  // The loops read their constants as literals: the optimiser folds a literal into the instructions, where a
  // name bound in another module is a value loaded into a register (and a module binding, a load with a hole
  // check). The codes are normalize's SKIP and QUOTE, the multipliers speech-index's GRAM_MUL and GRAM_MUL2; the
  // property tests (the pass against normalise() and a plain automaton walk) fail if they drift.
  const SKIP = 0;
  const QUOTE = 0xfffe;
  const MUL = 0x85ebca6b | 0;
  const MUL2 = 0xc2b2ae35 | 0;
  const MIN = 4; // SEED_MIN
  const BIGRAMS = 0x10000; // BIGRAMS_AT
  const NORM = 0x20000; // NORM_AT
  const bigramWidth = index.codeTable.size + 1;
  const { rootNext, rowOf, rows, width, c1, n1, c2, n2, c3, n3, link, len } = index.automaton;
  const { gramShift, gramFirst, gramLast, gramState, gramMask, gramSlotShift, sloganFirst } = index;
  const sloganFirstSize = sloganFirst.length;
  if (buffers.work.length < NORM_AT + text.length || buffers.table !== table || buffers.bigrams !== index.bigrams) {
    const size = Math.max(buffers.work.length, NORM_AT + text.length);
    if (buffers.work.length !== size) buffers.work = new Uint16Array(size);
    const workBuf = buffers.work;
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
    buffers.table = table;
    buffers.bigrams = index.bigrams;
  }
  const work = buffers.work;
  let shifts = buffers.shifts;
  shifts[0] = 0;
  shifts[1] = 0;
  let shift = 0; // index of the last pair in shifts
  let shiftN = 0; // = shifts[shift]
  let quotes = buffers.quotes;
  let seeds = buffers.seeds;
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
        // A break goes on like a letter here (a quarter of a news page is characters the speech never uses, and
        // the common case pays one branch fewer): a 4-gram with one in it is refused at the table below.
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
        let slot = (Math.imul(Math.imul(first, MUL) ^ code, MUL2) >>> gramShift) >>> gramSlotShift;
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
        // A break ends the run.
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
        work[NORM + n] = code; // a break
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
      if (run < MIN) {
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
  if (run >= MIN) {
    if (seedsUsed + 3 > seeds.length) seeds = grow(seeds);
    seeds[seedsUsed++] = n;
    seeds[seedsUsed++] = run;
    seeds[seedsUsed++] = state;
  }
  buffers.quotes = quotes;
  buffers.seeds = seeds;
  buffers.shifts = shifts;
  return {
    norm: work.subarray(NORM_AT, NORM_AT + n),
    length: n,
    seeds,
    seedCount: seedsUsed / 3,
    quotes,
    quoteCount: quotesUsed,
    offsets: { pairs: shifts, used: shift + 2, cursor: 0 },
  };
}

function grow(a: Int32Array): Int32Array<ArrayBuffer> {
  const b = new Int32Array(a.length * 2);
  b.set(a);
  return b;
}
