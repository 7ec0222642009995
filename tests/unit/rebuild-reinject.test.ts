/**
 * The browser glue of lost-state recovery, on WXT's fake browser: a frame
 * answers resend-report with its last report; the background collects the
 * reports of a tab's frames; after an install or update it injects the
 * content script into open web tabs that have none.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { injectIntoOpenTabs } from '../../entrypoints/background/reinject';
import { collectFrameReports } from '../../entrypoints/background/tab-rebuild';
import { createReporter } from '../../entrypoints/content/reporter';
import { answerResendRequests } from '../../entrypoints/content/resend';
import type { FrameReport } from '../../lib/messages';

const report: FrameReport = { url: 'https://a.example/', title: 't', status: 'done', matches: [] };

beforeEach(() => fakeBrowser.reset());
afterEach(() => vi.restoreAllMocks());

describe('answerResendRequests', () => {
  it('answers with the last report (null before the first), and stops when told', () => {
    type Listener = (m: unknown, s: unknown, reply: (r: unknown) => void) => unknown;
    let listener: Listener | undefined;
    vi.spyOn(fakeBrowser.runtime.onMessage, 'addListener').mockImplementation((l) => {
      listener = l as Listener;
    });
    const removed = vi.spyOn(fakeBrowser.runtime.onMessage, 'removeListener').mockImplementation(() => undefined);
    const reporter = createReporter({ send: async () => ({ ok: true }), alive: () => true, wait: async () => {} });
    const stop = answerResendRequests(reporter);
    const replies: unknown[] = [];
    listener?.({ type: 'resend-report' }, {}, (r) => replies.push(r));
    reporter.send(report);
    listener?.({ type: 'resend-report' }, {}, (r) => replies.push(r));
    listener?.({ type: 'jump-to-match', matchId: 'x' }, {}, (r) => replies.push(r));
    expect(replies).toEqual([null, report]);
    stop();
    expect(removed).toHaveBeenCalledWith(listener);
  });
});

describe('collectFrameReports', () => {
  it('keeps the frames that answer with a well-formed report, and leaves out the rest', async () => {
    vi.spyOn(fakeBrowser.webNavigation, 'getAllFrames').mockResolvedValue([
      { frameId: 0 },
      { frameId: 3 },
      { frameId: 5 },
      { frameId: 6 },
    ] as never);
    vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockImplementation((async (
      _tab: number,
      _m: unknown,
      options: { frameId: number },
    ) => {
      if (options.frameId === 0) return { ...report, extra: 'dropped' };
      if (options.frameId === 3) throw new Error('Could not establish connection. Receiving end does not exist.');
      if (options.frameId === 5) return null; // a script that has not reported yet
      return { url: 1 }; // malformed
    }) as never);
    expect(await collectFrameReports(9)).toEqual([{ frameId: 0, report }]);
  });
});

describe('injectIntoOpenTabs', () => {
  it('injects the manifest content script and styles into web tabs without a live one', async () => {
    vi.spyOn(fakeBrowser.runtime, 'getManifest').mockReturnValue({
      manifest_version: 3,
      name: 'x',
      version: '1',
      content_scripts: [{ matches: ['https://*/*'], all_frames: true, js: ['content.js'], css: ['content.css'] }],
    });
    vi.spyOn(fakeBrowser.tabs, 'query').mockResolvedValue([
      { id: 1, discarded: false },
      { id: 2, discarded: false },
      { id: 3, discarded: true },
      { id: 4, discarded: false },
    ] as never);
    vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockImplementation((async (tabId: number) => {
      if (tabId === 2) return null; // a live content script (no report yet) answers
      throw new Error('Receiving end does not exist.');
    }) as never);
    const scripting = {
      insertCSS: vi.fn(async () => undefined),
      executeScript: vi.fn(async ({ target }: { target: { tabId: number } }) => {
        if (target.tabId === 4) throw new Error('Cannot access contents of the page.');
        return [];
      }),
    };
    (fakeBrowser as unknown as { scripting: typeof scripting }).scripting = scripting;
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    await injectIntoOpenTabs();
    expect(scripting.executeScript.mock.calls.map(([c]) => c)).toEqual([
      { target: { tabId: 1, allFrames: true }, files: ['content.js'] },
      { target: { tabId: 4, allFrames: true }, files: ['content.js'] },
    ]);
    expect(scripting.insertCSS).toHaveBeenCalledWith({ target: { tabId: 1, allFrames: true }, files: ['content.css'] });
    expect(warn.mock.calls.map(([l]) => String(l))).toEqual([
      'Yuanwen: could not start in tab 4: Cannot access contents of the page.',
    ]);
  });
});
