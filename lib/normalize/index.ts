/**
 * Normalisation of a text onto the speech's alphabet, with a map from every
 * normalised position back to its offset in the original string.
 *
 * The matcher inlines the same loop for speed (lib/match/pass.ts); this
 * standalone form serves the tests, the CLI and the benchmark's floor.
 */
import { BREAK, type CodeTable, QUOTE, SKIP } from './table';

export { BREAK, buildCodeTable, type CodeTable, QUOTE, QUOTE_CHARS, SKIP } from './table';

export interface Normalised {
  /** Codes 1..K, or BREAK; skipped characters are absent. */
  codes: Uint16Array;
  /** origin[i] is the offset in the original text of normalised character i. */
  origin: Int32Array;
  length: number;
}

export function normalise(text: string, { table }: CodeTable): Normalised {
  const codes = new Uint16Array(text.length);
  const origin = new Int32Array(text.length);
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const code = table[text.charCodeAt(i)] as number;
    if (code === SKIP || code === QUOTE) continue;
    codes[n] = code;
    origin[n++] = i;
  }
  return { codes: codes.subarray(0, n), origin: origin.subarray(0, n), length: n };
}

/** The normalised form as a readable string (letters as themselves, BREAK as U+FFFF): for tests and debugging. */
export function normalisedString(text: string, codeTable: CodeTable): string {
  const { codes, length } = normalise(text, codeTable);
  let out = '';
  for (let i = 0; i < length; i++) {
    const code = codes[i] as number;
    out += code === BREAK ? '\uffff' : codeTable.letters[code];
  }
  return out;
}
