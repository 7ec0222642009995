/**
 * Everything the scan needs about the speech, built once per page/process
 * from the bundled speech and the derived data (≈ 2 ms: a 2,737-character
 * text does not need a precomputed index).
 */
import type { Corpus } from '../corpus/types';
import { buildCodeTable, type CodeTable, normalise } from '../normalize';
import { type Automaton, buildAutomaton, next } from './automaton';

export interface SloganEntry {
  text: string;
  /** Normalised codes of the slogan. */
  codes: Uint16Array;
  /** Its first occurrence in the speech (original offsets). */
  speechStart: number;
  speechEnd: number;
  /** How the speech's quoted phrase counts on a page: see sloganClass(). */
  standing: SloganStanding;
}

/**
 * What a phrase the speech sets in quotation marks is, on a page:
 *   - 'slogan': a fixed expression of the speech, reported wherever the page has it whole (after quotation marks,
 *     or bare inside a run of the speech's text);
 *   - 'numbered': a four-character numbered formula (两个维护, 四个意识): counts bare too, where its characters
 *     are not part of another word of the page (rules.ts, formulaStandsAlone);
 *   - 'word': an ordinary word or idiom the speech merely emphasises (红线, 显绩, 含金量, 穷追猛打) and a proverb
 *     it uses (前人栽树，后人乘凉): never a quote on its own, since every page on the topic may use it; it counts
 *     only as part of a longer passage.
 */
export type SloganStanding = 'slogan' | 'numbered' | 'word';

/** Numerals that open a numbered formula (两个…, 四个…, 三严三实…). */
const NUMERALS = '一二两三四五六七八九十兩';

/** The standing of a quoted phrase (its text as the speech writes it). */
export function sloganClass(text: string): SloganStanding {
  const letters = text.replace(/[\p{P}\s]/gu, '');
  const parts = text.split(/[，,；;]/).filter((part) => part.length > 0);
  if (parts.length > 1 && letters.length <= 12) return 'word'; // a proverb: two short parallel halves
  if (letters.length <= 3) return 'word';
  if (letters.length === 4) return NUMERALS.includes(letters[0] as string) ? 'numbered' : 'word';
  return 'slogan';
}

export interface SpeechIndex {
  text: string;
  /** With traditional → simplified folding. */
  codeTable: CodeTable;
  /** Without it (ScanOptions.traditional = false): built on first use. */
  readonly plainTable: CodeTable;
  /** The speech normalised, and the map back to speech.txt offsets. */
  codes: Uint16Array;
  origin: Int32Array;
  automaton: Automaton;
  /** substancePrefix[i] = substance of normalised speech characters [0, i). */
  substancePrefix: Float64Array;
  /** plainPrefix[i] = how many of normalised speech characters [0, i) lie outside every slogan. */
  plainPrefix: Int32Array;
  slogans: SloganEntry[];
  /** The longest slogan's length in normalised characters. */
  longestSlogan: number;
  /** For each code, the slogans (index into `slogans`) that start with it, or undefined. */
  slogansByFirst: (number[] | undefined)[];
  /** sloganFirst[code] = 1 if some slogan starts with that code: the pass keeps only quotation marks before one. */
  sloganFirst: Uint8Array;
  /** For each normalised speech position, the slogans whose text starts there (quoted in the speech or not). */
  slogansAt: (number[] | undefined)[];
  /** sloganStartsBefore[i] = how many slogan texts start before normalised speech position i. */
  sloganStartsBefore: Int32Array;
  /** clauseStartAt[i] = 1 where a sentence or a clause (after ；) of the speech begins, at normalised position i. */
  clauseStartAt: Uint8Array;
  /** phraseStartAt[i] = 1 where any punctuated phrase (after ，、；。 and the like, or a line break) begins. */
  phraseStartAt: Uint8Array;
  /**
   * Normalised positions where the title, a paragraph or the speech's end begin, ascending (first 0, last the
   * speech's length): a match never crosses one, so each has one section and paragraph.
   */
  unitStarts: Int32Array;
  /** Bitset of the speech's bigrams, indexed (first code << 10) | second code: the scan's filter. */
  bigrams: Int32Array;
  gramShift: number;
  /**
   * The speech's 4-grams → the automaton state after reading them from the root, so a hit of the filter
   * enters the automaton in one lookup. Open addressing; slot = hash >>> gramSlotShift; key = (first three
   * codes packed 10 bits each, fourth code); gramFirst −1 marks an empty slot.
   */
  gramFirst: Int32Array;
  gramLast: Int32Array;
  gramState: Int32Array;
  gramMask: number;
  gramSlotShift: number;
  /** Occurrence lists per automaton state, filled on first use. */
  occurrenceCache: (Int32Array | undefined)[];
}

/** Multipliers of the 4-gram hash (odd constants from MurmurHash3's finaliser). */
export const GRAM_MUL = 0x85ebca6b | 0;
export const GRAM_MUL2 = 0xc2b2ae35 | 0;
/** The 4-gram hash keeps this many bits; the gram table's slot is its top GRAM_SLOT_BITS. */
const GRAM_BITS = 18;
/** 2^13 slots for ≈ 2,400 4-grams: load ≈ 0.3. */
const GRAM_SLOT_BITS = 13;

/** The hash the scan computes for the four codes a b c d (each < 1024; 0 = no code). */
export function gramHash(a: number, b: number, c: number, d: number, shift = 32 - GRAM_BITS): number {
  const x = (a << 20) | (b << 10) | c;
  return Math.imul(Math.imul(x, GRAM_MUL) ^ d, GRAM_MUL2) >>> shift;
}

export interface IndexInput {
  corpus: Corpus;
  /** Ascending end offsets of the speech's jieba words. */
  wordEnds: number[];
  wordWeights: number[];
  t2s: string;
}

export function buildSpeechIndex({ corpus, wordEnds, wordWeights, t2s }: IndexInput): SpeechIndex {
  const text = corpus.text;
  const codeTable = buildCodeTable(text, t2s);
  let plainTable: CodeTable | undefined;
  const { codes, origin } = normalise(text, codeTable);
  if (codeTable.size >= 1024) throw new Error('the scan packs codes in 10 bits');
  const automaton = buildAutomaton(codes, codeTable.size);

  // Per-original-character weight: each word's weight spread over its characters.
  const charWeight = new Float64Array(text.length);
  let prev = 0;
  wordEnds.forEach((end, k) => {
    // Words are cut per paragraph: the title and line breaks before a paragraph belong to no word.
    const from = Math.max(prev, text.lastIndexOf('\n', end - 1) + 1);
    const w = (wordWeights[k] ?? 0) / Math.max(1, end - from);
    for (let i = from; i < end; i++) charWeight[i] = w;
    prev = end;
  });
  // Slogans are matched as slogans: their words give a passage no substance, wherever the speech uses them (quoted or not).
  const inSlogan = new Uint8Array(text.length);
  for (const slogan of corpus.slogans) {
    for (let at = text.indexOf(slogan.text); at >= 0; at = text.indexOf(slogan.text, at + 1)) {
      charWeight.fill(0, at, at + slogan.text.length);
      inSlogan.fill(1, at, at + slogan.text.length);
    }
  }
  const substancePrefix = new Float64Array(codes.length + 1);
  const plainPrefix = new Int32Array(codes.length + 1);
  for (let i = 0; i < codes.length; i++) {
    substancePrefix[i + 1] = (substancePrefix[i] as number) + (charWeight[origin[i] as number] as number);
    plainPrefix[i + 1] = (plainPrefix[i] as number) + 1 - (inSlogan[origin[i] as number] as number);
  }

  const slogans: SloganEntry[] = [];
  const slogansByFirst: (number[] | undefined)[] = new Array(codeTable.size + 1).fill(undefined);
  for (const slogan of corpus.slogans) {
    const occ = slogan.occurrences[0];
    if (!occ) continue;
    const sloganCodes = normalise(slogan.text, codeTable).codes.slice();
    if (sloganCodes.length === 0) continue;
    const first = sloganCodes[0] as number;
    slogansByFirst[first] = [...(slogansByFirst[first] ?? []), slogans.length];
    slogans.push({
      text: slogan.text,
      codes: sloganCodes,
      speechStart: occ.start,
      speechEnd: occ.end,
      standing: sloganClass(slogan.text),
    });
  }
  const sloganFirst = new Uint8Array(codeTable.size + 1);
  for (const slogan of slogans) sloganFirst[slogan.codes[0] as number] = 1;
  const slogansAt: (number[] | undefined)[] = new Array(codes.length).fill(undefined);
  const sloganStartsBefore = new Int32Array(codes.length + 1);
  const clauseStartAt = new Uint8Array(codes.length + 1);
  for (const sentence of corpus.sentences)
    for (const clause of sentence.clauses) clauseStartAt[firstAtOrAfter(origin, clause.start)] = 1;
  const phraseStartAt = new Uint8Array(codes.length + 1);
  phraseStartAt[0] = 1;
  phraseStartAt[codes.length] = 1;
  for (let i = 1; i < codes.length; i++) {
    const between = text.slice((origin[i - 1] as number) + 1, origin[i] as number);
    if (PHRASE_BREAK.test(between)) phraseStartAt[i] = 1;
  }
  const unitOffsets = [0, ...corpus.paragraphs.map((p) => p.start)];
  const unitStarts = Int32Array.from(
    new Set([...unitOffsets.map((offset) => firstAtOrAfter(origin, offset)), codes.length]),
  ).sort();
  slogans.forEach((slogan, k) => {
    for (let at = 0; at + slogan.codes.length <= codes.length; at++) {
      let j = 0;
      while (j < slogan.codes.length && codes[at + j] === slogan.codes[j]) j++;
      if (j === slogan.codes.length) slogansAt[at] = [...(slogansAt[at] ?? []), k];
    }
  });
  for (let i = 0; i < codes.length; i++)
    sloganStartsBefore[i + 1] = (sloganStartsBefore[i] as number) + (slogansAt[i]?.length ?? 0);
  const bigrams = new Int32Array(1 << 15); // 2^20 bits, 128 KB
  for (let i = 1; i < codes.length; i++) {
    const idx = ((codes[i - 1] as number) << 10) | (codes[i] as number);
    bigrams[idx >>> 5] = (bigrams[idx >>> 5] as number) | (1 << (idx & 31));
  }
  const gramMask = (1 << GRAM_SLOT_BITS) - 1;
  const gramFirst = new Int32Array(1 << GRAM_SLOT_BITS).fill(-1);
  const gramLast = new Int32Array(1 << GRAM_SLOT_BITS);
  const gramState = new Int32Array(1 << GRAM_SLOT_BITS);
  for (let i = 3; i < codes.length; i++) {
    const h = gramHash(codes[i - 3] as number, codes[i - 2] as number, codes[i - 1] as number, codes[i] as number);
    const first = ((codes[i - 3] as number) << 20) | ((codes[i - 2] as number) << 10) | (codes[i - 1] as number);
    const last = codes[i] as number;
    let slot = h >>> (GRAM_BITS - GRAM_SLOT_BITS);
    while (gramFirst[slot] !== -1 && !(gramFirst[slot] === first && gramLast[slot] === last))
      slot = (slot + 1) & gramMask;
    if (gramFirst[slot] !== -1) continue;
    let state = 0;
    for (let k = i - 3; k <= i; k++) state = next(automaton, state, codes[k] as number);
    gramFirst[slot] = first;
    gramLast[slot] = last;
    gramState[slot] = state;
  }
  return {
    text,
    codeTable,
    bigrams,
    gramShift: 32 - GRAM_BITS,
    gramFirst,
    gramLast,
    gramState,
    gramMask,
    gramSlotShift: GRAM_BITS - GRAM_SLOT_BITS,
    get plainTable() {
      plainTable ??= buildCodeTable(text, '');
      return plainTable;
    },
    codes,
    origin,
    automaton,
    substancePrefix,
    plainPrefix,
    slogans,
    longestSlogan: Math.max(0, ...slogans.map((s) => s.codes.length)),
    slogansByFirst,
    sloganFirst,
    slogansAt,
    sloganStartsBefore,
    clauseStartAt,
    phraseStartAt,
    unitStarts,
    occurrenceCache: new Array(automaton.count).fill(undefined),
  };
}

/** The unit (title, paragraph) holding normalised speech position `pos`: the last unit start ≤ pos. */
export function unitAt(unitStarts: Int32Array, pos: number): number {
  let lo = 0;
  let hi = unitStarts.length - 1;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if ((unitStarts[mid] as number) <= pos) lo = mid;
    else hi = mid;
  }
  return lo;
}

/** Punctuation that ends a phrase (quotation marks and brackets do not), or a line break. */
export const PHRASE_BREAK = /[，、；。：！？,;:!?\n]/;

/** The first normalised position whose original offset is at or after `offset` (origin ascends). */
function firstAtOrAfter(origin: Int32Array, offset: number): number {
  let lo = 0;
  let hi = origin.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((origin[mid] as number) < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
