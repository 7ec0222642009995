/**
 * What the ledger page shows, computed from entries: quotes by passage, by
 * site, per day or week, and how often each sentence of a document was
 * quoted (the reader's heat map).
 */
import type { Corpus } from '../corpus/types';
import { SPEECH_DOCUMENT_ID } from '../library/types';
import { DAY_MS, type LedgerEntry, type LedgerQuote } from './types';

/** A passage (sentence) or slogan of a document. */
export interface PassageRef {
  key: string;
  documentId: string;
  label: string;
  start: number;
  end: number;
}

/** Which passages a quote belongs to (a long quote may span several sentences). */
export type PassageResolver = (quote: LedgerQuote) => PassageRef[];

export interface PassageRow extends PassageRef {
  /** Pages quoting it. */
  pages: number;
  verbatim: number;
  edited: number;
  firstSeen: number;
  lastSeen: number;
  /** Sites quoting it, most pages first. */
  sites: string[];
  urls: string[];
}

/** For the speech: slogans by their text, passages by the sentences they overlap. Other documents by span. */
export function speechPassages(corpus: Corpus): PassageResolver {
  const byText = new Map(corpus.slogans.map((s) => [s.text, s]));
  return (q) => {
    if (q.documentId !== SPEECH_DOCUMENT_ID) {
      return [
        {
          key: `${q.documentId}:${q.start}-${q.end}`,
          documentId: q.documentId,
          label: q.quote,
          start: q.start,
          end: q.end,
        },
      ];
    }
    if (q.kind === 'slogan') {
      const text = corpus.text.slice(q.start, q.end);
      const slogan = byText.get(text);
      const at = slogan?.occurrences[0] ?? { start: q.start, end: q.end };
      return [
        { key: `speech:slogan:${text}`, documentId: q.documentId, label: `“${text}”`, start: at.start, end: at.end },
      ];
    }
    return sentencesOverlapping(corpus, q.start, q.end).map((s) => ({
      key: `speech:sentence:${s.index}`,
      documentId: q.documentId,
      label: s.text,
      start: s.start,
      end: s.end,
    }));
  };
}

/** The sentences of the speech that [start, end) overlaps, in order. */
export function sentencesOverlapping(corpus: Corpus, start: number, end: number) {
  const first = corpus.locate(start)?.sentence.index ?? firstAfter(corpus, start);
  const out = [];
  for (let i = first; i < corpus.sentences.length; i++) {
    const s = corpus.sentences[i];
    if (s === undefined || s.start >= Math.max(end, start + 1)) break;
    if (s.end > start) out.push(s);
  }
  return out;
}

function firstAfter(corpus: Corpus, offset: number): number {
  const i = corpus.sentences.findIndex((s) => s.end > offset);
  return i < 0 ? corpus.sentences.length : i;
}

interface Tally {
  ref: PassageRef;
  urls: Set<string>;
  verbatim: Set<string>;
  edited: Set<string>;
  sites: Map<string, number>;
  firstSeen: number;
  lastSeen: number;
}

/** Each passage quoted, with how many pages quoted it, verbatim or edited, when and where; most quoted first. */
export function byPassage(entries: readonly LedgerEntry[], resolve: PassageResolver): PassageRow[] {
  const tallies = new Map<string, Tally>();
  for (const entry of entries) {
    for (const q of entry.quotes) {
      for (const ref of resolve(q)) {
        let t = tallies.get(ref.key);
        if (!t) {
          t = {
            ref,
            urls: new Set(),
            verbatim: new Set(),
            edited: new Set(),
            sites: new Map(),
            firstSeen: q.firstSeen,
            lastSeen: q.lastSeen,
          };
          tallies.set(ref.key, t);
        }
        if (!t.urls.has(entry.url)) t.sites.set(entry.site, (t.sites.get(entry.site) ?? 0) + 1);
        t.urls.add(entry.url);
        (q.similarity < 1 ? t.edited : t.verbatim).add(entry.url);
        t.firstSeen = Math.min(t.firstSeen, q.firstSeen);
        t.lastSeen = Math.max(t.lastSeen, q.lastSeen);
      }
    }
  }
  return [...tallies.values()]
    .map((t) => ({
      ...t.ref,
      pages: t.urls.size,
      verbatim: t.verbatim.size,
      edited: t.edited.size,
      firstSeen: t.firstSeen,
      lastSeen: t.lastSeen,
      sites: [...t.sites.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([s]) => s),
      urls: [...t.urls],
    }))
    .sort((a, b) => b.pages - a.pages || a.documentId.localeCompare(b.documentId) || a.start - b.start);
}

export interface SiteRow {
  site: string;
  pages: number;
  quotes: number;
  edited: number;
  lastSeen: number;
}

export function bySite(entries: readonly LedgerEntry[]): SiteRow[] {
  const rows = new Map<string, SiteRow>();
  for (const e of entries) {
    const row = rows.get(e.site) ?? { site: e.site, pages: 0, quotes: 0, edited: 0, lastSeen: 0 };
    row.pages += 1;
    row.quotes += e.quotes.length;
    row.edited += e.quotes.filter((q) => q.similarity < 1).length;
    row.lastSeen = Math.max(row.lastSeen, e.lastSeen);
    rows.set(e.site, row);
  }
  return [...rows.values()].sort((a, b) => b.pages - a.pages || a.site.localeCompare(b.site));
}

export type Bucket = 'day' | 'week';

export interface TimelinePoint {
  /** Start of the day or week (UTC, ms; weeks start on Monday). */
  start: number;
  /** Quotes first seen in it, per document. */
  counts: Record<string, number>;
  total: number;
}

export function bucketStart(time: number, bucket: Bucket): number {
  const day = Math.floor(time / DAY_MS) * DAY_MS;
  if (bucket === 'day') return day;
  const weekday = (new Date(day).getUTCDay() + 6) % 7; // Monday 0
  return day - weekday * DAY_MS;
}

/** Quotes per day or week, per document, in time order (empty buckets included between the first and last). */
export function timeline(entries: readonly LedgerEntry[], bucket: Bucket): TimelinePoint[] {
  const points = new Map<number, TimelinePoint>();
  for (const e of entries) {
    for (const q of e.quotes) {
      const start = bucketStart(q.firstSeen, bucket);
      const p = points.get(start) ?? { start, counts: {}, total: 0 };
      p.counts[q.documentId] = (p.counts[q.documentId] ?? 0) + 1;
      p.total += 1;
      points.set(start, p);
    }
  }
  const sorted = [...points.values()].sort((a, b) => a.start - b.start);
  if (sorted.length < 2) return sorted;
  const step = bucket === 'day' ? DAY_MS : 7 * DAY_MS;
  const out: TimelinePoint[] = [];
  const first = sorted[0] as TimelinePoint;
  const last = sorted[sorted.length - 1] as TimelinePoint;
  // A long, sparse ledger is shown as its buckets with quotes only, not thousands of empty ones.
  if ((last.start - first.start) / step > 400) return sorted;
  for (let t = first.start; t <= last.start; t += step) out.push(points.get(t) ?? { start: t, counts: {}, total: 0 });
  return out;
}

export interface SentenceHeat {
  /** Pages quoting the sentence. */
  count: number;
  urls: string[];
}

/** For the reader's heat map: per sentence index of a document (the speech by default), the pages quoting it. */
export function sentenceHeat(
  entries: readonly LedgerEntry[],
  corpus: Corpus,
  documentId: string = SPEECH_DOCUMENT_ID,
): Map<number, SentenceHeat> {
  const urls = new Map<number, Set<string>>();
  for (const e of entries) {
    for (const q of e.quotes) {
      if (q.documentId !== documentId) continue;
      for (const s of sentencesOverlapping(corpus, q.start, q.end)) {
        const set = urls.get(s.index) ?? new Set<string>();
        set.add(e.url);
        urls.set(s.index, set);
      }
    }
  }
  return new Map([...urls.entries()].map(([i, set]) => [i, { count: set.size, urls: [...set] }]));
}
