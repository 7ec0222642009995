import { describe, expect, it } from 'vitest';
import { getCorpus } from '../../lib/corpus';
import { diffSummary } from '../../lib/ledger/diff-summary';
import { documentOf } from '../../lib/ledger/document';
import {
  LedgerImportError,
  ledgerToCslJson,
  ledgerToCsv,
  ledgerToJson,
  mergeImport,
  parseLedgerJson,
} from '../../lib/ledger/export';
import { textFragmentLink } from '../../lib/ledger/fragment';
import { filterEntries, parseLedgerQuery } from '../../lib/ledger/query';
import { type QuotedMatch, recordSighting } from '../../lib/ledger/record';
import { type RecordingContext, sanitiseLedgerSettings, whyNotRecorded } from '../../lib/ledger/rules';
import { DAY_MS, DEFAULT_LEDGER_SETTINGS, type LedgerEntry } from '../../lib/ledger/types';
import { byPassage, bySite, sentenceHeat, speechPassages, timeline } from '../../lib/ledger/views';
import { parseMessage } from '../../lib/messages';

const corpus = getCorpus();
const sentence = corpus.sentences.find((s) => s.text.length > 30) ?? corpus.sentences[5];
if (!sentence) throw new Error('the speech has no sentence');
const slogan = corpus.slogans[0];
if (!slogan) throw new Error('the speech has no slogan');

const T0 = Date.UTC(2026, 10, 2, 8); // a Monday

function passage(similarity = 1, quote = sentence!.text): QuotedMatch {
  return {
    kind: 'passage',
    start: 0,
    end: quote.length,
    speechStart: sentence!.start,
    speechEnd: sentence!.end,
    similarity,
    diff:
      similarity < 1
        ? [
            { op: 'replace', page: '乙', speech: '甲' },
            { op: 'equal', page: '余', speech: '余' },
          ]
        : null,
    rule: similarity < 1 ? 'near' : 'verbatim',
    distinctiveness: 1,
    quote,
  };
}
function sloganMatch(): QuotedMatch {
  const at = slogan!.occurrences[0]!;
  return {
    kind: 'slogan',
    start: 0,
    end: slogan!.text.length,
    speechStart: at.start,
    speechEnd: at.end,
    similarity: 1,
    diff: null,
    rule: 'quoted-slogan',
    distinctiveness: 1,
    quote: slogan!.text,
  };
}

function entry(url: string, matches: QuotedMatch[], seenAt = T0, title = '页面'): LedgerEntry {
  const e = recordSighting({ url, title, matches, seenAt }, undefined);
  if (!e) throw new Error('not recorded');
  return e;
}

describe('recording a page', () => {
  it('builds one entry per page with each quote’s document, span, kind, similarity, wording, diff and link', () => {
    const e = entry('https://news.example.cn/a.html#top', [passage(), passage(0.9, '改过的一句话')]);
    expect(e.url).toBe('https://news.example.cn/a.html');
    expect(e.site).toBe('news.example.cn');
    expect(e.quotes).toHaveLength(2);
    const edited = e.quotes.find((q) => q.similarity < 1);
    expect(edited).toMatchObject({ documentId: 'speech', start: sentence.start, end: sentence.end, kind: 'passage' });
    expect(edited?.diffSummary).toBe('甲→乙');
    expect(edited?.link).toBe(`https://news.example.cn/a.html#:~:text=${encodeURIComponent('改过的一句话')}`);
  });

  it('updates the entry on a revisit without duplicating quotes', () => {
    const first = entry('https://a.example/p', [passage()], T0);
    const again = recordSighting(
      { url: 'https://a.example/p', title: '新标题', matches: [passage(), sloganMatch()], seenAt: T0 + DAY_MS },
      first,
    );
    expect(again?.quotes).toHaveLength(2);
    expect(again?.firstSeen).toBe(T0);
    expect(again?.lastSeen).toBe(T0 + DAY_MS);
    expect(again?.title).toBe('新标题');
    const verbatim = again?.quotes.find((q) => q.kind === 'passage');
    expect(verbatim?.firstSeen).toBe(T0);
    expect(verbatim?.lastSeen).toBe(T0 + DAY_MS);
  });

  it('records nothing for a page without quotes', () => {
    expect(recordSighting({ url: 'https://a.example/', title: '', matches: [], seenAt: T0 }, undefined)).toBeNull();
  });

  it('reads a match’s document from documentId, the speech when absent', () => {
    expect(documentOf(passage())).toBe('speech');
    expect(documentOf({ ...passage(), documentId: 'doc-1' } as QuotedMatch)).toBe('doc-1');
  });

  it('summarises a diff in a few words and links long quotes by their ends', () => {
    expect(diffSummary(null)).toBe('');
    expect(
      diffSummary([
        { op: 'insert', page: '的', speech: '' },
        { op: 'delete', page: '', speech: '和' },
      ]),
    ).toBe('+的 −和');
    const long = '一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十';
    expect(textFragmentLink('https://x.example/a-b', long)).toBe(
      `https://x.example/a-b#:~:text=${encodeURIComponent('一二三四五六七八')},${encodeURIComponent('三四五六七八九十')}`,
    );
    expect(textFragmentLink('https://x.example/', 'a-b,c&d')).toBe('https://x.example/#:~:text=a%2Db%2Cc%26d');
  });
});

describe('what is never recorded', () => {
  const base: RecordingContext = {
    url: 'https://a.example/',
    status: 'done',
    matchCount: 2,
    incognito: false,
    paused: false,
    quiet: false,
    settings: DEFAULT_LEDGER_SETTINGS,
  };
  it('records a finished page with quotes', () => expect(whyNotRecorded(base)).toBeNull());
  it('refuses the ledger off, incognito, paused, quiet (unless chosen), non-web, unfinished, empty', () => {
    expect(whyNotRecorded({ ...base, settings: { ...DEFAULT_LEDGER_SETTINGS, enabled: false } })).toBe('ledger-off');
    expect(whyNotRecorded({ ...base, incognito: true })).toBe('incognito');
    expect(whyNotRecorded({ ...base, paused: true })).toBe('paused');
    expect(whyNotRecorded({ ...base, quiet: true })).toBe('quiet');
    expect(
      whyNotRecorded({ ...base, quiet: true, settings: { ...DEFAULT_LEDGER_SETTINGS, recordQuietPages: true } }),
    ).toBeNull();
    expect(whyNotRecorded({ ...base, url: 'file:///x.html' })).toBe('not-web');
    expect(whyNotRecorded({ ...base, status: 'scanning' })).toBe('not-done');
    expect(whyNotRecorded({ ...base, matchCount: 0 })).toBe('no-quotes');
  });
  it('reads malformed settings as defaults, field by field', () => {
    expect(sanitiseLedgerSettings('x')).toEqual(DEFAULT_LEDGER_SETTINGS);
    expect(sanitiseLedgerSettings({ enabled: false, retentionDays: -3 })).toEqual({
      ...DEFAULT_LEDGER_SETTINGS,
      enabled: false,
    });
    expect(sanitiseLedgerSettings({ retentionDays: 30 }).retentionDays).toBe(30);
  });
});

describe('filters', () => {
  const entries = [
    entry('https://a.example/1', [passage()], T0, '甲页'),
    { ...entry('https://b.example/2', [passage(0.9, '改动')], T0 + 2 * DAY_MS, '乙页'), starred: true, note: '待核实' },
    entry('https://b.example/3', [sloganMatch()], T0 + 9 * DAY_MS, '丙页'),
  ];
  it('filters by site, kind, edited only, date range, text, star and document', () => {
    expect(filterEntries(entries, { site: 'b.example' }).map((e) => e.url)).toEqual([
      'https://b.example/3',
      'https://b.example/2',
    ]);
    expect(filterEntries(entries, { kind: 'slogan' }).map((e) => e.url)).toEqual(['https://b.example/3']);
    expect(filterEntries(entries, { editedOnly: true }).map((e) => e.url)).toEqual(['https://b.example/2']);
    expect(filterEntries(entries, { from: T0 + DAY_MS, to: T0 + 3 * DAY_MS }).map((e) => e.url)).toEqual([
      'https://b.example/2',
    ]);
    expect(filterEntries(entries, { text: '核实' }).map((e) => e.url)).toEqual(['https://b.example/2']);
    expect(filterEntries(entries, { text: slogan.text }).map((e) => e.url)).toEqual(['https://b.example/3']);
    expect(filterEntries(entries, { starredOnly: true })).toHaveLength(1);
    expect(filterEntries(entries, { documentId: 'other' })).toHaveLength(0);
    expect(filterEntries(entries, { limit: 1 })).toHaveLength(1);
  });
  it('the get-ledger message carries a validated query', () => {
    expect(parseMessage({ type: 'get-ledger' })).toEqual({ type: 'get-ledger', query: {} });
    expect(parseMessage({ type: 'get-ledger', query: { site: 'a.example', editedOnly: true, evil: 1 } })).toEqual({
      type: 'get-ledger',
      query: { site: 'a.example', editedOnly: true },
    });
    expect(parseMessage({ type: 'get-ledger', query: { kind: 'other' } })).toBeNull();
    expect(parseLedgerQuery({ from: 'yesterday' })).toBeNull();
  });
});

describe('views', () => {
  const entries = [
    entry('https://a.example/1', [passage(), sloganMatch()], T0),
    entry('https://b.example/2', [passage(0.9, '改动')], T0 + DAY_MS),
    entry('https://b.example/3', [passage()], T0 + 8 * DAY_MS),
  ];
  it('by passage: pages per sentence or slogan, verbatim and edited, sites', () => {
    const rows = byPassage(entries, speechPassages(corpus));
    const top = rows[0];
    expect(top).toMatchObject({ key: `speech:sentence:${sentence.index}`, pages: 3, verbatim: 2, edited: 1 });
    expect(top?.sites).toEqual(['b.example', 'a.example']);
    expect(rows.find((r) => r.key === `speech:slogan:${slogan.text}`)?.pages).toBe(1);
  });
  it('by site and timeline', () => {
    expect(bySite(entries).map((r) => [r.site, r.pages, r.edited])).toEqual([
      ['b.example', 2, 1],
      ['a.example', 1, 0],
    ]);
    const days = timeline(entries, 'day');
    expect(days).toHaveLength(9);
    expect(days[0]?.counts.speech).toBe(2);
    expect(days[3]?.total).toBe(0);
    const weeks = timeline(entries, 'week');
    expect(weeks.map((w) => w.total)).toEqual([3, 1]);
  });
  it('the heat map counts pages per sentence', () => {
    const heat = sentenceHeat(entries, corpus);
    expect(heat.get(sentence.index)?.count).toBe(3);
    expect(heat.get(sentence.index)?.urls).toHaveLength(3);
  });
});

describe('export and import', () => {
  const entries = [
    { ...entry('https://a.example/1', [passage(), passage(0.9, '=改动, "引号"')], T0, '甲页'), note: '注' },
  ];
  it('CSV: one row per quote, formulas defused, fields quoted', () => {
    const csv = ledgerToCsv(entries);
    const lines = csv
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(/^page_url,page_title,site,first_seen/);
    expect(csv).toContain(`"'=改动, ""引号"""`);
    expect(lines[1]).toContain('https://a.example/1,甲页,a.example,2026-11-02T08:00:00.000Z');
  });
  it('CSL-JSON: web sources with their access date', () => {
    const csl = JSON.parse(ledgerToCslJson(entries));
    expect(csl[0]).toMatchObject({
      type: 'webpage',
      title: '甲页',
      URL: 'https://a.example/1',
      accessed: { 'date-parts': [[2026, 11, 2]] },
    });
  });
  it('JSON round-trips and an import merges without duplicates', () => {
    const json = ledgerToJson(entries, new Date(T0));
    const back = parseLedgerJson(json);
    expect(back).toEqual(entries);
    const merged = mergeImport(new Map(entries.map((e) => [e.url, e])), [
      ...back,
      entry('https://a.example/1', [sloganMatch()], T0 + DAY_MS),
    ]);
    expect(merged).toHaveLength(1);
    expect(merged[0]?.quotes).toHaveLength(3);
    expect(merged[0]?.note).toBe('注');
    expect(merged[0]?.lastSeen).toBe(T0 + DAY_MS);
  });
  it('refuses what is not an export, saying where', () => {
    expect(() => parseLedgerJson('{')).toThrow(LedgerImportError);
    expect(() => parseLedgerJson('{"format":"other"}')).toThrow(/Not a Yuanwen ledger export/);
    const bad = JSON.parse(ledgerToJson(entries, new Date(T0)));
    bad.entries[0].quotes[0].similarity = 7;
    expect(() => parseLedgerJson(JSON.stringify(bad))).toThrow(/entries\.0\.quotes\.0\.similarity/);
  });
});
