/**
 * A ReferenceDocument from text: line breaks normalised, structure detected, metadata guessed, an id derived
 * from the normalised text (one text, one id), and the checks against the library the reader has: the same
 * text again (duplicate) or most of it again (near-duplicate, with how much overlaps).
 */
import { fail, type ImportResult, MAX_DOCUMENT_CHARS, ok, tooLarge } from './errors';
import { guessMeta, type MetaHints } from './meta';
import { libraryTable, normalisedCodes, normalisedLetters } from './normalize';
import { detectStructure, type KnownHeading } from './structure';
import type { DocumentOrigin, ReferenceDocument } from './types';

/** Colours given to new documents in turn (the speech keeps the extension's own). */
export const DOCUMENT_COLOURS = [
  '#d9480f',
  '#2b8a3e',
  '#1971c2',
  '#9c36b5',
  '#c2255c',
  '#5f3dc4',
  '#0b7285',
  '#e67700',
];

/** A text sharing this share of its shingles with a document already there is a near-duplicate. */
export const NEAR_DUPLICATE_OVERLAP = 0.8;
/** Shingle length for the overlap, in normalised characters. */
const SHINGLE = 8;

export interface DocumentInput {
  text: string;
  origin: DocumentOrigin;
  hints?: MetaHints;
  /** Headings the markup gave (HTML <h1>…, Markdown #). */
  headings?: KnownHeading[];
  importedAt?: number;
  colour?: string;
}

/** 53-bit FNV-style hash of a string, two 32-bit lanes, as 14 hex digits. */
function hashOf(s: string): string {
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193);
    h2 = Math.imul(h2 ^ c, 0x5bd1e995) ^ (h2 >>> 15);
  }
  return ((h1 >>> 0).toString(16).padStart(8, '0') + ((h2 >>> 0) & 0xffffff).toString(16).padStart(6, '0')).slice(
    0,
    14,
  );
}

/** The id of a text: derived from its letters as the library normalises them, so one text has one id. */
export function documentIdOf(text: string): string {
  return `doc-${hashOf(normalisedLetters(text))}`;
}

/** Supplementary radicals with no Unicode decomposition, as the ideographs they stand for in PDF text. */
const RADICALS = new Map(
  [
    ...'⺟母⺠民⻅见⻈讠⻉贝⻋车⻐钅⻓长⻔门⻙韦⻚页⻛风⻜飞⻝食⻠饣⻢马⻥鱼⻦鸟⻧卤⻨麦⻩黄⻪黾⻬齐⻮齿⻰龙⻳龟⺁厂⺇几⺈刀⺊卜⺍小⺎尢⺒巳⺓幺⺛旡⺝月⺢水⺣火⺤爪⺥爫⺦丬⺧牛⺨犭⺩王⺪疋⺫罒⺬示⺭礻⺮竹⺯糸⺰纟⺳网⺶羊⺷羊⺸羊⺹耂⺺肀⺻聿⺼肉⺾艹⺿艹⻀艹⻁虎⻂衤⻃覀⻄西⻆角⻊足⻌辶⻍辶⻎辶⻏阝⻑镸⻒镸⻕门⻖阝⻗雨⻘青⻙韦⻞页⻟食⻡食⻣首⻤鬼⻥鱼⻨麦⻩黄',
  ].flatMap((c, i, all) => (i % 2 === 0 ? [[c, all[i + 1] as string] as const] : [])),
);

/** Line breaks to \n, NULs and a BOM removed, trailing spaces of lines and the text's outer blank lines dropped. */
export function cleanText(text: string): string {
  return (
    text
      .replace(/^\ufeff/, '')
      .replace(/\r\n?/g, '\n')
      .replaceAll('\u0000', '')
      // Kangxi and supplementary radicals (PDF text often maps ideographs onto them) to the ideographs they show.
      .replace(/[\u2e80-\u2fdf]/g, (c) => RADICALS.get(c) ?? c.normalize('NFKC'))
      .replace(/[ \t\u00a0]+$/gm, '')
      .replace(/^\n+|\n+$/g, '')
  );
}

/**
 * The document for `input`, or why not: empty (no letters) or over MAX_DOCUMENT_CHARS. Headings' offsets refer
 * to `input.text` after cleanText; callers passing headings pass already clean text.
 */
export function createDocument(input: DocumentInput): ImportResult<ReferenceDocument> {
  const text = cleanText(input.text);
  if (normalisedCodes(text).length === 0) return fail({ code: 'empty', message: 'there is no text in it' });
  if (text.length > MAX_DOCUMENT_CHARS) return tooLarge(text.length, MAX_DOCUMENT_CHARS, 'characters');
  const structure = detectStructure(text, input.headings ?? []);
  return ok({
    id: documentIdOf(text),
    text,
    meta: guessMeta(text, input.hints),
    structure,
    keyPhrases: { added: [], removed: [] },
    enabled: true,
    colour: input.colour ?? (DOCUMENT_COLOURS[0] as string),
    origin: input.origin,
    importedAt: input.importedAt ?? Date.now(),
  });
}

/** Hashes of a text's SHINGLE-character shingles (normalised letters). */
export function shinglesOf(text: string): Set<number> {
  const codes = normalisedCodes(text, libraryTable());
  const out = new Set<number>();
  for (let i = 0; i + SHINGLE <= codes.length; i++) {
    let h = 0x9e3779b1;
    for (let k = 0; k < SHINGLE; k++) h = Math.imul(h ^ (codes[i + k] as number), 0x85ebca6b);
    out.add(h >>> 0);
  }
  return out;
}

/** The share (0..1) of `candidate`'s shingles found in `existing`. */
export function overlapOf(candidate: Set<number>, existing: Set<number>): number {
  if (candidate.size === 0) return 0;
  let shared = 0;
  for (const h of candidate) if (existing.has(h)) shared++;
  return shared / candidate.size;
}

/**
 * Refuses `doc` if the library already has its text (the same id: the same normalised letters) or most of it
 * (NEAR_DUPLICATE_OVERLAP of its shingles in one document; the most overlapping one is named).
 */
export function checkAgainstLibrary(
  doc: Pick<ReferenceDocument, 'id' | 'text'>,
  library: readonly Pick<ReferenceDocument, 'id' | 'text' | 'meta'>[],
  /** Shingles of library documents by id, kept between calls (a merge checks many documents). */
  cache: Map<string, Set<number>> = new Map(),
): ImportResult<null> {
  const same = library.find((d) => d.id === doc.id);
  if (same)
    return fail({
      code: 'duplicate',
      message: `the library already has this text: “${same.meta.title}”`,
      documentId: same.id,
      title: same.meta.title,
    });
  const mine = shinglesOf(doc.text);
  let best: { doc: (typeof library)[number]; overlap: number } | null = null;
  for (const other of library) {
    let theirs = cache.get(other.id);
    if (!theirs) {
      theirs = shinglesOf(other.text);
      cache.set(other.id, theirs);
    }
    const overlap = overlapOf(mine, theirs);
    if (overlap >= NEAR_DUPLICATE_OVERLAP && (!best || overlap > best.overlap)) best = { doc: other, overlap };
  }
  if (best)
    return fail({
      code: 'near-duplicate',
      message: `${Math.round(best.overlap * 100)}% of this text is already in “${best.doc.meta.title}”`,
      documentId: best.doc.id,
      title: best.doc.meta.title,
      overlap: Math.round(best.overlap * 1000) / 1000,
    });
  return ok(null);
}
