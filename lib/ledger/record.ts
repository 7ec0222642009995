/**
 * Turns what a page reported into its ledger entry. A page seen again
 * updates its entry: quotes already recorded keep their first sighting and
 * are refreshed, new ones are added, none is dropped (a page that loads more
 * text, or has lost some, still shows everything it was seen quoting).
 */
import type { Match } from '../match/types';
import { diffSummary } from './diff-summary';
import { documentOf } from './document';
import { textFragmentLink, withoutHash } from './fragment';
import type { LedgerEntry, LedgerQuote } from './types';

/** A match with the page's wording (PageMatch, or a match restored from an export). */
export type QuotedMatch = Match & { quote: string };

export interface PageSighting {
  url: string;
  title: string;
  matches: readonly QuotedMatch[];
  /** Milliseconds since the epoch. */
  seenAt: number;
}

/** The key telling one quote from another on the same page. */
export function quoteKey(q: Pick<LedgerQuote, 'documentId' | 'start' | 'end' | 'quote'>): string {
  return `${q.documentId}\u0000${q.start}\u0000${q.end}\u0000${q.quote}`;
}

export function siteOf(url: string): string {
  try {
    return new URL(url).hostname.toLowerCase();
  } catch {
    return '';
  }
}

function quoteOf(match: QuotedMatch, url: string, seenAt: number): LedgerQuote {
  return {
    documentId: documentOf(match),
    start: match.speechStart,
    end: match.speechEnd,
    kind: match.kind,
    rule: match.rule,
    similarity: match.similarity,
    quote: match.quote,
    diffSummary: diffSummary(match.diff),
    link: textFragmentLink(url, match.quote),
    firstSeen: seenAt,
    lastSeen: seenAt,
  };
}

/** Merges two lists of a page's quotes: one per key, the earliest first sighting and the latest last one. */
export function mergeQuotes(a: readonly LedgerQuote[], b: readonly LedgerQuote[]): LedgerQuote[] {
  const byKey = new Map<string, LedgerQuote>();
  for (const q of [...a, ...b]) {
    const key = quoteKey(q);
    const seen = byKey.get(key);
    if (!seen) {
      byKey.set(key, { ...q });
      continue;
    }
    const later = q.lastSeen >= seen.lastSeen ? q : seen;
    byKey.set(key, {
      ...later,
      firstSeen: Math.min(seen.firstSeen, q.firstSeen),
      lastSeen: Math.max(seen.lastSeen, q.lastSeen),
    });
  }
  return [...byKey.values()].sort((x, y) => x.documentId.localeCompare(y.documentId) || x.start - y.start);
}

/** The page's entry after this sighting; `existing` is its entry so far, if any. Null when nothing was quoted. */
export function recordSighting(sighting: PageSighting, existing: LedgerEntry | undefined): LedgerEntry | null {
  const url = withoutHash(sighting.url);
  if (sighting.matches.length === 0) return existing ?? null;
  const quotes = sighting.matches.map((m) => quoteOf(m, url, sighting.seenAt));
  if (!existing) {
    return {
      url,
      title: sighting.title,
      site: siteOf(url),
      firstSeen: sighting.seenAt,
      lastSeen: sighting.seenAt,
      quotes: mergeQuotes([], quotes),
      note: '',
      starred: false,
    };
  }
  return {
    ...existing,
    title: sighting.title || existing.title,
    firstSeen: Math.min(existing.firstSeen, sighting.seenAt),
    lastSeen: Math.max(existing.lastSeen, sighting.seenAt),
    quotes: mergeQuotes(existing.quotes, quotes),
  };
}

/**
 * Two entries of the same page as one (an import): quotes merged, the
 * earliest first and latest last sighting, a note kept from either (both
 * when they differ), starred if either is.
 */
export function mergeEntries(a: LedgerEntry, b: LedgerEntry): LedgerEntry {
  const newer = b.lastSeen >= a.lastSeen ? b : a;
  const notes = [a.note, b.note].filter((n, i, all) => n !== '' && all.indexOf(n) === i);
  return {
    url: a.url,
    title: newer.title || a.title || b.title,
    site: a.site || b.site,
    firstSeen: Math.min(a.firstSeen, b.firstSeen),
    lastSeen: Math.max(a.lastSeen, b.lastSeen),
    quotes: mergeQuotes(a.quotes, b.quotes),
    note: notes.join('\n'),
    starred: a.starred || b.starred,
  };
}
