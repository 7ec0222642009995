/**
 * Bytes of a text file to a string. Many Chinese text files are not UTF-8: a byte-order mark says UTF-8 or
 * UTF-16; without one, strict UTF-8 is tried first (GBK bytes are almost never valid UTF-8), then GB18030 (a
 * superset of GBK and GB2312), kept only if what it decodes is plausibly text: nearly all of it Chinese,
 * ASCII or common punctuation. Without a mark, UTF-16 is recognised by its zero bytes in ASCII text.
 */
import { fail, type ImportResult, ok } from './errors';

export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030';

export interface DecodedText {
  text: string;
  encoding: TextEncoding;
}

/** Share of characters that must be ordinary text for a decoding without a mark to be believed. */
const PLAUSIBLE = 0.97;

function strict(encoding: TextEncoding, bytes: Uint8Array): string | null {
  try {
    return new TextDecoder(encoding, { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return null;
  }
}

/** Whether a decoded string reads as text: Han, kana, Hangul, printable Latin, common punctuation, line breaks. */
export function plausibleText(text: string): boolean {
  if (text.length === 0) return true;
  let good = 0;
  const sample = Math.min(text.length, 200_000);
  for (let i = 0; i < sample; i++) {
    const c = text.charCodeAt(i);
    if (
      (c >= 0x20 && c < 0x7f) ||
      c === 0x0a ||
      c === 0x0d ||
      c === 0x09 ||
      (c >= 0xa0 && c < 0x2000 && c !== 0xfffd) ||
      (c >= 0x2000 && c <= 0x206f) ||
      (c >= 0x3000 && c <= 0x9fff) ||
      (c >= 0xac00 && c <= 0xd7a3) ||
      (c >= 0xf900 && c <= 0xfaff) ||
      (c >= 0xfe30 && c <= 0xfe4f) ||
      (c >= 0xff00 && c <= 0xffef)
    )
      good++;
  }
  return good / sample >= PLAUSIBLE;
}

/** Whether the bytes look like a binary file: NUL bytes (outside UTF-16) or many control characters. */
function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 8192);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i] as number;
    if (b === 0) return true;
    if (b < 0x09 || (b > 0x0d && b < 0x20 && b !== 0x1b)) control++;
  }
  return control > n * 0.02;
}

/** UTF-16 without a mark: ASCII characters leave a zero in every other byte. */
function utf16WithoutMark(bytes: Uint8Array): TextEncoding | null {
  const n = Math.min(bytes.length & ~1, 8192);
  if (n < 4) return null;
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZero++;
    if (bytes[i + 1] === 0) oddZero++;
  }
  const pairs = n / 2;
  if (oddZero > pairs * 0.2 && evenZero < pairs * 0.05) return 'utf-16le';
  if (evenZero > pairs * 0.2 && oddZero < pairs * 0.05) return 'utf-16be';
  return null;
}

export function decodeText(bytes: Uint8Array): ImportResult<DecodedText> {
  if (bytes.length === 0) return fail({ code: 'empty', message: 'the file is empty' });
  const b0 = bytes[0];
  const b1 = bytes[1];
  let marked: TextEncoding | null = null;
  if (b0 === 0xef && b1 === 0xbb && bytes[2] === 0xbf) marked = 'utf-8';
  else if (b0 === 0xff && b1 === 0xfe) marked = 'utf-16le';
  else if (b0 === 0xfe && b1 === 0xff) marked = 'utf-16be';
  const guessed = marked ?? utf16WithoutMark(bytes);
  if (guessed) {
    const text = strict(guessed, bytes);
    if (text === null || (!marked && !plausibleText(text)))
      return fail({ code: 'undecodable', message: `not valid ${guessed.toUpperCase()} text` });
    return ok({ text: text.replace(/^\ufeff/, ''), encoding: guessed });
  }
  if (looksBinary(bytes)) return fail({ code: 'binary', message: 'a binary file, not text' });
  const utf8 = strict('utf-8', bytes);
  if (utf8 !== null) return ok({ text: utf8, encoding: 'utf-8' });
  const gb = strict('gb18030', bytes);
  if (gb !== null && plausibleText(gb)) return ok({ text: gb, encoding: 'gb18030' });
  return fail({
    code: 'undecodable',
    message: 'the text is neither UTF-8, UTF-16 nor GB18030/GBK',
  });
}
