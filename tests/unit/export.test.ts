import { describe, expect, it } from 'vitest';
import {
  balancedSpeechText,
  CSV_COLUMNS,
  diffText,
  exportFileName,
  toCsv,
  toExportDocument,
  toJson,
} from '../../components/popup/export';
import { buildItems } from '../../components/popup/popup-model';
import { getCorpus } from '../../lib/corpus';
import type { PageMatch } from '../../lib/messages';

const corpus = getCorpus();

function match(phrase: string, start: number, extra: Partial<PageMatch> = {}): PageMatch {
  const at = corpus.text.indexOf(phrase);
  return {
    id: `0:${start}`,
    quote: phrase,
    kind: 'passage',
    start,
    end: start + phrase.length,
    speechStart: at,
    speechEnd: at + phrase.length,
    similarity: 1,
    diff: null,
    rule: 'quoted-slogan',
    distinctiveness: 1,
    ...extra,
  };
}

const items = buildItems(
  [
    match('牢固树立和践行绿水青山就是金山银山的理念', 5, {
      quote: '牢固树立并践行绿水青山就是金山银山的理念',
      similarity: 0.9433962264150944,
      diff: [
        { op: 'equal', page: '牢固树立', speech: '牢固树立' },
        { op: 'replace', page: '并', speech: '和' },
        { op: 'equal', page: '践行绿水青山就是金山银山的理念', speech: '践行绿水青山就是金山银山的理念' },
      ],
    }),
    match('绿水青山就是金山银山', 40, { kind: 'slogan' }),
  ],
  corpus,
);
const source = {
  page: { url: 'https://news.example.cn/a.html?x=1', title: '会议召开, "重要"' },
  speechTitle: corpus.meta.title,
  exportedAt: new Date(Date.UTC(2026, 10, 28, 9, 30)),
  items,
};

describe('JSON export', () => {
  it('lists every match in page order with its speech text, section, paragraph and diff', () => {
    const doc = JSON.parse(toJson(source));
    expect(doc).toEqual(toExportDocument(source));
    expect(doc.format).toBe('yuanwen-matches');
    expect(doc.exportedAt).toBe('2026-11-28T09:30:00.000Z');
    expect(doc.speech.title).toBe('在2023年生态文明建设和生态环境保护工作会议上的讲话');
    expect(doc.page).toEqual(source.page);
    expect(doc.matches.map((m: { order: number; quote: string }) => [m.order, m.quote])).toEqual([
      [1, '牢固树立并践行绿水青山就是金山银山的理念'],
      [2, '绿水青山就是金山银山'],
    ]);
    expect(doc.matches[0]).toMatchObject({
      kind: 'near-verbatim',
      speechText: '牢固树立和践行绿水青山就是金山银山的理念',
      section: '开篇',
      sectionHeading: null,
      paragraph: 2,
      similarity: 0.943,
      diff: [
        { type: 'same', text: '牢固树立' },
        { type: 'changed', from: '和', to: '并' },
        { type: 'same', text: '践行绿水青山就是金山银山的理念' },
      ],
    });
    expect(doc.matches[1].diff).toBeNull();
  });
});

describe('speechText', () => {
  it('keeps the closing quotation mark of a passage that ends a quotation', () => {
    const phrase = '牢固树立“绿水青山就是金山银山';
    const [item] = buildItems([match(phrase, 0)], corpus);
    const doc = toExportDocument({ ...source, items: [item!] });
    expect(doc.matches[0]?.speechText).toBe('牢固树立“绿水青山就是金山银山”');
    // The offsets stay the match's own.
    expect(corpus.text.slice(doc.matches[0]!.speechStart, doc.matches[0]!.speechEnd)).toBe(phrase);
  });

  it('restores an opening mark too, and leaves balanced or unquoted text alone', () => {
    expect(balancedSpeechText('绿水青山就是金山银山”的理念', '牢固树立“', '')).toBe('“绿水青山就是金山银山”的理念');
    expect(balancedSpeechText('“红线”意识', '树立', '，')).toBe('“红线”意识');
    expect(balancedSpeechText('绿水青山就是金山银山', '“', '”')).toBe('绿水青山就是金山银山');
    expect(balancedSpeechText('树立“红线', '', '意识')).toBe('树立“红线');
  });
});

describe('CSV export', () => {
  it('has a BOM, a header and one CRLF-terminated row per match', () => {
    const csv = toCsv(source);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const lines = csv.slice(1).split('\r\n');
    expect(lines[0]).toBe(CSV_COLUMNS.join(','));
    expect(lines).toHaveLength(4); // header, 2 rows, '' after the final CRLF
    expect(lines[3]).toBe('');
    expect(lines[1]).toBe(
      [
        '1',
        'near-verbatim',
        '牢固树立并践行绿水青山就是金山银山的理念',
        '牢固树立和践行绿水青山就是金山银山的理念',
        '开篇',
        '',
        '2',
        String(items[0]?.speechStart),
        String(items[0]?.speechEnd),
        '0.943',
        '牢固树立[和→并]践行绿水青山就是金山银山的理念',
        '"会议召开, ""重要"""',
        'https://news.example.cn/a.html?x=1',
      ].join(','),
    );
  });

  it('has a diff column: empty for verbatim, the differences in brackets otherwise', () => {
    const lines = toCsv(source).slice(1).split('\r\n');
    const diffAt = CSV_COLUMNS.indexOf('diff');
    expect(diffAt).toBe(CSV_COLUMNS.indexOf('similarity') + 1);
    expect(lines[2]?.split(',')[diffAt]).toBe('');
    expect(
      diffText([
        { type: 'same', text: '像保护眼睛' },
        { type: 'changed', from: '一样', to: '那样' },
        { type: 'inserted', text: '地' },
        { type: 'dropped', text: '好' },
      ]),
    ).toBe('像保护眼睛[一样→那样][+地][−好]');
  });
});

describe('exportFileName', () => {
  it('names the file after the host and the local date', () => {
    expect(exportFileName('https://news.example.cn/a', new Date(2026, 0, 5, 12), 'csv')).toBe(
      'yuanwen-news.example.cn-2026-01-05.csv',
    );
    expect(exportFileName('nonsense', new Date(2026, 11, 31), 'json')).toBe('yuanwen-page-2026-12-31.json');
  });
});
