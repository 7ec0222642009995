import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { badgeText } from '../../entrypoints/background/badge';
import { handleMessage } from '../../entrypoints/background/messages';
import {
  forgetMemory,
  forgetOnNavigation,
  forgetTab,
  getTabResults,
  recordFrameReport,
} from '../../entrypoints/background/tab-results';
import {
  type FrameReport,
  isReportAck,
  isScanReply,
  type PageMatch,
  type ScanReply,
  type TabResults,
} from '../../lib/messages';

const m = (id: string, quote = '绿水青山就是金山银山'): PageMatch => ({
  id,
  quote,
  kind: 'slogan',
  start: 0,
  end: quote.length,
  speechStart: 10,
  speechEnd: 10 + quote.length,
  similarity: 1,
  diff: null,
  rule: 'quoted-slogan',
  distinctiveness: 1,
});
const report = (url: string, matches: PageMatch[], status: FrameReport['status'] = 'done'): FrameReport => ({
  url,
  title: '标题',
  status,
  matches,
});
const badge = (tabId: number) => fakeBrowser.action.getBadgeText({ tabId });

const contentSender = (tabId: number, frameId: number) => ({
  id: fakeBrowser.runtime.id,
  tab: { id: tabId },
  frameId,
  url: 'https://news.example/a',
});
const pageSender = { id: fakeBrowser.runtime.id, url: fakeBrowser.runtime.getURL('/popup.html') };

beforeEach(() => {
  fakeBrowser.reset();
  forgetMemory();
});

describe('per-tab results', () => {
  it('merges frames, top frame first, and shows the total on the badge', async () => {
    await recordFrameReport(7, 3, report('https://ads.example/frame', [m('f3:1')]));
    await recordFrameReport(7, 0, report('https://news.example/a', [m('f0:1'), m('f0:2', '显绩')]));
    const r = await getTabResults(7);
    expect(r.url).toBe('https://news.example/a');
    expect(r.matches.map((x) => x.id)).toEqual(['f0:1', 'f0:2', 'f3:1']);
    expect(r.status).toBe('done');
    expect(r.frames?.map((f) => [f.frameId, f.count])).toEqual([
      [0, 2],
      [3, 1],
    ]);
    expect(await badge(7)).toBe('3');
  });

  it("gives the top frame's page author, not a frame's", async () => {
    await recordFrameReport(6, 2, { ...report('https://ads.example/frame', []), author: 'Ad Co' });
    expect((await getTabResults(6)).author).toBeUndefined();
    await recordFrameReport(6, 0, { ...report('https://news.example/a', []), author: '李明' });
    expect((await getTabResults(6)).author).toBe('李明');
  });

  it("a frame's new report replaces its old one", async () => {
    await recordFrameReport(1, 0, report('https://news.example/a', [m('a:1'), m('a:2')]));
    await recordFrameReport(1, 0, report('https://news.example/a', [m('a:3')]));
    expect((await getTabResults(1)).matches.map((x) => x.id)).toEqual(['a:3']);
    expect(await badge(1)).toBe('1');
  });

  it('is scanning while any frame scans, and paused when the top frame is', async () => {
    await recordFrameReport(2, 0, report('https://news.example/a', []));
    await recordFrameReport(2, 5, report('https://news.example/f', [], 'scanning'));
    expect((await getTabResults(2)).status).toBe('scanning');
    await recordFrameReport(2, 0, report('https://news.example/a', [], 'paused'));
    expect((await getTabResults(2)).status).toBe('paused');
  });

  it('survives a service-worker restart (storage.session)', async () => {
    await recordFrameReport(4, 0, report('https://news.example/a', [m('a:1')]));
    forgetMemory(); // what a restart loses
    const r = await getTabResults(4);
    expect(r.matches.map((x) => x.id)).toEqual(['a:1']);
    expect(await fakeBrowser.storage.session.get(null)).toHaveProperty('yuanwen-tab-4');
  });

  it('a tab nobody reported from is scanning on the web and unsupported elsewhere', async () => {
    expect((await getTabResults(9, 'https://news.example/', 't')).status).toBe('scanning');
    expect((await getTabResults(9, 'chrome://settings/', 't')).status).toBe('unsupported');
  });
});

describe('navigation', () => {
  it('a new top document clears every frame and the badge', async () => {
    await recordFrameReport(5, 0, report('https://news.example/a', [m('a:1')]));
    await recordFrameReport(5, 2, report('https://ads.example/f', [m('b:1')]));
    await forgetOnNavigation(5, 0, 'https://news.example/b', 'document');
    expect((await getTabResults(5)).matches).toEqual([]);
    expect(await badge(5)).toBe('');
    expect(await fakeBrowser.storage.session.get(null)).not.toHaveProperty('yuanwen-tab-5');
  });

  it('a new subframe document clears that frame only', async () => {
    await recordFrameReport(5, 0, report('https://news.example/a', [m('a:1')]));
    await recordFrameReport(5, 2, report('https://ads.example/f', [m('b:1')]));
    await forgetOnNavigation(5, 2, 'https://ads.example/g', 'document');
    expect((await getTabResults(5)).matches.map((x) => x.id)).toEqual(['a:1']);
    expect(await badge(5)).toBe('1');
  });

  it('a History API change keeps a report already about the new route, and fragment changes keep all', async () => {
    await recordFrameReport(6, 0, report('https://app.example/route-2', [m('a:9')]));
    await forgetOnNavigation(6, 0, 'https://app.example/route-2', 'history');
    expect((await getTabResults(6)).matches.map((x) => x.id)).toEqual(['a:9']);
    await forgetOnNavigation(6, 0, 'https://app.example/route-2#comments', 'history');
    expect((await getTabResults(6)).matches.map((x) => x.id)).toEqual(['a:9']);
    await forgetOnNavigation(6, 0, 'https://app.example/route-3', 'history');
    expect((await getTabResults(6)).matches).toEqual([]);
    expect(await badge(6)).toBe('');
  });

  it('closing the tab forgets it', async () => {
    await recordFrameReport(8, 0, report('https://news.example/a', [m('a:1')]));
    await forgetTab(8);
    expect(await fakeBrowser.storage.session.get(null)).toEqual({});
  });
});

describe('the message boundary', () => {
  it('stores reports from content scripts, acknowledges them once stored, and answers get-tab-results', async () => {
    const ack = await handleMessage(
      { type: 'frame-report', report: report('https://news.example/a', [m('a:1')]) },
      contentSender(3, 0),
    );
    expect(isReportAck(ack)).toBe(true);
    forgetMemory(); // acknowledged means stored: a restart right after loses nothing

    const reply = (await handleMessage({ type: 'get-tab-results', tabId: 3 }, pageSender)) as TabResults;
    expect(reply.matches.map((x) => x.id)).toEqual(['a:1']);
    expect(await badge(3)).toBe('1');
  });

  it('ignores malformed messages, other senders, and queries from web pages', async () => {
    expect(handleMessage({ type: 'frame-report', report: { url: 1 } }, contentSender(3, 0))).toBeUndefined();
    expect(
      handleMessage(
        { type: 'frame-report', report: report('https://x/', [m('x:1')]) },
        { ...contentSender(3, 0), id: 'other-extension' },
      ),
    ).toBeUndefined();
    expect(handleMessage({ type: 'get-tab-results', tabId: 3 }, contentSender(3, 0))).toBeUndefined();
    expect(
      handleMessage({ type: 'get-tab-results', tabId: 3 }, { id: 'other', url: 'https://evil.example/' }),
    ).toBeUndefined();
    await new Promise((ok) => setTimeout(ok, 10));
    expect((await getTabResults(3)).matches).toEqual([]);
  });
});

describe('scan-text', () => {
  it('runs the matcher for content scripts only', async () => {
    const message = { type: 'scan-text', text: '会议要求牢固树立“绿水青山就是金山银山”的理念。', options: {} };
    const reply = (await handleMessage(message, contentSender(3, 0))) as ScanReply;
    expect(isScanReply(reply)).toBe(true);
    expect(reply.matches.map((m) => message.text.slice(m.start, m.end)).join('|')).toContain('绿水青山就是金山银山');
    expect(handleMessage(message, pageSender)).toBeUndefined();
    expect(handleMessage(message, { ...contentSender(3, 0), id: 'other-extension' })).toBeUndefined();
    expect(handleMessage({ ...message, options: { slogans: 'yes' } }, contentSender(3, 0))).toBeUndefined();
  });
});

describe('badgeText', () => {
  it('shows the count, caps it, and shows nothing for none', () => {
    expect(badgeText(0)).toBe('');
    expect(badgeText(12)).toBe('12');
    expect(badgeText(1000)).toBe('999+');
  });
});

describe('storage full, and state lost', () => {
  /** storage.session with a quota of `bytes` (JSON of key and value), failing writes as Chrome does. */
  function withQuota(bytes: number) {
    const area = fakeBrowser.storage.session;
    const realSet = area.set.bind(area);
    const size = (o: Record<string, unknown>) =>
      Object.entries(o).reduce((n, [k, v]) => n + k.length + JSON.stringify(v).length, 0);
    const spy = vi.spyOn(area, 'set').mockImplementation(async (items: Record<string, unknown>) => {
      const all = { ...(await area.get(null)), ...items };
      if (size(all) > bytes) throw new Error('Session storage quota bytes exceeded. Values were not stored.');
      return realSet(items);
    });
    return spy;
  }
  const many = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => m(`${prefix}:${i}`, '时时放心不下'));

  it('drops the oldest other tab to make room, logs it, and tells the popup', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const quota = withQuota(3000);
    try {
      await recordFrameReport(1, 0, report('https://a.example/', many('a', 30)));
      await recordFrameReport(2, 0, report('https://b.example/', many('b', 30)));
      await recordFrameReport(3, 0, report('https://c.example/', many('c', 30)));
      const stored = Object.keys(await fakeBrowser.storage.session.get(null));
      expect(stored).toContain('yuanwen-tab-3');
      expect(stored).not.toContain('yuanwen-tab-1'); // the oldest went first
      expect(warn.mock.calls.some(([line]) => /could not store the results of tab/.test(String(line)))).toBe(true);
      expect(warn.mock.calls.some(([line]) => /dropped the stored results of tab 1/.test(String(line)))).toBe(true);
      // Tab 1 is still answered in full (memory), with the notice; its badge is right.
      const one = await getTabResults(1);
      expect(one.matches).toHaveLength(30);
      expect(one.unstored).toBe(true);
      expect(await badge(1)).toBe('30');
      expect((await getTabResults(3)).unstored).toBeUndefined();
    } finally {
      quota.mockRestore();
      warn.mockRestore();
    }
  });

  it('a tab the restarted worker has no record of is rebuilt from what its frames hold', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const quota = withQuota(0); // nothing fits
    try {
      await recordFrameReport(4, 0, report('https://a.example/', many('a', 5)));
      expect((await getTabResults(4)).unstored).toBe(true);
      expect(await fakeBrowser.storage.session.get(null)).toEqual({});
      forgetMemory(); // the worker restarts
      const asked: number[] = [];
      const collect = async (tabId: number) => {
        asked.push(tabId);
        return [
          { frameId: 0, report: report('https://a.example/', many('a', 5)) },
          { frameId: 2, report: report('https://f.example/', many('f', 2)) },
        ];
      };
      const r = await getTabResults(4, 'https://a.example/', 't', collect);
      expect(asked).toEqual([4]);
      expect(r.matches).toHaveLength(7);
      expect(r.status).toBe('done');
      expect(r.unstored).toBe(true);
      expect(await badge(4)).toBe('7');
      // Asked once: from then on memory answers.
      await getTabResults(4, 'https://a.example/', 't', collect);
      expect(asked).toEqual([4]);
    } finally {
      quota.mockRestore();
      warn.mockRestore();
    }
  });

  it('a tab whose results are in storage, or that navigated since, is not asked', async () => {
    const collect = vi.fn(async () => []);
    await recordFrameReport(5, 0, report('https://a.example/', [m('a:1')]));
    forgetMemory();
    expect((await getTabResults(5, 'https://a.example/', 't', collect)).matches).toHaveLength(1);
    forgetMemory();
    await forgetOnNavigation(6, 0, 'https://b.example/', 'document');
    expect((await getTabResults(6, 'https://b.example/', 't', collect)).status).toBe('scanning');
    expect(collect).not.toHaveBeenCalled();
  });

  it('reads older stored formats as lost, and asks the page', async () => {
    await fakeBrowser.storage.session.set({ 'yuanwen-tab-7': { tabId: 7, frames: [] } });
    const collect = vi.fn(async () => [{ frameId: 0, report: report('https://a.example/', [m('a:1')]) }]);
    expect((await getTabResults(7, 'https://a.example/', 't', collect)).matches).toHaveLength(1);
    expect(collect).toHaveBeenCalledOnce();
  });
});
