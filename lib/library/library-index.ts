/**
 * One index over the enabled documents of the library, for the scan (scan.ts). The speech's suffix automaton
 * packs codes in 10 bits and holds one short text; a library of millions of characters gets a sampled k-gram
 * table instead (winnowing-style, as text-reuse tools index large collections):
 *
 *   - every document is normalised with the library's table (normalize.ts), paragraph by paragraph, with a
 *     SEPARATOR between paragraphs and documents, so no run crosses one (each match has one paragraph);
 *   - the GRAM-character grams starting at every STRIDE-th normalised position are hashed into a CSR table
 *     (bucket starts, then positions and full hashes sorted by bucket), with a bit filter in front that the scan
 *     reads at every page position. A page run of GRAM + STRIDE − 1 = MIN_RUN characters or more always holds a
 *     sampled gram, so every exact run of MIN_RUN or more is found; a gram the library has more than
 *     MAX_OCCURRENCES times keeps its first MAX_OCCURRENCES places (a phrase that common is the library's stock
 *     phrasing; the places are listed, not all of them);
 *   - what the rules need per library character (lib/match/rules.ts): substance weights, whether it lies in one
 *     of the document's slogans, and where phrases start (after punctuation, edges.ts);
 *   - the original texts (for the diff and the source passage) and a piecewise map from normalised positions to
 *     text offsets.
 *
 * Everything is typed arrays plus a small JSON header: serialise() writes one ArrayBuffer the background
 * persists (IndexedDB stores it as is) and loadLibraryIndex() views it again without a rebuild.
 */
import { sloganClass } from '../match/speech-index';
import { GENERIC_WORDS } from '../match/substance';
import { BREAK, libraryTable, QUOTE, SKIP } from './normalize';
import { keyPhrasesOf } from './structure';
import type { ReferenceDocument } from './types';

/** Gram length and sampling stride: every exact run of GRAM + STRIDE − 1 characters holds a sampled gram. */
export const GRAM = 6;
export const STRIDE = 3;
export const MIN_RUN = GRAM + STRIDE - 1;
/** Places kept per distinct gram. */
export const MAX_OCCURRENCES = 6;
/** Between paragraphs and documents: never equal to a page's code (U+FFFD is skipped by the table). */
export const SEPARATOR = 0xfffd;
/** Rolling-hash base (odd) and the multipliers that spread a gram's hash onto the filter and the buckets. */
export const HASH_BASE = 0x01000193;
export const FILTER_MUL = 0x9e3779b1 | 0;
export const SLOT_MUL = 0x85ebca6b | 0;
/** Per-character flags: substance weight in half units (bits 0–1), inside a slogan (bit 2). */
export const WEIGHT_MASK = 3;
export const IN_SLOGAN = 4;

export const LIBRARY_INDEX_VERSION = 1;

export interface IndexedDocument {
  id: string;
  title: string;
  /** Offsets of the document's text in `text`. */
  textStart: number;
  textEnd: number;
  /** Its normalised positions [normStart, normEnd) in `codes`. */
  normStart: number;
  normEnd: number;
}

export interface IndexedSlogan {
  /** Index into `documents`. */
  document: number;
  text: string;
  /** Library codes of the phrase. */
  codes: number[];
  standing: 'slogan' | 'numbered' | 'word';
  /** First occurrence in the document's text (doc-local offsets), or −1 when the text lacks it. */
  start: number;
  end: number;
}

export interface LibraryIndex {
  documents: IndexedDocument[];
  slogans: IndexedSlogan[];
  /** All documents' texts, concatenated (UTF-16 code units). */
  text: Uint16Array;
  /** Normalised codes of every document, SEPARATOR between paragraphs and documents. */
  codes: Uint16Array;
  /** Piecewise map normalised position → text offset: at shiftPos[k] the offset is shiftOff[k], +1 per position after. */
  shiftPos: Int32Array;
  shiftOff: Int32Array;
  /** 1 where a phrase of the library starts (after punctuation, a paragraph start, a separator): edges.ts. */
  phraseStartAt: Uint8Array;
  /** WEIGHT_MASK and IN_SLOGAN per normalised position. */
  flags: Uint8Array;
  /** Bit filter over sampled grams: bit (hash · FILTER_MUL) >>> filterShift. */
  filter: Int32Array;
  filterShift: number;
  /** CSR gram table: bucket b holds entries [bucketStart[b], bucketStart[b + 1]). */
  bucketStart: Uint32Array;
  slotShift: number;
  entryPos: Uint32Array;
  entryHash: Int32Array;
  /** Normalised start positions of slogan occurrences in the library, ascending, and the slogan of each. */
  sloganAt: Int32Array;
  sloganOf: Int32Array;
}

export interface BuildOptions {
  /** Called now and then with documents done and the total (a worker posts it as progress). */
  onProgress?: (done: number, total: number) => void;
}

/** Function characters that carry no substance on their own (substance.ts weighs function words 0). */
const FUNCTION_CHARS = new Set('的了和与及在是把对为以等着过也都而并或其这那之所被从向于将就还又再各该此有');
/** Generic words by their first character, longest first. */
const GENERIC_BY_FIRST = new Map<string, string[]>();
for (const word of [...GENERIC_WORDS].sort((a, b) => b.length - a.length))
  if (word.length >= 2) GENERIC_BY_FIRST.set(word.charAt(0), [...(GENERIC_BY_FIRST.get(word.charAt(0)) ?? []), word]);
const PHRASE_PUNCTUATION = /[，、；。：！？,;:!?]/;

/** Substance per character of a paragraph, in half units: 0 for generic words and function characters, else 2. */
function weightsOf(paragraph: string): Uint8Array {
  const w = new Uint8Array(paragraph.length);
  for (let i = 0; i < paragraph.length; ) {
    const ch = paragraph.charAt(i);
    const words = GENERIC_BY_FIRST.get(ch);
    const generic = words?.find((word) => paragraph.startsWith(word, i));
    if (generic) {
      i += generic.length;
      continue;
    }
    const c = paragraph.charCodeAt(i);
    w[i] = ((c >= 0x3400 && c <= 0x9fff) || (c >= 0xf900 && c <= 0xfaff)) && !FUNCTION_CHARS.has(ch) ? 2 : 0;
    i++;
  }
  return w;
}

function log2ceil(n: number): number {
  return Math.max(1, Math.ceil(Math.log2(Math.max(2, n))));
}

/** Builds the index over `documents` (the caller passes the enabled ones, the speech excluded). */
export function buildLibraryIndex(documents: readonly ReferenceDocument[], options: BuildOptions = {}): LibraryIndex {
  const table = libraryTable();
  const totalText = documents.reduce((n, d) => n + d.text.length, 0);
  const text = new Uint16Array(totalText);
  // Upper bound: every character a letter, plus a separator per paragraph and document.
  const paragraphCount = documents.reduce((n, d) => n + d.structure.paragraphs.length + 1, 0);
  const cap = totalText + paragraphCount + 1;
  let codes = new Uint16Array(cap);
  let phraseStartAt = new Uint8Array(cap);
  let flags = new Uint8Array(cap);
  const shiftPos: number[] = [];
  const shiftOff: number[] = [];
  const indexed: IndexedDocument[] = [];
  const slogans: IndexedSlogan[] = [];
  const sloganOcc: [number, number][] = [];
  let n = 0;
  let textAt = 0;
  let lastOff = -2; // the offset position n − 1 maps to, to write a pair only where the map shifts
  const put = (code: number, offset: number, phraseStart: boolean, flag: number) => {
    if (offset !== lastOff + 1) {
      shiftPos.push(n);
      shiftOff.push(offset);
    }
    lastOff = offset;
    codes[n] = code;
    phraseStartAt[n] = phraseStart ? 1 : 0;
    flags[n] = flag;
    n++;
  };
  documents.forEach((doc, d) => {
    for (let i = 0; i < doc.text.length; i++) text[textAt + i] = doc.text.charCodeAt(i);
    const normStart = n;
    const phrases = keyPhrasesOf(doc.text, doc.structure.slogans, doc.keyPhrases);
    const inSlogan = new Uint8Array(doc.text.length);
    for (const phrase of phrases) {
      const first = phrase.occurrences[0];
      const sloganIndex = slogans.length;
      const phraseCodes: number[] = [];
      for (const ch of phrase.text) {
        const c = table[ch.charCodeAt(0)] as number;
        if (c !== SKIP && c !== QUOTE) phraseCodes.push(c === BREAK ? SEPARATOR : c);
      }
      if (phraseCodes.length === 0) continue;
      slogans.push({
        document: d,
        text: phrase.text,
        codes: phraseCodes,
        standing: sloganClass(phrase.text),
        start: first?.start ?? -1,
        end: first?.end ?? -1,
      });
      for (let at = doc.text.indexOf(phrase.text); at >= 0; at = doc.text.indexOf(phrase.text, at + 1)) {
        inSlogan.fill(1, at, at + phrase.text.length);
        sloganOcc.push([textAt + at, sloganIndex]); // text offset for now; turned into a position below
      }
    }
    for (const p of doc.structure.paragraphs) {
      const para = doc.text.slice(p.start, p.end);
      const weights = weightsOf(para);
      let phraseStart = true;
      for (let i = 0; i < para.length; i++) {
        const code = table[para.charCodeAt(i)] as number;
        if (code === SKIP || code === QUOTE) {
          if (PHRASE_PUNCTUATION.test(para.charAt(i))) phraseStart = true;
          continue;
        }
        const offset = p.start + i;
        put(
          code === BREAK ? SEPARATOR : code,
          textAt + offset,
          phraseStart,
          (weights[i] as number) | (inSlogan[offset] === 1 ? IN_SLOGAN : 0),
        );
        phraseStart = false;
      }
      put(SEPARATOR, textAt + p.end, true, 0);
    }
    indexed.push({
      id: doc.id,
      title: doc.meta.title,
      textStart: textAt,
      textEnd: textAt + doc.text.length,
      normStart,
      normEnd: n,
    });
    textAt += doc.text.length;
    if (options.onProgress && (d % 8 === 7 || d === documents.length - 1)) options.onProgress(d + 1, documents.length);
  });
  codes = codes.slice(0, n);
  phraseStartAt = phraseStartAt.slice(0, n + 1);
  phraseStartAt[n] = 1;
  flags = flags.slice(0, n);
  const shiftPosArr = Int32Array.from(shiftPos);
  const shiftOffArr = Int32Array.from(shiftOff);

  // Slogan occurrences as normalised positions (the first position at or after each text offset).
  const occ = sloganOcc
    .map(([offset, s]) => [positionOf(shiftPosArr, shiftOffArr, n, offset), s] as const)
    .sort((a, b) => a[0] - b[0]);

  // Sampled grams: hash at every STRIDE-th position whose GRAM codes hold no separator.
  const sampledAll = new Int32Array(Math.floor(n / STRIDE) + 1);
  const hashesAll = new Int32Array(sampledAll.length);
  let sampledCount = 0;
  let letters = 0; // letters in a row ending at position i
  let h = 0;
  let pow = 1;
  for (let k = 0; k < GRAM; k++) pow = Math.imul(pow, HASH_BASE);
  for (let i = 0; i < n; i++) {
    const c = codes[i] as number;
    if (c === SEPARATOR) {
      letters = 0;
      h = 0;
      continue;
    }
    h = (Math.imul(h, HASH_BASE) + c) | 0;
    letters++;
    if (letters > GRAM) h = (h - Math.imul(codes[i - GRAM] as number, pow)) | 0;
    if (letters >= GRAM) {
      const start = i - GRAM + 1;
      if (start % STRIDE === 0) {
        sampledAll[sampledCount] = start;
        hashesAll[sampledCount++] = h;
      }
    }
  }
  const sampled = sampledAll.subarray(0, sampledCount);
  const hashes = hashesAll.subarray(0, sampledCount);
  const slotBits = log2ceil(sampled.length);
  const slotShift = 32 - slotBits;
  // About 8 bits per sampled gram: the scan reads the filter at every page position, so a filter that stays
  // in the cache matters more than the few more false positives (each costs one bucket read).
  const filterBits = Math.min(30, log2ceil(sampled.length * 8));
  const filterShift = 32 - filterBits;
  const filter = new Int32Array(Math.max(1, (1 << filterBits) >>> 5));
  const slots = 1 << slotBits;
  const counts = new Uint32Array(slots + 1);
  for (let e = 0; e < sampled.length; e++) {
    const b = (Math.imul(hashes[e] as number, SLOT_MUL) >>> slotShift) + 1;
    counts[b] = (counts[b] as number) + 1;
  }
  for (let b = 0; b < slots; b++) counts[b + 1] = (counts[b + 1] as number) + (counts[b] as number);
  const fill = counts.slice(0, slots);
  const order = new Uint32Array(sampled.length);
  for (let e = 0; e < sampled.length; e++) {
    const b = Math.imul(hashes[e] as number, SLOT_MUL) >>> slotShift;
    order[fill[b] as number] = e;
    fill[b] = (fill[b] as number) + 1;
  }
  // Within a bucket: entries by hash, then position; a gram keeps its first MAX_OCCURRENCES places.
  const bucketStart = new Uint32Array(slots + 1);
  const entryPos = new Uint32Array(sampled.length);
  const entryHash = new Int32Array(sampled.length);
  let entries = 0;
  const byHashThenPosition = (x: number, y: number) =>
    (hashes[x] as number) - (hashes[y] as number) || (sampled[x] as number) - (sampled[y] as number);
  for (let b = 0; b < slots; b++) {
    bucketStart[b] = entries;
    const from = counts[b] as number;
    const to = counts[b + 1] as number;
    if (to - from > 1) order.subarray(from, to).sort(byHashThenPosition);
    let run = 0;
    for (let k = from; k < to; k++) {
      const e = order[k] as number;
      const eh = hashes[e] as number;
      run = k > from && hashes[order[k - 1] as number] === eh ? run + 1 : 0;
      if (run >= MAX_OCCURRENCES) continue;
      entryPos[entries] = sampled[e] as number;
      entryHash[entries++] = eh;
      const f = Math.imul(eh, FILTER_MUL) >>> filterShift;
      filter[f >>> 5] = (filter[f >>> 5] as number) | (1 << (f & 31));
    }
  }
  bucketStart[slots] = entries;
  return {
    documents: indexed,
    slogans,
    text,
    codes,
    shiftPos: shiftPosArr,
    shiftOff: shiftOffArr,
    phraseStartAt,
    flags,
    filter,
    filterShift,
    bucketStart,
    slotShift,
    entryPos: entryPos.slice(0, entries),
    entryHash: entryHash.slice(0, entries),
    sloganAt: Int32Array.from(occ, (o) => o[0]),
    sloganOf: Int32Array.from(occ, (o) => o[1]),
  };
}

/** The text offset of normalised position p. */
export function originOf(index: Pick<LibraryIndex, 'shiftPos' | 'shiftOff'>, p: number): number {
  const pos = index.shiftPos;
  let lo = 0;
  let hi = pos.length;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if ((pos[mid] as number) <= p) lo = mid;
    else hi = mid;
  }
  return (index.shiftOff[lo] as number) + p - (pos[lo] as number);
}

/** Library positions per bucket of originLookup's table (a power of two). */
const ORIGIN_BUCKET_BITS = 8;

/**
 * originOf for many positions: a table of the map's first piece per bucket of 2^ORIGIN_BUCKET_BITS positions
 * (built once, about 16 bytes per 1,000 library characters) narrows each search to its bucket's pieces.
 */
export function originLookup(
  index: Pick<LibraryIndex, 'shiftPos' | 'shiftOff'>,
  length: number,
): (p: number) => number {
  const pos = index.shiftPos;
  const off = index.shiftOff;
  // first[b]: the piece holding position b · 2^ORIGIN_BUCKET_BITS (the last piece starting at or before it).
  const first = new Int32Array((length >>> ORIGIN_BUCKET_BITS) + 2);
  for (let b = 0, k = 0; b < first.length; b++) {
    while (k + 1 < pos.length && (pos[k + 1] as number) <= b << ORIGIN_BUCKET_BITS) k++;
    first[b] = k;
  }
  return (p) => {
    const b = p >>> ORIGIN_BUCKET_BITS;
    let lo = first[b] as number;
    let hi = Math.min(pos.length, (first[b + 1] as number) + 1);
    while (hi - lo > 1) {
      const mid = (lo + hi) >> 1;
      if ((pos[mid] as number) <= p) lo = mid;
      else hi = mid;
    }
    return (off[lo] as number) + p - (pos[lo] as number);
  };
}

/**
 * The text offsets of normalised positions [from, from + out.length) into `out`, each minus `base`: one search
 * for the first piece of the map, then a walk along it (originOf per position would search each time).
 */
export function originsOf(
  index: Pick<LibraryIndex, 'shiftPos' | 'shiftOff'>,
  from: number,
  base: number,
  out: Int32Array,
): void {
  const pos = index.shiftPos;
  let lo = 0;
  let hi = pos.length;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if ((pos[mid] as number) <= from) lo = mid;
    else hi = mid;
  }
  for (let i = 0; i < out.length; i++) {
    const p = from + i;
    while (lo + 1 < pos.length && (pos[lo + 1] as number) <= p) lo++;
    out[i] = (index.shiftOff[lo] as number) + p - (pos[lo] as number) - base;
  }
}

/** The first normalised position whose text offset is at or after `offset`. */
function positionOf(shiftPos: Int32Array, shiftOff: Int32Array, n: number, offset: number): number {
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (originOf({ shiftPos, shiftOff }, mid) < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The document holding normalised position p (documents are in position order). */
export function documentAt(index: Pick<LibraryIndex, 'documents'>, p: number): number {
  const docs = index.documents;
  let lo = 0;
  let hi = docs.length;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if ((docs[mid] as IndexedDocument).normStart <= p) lo = mid;
    else hi = mid;
  }
  return lo;
}

// --- Serialisation: a JSON header and the typed arrays, each 8-byte aligned, in one ArrayBuffer. ---

const ARRAYS = [
  ['text', Uint16Array],
  ['codes', Uint16Array],
  ['shiftPos', Int32Array],
  ['shiftOff', Int32Array],
  ['phraseStartAt', Uint8Array],
  ['flags', Uint8Array],
  ['filter', Int32Array],
  ['bucketStart', Uint32Array],
  ['entryPos', Uint32Array],
  ['entryHash', Int32Array],
  ['sloganAt', Int32Array],
  ['sloganOf', Int32Array],
] as const;

type ArrayKey = (typeof ARRAYS)[number][0];

interface Header {
  magic: 'yuanwen-library-index';
  version: number;
  documents: IndexedDocument[];
  slogans: IndexedSlogan[];
  filterShift: number;
  slotShift: number;
  arrays: { key: ArrayKey; offset: number; length: number }[];
}

const align8 = (n: number) => (n + 7) & ~7;

/** The index as one ArrayBuffer (what the background persists). */
export function serialiseLibraryIndex(index: LibraryIndex): ArrayBuffer {
  const arrays: Header['arrays'] = [];
  let offset = 0;
  for (const [key] of ARRAYS) {
    const a = index[key];
    arrays.push({ key, offset, length: a.length });
    offset = align8(offset + a.byteLength);
  }
  const header: Header = {
    magic: 'yuanwen-library-index',
    version: LIBRARY_INDEX_VERSION,
    documents: index.documents,
    slogans: index.slogans,
    filterShift: index.filterShift,
    slotShift: index.slotShift,
    arrays,
  };
  const headerBytes = new TextEncoder().encode(JSON.stringify(header));
  const dataStart = align8(8 + headerBytes.length);
  const buffer = new ArrayBuffer(dataStart + offset);
  const view = new DataView(buffer);
  view.setUint32(0, 0x5957_4c49); // "YWLI"
  view.setUint32(4, headerBytes.length);
  new Uint8Array(buffer, 8, headerBytes.length).set(headerBytes);
  for (const [key] of ARRAYS) {
    const a = index[key];
    const at = arrays.find((x) => x.key === key)?.offset as number;
    new Uint8Array(buffer, dataStart + at, a.byteLength).set(new Uint8Array(a.buffer, a.byteOffset, a.byteLength));
  }
  return buffer;
}

export class LibraryIndexFormatError extends Error {
  override name = 'LibraryIndexFormatError';
}

/** The index stored by serialiseLibraryIndex, viewed in place (no copy, no rebuild). */
export function loadLibraryIndex(buffer: ArrayBuffer): LibraryIndex {
  if (buffer.byteLength < 8) throw new LibraryIndexFormatError('not a library index');
  const view = new DataView(buffer);
  if (view.getUint32(0) !== 0x5957_4c49) throw new LibraryIndexFormatError('not a library index');
  const headerLength = view.getUint32(4);
  const header = JSON.parse(new TextDecoder().decode(new Uint8Array(buffer, 8, headerLength))) as Header;
  if (header.magic !== 'yuanwen-library-index' || header.version !== LIBRARY_INDEX_VERSION)
    throw new LibraryIndexFormatError(`library index version ${header.version} is not ${LIBRARY_INDEX_VERSION}`);
  const dataStart = align8(8 + headerLength);
  const out: Record<string, unknown> = {
    documents: header.documents,
    slogans: header.slogans,
    filterShift: header.filterShift,
    slotShift: header.slotShift,
  };
  for (const [key, Type] of ARRAYS) {
    const entry = header.arrays.find((a) => a.key === key);
    if (!entry) throw new LibraryIndexFormatError(`library index lacks ${key}`);
    out[key] = new Type(buffer, dataStart + entry.offset, entry.length);
  }
  return out as unknown as LibraryIndex;
}

/** Bytes the index holds (typed arrays; the header's few objects not counted). */
export function libraryIndexBytes(index: LibraryIndex): number {
  return ARRAYS.reduce((sum, [key]) => sum + index[key].byteLength, 0);
}
