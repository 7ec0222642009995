/**
 * Deep links into the extension's own pages, built and parsed in one place.
 *
 * The reader: `reader.html#span=START-END` highlights a character span of
 * speech.txt, `reader.html#p=N` a paragraph. The popup and the lookup page
 * build them; the reader parses them. Any other hash is a plain anchor of the
 * page (#section-2, #text), which the reader scrolls to itself.
 *
 * The lookup page: `lookup.html#t=TOKEN`, where TOKEN names the selection
 * the background left in session storage (tab URLs are visible to other
 * extensions and kept in session restore, so the text never goes into one).
 * A hand-typed `lookup.html#q=TEXT` is still read as a query.
 */
import type { Span } from './corpus/types';
import { MAX_SELECTION } from './lookup';

export const READER_PAGE = '/reader.html';
export const LOOKUP_PAGE = '/lookup.html';

export type ReaderTarget = { kind: 'span'; span: Span } | { kind: 'paragraph'; number: number };

/** Why a reader link cannot be followed: what the reader tells the user. */
export type LinkProblem =
  /** #p=N with no paragraph N (0 or beyond the last). */
  | { reason: 'no-paragraph'; number: number; paragraphs: number }
  /** #span=S-E past the end of the speech. */
  | { reason: 'span-outside'; start: number; end: number; length: number }
  /** #span=S-E with E not after S. */
  | { reason: 'span-empty'; start: number; end: number }
  /** #span=… or #p=… that is not numbers. */
  | { reason: 'malformed'; hash: string };

export type ReaderHash =
  | { kind: 'target'; target: ReaderTarget }
  /** An element id of the reader (no # in it), or '' for no hash at all. */
  | { kind: 'anchor'; id: string }
  | { kind: 'invalid'; problem: LinkProblem };

export function readerHash(target: ReaderTarget): string {
  return target.kind === 'span' ? `#span=${target.span.start}-${target.span.end}` : `#p=${target.number}`;
}

/** What a reader hash asks for; a hand-edited link gets the reason it cannot be followed, never an exception. */
export function readReaderHash(hash: string, speech: { textLength: number; paragraphs: number }): ReaderHash {
  const body = hash.startsWith('#') ? hash.slice(1) : hash;
  if (!/^(span|p)=/.test(body)) {
    let id = body;
    try {
      id = decodeURIComponent(body);
    } catch {
      // a stray % stays as typed
    }
    return { kind: 'anchor', id };
  }
  const span = /^span=(\d{1,7})-(\d{1,7})$/.exec(body);
  if (span) {
    const start = Number(span[1]);
    const end = Number(span[2]);
    if (end <= start) return { kind: 'invalid', problem: { reason: 'span-empty', start, end } };
    if (end > speech.textLength) {
      return { kind: 'invalid', problem: { reason: 'span-outside', start, end, length: speech.textLength } };
    }
    return { kind: 'target', target: { kind: 'span', span: { start, end } } };
  }
  const p = /^p=(\d{1,7})$/.exec(body);
  if (p) {
    const number = Number(p[1]);
    if (number < 1 || number > speech.paragraphs) {
      return { kind: 'invalid', problem: { reason: 'no-paragraph', number, paragraphs: speech.paragraphs } };
    }
    return { kind: 'target', target: { kind: 'paragraph', number } };
  }
  return { kind: 'invalid', problem: { reason: 'malformed', hash: `#${body}` } };
}

/** The target of a reader hash; null for anything else (a plain anchor, or a link that cannot be followed). */
export function parseReaderHash(
  hash: string,
  textLength: number,
  paragraphs = Number.MAX_SAFE_INTEGER,
): ReaderTarget | null {
  const read = readReaderHash(hash, { textLength, paragraphs });
  return read.kind === 'target' ? read.target : null;
}

/** The link to the lookup page for a selection stored under `token`. */
export function lookupTokenHash(token: string): string {
  return `#t=${token}`;
}

/** The session-storage key of the selection a lookup token names. */
export function lookupTokenKey(token: string): string {
  return `lookup-text:${token}`;
}

/** What a lookup page's hash asks for: a stored selection, a typed query, or nothing. */
export type LookupLink = { kind: 'token'; token: string } | { kind: 'query'; query: string } | { kind: 'none' };

/** The lookup hash read; a malformed one (bad token, broken escape) is nothing, never an exception. */
export function parseLookupLink(hash: string): LookupLink {
  const token = /^#t=([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i.exec(hash);
  if (token?.[1]) return { kind: 'token', token: token[1].toLowerCase() };
  const m = /^#q=(.*)$/s.exec(hash);
  if (!m) return { kind: 'none' };
  try {
    const query = decodeURIComponent(m[1] ?? '').slice(0, MAX_SELECTION);
    return query ? { kind: 'query', query } : { kind: 'none' };
  } catch {
    return { kind: 'none' };
  }
}

/** A selection as the lookup page takes it: trimmed and capped. */
export function lookupText(text: string): string {
  return text.trim().slice(0, MAX_SELECTION);
}
