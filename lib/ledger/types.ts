/**
 * The quotation ledger's records: one entry per page where Yuanwen found
 * quotes, updated when the page is seen again, kept in the browser only.
 * Offsets are [start, end) into the quoted document's text.
 */
import type { MatchKind, MatchRule } from '../match/types';

/** One quote a page makes of a document. */
export interface LedgerQuote {
  documentId: string;
  start: number;
  end: number;
  kind: MatchKind;
  rule: MatchRule;
  /** 1 verbatim, below 1 edited. */
  similarity: number;
  /** The page's wording. */
  quote: string;
  /** What the page changed, in a few words ('' when verbatim). */
  diffSummary: string;
  /** The page's URL with a text fragment (`#:~:text=…`) that reopens the spot. */
  link: string;
  firstSeen: number;
  lastSeen: number;
}

export interface LedgerEntry {
  /** The page's URL without its #fragment: the entry's key. */
  url: string;
  title: string;
  /** The page's hostname. */
  site: string;
  /** Milliseconds since the epoch. */
  firstSeen: number;
  lastSeen: number;
  quotes: LedgerQuote[];
  /** The reader's note ('' when none). */
  note: string;
  starred: boolean;
}

/** What get-ledger and the ledger page filter by; every field optional, all given ones must hold. */
export interface LedgerQuery {
  /** Words in the title, URL, site, note or a quote (case-insensitive). */
  text?: string;
  documentId?: string;
  kind?: MatchKind;
  site?: string;
  /** lastSeen ≥ from (ms). */
  from?: number;
  /** firstSeen ≤ to (ms). */
  to?: number;
  /** Only quotes overlapping this span of the document (with documentId). */
  span?: { start: number; end: number };
  /** Only entries with an edited (near-verbatim) quote. */
  editedOnly?: boolean;
  starredOnly?: boolean;
  /** At most this many entries (most recently seen first). */
  limit?: number;
}

/** The ledger's own settings. */
export interface LedgerSettings {
  /** Record pages at all. */
  enabled: boolean;
  /** Entries not seen for this many days are dropped. */
  retentionDays: number;
  /** Record pages in quiet mode too (off: quiet pages are never recorded). */
  recordQuietPages: boolean;
}

export const DEFAULT_LEDGER_SETTINGS: LedgerSettings = {
  enabled: true,
  retentionDays: 180,
  recordQuietPages: false,
};

export const DAY_MS = 86_400_000;
