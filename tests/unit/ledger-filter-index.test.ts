import { describe, expect, it } from 'vitest';
import {
  buildLedgerIndex,
  prepareSearchText,
  queryLedgerIndex,
  searchTextAt,
  withEntry,
} from '../../lib/ledger/filter-index';
import { filterEntries } from '../../lib/ledger/query';
import { DAY_MS, type LedgerEntry, type LedgerQuery, type LedgerQuote } from '../../lib/ledger/types';

const T0 = Date.UTC(2026, 10, 1);
const WORDS = ['生态', '文明', '发展', 'Reform', '改革', '人民', '之'];

/** A deterministic ledger: pages of 1–3 quotes, mixed documents, kinds, sites, dates, notes, stars. */
function ledger(n: number): LedgerEntry[] {
  let seed = 7;
  const random = () => {
    seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
    return seed / 2_147_483_648;
  };
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)] as T;
  const out: LedgerEntry[] = [];
  for (let i = 0; i < n; i++) {
    const firstSeen = T0 + Math.floor(random() * 20) * DAY_MS;
    const lastSeen = firstSeen + Math.floor(random() * 5) * DAY_MS;
    const quotes: LedgerQuote[] = [];
    for (let k = 0, m = 1 + Math.floor(random() * 3); k < m; k++) {
      const start = Math.floor(random() * 1000);
      quotes.push({
        documentId: pick(['speech', 'speech', 'other']),
        start,
        end: start + 10 + Math.floor(random() * 30),
        kind: pick(['slogan', 'passage'] as const),
        rule: 'verbatim',
        similarity: random() < 0.3 ? 0.9 : 1,
        quote: `${pick(WORDS)}${pick(WORDS)}${pick(WORDS)}`,
        diffSummary: '',
        link: `https://s${i % 7}.example/${i}#:~:text=x`,
        firstSeen,
        lastSeen,
      });
    }
    out.push({
      url: `https://s${i % 7}.example/${i}`,
      title: `${pick(WORDS)} 报道 ${i}`,
      site: `s${i % 7}.example`,
      firstSeen,
      lastSeen,
      quotes,
      note: random() < 0.1 ? pick(WORDS) : '',
      starred: random() < 0.1,
    });
  }
  return out;
}

const QUERIES: LedgerQuery[] = [
  {},
  { text: '生态' },
  { text: '  REFORM ' },
  { text: '报道 4' },
  { site: 'S3.example' },
  { editedOnly: true },
  { editedOnly: true, text: '改革' },
  { documentId: 'other', text: '人民' },
  { kind: 'slogan', site: 's1.example' },
  { from: T0 + 5 * DAY_MS, to: T0 + 10 * DAY_MS },
  { starredOnly: true },
  { documentId: 'speech', span: { start: 100, end: 200 } },
  { text: '之', limit: 5 },
  { text: 'nothing like this' },
];

describe('the ledger filter index', () => {
  const entries = ledger(600);
  const index = buildLedgerIndex(entries);

  it('orders the entries newest first', () => {
    expect(index.entries.map((e) => e.url)).toEqual(filterEntries(entries).map((e) => e.url));
  });

  it.each(QUERIES.map((q) => [JSON.stringify(q), q] as const))('answers %s as filterEntries does', (_, query) => {
    const expected = filterEntries(entries, query);
    const got = queryLedgerIndex(index, query);
    expect(got).toEqual(expected);
    expect(got.length > 0).toBe(query.text !== 'nothing like this');
  });

  it('keeps unnarrowed entries as the same objects and narrows quotes', () => {
    const edited = queryLedgerIndex(index, { editedOnly: true });
    expect(edited.every((e) => e.quotes.every((q) => q.similarity < 1))).toBe(true);
    const all = queryLedgerIndex(index, {});
    expect(all[0]).toBe(index.entries[0]);
  });
});

describe('the index build', () => {
  it('keeps entries already newest first as they are, without sorting a copy', () => {
    const sorted = filterEntries(ledger(200));
    expect(buildLedgerIndex(sorted).entries).toBe(sorted);
    const shuffled = [...sorted].reverse();
    expect(buildLedgerIndex(shuffled).entries).toEqual(sorted);
  });

  it('makes search text only when asked, and the same text either way', () => {
    const index = buildLedgerIndex(ledger(300));
    expect(index.text.filter((t) => t !== undefined)).toEqual([]);
    // A filter without words makes none.
    queryLedgerIndex(index, { editedOnly: true, site: 's2.example' });
    expect(index.text.filter((t) => t !== undefined)).toEqual([]);
    // Prepared in slices: each call continues where the last stopped.
    expect(prepareSearchText(index, 0, 120)).toBe(120);
    expect(index.text.slice(0, 120).every((t) => typeof t === 'string')).toBe(true);
    expect(index.text[120]).toBeUndefined();
    expect(prepareSearchText(index, 120, 1000)).toBe(300);
    const e = index.entries[42] as LedgerEntry;
    expect(searchTextAt(index, 42)).toBe(
      [e.title, e.url, e.note, ...e.quotes.map((q) => q.quote)].join('\u0001').toLowerCase(),
    );
    // A text query on a fresh index answers the same as on a prepared one.
    const fresh = buildLedgerIndex(index.entries);
    expect(queryLedgerIndex(fresh, { text: 'reform' })).toEqual(queryLedgerIndex(index, { text: 'reform' }));
  });
});

describe('withEntry', () => {
  it('replaces an entry whose note and star changed, and filters see it', () => {
    const entries = ledger(50);
    const index = buildLedgerIndex(entries);
    const target = index.entries[10] as LedgerEntry;
    const next = { ...target, note: 'Unique Remark', starred: true };
    const updated = withEntry(index, next);
    expect(updated.entries[10]).toBe(next);
    expect(queryLedgerIndex(updated, { text: 'unique remark' })).toEqual([next]);
    expect(queryLedgerIndex(updated, { starredOnly: true })).toEqual(
      filterEntries(
        entries.map((e) => (e.url === next.url ? next : e)),
        { starredOnly: true },
      ),
    );
    expect(queryLedgerIndex(index, { text: 'unique remark' })).toEqual([]);
  });
});
