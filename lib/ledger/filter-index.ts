/**
 * A compact index of the ledger for filtering it again and again (the
 * ledger page, at every keystroke): built once, newest first, it keeps each
 * criterion in flat columns so a filter is a scan of arrays rather than a
 * walk over the entry objects. Same results as `filterEntries`.
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
  /** Title, URL, note and every quote, lower-cased, one string per entry. */
  readonly text: readonly string[];
  /** Title, URL and note, lower-cased (searched with the quotes a filter kept). */
  readonly head: readonly string[];
  /** Entry i's quotes are quote rows quoteFrom[i] to quoteFrom[i + 1] - 1. */
  readonly quoteFrom: Uint32Array;
  readonly quoteDocument: readonly string[];
  readonly quoteKind: readonly MatchKind[];
  readonly quoteStart: Float64Array;
  readonly quoteEnd: Float64Array;
  readonly quoteEdited: Uint8Array;
  readonly quoteText: readonly string[];
}

const SEPARATOR = '\u0001';

/** Indexes `entries` (they need not be sorted). */
export function buildLedgerIndex(input: readonly LedgerEntry[]): LedgerIndex {
  const entries = [...input].sort(newerFirst);
  const n = entries.length;
  const quoteCount = entries.reduce((sum, e) => sum + e.quotes.length, 0);
  const index = {
    entries,
    site: entries.map((e) => e.site),
    firstSeen: new Float64Array(n),
    lastSeen: new Float64Array(n),
    starred: new Uint8Array(n),
    text: new Array<string>(n),
    head: new Array<string>(n),
    quoteFrom: new Uint32Array(n + 1),
    quoteDocument: new Array<string>(quoteCount),
    quoteKind: new Array<MatchKind>(quoteCount),
    quoteStart: new Float64Array(quoteCount),
    quoteEnd: new Float64Array(quoteCount),
    quoteEdited: new Uint8Array(quoteCount),
    quoteText: new Array<string>(quoteCount),
  };
  let row = 0;
  for (let i = 0; i < n; i++) {
    const e = entries[i] as LedgerEntry;
    index.firstSeen[i] = e.firstSeen;
    index.lastSeen[i] = e.lastSeen;
    index.starred[i] = e.starred ? 1 : 0;
    const head = [e.title, e.url, e.note].join(SEPARATOR).toLowerCase();
    index.head[i] = head;
    index.quoteFrom[i] = row;
    let text = head;
    for (const q of e.quotes) {
      const quote = q.quote.toLowerCase();
      index.quoteDocument[row] = q.documentId;
      index.quoteKind[row] = q.kind;
      index.quoteStart[row] = q.start;
      index.quoteEnd[row] = q.end;
      index.quoteEdited[row] = q.similarity < 1 ? 1 : 0;
      index.quoteText[row] = quote;
      text += SEPARATOR + quote;
      row++;
    }
    index.text[i] = text;
  }
  index.quoteFrom[n] = row;
  return index;
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
  if (!c.byQuote) return needle === '' || (index.text[i] as string).includes(needle);
  const first = index.quoteFrom[i] as number;
  const last = index.quoteFrom[i + 1] as number;
  let kept = 0;
  let keptFound = false;
  for (let r = first; r < last; r++)
    if (quoteMeets(index, query, r)) {
      kept++;
      if (needle !== '' && !keptFound) keptFound = (index.quoteText[r] as string).includes(needle);
    }
  if (kept === 0) return false;
  if (needle === '') return true;
  if (kept === last - first) return (index.text[i] as string).includes(needle);
  return keptFound || (index.head[i] as string).includes(needle);
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
  const changed = buildLedgerIndex([next]);
  const starred = index.starred.slice();
  starred[i] = changed.starred[0] as number;
  const text = [...index.text];
  text[i] = changed.text[0] as string;
  const head = [...index.head];
  head[i] = changed.head[0] as string;
  return { ...index, entries, starred, text, head };
}
