/**
 * A news article: slogans, passages and a near-verbatim quote are highlighted,
 * each in its own highlight; what must not light up does not (a short slogan
 * without quotation marks, generic vocabulary, form fields, hidden text,
 * scripts). The badge counts the matches; a jump scrolls to a match and
 * flashes it; pausing the site removes every highlight; colours the user
 * chose come in one adopted stylesheet. The page's DOM is never touched.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { TabResults } from '../../lib/messages';
import type { ExtensionSession } from '../../scripts/browser';
import { extensionFixture } from './content-fixture';
import {
  type Background,
  expectUntouched,
  highlightedTexts,
  open,
  openWithExtension,
  type PageRun,
  readProbe,
  resultsOf,
  settle,
} from './content-helpers';
import { WALL_CLOCK } from './wall-clock';

describe('content script on a news article', WALL_CLOCK, () => {
  const ext = extensionFixture({ baseline: true });
  let session: ExtensionSession;
  let bg: Background;
  let run: PageRun;
  let plain: PageRun;
  let tabId: number;
  let url: string;

  beforeAll(async () => {
    ({ session, bg } = ext);
    url = `${session.server.baseUrl}/content-news.html`;
    run = await openWithExtension(session, url);
    plain = await open(ext.baseline.context, url);
    tabId = await bg.tabIdOf(run.page);
  });

  it('highlights slogans, passages and the near-verbatim quote, and nothing else', async () => {
    const results = await bg.waitForDone(tabId, (r) => r.matches.length > 0);
    const hl = await highlightedTexts(run.page);
    const all = [...hl['yuanwen-slogan'], ...hl['yuanwen-passage'], ...hl['yuanwen-near']].join('|');

    // Slogans, within the speech's sentence or standing alone in quotation marks; the ordinary words the speech
    // quotes (显绩, 潜绩) are no quotes on their own.
    expect(all).toContain('抓生态就是抓发展、抓生态就是抓民生');
    expect(all).toContain('绿水青山就是金山银山');
    expect(hl['yuanwen-slogan']).toContain('两个确立');
    expect(all).not.toContain('显绩');
    expect(hl['yuanwen-slogan']).not.toContain('潜绩');
    expect(hl['yuanwen-passage'].join('|')).toContain('多创造泽被后人的“潜绩”');
    // A verbatim passage.
    expect(hl['yuanwen-passage'].join('|')).toContain(
      '生态环境是关系党的使命宗旨的重大政治问题，也是关系民生的重大社会问题',
    );
    // A near-verbatim quote (的 inserted, 帐 for 账): its own highlight, similarity below 1, the edits reported.
    expect(hl['yuanwen-near'].join('|')).toContain('践行习近平生态文明思想，在生态环境保护上算大帐');
    const near = results.matches.find((m) => m.quote.includes('算大帐'));
    expect(near?.similarity).toBeLessThan(1);
    expect(near?.diff?.some((d) => d.page.includes('帐') && d.speech.includes('账'))).toBe(true);

    // Never: 红线 without quotation marks, generic vocabulary, form fields, hidden text, scripts.
    for (const never of ['红线', '高质量发展', '一张蓝图绘到底', '功成不必在我', '一任接着一任干', '四个意识']) {
      expect(all, never).not.toContain(never);
      expect(results.matches.map((m) => m.quote).join('|'), never).not.toContain(never);
    }
    // The page's single 绿水青山 outside the form: the textarea's copy is not highlighted.
    expect(all.split('绿水青山就是金山银山').length - 1).toBe(1);
  });

  it('shows the match count on the badge, one per reported match, each match highlighted', async () => {
    const results = await bg.waitForDone(tabId, (r) => r.matches.length > 0);
    expect(await bg.badge(tabId)).toBe(String(results.matches.length));
    const hl = await highlightedTexts(run.page);
    const highlighted = [...hl['yuanwen-slogan'], ...hl['yuanwen-passage'], ...hl['yuanwen-near']];
    for (const m of results.matches) {
      const quote = m.quote.replace(/\s+/g, '');
      expect(
        highlighted.some((h) => h.includes(quote)),
        quote,
      ).toBe(true);
    }
    expect(results.url).toBe(run.page.url());
    expect(results.frames?.[0]?.timings?.totalMs).toBeGreaterThan(0);
  });

  let untouchedTries = 0;
  it('leaves the DOM untouched, logs no error, adds no long task', async () => {
    // A retry (the long-task check reads a wall clock) opens the page afresh: the first visit's figure is fixed.
    if (untouchedTries++ > 0) {
      await run.page.close();
      run = await openWithExtension(session, url);
      tabId = await bg.tabIdOf(run.page);
      await bg.waitForDone(tabId, (r) => r.matches.length > 0);
    }
    await settle();
    expect((await readProbe(run.page)).mutations).toBe(0);
    await expectUntouched(run, plain, undefined, resultsOf(bg, tabId));
  });

  it('jumps to a match: scrolls it to the middle of the window and flashes it there', async () => {
    const results = await bg.waitForDone(tabId, (r) => r.matches.length > 0);
    const near = results.matches.find((m) => m.quote.includes('算大帐'));
    expect(near).toBeDefined();
    expect(await run.page.evaluate(() => window.scrollY)).toBe(0);
    await run.page.bringToFront(); // as when the reader picks the match in the popup
    // From the page, every few milliseconds: what flashes, and how far from the middle of the window the match
    // is, when the flash first lights up.
    const whenLit = run.page.evaluate(
      () =>
        new Promise<{ text: string; offCentre: number }>((resolve) => {
          const look = () => {
            const flash = CSS.highlights.get('yuanwen-flash');
            const range = [...(CSS.highlights.get('yuanwen-near') ?? [])][0] as Range | undefined;
            if (flash && flash.size > 0 && range) {
              const rect = range.getBoundingClientRect();
              const text = [...flash].map((r) => (r as Range).toString()).join('');
              resolve({ text, offCentre: Math.abs(rect.top + rect.height / 2 - window.innerHeight / 2) });
            } else setTimeout(look, 5);
          };
          look();
        }),
    );
    const reply = await bg.sendToTab(tabId, { type: 'jump-to-match', matchId: near?.id });
    expect(reply).toEqual({ ok: true });
    // It lights up once the scroll has brought the match to the middle, not while the page is still moving.
    const lit = await whenLit;
    expect(lit.text.replace(/\s+/g, '')).toContain('算大帐');
    expect(lit.offCentre).toBeLessThan(120);
    await expect
      .poll(
        () =>
          run.page.evaluate(() => {
            const range = [...(CSS.highlights.get('yuanwen-near') ?? [])][0] as Range | undefined;
            const rect = range?.getBoundingClientRect();
            return rect ? Math.abs(rect.top + rect.height / 2 - window.innerHeight / 2) : 1e9;
          }),
        { timeout: 5000 },
      )
      .toBeLessThan(120);
    const unknown = await bg.sendToTab(tabId, { type: 'jump-to-match', matchId: `${near?.id.split(':')[0]}:99999` });
    expect(unknown).toEqual({ ok: false, reason: 'gone' });
  });

  it('hides and shows the highlights on toggle-highlights, keeping the results', async () => {
    const results = await bg.waitForDone(tabId, (r) => r.matches.length > 0);
    const ours = () =>
      run.page.evaluate(() => [...CSS.highlights.keys()].filter((n) => n.startsWith('yuanwen-')).sort());
    const shown = await ours();
    expect(shown.length).toBeGreaterThan(0);
    expect(await bg.sendToTab(tabId, { type: 'toggle-highlights' })).toEqual({ ok: true });
    expect(await ours()).toEqual([]);
    expect(await bg.badge(tabId)).toBe(String(results.matches.length));
    await bg.sendToTab(tabId, { type: 'toggle-highlights' });
    expect(await ours()).toEqual(shown);
  });

  it("ignores a page faking WXT's 'newer content script started' event", async () => {
    const results = await bg.waitForDone(tabId, (r) => r.matches.length > 0);
    const ours = () => run.page.evaluate(() => [...CSS.highlights.keys()].filter((n) => n.startsWith('yuanwen-')));
    expect((await ours()).length).toBeGreaterThan(0);
    // Extension ids of published extensions are public: a page can name the event.
    await run.page.evaluate((id) => {
      for (const detail of [{ contentScriptName: 'content', messageId: 'page' }, null]) {
        document.dispatchEvent(new CustomEvent(`${id}:content:wxt:content-script-started`, { detail }));
      }
    }, session.extensionId);
    await settle(300);
    expect((await ours()).length).toBeGreaterThan(0);
    expect(await bg.sendToTab(tabId, { type: 'jump-to-match', matchId: results.matches[0]?.id })).toEqual({ ok: true });
  });

  it('removes every highlight when the site is paused, and brings them back when resumed', async () => {
    const before = (await bg.waitForDone(tabId, (r) => r.matches.length > 0)).matches.length;
    const setPaused = (paused: boolean) =>
      session.serviceWorker.evaluate(async (p) => {
        const { settings } = await chrome.storage.local.get('settings');
        const current = (settings ?? {}) as { pausedSites?: string[] };
        const others = (current.pausedSites ?? []).filter((h) => h !== '127.0.0.1');
        await chrome.storage.local.set({
          settings: { ...current, pausedSites: p ? [...others, '127.0.0.1'] : others },
        });
      }, paused);
    await setPaused(true);
    await expect.poll(() => bg.results(tabId).then((r) => r.status), { timeout: 5000 }).toBe('paused');
    const names = await run.page.evaluate(() => [...CSS.highlights.keys()]);
    expect(names.filter((n) => n.startsWith('yuanwen-'))).toEqual([]);
    expect(await run.page.evaluate(() => document.adoptedStyleSheets.length)).toBe(0);
    expect(await bg.badge(tabId)).toBe('');
    await setPaused(false);
    const after = await bg.waitForDone(tabId, (r) => r.matches.length > 0);
    expect(after.matches.length).toBe(before);
    expect(await bg.badge(tabId)).toBe(String(before));
  });

  it('paints in the colours the user chose: one adopted sheet, on open pages and new ones, gone with the defaults', async () => {
    const custom = { slogan: '#00aa0066', passage: '#aa00aa55', nearVerbatim: '#0000aa66' };
    const setColours = (colours: typeof custom | null) =>
      session.serviceWorker.evaluate(async (c) => {
        const { settings } = await chrome.storage.local.get('settings');
        const { colours: _old, ...rest } = (settings ?? {}) as { colours?: unknown };
        await chrome.storage.local.set({ settings: c ? { ...rest, colours: c } : rest });
      }, colours);
    // The rules of the sheets adopted in the document, as the page's own world sees them.
    const adopted = (page: typeof run.page) =>
      page.evaluate(() => document.adoptedStyleSheets.map((s) => [...s.cssRules].map((r) => r.cssText).join('\n')));
    const inCustomColours = (sheets: string[]) =>
      sheets.length === 1 &&
      /::highlight\(yuanwen-slogan\)[^}]*rgba\(0, 170, 0/.test(sheets[0] as string) &&
      /::highlight\(yuanwen-passage\)[^}]*rgba\(170, 0, 170/.test(sheets[0] as string) &&
      /::highlight\(yuanwen-near\)[^}]*rgba\(0, 0, 170/.test(sheets[0] as string);
    expect(await adopted(run.page)).toEqual([]); // the default colours come with the manifest's stylesheet
    try {
      await setColours(custom);
      // The open page follows the change.
      await expect.poll(async () => inCustomColours(await adopted(run.page)), { timeout: 5000 }).toBe(true);
      // A page opened now adopts the sheet from the start, and its highlights are registered under our names.
      const other = await open(session.context, `${session.server.baseUrl}/content-news.html?colours`);
      const otherTab = await bg.tabIdOf(other.page);
      await bg.waitForDone(otherTab, (r) => r.matches.length > 0);
      expect(inCustomColours(await adopted(other.page))).toBe(true);
      expect(await other.page.evaluate(() => CSS.highlights.has('yuanwen-slogan'))).toBe(true);
      expect(other.watch.consoleErrors).toEqual([]);
      await other.page.close();
    } finally {
      await setColours(null);
    }
    // Back to the defaults: the sheet goes, the highlights stay.
    await expect.poll(() => adopted(run.page), { timeout: 5000 }).toEqual([]);
    expect(await run.page.evaluate(() => CSS.highlights.has('yuanwen-slogan'))).toBe(true);
  });

  // Last: the harness's handle on the first service worker is dead after this.
  // Chromium stops a worker asynchronously; on a loaded machine it can take longer than the poll allows
  // (vitest.e2e.config.ts retries a failed test twice).
  it('keeps the tab results when the service worker is stopped and restarted', async () => {
    const before = await bg.waitForDone(tabId, (r) => r.matches.length > 0);
    // Stop it as Chrome does when it is idle, through DevTools' ServiceWorker domain on an extension page.
    const page = await session.context.newPage();
    await page.goto(session.extensionUrl('options.html'));
    const cdp = await session.context.newCDPSession(page);
    const statuses: string[] = [];
    cdp.on('ServiceWorker.workerVersionUpdated', (e) => {
      for (const v of e.versions) statuses.push(v.runningStatus);
    });
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    // Any 'stopped' since the stop: an event for the extension (another tab's page, say) may start a fresh worker
    // right away, so the latest status can be 'running' again by the time it is read.
    await expect.poll(() => statuses.includes('stopped'), { timeout: 10_000 }).toBe(true);
    // Asking wakes a fresh worker, which has only storage.session to answer from.
    const after = await page.evaluate(
      (id) => chrome.runtime.sendMessage({ type: 'get-tab-results', tabId: id }) as Promise<TabResults>,
      tabId,
    );
    expect(statuses.slice(statuses.lastIndexOf('stopped'))).toContain('running');
    await page.close();
    expect(after.matches).toEqual(before.matches);
    expect(after.status).toBe('done');
    expect(await bg.badge(tabId)).toBe(String(before.matches.length));
  });
});
