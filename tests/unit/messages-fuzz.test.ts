/**
 * Fuzzes the background's message boundary the way a compromised or hostile
 * frame could: thousands of random and hostile messages (wrong types, huge
 * strings, prototype keys, other tabs' ids, forged senders) never make
 * handleMessage throw or reject, and never change another tab's results.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { handleMessage, type Sender } from '../../entrypoints/background/messages';
import { forgetMemory, getTabResults, recordFrameReport } from '../../entrypoints/background/tab-results';
import { MAX_QUOTE_LENGTH, MAX_SCAN_TEXT } from '../../lib/limits';
import type { PageMatch, TabResults } from '../../lib/messages';
import { pick, rng } from '../../scripts/seeded-random';

const VICTIM = 1;
const match = (id: string): PageMatch => ({
  id,
  quote: '绿水青山就是金山银山',
  kind: 'slogan',
  start: 0,
  end: 10,
  speechStart: 10,
  speechEnd: 20,
  similarity: 1,
  diff: null,
  rule: 'quoted-slogan',
  distinctiveness: 1,
});

const TYPES = [
  'frame-report',
  'get-tab-results',
  'jump-to-match',
  'toggle-highlights',
  'show-highlights',
  'scan-text',
  'resend-report',
  'frame-site',
  '__proto__',
  'constructor',
  '',
  'FRAME-REPORT',
];

function randomValue(r: () => number, depth = 0): unknown {
  const kind = Math.floor(r() * (depth > 2 ? 7 : 10));
  switch (kind) {
    case 0:
      return null;
    case 1:
      return undefined;
    case 2:
      return pick(r, [0, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 53, VICTIM, -0]);
    case 3:
      return pick(r, ['', 'x', '绿水青山就是金山银山', 'https://evil.example/', 'fake:0', '<img onerror=alert(1)>']);
    case 4:
      return 'x'.repeat(pick(r, [MAX_QUOTE_LENGTH + 1, MAX_SCAN_TEXT + 1, 100_000]));
    case 5:
      return r() < 0.5;
    case 6:
      return Symbol.for('s').toString();
    case 7:
      return Array.from({ length: Math.floor(r() * 4) }, () => randomValue(r, depth + 1));
    default: {
      const o: Record<string, unknown> = {};
      const keys = [
        'type',
        'report',
        'tabId',
        'matchId',
        'text',
        'options',
        'shown',
        'matches',
        'url',
        'title',
        'status',
      ];
      for (let i = Math.floor(r() * 5); i > 0; i--) o[pick(r, keys)] = randomValue(r, depth + 1);
      if (r() < 0.1) Object.defineProperty(o, '__proto__', { value: { polluted: true }, enumerable: true });
      return o;
    }
  }
}

/** A message shaped like ours, with one or more fields broken or hostile. */
function hostileMessage(r: () => number): unknown {
  const type = pick(r, TYPES);
  const base: Record<string, unknown> = { type };
  if (r() < 0.7) {
    const matches = Array.from({ length: Math.floor(r() * 4) }, (_, i) =>
      r() < 0.7
        ? { ...match(`h${i}:1`), [pick(r, ['start', 'end', 'quote', 'id', 'kind', 'rule'])]: randomValue(r) }
        : match(`ok${i}:1`),
    );
    base.report = {
      url: r() < 0.5 ? 'https://victim.example/' : randomValue(r),
      title: r() < 0.8 ? 't' : randomValue(r),
      status: pick(r, ['done', 'scanning', 'paused', 'bogus']),
      matches: r() < 0.9 ? matches : randomValue(r),
    };
  }
  if (r() < 0.5) base.tabId = r() < 0.5 ? VICTIM : randomValue(r);
  if (r() < 0.3) base.text = r() < 0.5 ? '绿水青山就是金山银山' : randomValue(r);
  if (r() < 0.3) base.options = r() < 0.5 ? {} : randomValue(r);
  if (r() < 0.2) base.matchId = randomValue(r);
  if (r() < 0.2) base[pick(r, ['__proto__', 'constructor', 'prototype'])] = randomValue(r);
  return r() < 0.15 ? randomValue(r) : base;
}

/** A sender that is anything but the victim tab's own frames: other tabs, other extensions, pages, nothing. */
function hostileSender(r: () => number): Sender {
  const tabId = pick(r, [2, 3, 99, -1]);
  const forms: Sender[] = [
    { id: fakeBrowser.runtime.id, tab: { id: tabId }, frameId: Math.floor(r() * 5), url: 'https://evil.example/' },
    { id: fakeBrowser.runtime.id, tab: { id: tabId }, url: 'https://evil.example/' },
    { id: 'another-extension', tab: { id: VICTIM }, frameId: 0, url: 'https://victim.example/' },
    { id: fakeBrowser.runtime.id, tab: { id: tabId }, frameId: 0, url: 'javascript:alert(1)' },
    {},
  ];
  return pick(r, forms);
}

beforeEach(() => {
  fakeBrowser.reset();
  forgetMemory();
});

describe('the message protocol under fuzzing', () => {
  it('never throws or rejects, and never touches another tab’s results', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    try {
      await recordFrameReport(VICTIM, 0, {
        url: 'https://victim.example/',
        title: '受害页',
        status: 'done',
        matches: [match('v:1'), match('v:2')],
      });
      const before: TabResults = await getTabResults(VICTIM);
      const r = rng(18);
      const pending: Promise<unknown>[] = [];
      for (let i = 0; i < 4000; i++) {
        const message = hostileMessage(r);
        const sender = hostileSender(r);
        let reply: Promise<unknown> | undefined;
        expect(() => {
          reply = handleMessage(message, sender);
        }).not.toThrow();
        if (reply) pending.push(reply);
      }
      // Every reply settles without rejecting.
      const settled = await Promise.allSettled(pending);
      expect(settled.filter((s) => s.status === 'rejected')).toEqual([]);
      expect(pending.length).toBeGreaterThan(0); // some hostile messages were well-formed enough to be handled
      const after = await getTabResults(VICTIM);
      expect(after).toEqual(before);
      // Nothing was polluted on the way.
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    } finally {
      warn.mockRestore();
    }
  });

  it('get-tab-results for the victim from a content script of another tab gets no answer', () => {
    const reply = handleMessage(
      { type: 'get-tab-results', tabId: VICTIM },
      { id: fakeBrowser.runtime.id, tab: { id: 2 }, frameId: 0, url: 'https://evil.example/' },
    );
    expect(reply).toBeUndefined();
  });
});
