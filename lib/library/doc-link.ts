/**
 * Reader links to a document of the library: `reader.html#doc=ID&span=S-E`
 * (or `&p=N`, or `#doc=ID` alone). A hash without `doc=` is the speech's,
 * read by lib/reader-link.ts as before (#span=, #p=, anchors).
 */
import type { Span } from '../corpus/types';
import { SPEECH_DOCUMENT_ID } from './types';

export function documentHash(documentId: string, span: Span | null): string {
  if (documentId === SPEECH_DOCUMENT_ID) return span ? `#span=${span.start}-${span.end}` : '';
  const id = `doc=${encodeURIComponent(documentId)}`;
  return span ? `#${id}&span=${span.start}-${span.end}` : `#${id}`;
}

/** A speech link (#span=S-E, #p=N) made to point into a document: #doc=ID&p=N. */
export function inDocument(documentId: string, speechHash: string): string {
  if (documentId === SPEECH_DOCUMENT_ID) return speechHash;
  const rest = speechHash.replace(/^#/, '');
  return `#doc=${encodeURIComponent(documentId)}${rest ? `&${rest}` : ''}`;
}

/** `doc=` and the rest of a hash; null when the hash names no document (the speech's own links). */
export function readDocumentHash(hash: string): { documentId: string; rest: string } | null {
  const body = hash.startsWith('#') ? hash.slice(1) : hash;
  const m = /^doc=([^&]*)(?:&(.*))?$/.exec(body);
  if (!m) return null;
  let documentId: string;
  try {
    documentId = decodeURIComponent(m[1] ?? '');
  } catch {
    return null;
  }
  if (!documentId) return null;
  return { documentId, rest: m[2] ? `#${m[2]}` : '' };
}
