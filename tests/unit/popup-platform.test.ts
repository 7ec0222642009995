import { describe, expect, it } from 'vitest';
import { jumpOutcome, parseTabResults, pinnedTabId } from '../../entrypoints/popup/browser-platform';

const match = {
  id: 'k:0',
  quote: '绿水青山就是金山银山',
  kind: 'slogan',
  start: 0,
  end: 10,
  speechStart: 414,
  speechEnd: 424,
  similarity: 1,
  diff: null,
  rule: 'quoted-slogan',
  distinctiveness: 1,
};

describe('the popup’s browser glue', () => {
  it('reads ?tab=<id>, and nothing else, as the pinned tab', () => {
    expect(pinnedTabId('?tab=42')).toBe(42);
    expect(pinnedTabId('?x=1&tab=7')).toBe(7);
    expect(pinnedTabId('')).toBeNull();
    expect(pinnedTabId('?tab=')).toBeNull();
    expect(pinnedTabId('?tab=-1')).toBeNull();
    expect(pinnedTabId('?tab=1e3')).toBeNull();
    expect(pinnedTabId('?tab=12abc')).toBeNull();
  });

  it('accepts a well-formed reply for the asked tab only', () => {
    const reply = { tabId: 3, url: 'https://a.cn/', title: 'A', status: 'done', matches: [match], frames: [] };
    expect(parseTabResults(reply, 3)).toEqual(reply);
    expect(parseTabResults(reply, 4)).toBeNull();
    expect(parseTabResults({ ...reply, status: 'weird' }, 3)).toBeNull();
    expect(parseTabResults({ ...reply, matches: [{ ...match, end: -1 }] }, 3)).toBeNull();
    expect(parseTabResults({ ...reply, matches: 'x' }, 3)).toBeNull();
    expect(parseTabResults(null, 3)).toBeNull();
    expect(parseTabResults(undefined, 3)).toBeNull();
  });

  it('turns the page’s reply to a jump into an outcome', () => {
    expect(jumpOutcome({ ok: true })).toBe('ok');
    expect(jumpOutcome({ ok: false, reason: 'paused' })).toBe('paused');
    expect(jumpOutcome({ ok: false, reason: 'gone' })).toBe('gone');
    expect(jumpOutcome({ ok: false })).toBe('gone');
    expect(jumpOutcome(undefined)).toBe('no-answer');
    expect(jumpOutcome({ ok: 'yes' })).toBe('no-answer');
  });
});
