import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { handleMessage } from '../../entrypoints/background/messages';
import { type FrameReport, isScanReply, type PageMatch, type ScanReply, type TabResults } from '../../lib/messages';
import { badgeText } from '../../platform/badge';
import {
  forgetMemory,
  forgetOnNavigation,
  forgetTab,
  getTabResults,
  recordFrameReport,
} from '../../platform/tab-results';

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
  it('stores reports from content scripts and answers get-tab-results for extension pages', async () => {
    expect(
      handleMessage(
        { type: 'frame-report', report: report('https://news.example/a', [m('a:1')]) },
        contentSender(3, 0),
      ),
    ).toBeUndefined();
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
