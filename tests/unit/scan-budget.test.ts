import { describe, expect, it } from 'vitest';
import { isFrameSite, isReportAck, isScanReply, parseContentMessage } from '../../lib/content-checks';
import { MAX_FRAME_SCAN_CHARS, MAX_TAB_SCAN_CHARS, SCAN_BUDGET_WINDOW_MS } from '../../lib/limits';
import { createScanBudget } from '../../lib/scan-budget';

const limits = { frameChars: MAX_FRAME_SCAN_CHARS, tabChars: MAX_TAB_SCAN_CHARS, windowMs: SCAN_BUDGET_WINDOW_MS };

describe('scan budget', () => {
  it(`lets a frame send ${MAX_FRAME_SCAN_CHARS} characters a minute, then refuses until the window moves on`, () => {
    const budget = createScanBudget(limits);
    const chunk = 1_000_000;
    let accepted = 0;
    for (let i = 0; i < 20; i++) if (budget.take(1, 'doc-a', chunk, 1000 + i)) accepted += chunk;
    expect(accepted).toBe(MAX_FRAME_SCAN_CHARS);
    expect(budget.take(1, 'doc-a', 1, 2000)).toBe(false);
    // Another frame of the tab has a budget of its own, within the tab's.
    expect(budget.take(1, 'doc-b', chunk, 2000)).toBe(true);
    // A minute later the frame may scan again.
    expect(budget.take(1, 'doc-a', chunk, 1000 + SCAN_BUDGET_WINDOW_MS + 20)).toBe(true);
  });

  it(`caps a tab's frames together at ${MAX_TAB_SCAN_CHARS} characters a minute; other tabs are not charged`, () => {
    const budget = createScanBudget(limits);
    let accepted = 0;
    for (let f = 0; f < 10; f++)
      for (let i = 0; i < 5; i++) if (budget.take(7, `frame-${f}`, 1_000_000, 10)) accepted += 1_000_000;
    expect(accepted).toBe(MAX_TAB_SCAN_CHARS);
    expect(budget.take(8, 'frame-0', 1_000_000, 10)).toBe(true);
    budget.forgetTab(7);
    expect(budget.take(7, 'frame-0', 1_000_000, 10)).toBe(true);
  });
});

describe('the content script’s hand checks', () => {
  it('accepts the messages a content script answers, and nothing else', () => {
    expect(parseContentMessage({ type: 'jump-to-match', matchId: 'k:1', extra: 1 })).toEqual({
      type: 'jump-to-match',
      matchId: 'k:1',
    });
    expect(parseContentMessage({ type: 'show-highlights', shown: true })).toEqual({
      type: 'show-highlights',
      shown: true,
    });
    expect(parseContentMessage({ type: 'toggle-highlights' })).toEqual({ type: 'toggle-highlights' });
    expect(parseContentMessage({ type: 'resend-report' })).toEqual({ type: 'resend-report' });
    for (const bad of [
      null,
      'x',
      { type: 'jump-to-match', matchId: 3 },
      { type: 'show-highlights' },
      { type: 'frame-report' },
    ])
      expect(parseContentMessage(bad)).toBeNull();
  });

  it('checks the shapes of replies', () => {
    const m = {
      kind: 'slogan',
      rule: 'quoted-slogan',
      start: 0,
      end: 4,
      speechStart: 1,
      speechEnd: 5,
      similarity: 1,
      distinctiveness: 1,
      diff: null,
    };
    expect(isScanReply({ matches: [m], ms: 1, initMs: 0 })).toBe(true);
    expect(isScanReply({ matches: [{ ...m, end: -1 }], ms: 1, initMs: 0 })).toBe(false);
    expect(isScanReply({ matches: [], ms: Number.NaN, initMs: 0 })).toBe(false);
    expect(isReportAck({ ok: true })).toBe(true);
    expect(isReportAck({ ok: 1 })).toBe(false);
    expect(isFrameSite({ host: 'news.example' })).toBe(true);
    expect(isFrameSite({ host: 1 })).toBe(false);
  });
});
