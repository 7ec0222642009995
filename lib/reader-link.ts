/**
 * Deep links into the reader page: `reader.html#span=START-END` highlights a
 * character span of speech.txt, `reader.html#p=N` a paragraph. The popup
 * builds them; the reader parses them.
 */
import type { Span } from './corpus/types';

export type ReaderTarget = { kind: 'span'; span: Span } | { kind: 'paragraph'; number: number };

export function readerHash(target: ReaderTarget): string {
  return target.kind === 'span' ? `#span=${target.span.start}-${target.span.end}` : `#p=${target.number}`;
}

/** Parses a reader hash; null for anything malformed (a hand-edited URL must not break the page). */
export function parseReaderHash(hash: string, textLength: number): ReaderTarget | null {
  const span = /^#span=(\d{1,7})-(\d{1,7})$/.exec(hash);
  if (span) {
    const start = Number(span[1]);
    const end = Number(span[2]);
    return start < end && end <= textLength ? { kind: 'span', span: { start, end } } : null;
  }
  const p = /^#p=(\d{1,4})$/.exec(hash);
  if (p) return Number(p[1]) >= 1 ? { kind: 'paragraph', number: Number(p[1]) } : null;
  return null;
}
