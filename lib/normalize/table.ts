/**
 * The normalisation table: one Uint16Array lookup per UTF-16 code unit maps
 * the page's characters onto the speech's alphabet.
 *
 * Why one table: the scan runs on every page the reader opens, so folding
 * full/half width, Latin case, traditional → simplified and dropping
 * punctuation must cost a single array read per code unit (64 K entries,
 * 128 KB, built in well under a millisecond).
 *
 * Codes:
 *   1..K   a character of the speech (after folding): matchable
 *   SKIP   punctuation, whitespace, zero-width and bidi marks, variation
 *          selectors, combining marks: invisible to matching, so a quote
 *          matches across them (and across element boundaries, which the
 *          extractor turns into line breaks)
 *   QUOTE  a quotation mark: skipped like punctuation, but remembered, since a
 *          short slogan counts only inside quotation marks
 *   BREAK  anything else (a character the speech never uses, Latin letters,
 *          emoji, every surrogate half): a hard break no exact run crosses
 */
export const SKIP = 0;
export const QUOTE = 0xfffe;
export const BREAK = 0xffff;

/** Quotation marks that set a phrase in quotes: “” "" 「」 『』 ‘’ '' ＂ and the guillemets. */
export const QUOTE_CHARS =
  '\u201c\u201d"\u300c\u300d\u300e\u300f\u2018\u2019\'\uff02\u00ab\u00bb\u2039\u203a\u301d\u301e\u301f\ufe41\ufe42\ufe43\ufe44';

/** [from, to] inclusive ranges of code units that are skipped. */
const SKIP_RANGES: readonly (readonly [number, number])[] = [
  [0x0000, 0x002f], // controls, space, ASCII punctuation
  [0x003a, 0x0040],
  [0x005b, 0x0060],
  [0x007b, 0x00bf], // ASCII punctuation, DEL, C1 controls, NBSP, Latin-1 punctuation and signs
  [0x00d7, 0x00d7],
  [0x00f7, 0x00f7],
  [0x02b0, 0x036f], // modifier letters, combining diacritics
  [0x061c, 0x061c], // Arabic letter mark
  [0x180e, 0x180e],
  [0x2000, 0x206f], // general punctuation: spaces, zero-width, bidi marks, dashes, quotes, bullets
  [0x20d0, 0x20ff], // combining marks for symbols
  [0x25a0, 0x25ff], // geometric shapes used as bullets (●○■◆)
  [0x2605, 0x2606], // ★☆
  [0x2e00, 0x2e7f], // supplemental punctuation
  [0x3000, 0x3004], // ideographic space and punctuation
  [0x3008, 0x303f],
  [0x30fb, 0x30fb], // katakana middle dot
  [0xfe00, 0xfe0f], // variation selectors
  [0xfe10, 0xfe1f], // vertical forms
  [0xfe30, 0xfe6f], // CJK compatibility and small forms
  [0xfeff, 0xfeff], // BOM / zero-width no-break space
  [0xff01, 0xff0f], // full-width punctuation
  [0xff1a, 0xff20],
  [0xff3b, 0xff40],
  [0xff5b, 0xff65],
  [0xfff9, 0xfffd], // interlinear annotation, replacement character
];

export interface CodeTable {
  /** code unit → code (see the constants above). */
  table: Uint16Array;
  /** Number of letters K: codes are 1..K. */
  size: number;
  /** code → the character it stands for (index 0 unused). */
  letters: string[];
}

/**
 * @param alphabet the distinct matchable characters of the speech, in the order codes are assigned
 * @param t2s traditional → simplified pairs, concatenated ("綠绿銀银…"), each target in `alphabet`
 */
export function buildCodeTable(alphabet: string, t2s: string): CodeTable {
  const table = new Uint16Array(0x10000).fill(BREAK);
  for (const [from, to] of SKIP_RANGES) table.fill(SKIP, from, to + 1);
  for (let i = 0; i < QUOTE_CHARS.length; i++) table[QUOTE_CHARS.charCodeAt(i)] = QUOTE;
  const letters: string[] = [''];
  for (const ch of alphabet) {
    const unit = ch.charCodeAt(0);
    if (ch.length !== 1 || (unit >= 0xd800 && unit <= 0xdfff)) continue;
    if (table[unit] !== BREAK) continue; // punctuation in the speech stays skipped; duplicates ignored
    table[unit] = letters.length;
    letters.push(ch);
  }
  // Latin case: upper → lower (the speech has no Latin today; this keeps the rule if it ever does).
  for (let c = 0x41; c <= 0x5a; c++) table[c] = table[c + 0x20] as number;
  // Full width → half width: ！..～ (FF01..FF5E) are ASCII 0x21..0x7E shifted by 0xFEE0.
  for (let c = 0xff01; c <= 0xff5e; c++) {
    const ascii = table[c - 0xfee0] as number;
    table[c] = ascii === QUOTE ? QUOTE : ascii;
  }
  // Traditional → simplified, only onto characters the speech uses.
  for (let i = 0; i + 1 < t2s.length; i += 2) {
    const from = t2s.charCodeAt(i);
    const to = table[t2s.charCodeAt(i + 1)] as number;
    if (to !== BREAK && to !== SKIP && to !== QUOTE && table[from] === BREAK) table[from] = to;
  }
  return { table, size: letters.length - 1, letters };
}
