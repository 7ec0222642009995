import { describe, expect, it } from 'vitest';
import {
  decodeTab,
  encodeTab,
  evictionOrder,
  type StoredFrame,
  storedBytes,
} from '../../entrypoints/background/stored-results';
import { getCorpus } from '../../lib/corpus';
import type { PageMatch } from '../../lib/messages';

const speech = getCorpus().text;

/** A match whose quote reads as the speech at its offsets (a verbatim quote). */
function verbatim(id: string, at: number, length: number): PageMatch {
  return {
    id,
    quote: speech.slice(at, at + length),
    kind: 'passage',
    start: at,
    end: at + length,
    speechStart: at,
    speechEnd: at + length,
    similarity: 1,
    diff: null,
    rule: 'verbatim',
    distinctiveness: 0.4,
  };
}

const near: PageMatch = {
  id: 'abc:9',
  quote: '绿水青山就是金山银山啊',
  kind: 'slogan',
  start: 3,
  end: 14,
  speechStart: 100,
  speechEnd: 110,
  similarity: 0.91,
  rule: 'misquoted-slogan',
  distinctiveness: 1,
  diff: [
    { op: 'equal', page: '绿水青山', speech: '绿水青山' },
    { op: 'replace', page: '就是', speech: '便是' },
    { op: 'insert', page: '啊', speech: '' },
    { op: 'equal', page: '綠水', speech: '绿水' },
  ],
};

const frames = (matches: PageMatch[]): StoredFrame[] => [
  {
    frameId: 0,
    receivedAt: 1234,
    report: {
      url: 'https://news.example/a',
      title: '标题',
      status: 'done',
      matches,
      author: '本报记者 李明',
      timings: { extractMs: 1, scanMs: 2, highlightMs: 3, totalMs: 4, elapsedMs: 5, chars: 6, slices: 1 },
    },
  },
  { frameId: 4, receivedAt: 1300, report: { url: 'https://f.example/', title: '', status: 'scanning', matches: [] } },
];

describe('stored results', () => {
  it('decode gives back exactly what was encoded: quotes, diffs, ids, rules, timings, authors, frames', () => {
    const original = frames([verbatim('abc:1', 200, 30), near, { ...verbatim('other:2', 50, 12), kind: 'slogan' }]);
    const decoded = decodeTab(JSON.parse(JSON.stringify(encodeTab(original, speech))), speech);
    expect(decoded).toEqual(original);
  });

  it('stores a page of thousands of quotes in a fraction of the plain reports', () => {
    const matches = Array.from({ length: 5000 }, (_, i) => verbatim(`0123456789ab:${i + 1}`, (i * 37) % 20_000, 24));
    const plain = storedBytes({ tabId: 1, frames: frames(matches) });
    const compact = storedBytes(encodeTab(frames(matches), speech));
    expect(compact).toBeLessThan(plain * 0.35);
    console.log(`5,000 quotes: ${plain} bytes as plain reports, ${compact} compact`);
  });

  it('refuses anything it did not write', () => {
    expect(decodeTab(null, speech)).toBeNull();
    expect(decodeTab({ tabId: 1, frames: [] }, speech)).toBeNull();
    expect(decodeTab({ v: 1, frames: [{ m: 3 }] }, speech)).toBeNull();
    expect(decodeTab({ ...encodeTab(frames([near]), speech), v: 1 }, speech)).toBeNull();
  });
});

describe('evictionOrder', () => {
  it('drops tabs stored before this worker first, then the oldest, never the writer', () => {
    const savedAt = new Map([
      [5, 300],
      [6, 100],
      [7, 200],
    ]);
    expect(evictionOrder([7, 9, 5, 6, 2, 8], savedAt, 8)).toEqual([2, 9, 6, 7, 5]);
  });
});
