import { describe, expect, it } from 'vitest';
import { MAX_SCAN_TEXT } from '../../lib/limits';
import {
  type FrameReport,
  isJumpResult,
  isReportAck,
  isScanReply,
  type PageMatch,
  parseFrameReport,
  parseMessage,
} from '../../lib/messages';

const match: PageMatch = {
  id: 'abc123:1',
  quote: '绿水青山就是金山银山',
  kind: 'slogan',
  start: 4,
  end: 14,
  speechStart: 100,
  speechEnd: 110,
  similarity: 1,
  diff: null,
  rule: 'quoted-slogan',
  distinctiveness: 1,
};
const timings = {
  extractMs: 1.5,
  scanMs: 2,
  highlightMs: 0.5,
  totalMs: 4.2,
  elapsedMs: 9,
  chars: 1200,
  slices: 1,
  maxSliceMs: 3.1,
  sendMs: 0.7,
};
const report: FrameReport = { url: 'https://example.com/a', title: '标题', status: 'done', matches: [match], timings };

describe('parseMessage', () => {
  it('accepts the protocol messages, timings included', () => {
    expect(parseMessage({ type: 'frame-report', report })).toEqual({ type: 'frame-report', report });
    expect(parseMessage({ type: 'get-tab-results', tabId: 3 })).toEqual({ type: 'get-tab-results', tabId: 3 });
    expect(parseMessage({ type: 'jump-to-match', matchId: 'abc123:1' })).toEqual({
      type: 'jump-to-match',
      matchId: 'abc123:1',
    });
    expect(parseMessage({ type: 'toggle-highlights' })).toEqual({ type: 'toggle-highlights' });
    const hanless = { ...report, matches: [], noChinese: true };
    expect(parseMessage({ type: 'frame-report', report: hanless })).toEqual({ type: 'frame-report', report: hanless });
  });

  it('carries the page author of a report, and refuses one that is not a short string', () => {
    const withAuthor = { ...report, author: '李明' };
    expect(parseMessage({ type: 'frame-report', report: withAuthor })).toEqual({
      type: 'frame-report',
      report: withAuthor,
    });
    for (const author of [3, 'x'.repeat(101)]) {
      expect(parseMessage({ type: 'frame-report', report: { ...report, author } })).toBeNull();
    }
  });

  it('rejects malformed reports, ids and timings', () => {
    const bad: unknown[] = [
      null,
      'frame-report',
      { type: 'frame-report' },
      { type: 'frame-report', report: { ...report, status: 'finished' } },
      { type: 'frame-report', report: { ...report, noChinese: 'yes' } },
      { type: 'frame-report', report: { ...report, matches: [{ ...match, end: 2 }] } },
      { type: 'frame-report', report: { ...report, matches: [{ ...match, similarity: 2 }] } },
      { type: 'frame-report', report: { ...report, matches: [{ ...match, kind: 'other' }] } },
      { type: 'frame-report', report: { ...report, timings: { ...timings, scanMs: -1 } } },
      { type: 'frame-report', report: { ...report, timings: { ...timings, totalMs: Number.NaN } } },
      { type: 'frame-report', report: { ...report, timings: { ...timings, maxSliceMs: '3' } } },
      { type: 'frame-report', report: { ...report, timings: { ...timings, sendMs: -0.5 } } },
      { type: 'frame-report', report: { ...report, matches: new Array(10_001).fill(match) } },
      { type: 'get-tab-results', tabId: -1 },
      { type: 'get-tab-results', tabId: '3' },
      { type: 'jump-to-match', matchId: 7 },
      { type: 'page-says-hello' },
    ];
    for (const x of bad) expect(parseMessage(x), JSON.stringify(x)?.slice(0, 80)).toBeNull();
  });

  it('carries only the known fields on', () => {
    const parsed = parseMessage({
      type: 'frame-report',
      report: { ...report, extra: 'x'.repeat(100), matches: [{ ...match, html: '<img onerror>' }] },
    });
    expect(parsed).toEqual({ type: 'frame-report', report });
  });
});

describe('isJumpResult', () => {
  it('accepts the reply shapes only', () => {
    expect(isJumpResult({ ok: true })).toBe(true);
    expect(isJumpResult({ ok: false, reason: 'gone' })).toBe(true);
    expect(isJumpResult({ ok: false, reason: 'because' })).toBe(false);
    expect(isJumpResult({})).toBe(false);
  });
});

describe('scan-text', () => {
  it('accepts text with known options, rejects bad options and oversized text', () => {
    const options = {
      slogans: true,
      passages: true,
      nearVerbatim: false,
      minPassageLength: 8,
      traditional: true,
      minDistinctiveness: 0.5,
    };
    expect(parseMessage({ type: 'scan-text', text: '绿水青山', options })).toEqual({
      type: 'scan-text',
      text: '绿水青山',
      options,
    });
    expect(parseMessage({ type: 'scan-text', text: '绿水青山', options: { extra: 1 } })).toEqual({
      type: 'scan-text',
      text: '绿水青山',
      options: {},
    });
    for (const bad of [
      { type: 'scan-text', text: 1, options },
      { type: 'scan-text', text: 'x', options: { slogans: 'yes' } },
      { type: 'scan-text', text: 'x', options: { minPassageLength: -2 } },
      { type: 'scan-text', text: 'x', options: { minDistinctiveness: 2 } },
      { type: 'scan-text', text: 'x', options: { minDistinctiveness: Number.NaN } },
      { type: 'scan-text', text: 'x' },
      { type: 'scan-text', text: 'x'.repeat(MAX_SCAN_TEXT + 1), options },
    ]) {
      expect(parseMessage(bad)).toBeNull();
    }
  });

  it('checks the reply shape', () => {
    const m = {
      kind: 'slogan',
      start: 0,
      end: 4,
      speechStart: 1,
      speechEnd: 5,
      similarity: 1,
      diff: null,
      rule: 'quoted-slogan',
      distinctiveness: 1,
    };
    expect(isScanReply({ matches: [m], ms: 1, initMs: 0 })).toBe(true);
    expect(isScanReply({ matches: [{ ...m, start: -1 }], ms: 1, initMs: 0 })).toBe(false);
    expect(isScanReply({ matches: [{ ...m, rule: 'guess' }], ms: 1, initMs: 0 })).toBe(false);
    expect(isScanReply({ matches: [{ ...m, distinctiveness: 2 }], ms: 1, initMs: 0 })).toBe(false);
    expect(isScanReply({ matches: [], ms: Number.NaN, initMs: 0 })).toBe(false);
    expect(isScanReply(null)).toBe(false);
  });
});

describe('acknowledged and re-sent reports', () => {
  const report = { url: 'https://a.example/', title: 't', status: 'done', matches: [], extra: 1 };
  it('parses resend-report, checks a re-sent report field by field, and recognises an ack', () => {
    expect(parseMessage({ type: 'resend-report', junk: 1 })).toEqual({ type: 'resend-report' });
    expect(parseFrameReport(report)).toEqual({ url: 'https://a.example/', title: 't', status: 'done', matches: [] });
    expect(parseFrameReport({ ...report, status: 'finished' })).toBeNull();
    expect(parseFrameReport(undefined)).toBeNull();
    expect(isReportAck({ ok: true })).toBe(true);
    expect(isReportAck(undefined)).toBe(false);
    expect(isReportAck({ ok: 'yes' })).toBe(false);
  });
});
