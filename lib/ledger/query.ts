/**
 * Filtering the ledger: the same rules for the ledger page and for the
 * background's get-ledger answer. Quote-level criteria (document, kind,
 * edited only) keep an entry when one of its quotes meets them all, and
 * narrow its quotes to those that do.
 */
import type { MatchKind } from '../match/types';
import type { LedgerEntry, LedgerQuery, LedgerQuote } from './types';

const KINDS: readonly MatchKind[] = ['slogan', 'passage'];
const MAX_TEXT = 500;

function quoteFilter(query: LedgerQuery): ((q: LedgerQuote) => boolean) | null {
  const { documentId, kind, editedOnly, span } = query;
  if (documentId === undefined && kind === undefined && !editedOnly && !span) return null;
  return (q) =>
    (documentId === undefined || q.documentId === documentId) &&
    (!span || (q.start < span.end && q.end > span.start)) &&
    (kind === undefined || q.kind === kind) &&
    (!editedOnly || q.similarity < 1);
}

/**
 * An entry's searchable text, lower-cased, computed once per entry object:
 * the ledger page filters the same 100,000 entries again at every keystroke.
 */
const searchTexts = new WeakMap<LedgerEntry, string>();
function searchText(entry: LedgerEntry): string {
  let text = searchTexts.get(entry);
  if (text === undefined) {
    text = [entry.title, entry.url, entry.note, ...entry.quotes.map((q) => q.quote)].join('\u0001').toLowerCase();
    searchTexts.set(entry, text);
  }
  return text;
}

function textMatches(entry: LedgerEntry, quotes: readonly LedgerQuote[], needle: string, narrowed: boolean): boolean {
  if (!narrowed) return searchText(entry).includes(needle);
  return [entry.title, entry.url, entry.note, ...quotes.map((q) => q.quote)].some((t) =>
    t.toLowerCase().includes(needle),
  );
}

/** Most recently seen first, then by URL. */
export const newerFirst = (a: LedgerEntry, b: LedgerEntry) =>
  b.lastSeen - a.lastSeen || (a.url < b.url ? -1 : a.url > b.url ? 1 : 0);

function isSorted(entries: readonly LedgerEntry[]): boolean {
  for (let i = 1; i < entries.length; i++)
    if (newerFirst(entries[i - 1] as LedgerEntry, entries[i] as LedgerEntry) > 0) return false;
  return true;
}

/** The entries meeting `query`, most recently seen first. */
export function filterEntries(entries: readonly LedgerEntry[], query: LedgerQuery = {}): LedgerEntry[] {
  const byQuote = quoteFilter(query);
  const needle = query.text?.trim().toLowerCase() ?? '';
  const site = query.site?.toLowerCase();
  const out: LedgerEntry[] = [];
  for (const entry of entries) {
    if (site !== undefined && entry.site !== site) continue;
    if (query.from !== undefined && entry.lastSeen < query.from) continue;
    if (query.to !== undefined && entry.firstSeen > query.to) continue;
    if (query.starredOnly && !entry.starred) continue;
    let kept = entry;
    if (byQuote) {
      const quotes = entry.quotes.filter(byQuote);
      if (quotes.length === 0) continue;
      if (quotes.length !== entry.quotes.length) kept = { ...entry, quotes };
    }
    if (needle !== '' && !textMatches(entry, kept.quotes, needle, kept !== entry)) continue;
    out.push(kept);
  }
  // The ledger page sorts once on loading; a sorted input is not sorted again.
  if (!isSorted(out)) out.sort(newerFirst);
  return query.limit !== undefined ? out.slice(0, query.limit) : out;
}

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null;
const isOffset = (x: unknown): x is number => Number.isSafeInteger(x) && (x as number) >= 0;
const isTime = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x);

/** The query if `x` is a well-formed one (only known fields kept), else null. Absent means every entry. */
export function parseLedgerQuery(x: unknown): LedgerQuery | null {
  if (x === undefined) return {};
  if (!isObject(x)) return null;
  const out: LedgerQuery = {};
  for (const key of ['text', 'documentId', 'site'] as const) {
    const v = x[key];
    if (v === undefined) continue;
    if (typeof v !== 'string' || v.length > MAX_TEXT) return null;
    out[key] = v;
  }
  if (x.kind !== undefined) {
    if (!KINDS.includes(x.kind as MatchKind)) return null;
    out.kind = x.kind as MatchKind;
  }
  for (const key of ['from', 'to'] as const) {
    if (x[key] === undefined) continue;
    if (!isTime(x[key])) return null;
    out[key] = x[key] as number;
  }
  for (const key of ['editedOnly', 'starredOnly'] as const) {
    if (x[key] === undefined) continue;
    if (typeof x[key] !== 'boolean') return null;
    out[key] = x[key] as boolean;
  }
  if (x.span !== undefined) {
    const span = x.span;
    if (!isObject(span) || !isOffset(span.start) || !isOffset(span.end) || span.end < span.start) return null;
    out.span = { start: span.start, end: span.end };
  }
  if (x.limit !== undefined) {
    if (!Number.isSafeInteger(x.limit) || (x.limit as number) < 0) return null;
    out.limit = x.limit as number;
  }
  return out;
}
