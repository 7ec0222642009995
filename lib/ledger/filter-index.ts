/**
 * A compact index of the ledger for filtering it again and again (the
 * ledger page, at every keystroke): built once, newest first, it keeps each
 * criterion in flat columns so a filter is a scan of arrays rather than a
 * walk over the entry objects. Same results as `filterEntries`.
 *
 * Building it is the ledger page's opening cost, so it does the least it
 * can: entries already newest first (as the store reads them) are not
 * sorted again, and the lower-cased search text of an entry is made only
 * when a text query first needs it (or ahead of time, in slices, by
 * `prepareSearchText` while the page is idle).
 */
import type { MatchKind } from '../match/types';
import { newerFirst } from './query';
import type { LedgerEntry, LedgerQuery } from './types';

export interface LedgerIndex {
  /** The entries, most recently seen first. */
  readonly entries: readonly LedgerEntry[];
  readonly site: readonly string[];
  readonly firstSeen: Float64Array;
  readonly lastSeen: Float64Array;
  readonly starred: Uint8Array;
  /**
   * Title, URL, note and every quote, lower-cased, one string per entry: a
   * cache filled on first use (see `searchTextAt`), hence not readonly.
   */
  readonly text: (string | undefined)[];
  /** Entry i's quotes are quote rows quoteFrom[i] to quoteFrom[i + 1] - 1. */
  readonly quoteFrom: Uint32Array;
  readonly quoteDocument: readonly string[];
  readonly quoteKind: readonly MatchKind[];
  readonly quoteStart: Float64Array;
  readonly quoteEnd: Float64Array;
  readonly quoteEdited: Uint8Array;
}

const SEPARATOR = '\u0001';

function isNewestFirst(entries: readonly LedgerEntry[]): boolean {
  for (let i = 1; i < entries.length; i++)
    if (newerFirst(entries[i - 1] as LedgerEntry, entries[i] as LedgerEntry) > 0) return false;
  return true;
}

/** Indexes `entries` (sorted newest first here unless they already are). */
export function buildLedgerIndex(input: readonly LedgerEntry[]): LedgerIndex {
  const entries = isNewestFirst(input) ? input : [...input].sort(newerFirst);
  const n = entries.length;
  let quoteCount = 0;
  for (let i = 0; i < n; i++) quoteCount += (entries[i] as LedgerEntry).quotes.length;
  const site = new Array<string>(n);
  const firstSeen = new Float64Array(n);
  const lastSeen = new Float64Array(n);
  const starred = new Uint8Array(n);
  const quoteFrom = new Uint32Array(n + 1);
  const quoteDocument = new Array<string>(quoteCount);
  const quoteKind = new Array<MatchKind>(quoteCount);
  const quoteStart = new Float64Array(quoteCount);
  const quoteEnd = new Float64Array(quoteCount);
  const quoteEdited = new Uint8Array(quoteCount);
  let row = 0;
  for (let i = 0; i < n; i++) {
    const e = entries[i] as LedgerEntry;
    site[i] = e.site;
    firstSeen[i] = e.firstSeen;
    lastSeen[i] = e.lastSeen;
    starred[i] = e.starred ? 1 : 0;
    quoteFrom[i] = row;
    for (const q of e.quotes) {
      quoteDocument[row] = q.documentId;
      quoteKind[row] = q.kind;
      quoteStart[row] = q.start;
      quoteEnd[row] = q.end;
      quoteEdited[row] = q.similarity < 1 ? 1 : 0;
      row++;
    }
  }
  quoteFrom[n] = row;
  return {
    entries,
    site,
    firstSeen,
    lastSeen,
    starred,
    text: new Array<string | undefined>(n),
    quoteFrom,
    quoteDocument,
    quoteKind,
    quoteStart,
    quoteEnd,
    quoteEdited,
  };
}

const headOf = (e: LedgerEntry) => [e.title, e.url, e.note].join(SEPARATOR).toLowerCase();

/** Entry i's lower-cased search text (title, URL, note, quotes), made on first use and kept in the index. */
export function searchTextAt(index: LedgerIndex, i: number): string {
  let text = index.text[i];
  if (text === undefined) {
    const e = index.entries[i] as LedgerEntry;
    text = [e.title, e.url, e.note, ...e.quotes.map((q) => q.quote)].join(SEPARATOR).toLowerCase();
    index.text[i] = text;
  }
  return text;
}

/**
 * Makes the search text of up to `count` entries from row `from` on (a
 * slice of work for an idle moment); returns the row to continue from
 * (the entry count when every text is made).
 */
export function prepareSearchText(index: LedgerIndex, from: number, count: number): number {
  const end = Math.min(index.entries.length, from + count);
  for (let i = from; i < end; i++) searchTextAt(index, i);
  return end;
}

interface Criteria {
  query: LedgerQuery;
  byQuote: boolean;
  needle: string;
  site: string | undefined;
}

function criteria(query: LedgerQuery): Criteria {
  const { documentId, kind, editedOnly, span } = query;
  return {
    query,
    byQuote: documentId !== undefined || kind !== undefined || !!editedOnly || !!span,
    needle: query.text?.trim().toLowerCase() ?? '',
    site: query.site?.toLowerCase(),
  };
}

/** Whether quote row r meets the quote-level criteria. */
function quoteMeets(index: LedgerIndex, { documentId, span, kind, editedOnly }: LedgerQuery, r: number): boolean {
  return (
    (documentId === undefined || index.quoteDocument[r] === documentId) &&
    (!span || ((index.quoteStart[r] as number) < span.end && (index.quoteEnd[r] as number) > span.start)) &&
    (kind === undefined || index.quoteKind[r] === kind) &&
    (!editedOnly || index.quoteEdited[r] === 1)
  );
}

/** Whether entry i meets the query (its quotes narrowed as `filterEntries` does before the text is searched). */
function entryMeets(index: LedgerIndex, c: Criteria, i: number): boolean {
  const { query, needle } = c;
  if (c.site !== undefined && index.site[i] !== c.site) return false;
  if (query.from !== undefined && (index.lastSeen[i] as number) < query.from) return false;
  if (query.to !== undefined && (index.firstSeen[i] as number) > query.to) return false;
  if (query.starredOnly && index.starred[i] !== 1) return false;
  if (!c.byQuote) return needle === '' || searchTextAt(index, i).includes(needle);
  const first = index.quoteFrom[i] as number;
  const last = index.quoteFrom[i + 1] as number;
  const quotes = (index.entries[i] as LedgerEntry).quotes;
  let kept = 0;
  let keptFound = false;
  for (let r = first; r < last; r++)
    if (quoteMeets(index, query, r)) {
      kept++;
      if (needle !== '' && !keptFound) keptFound = (quotes[r - first]?.quote ?? '').toLowerCase().includes(needle);
    }
  if (kept === 0) return false;
  if (needle === '') return true;
  if (kept === last - first) return searchTextAt(index, i).includes(needle);
  return keptFound || headOf(index.entries[i] as LedgerEntry).includes(needle);
}

/**
 * The rows (positions in `index.entries`) of the entries meeting `query`,
 * newest first; `ledgerEntryAt` gives each one's entry with its quotes narrowed.
 */
export function selectLedgerRows(index: LedgerIndex, query: LedgerQuery = {}): number[] {
  const c = criteria(query);
  const limit = query.limit ?? Number.POSITIVE_INFINITY;
  const rows: number[] = [];
  for (let i = 0, n = index.entries.length; i < n && rows.length < limit; i++)
    if (entryMeets(index, c, i)) rows.push(i);
  return rows;
}

/** Entry `row` as `query` shows it: its quotes narrowed to those meeting the quote-level criteria. */
export function ledgerEntryAt(index: LedgerIndex, query: LedgerQuery, row: number): LedgerEntry {
  const entry = index.entries[row] as LedgerEntry;
  if (!criteria(query).byQuote) return entry;
  const first = index.quoteFrom[row] as number;
  const quotes = entry.quotes.filter((_, k) => quoteMeets(index, query, first + k));
  return quotes.length === entry.quotes.length ? entry : { ...entry, quotes };
}

/** The entries meeting `query`, most recently seen first, quotes narrowed: what `filterEntries` answers. */
export function queryLedgerIndex(index: LedgerIndex, query: LedgerQuery = {}): LedgerEntry[] {
  return selectLedgerRows(index, query).map((row) => ledgerEntryAt(index, query, row));
}

/** The index with `next` in place of the entry of the same URL (its note or star changed); unchanged if absent. */
export function withEntry(index: LedgerIndex, next: LedgerEntry): LedgerIndex {
  const i = index.entries.findIndex((e) => e.url === next.url);
  if (i < 0) return index;
  const entries = [...index.entries];
  entries[i] = next;
  const starred = index.starred.slice();
  starred[i] = next.starred ? 1 : 0;
  const text = [...index.text];
  text[i] = undefined;
  return { ...index, entries, starred, text };
}
