/** Where the ledger page sends the reader: the reader at a quoted passage, the ledger filtered to a span. */
import { documentHash } from '../library/doc-link';

/** The reader page's deep link to a span of a document (relative to the extension's root). */
export function readerLinkFor(documentId: string, start: number, end: number): string {
  return `/reader.html${documentHash(documentId, { start, end })}`;
}

/** The ledger page filtered to the pages quoting a span of a document. */
export function ledgerLinkFor(documentId: string, start: number, end: number): string {
  return `/ledger.html#doc=${encodeURIComponent(documentId)}&span=${start}-${end}`;
}

/** The document and span a ledger link names, or null. */
export function parseLedgerHash(hash: string): { documentId: string; start: number; end: number } | null {
  const m = /^#?doc=([^&]+)&span=(\d{1,9})-(\d{1,9})$/.exec(hash);
  if (!m) return null;
  const start = Number(m[2]);
  const end = Number(m[3]);
  if (end < start) return null;
  try {
    return { documentId: decodeURIComponent(m[1] as string), start, end };
  } catch {
    return null;
  }
}
