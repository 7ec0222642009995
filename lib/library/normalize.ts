/**
 * The library's normalisation table. The speech's table (lib/normalize) codes only the speech's ~800 characters
 * and makes every other one a BREAK; a library of many documents needs every letter. Here a letter's code is
 * its own code unit after folding (full width → half width, Latin case, traditional → simplified), so the table
 * does not depend on the library: a page is normalised once for any set of documents, and an index built
 * yesterday reads today's page. Punctuation, spaces and quotation marks are SKIP and QUOTE exactly as the
 * speech's table has them (lib/normalize/table.ts), so a quote matches across the same things.
 */
import { matchData } from '../match/derived';
import { BREAK, buildCodeTable, QUOTE, SKIP } from '../normalize';

export { BREAK, QUOTE, SKIP };

/** Ranges of code units that are letters in a document: Latin, Greek, Cyrillic, kana, Hangul, Han. */
const LETTER_RANGES: readonly (readonly [number, number])[] = [
  [0x30, 0x39],
  [0x61, 0x7a],
  [0xc0, 0xd6],
  [0xd8, 0xf6],
  [0xf8, 0x24f],
  [0x370, 0x3ff],
  [0x400, 0x4ff],
  [0x3040, 0x30fa],
  [0x30fc, 0x30ff],
  [0x3400, 0x4dbf],
  [0x4e00, 0x9fff],
  [0xac00, 0xd7a3],
  [0xf900, 0xfaff],
];

let cached: Uint16Array | undefined;

/**
 * unit → code: SKIP (0), QUOTE, BREAK, or the folded letter's own code unit. Built once (64 K entries, 128 KB).
 * `t2s`: traditional → simplified pairs, concatenated ("綠绿…").
 */
export function buildLibraryTable(t2s: string): Uint16Array {
  const { table } = buildCodeTable('', '');
  for (const [from, to] of LETTER_RANGES) for (let c = from; c <= to; c++) if (table[c] === BREAK) table[c] = c;
  for (let c = 0x41; c <= 0x5a; c++) table[c] = c + 0x20;
  for (let c = 0xff10; c <= 0xff19; c++) table[c] = c - 0xfee0;
  for (let c = 0xff21; c <= 0xff3a; c++) table[c] = c - 0xfee0 + 0x20;
  for (let c = 0xff41; c <= 0xff5a; c++) table[c] = c - 0xfee0;
  for (let i = 0; i + 1 < t2s.length; i += 2) {
    const to = table[t2s.charCodeAt(i + 1)] as number;
    if (to !== BREAK && to !== SKIP && to !== QUOTE) table[t2s.charCodeAt(i)] = to;
  }
  return table;
}

/** The library's table with the project's traditional → simplified pairs. */
export function libraryTable(): Uint16Array {
  cached ??= buildLibraryTable(matchData.t2s);
  return cached;
}

/** The letters of `text` as the library codes them, as codes (punctuation, spaces and quotation marks left out). */
export function normalisedCodes(text: string, table: Uint16Array = libraryTable()): Uint16Array {
  const out = new Uint16Array(text.length);
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const code = table[text.charCodeAt(i)] as number;
    if (code !== SKIP && code !== QUOTE) out[n++] = code;
  }
  return out.subarray(0, n);
}

/** The same as a string (BREAK as U+FFFF): what "the same text" means for duplicates and ids. */
export function normalisedLetters(text: string, table: Uint16Array = libraryTable()): string {
  const codes = normalisedCodes(text, table);
  let out = '';
  for (let i = 0; i < codes.length; i += 8192)
    out += String.fromCharCode(...codes.subarray(i, Math.min(codes.length, i + 8192)));
  return out;
}
