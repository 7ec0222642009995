/**
 * The quotation ledger end to end in Chromium, on the production build:
 * browsing records each quoting page once (a revisit updates it), never a
 * paused site and never a page in an incognito window; the ledger page lists
 * and filters the entries; CSV and JSON exports hold them; the JSON imported
 * into a fresh profile gives the same ledger; the reader's heat map shows
 * how often each sentence was quoted.
 *
 * Pages are served on named hosts (news.test, other.test, paused.test,
 * private.test, mapped to the loopback server) so they count as different
 * sites. Incognito: the profile allows the extension in incognito windows
 * (its "Allow in Incognito" switch), and the window is opened by its
 * service worker (`chrome.windows.create({ incognito: true })`); the
 * content script's badge and tab results there show it did run.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getCorpus } from '../../lib/corpus';
import type { LedgerEntry } from '../../lib/ledger/types';
import { sentenceHeat } from '../../lib/ledger/views';
import type { TabResults } from '../../lib/messages';
import { type ExtensionSession, launchWithExtension } from '../../scripts/browser';

/** A browser with the extension (allowed in incognito) that serves the test pages on named hosts, keeps downloads. */
const launch = (): Promise<ExtensionSession> =>
  launchWithExtension({
    args: ['--host-resolver-rules=MAP *.test 127.0.0.1'],
    acceptDownloads: true,
    allowInIncognito: true,
  });

const corpus = getCorpus();
const long = corpus.sentences.filter((s) => s.text.length >= 30 && s.text.length <= 80);
const verbatim = long[0];
const edited = long[1];
if (!verbatim || !edited) throw new Error('the speech has no sentences of 30–80 characters');
/** The sentence with one character changed in its middle (a near-verbatim quote). */
const misquote = (() => {
  const chars = [...edited.text];
  const i = Math.floor(chars.length / 2);
  chars[i] = chars[i] === '的' ? '之' : '的';
  return chars.join('');
})();

const page = (title: string, body: string) =>
  `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${title}</title></head><body><article>${body}</article></body></html>`;

const PAGES = {
  a: page('甲报道', `<h1>甲报道</h1><p>会议指出：${verbatim.text}</p><p>专家说，“绿水青山就是金山银山”。</p>`),
  b: page('乙评论', `<h1>乙评论</h1><p>文章写道：${misquote}</p>`),
  p: page('暂停的网站', `<h1>暂停</h1><p>${verbatim.text}</p>`),
  i: page('无痕窗口', `<h1>无痕</h1><p>据报道：${verbatim.text}</p>`),
};

async function ledgerOf(messenger: Page): Promise<LedgerEntry[]> {
  const reply = (await messenger.evaluate(() => chrome.runtime.sendMessage({ type: 'get-ledger' }))) as {
    entries: LedgerEntry[];
  } | null;
  if (!reply) throw new Error('get-ledger had no answer');
  return reply.entries;
}

const byUrl = (entries: LedgerEntry[]) => [...entries].sort((x, y) => (x.url < y.url ? -1 : 1));

describe('the quotation ledger', () => {
  let session: ExtensionSession;
  let port: string;
  let ledger: Page;
  let url: (host: string, path: string) => string;
  let exportedJson = '';
  let recorded: LedgerEntry[] = [];

  beforeAll(async () => {
    session = await launch();
    const allowed = await session.serviceWorker.evaluate(() => chrome.extension.isAllowedIncognitoAccess());
    if (!allowed) throw new Error('the extension is not allowed in incognito windows: the incognito case cannot run');
    for (const [name, html] of Object.entries(PAGES)) session.server.route(`/${name}.html`, html);
    port = new URL(session.server.baseUrl).port;
    url = (host, path) => `http://${host}:${port}/${path}`;
    ledger = await session.context.newPage();
    await ledger.goto(session.extensionUrl('ledger.html'));
    await ledger.getByRole('heading', { level: 1 }).waitFor();
  });
  afterAll(async () => {
    await session?.close();
  });

  it('records each quoting page once, a revisit updating it, never a paused site nor an incognito window', async () => {
    const options = await session.context.newPage();
    await options.goto(session.extensionUrl('options.html'));
    await options.getByLabel('Site hostname or URL').fill('paused.test');
    await options.getByRole('button', { name: 'Pause this site' }).click();
    await expect.poll(() => options.getByText('paused.test', { exact: true }).count()).toBe(1);
    await options.close();

    const tab = await session.context.newPage();
    for (const [host, path] of [
      ['news.test', 'a.html'],
      ['other.test', 'b.html'],
      ['paused.test', 'p.html'],
    ] as const) {
      await tab.goto(url(host, path));
      if (host !== 'paused.test')
        await expect
          .poll(async () => (await ledgerOf(ledger)).map((e) => e.url), { timeout: 15_000 })
          .toContain(url(host, path));
    }
    const before = (await ledgerOf(ledger)).find((e) => e.url === url('other.test', 'b.html'));
    await tab.waitForTimeout(50);
    await tab.goto(url('other.test', 'b.html#again'));
    await expect
      .poll(async () => (await ledgerOf(ledger)).find((e) => e.url === url('other.test', 'b.html'))?.lastSeen, {
        timeout: 15_000,
      })
      .toBeGreaterThan(before?.lastSeen ?? Number.POSITIVE_INFINITY);

    // A page in an incognito window: the content script runs there (its badge and results) but nothing is recorded.
    const privateUrl = url('private.test', 'i.html');
    const opened = await session.serviceWorker.evaluate(async (u) => {
      const w = await chrome.windows.create({ incognito: true, url: u });
      return { windowId: w?.id, incognito: w?.incognito, tabId: w?.tabs?.[0]?.id };
    }, privateUrl);
    expect(opened.incognito).toBe(true);
    const privateTab = opened.tabId;
    if (privateTab === undefined) throw new Error('the incognito window has no tab');
    let results: TabResults | null = null;
    await expect
      .poll(
        async () => {
          results = (await ledger.evaluate(
            (id) => chrome.runtime.sendMessage({ type: 'get-tab-results', tabId: id }),
            privateTab,
          )) as TabResults | null;
          return results?.status;
        },
        { timeout: 20_000, message: 'the content script never finished the incognito page' },
      )
      .toBe('done');
    const privateTabInfo = await session.serviceWorker.evaluate((id) => chrome.tabs.get(id), privateTab);
    expect(privateTabInfo.incognito).toBe(true);
    expect(privateTabInfo.url).toBe(privateUrl);
    expect((results as TabResults | null)?.matches.length ?? 0).toBeGreaterThan(0);
    expect(
      await session.serviceWorker.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), privateTab),
    ).not.toBe('');

    await tab.waitForTimeout(1_000); // time for a paused or incognito page to be recorded, were it recorded
    expect((await ledgerOf(ledger)).map((e) => e.url)).not.toContain(privateUrl);
    await session.serviceWorker.evaluate((id) => chrome.windows.remove(id as number), opened.windowId);

    recorded = await ledgerOf(ledger);
    expect(byUrl(recorded).map((e) => e.url)).toEqual([url('news.test', 'a.html'), url('other.test', 'b.html')]);
    const a = recorded.find((e) => e.site === 'news.test');
    const b = recorded.find((e) => e.site === 'other.test');
    expect(a?.title).toBe('甲报道');
    expect(
      a?.quotes.some(
        (q) => q.kind === 'passage' && q.start < verbatim.end && q.end > verbatim.start && q.similarity === 1,
      ),
    ).toBe(true);
    expect(a?.quotes.some((q) => q.kind === 'slogan' && q.quote === '绿水青山就是金山银山')).toBe(true);
    const near = b?.quotes.find((q) => q.similarity < 1);
    expect(near?.documentId).toBe('speech');
    expect(near?.quote).toContain(misquote.slice(0, 10));
    expect(near?.diffSummary).not.toBe('');
    expect(near?.link).toMatch(new RegExp(`^${url('other.test', 'b.html').replace(/\./g, '\\.')}#:~:text=`));
    expect(b?.firstSeen).toBeLessThan(b?.lastSeen ?? 0);
    await tab.close();
  });

  it('the ledger page lists the entries and filters them', async () => {
    await ledger.reload();
    const rows = ledger.getByTestId('ledger-entry');
    await expect.poll(() => rows.count(), { timeout: 10_000 }).toBe(2);
    await ledger.getByLabel('Edited only').check();
    await expect.poll(() => rows.count(), { message: JSON.stringify(recorded) }).toBe(1);
    expect(await rows.first().getAttribute('data-url')).toBe(url('other.test', 'b.html'));
    await ledger.getByLabel('Edited only').uncheck();
    await ledger.getByLabel('Site', { exact: true }).selectOption('news.test');
    await expect.poll(() => rows.count(), { timeout: 10_000 }).toBe(1);
    expect(await rows.first().getAttribute('data-url')).toBe(url('news.test', 'a.html'));
    await ledger.getByLabel('Site', { exact: true }).selectOption('');
    await ledger.getByLabel('Search').fill('乙评论');
    await expect.poll(() => rows.count(), { timeout: 10_000 }).toBe(1);
    await ledger.getByLabel('Search').fill('');
    await ledger.getByLabel('Kind').selectOption('slogan');
    await expect.poll(() => rows.count(), { timeout: 10_000 }).toBe(1);
    await ledger.getByLabel('Kind').selectOption('');
    await expect.poll(() => rows.count(), { timeout: 10_000 }).toBe(2);

    // A star and a note are kept.
    await rows.first().getByRole('button', { name: 'Star' }).click();
    await rows.first().getByLabel('Note').fill('待核实');
    await ledger.getByLabel('Search').click(); // blur saves the note
    await expect
      .poll(async () => (await ledgerOf(ledger)).filter((e) => e.starred && e.note === '待核实').length)
      .toBe(1);
    recorded = await ledgerOf(ledger);

    await ledger.getByRole('button', { name: 'By passage' }).click();
    const verbatimRow = ledger.locator(`[data-key="speech:sentence:${verbatim.index}"]`);
    await expect.poll(() => verbatimRow.count()).toBe(1);
  });

  it('exports CSV and JSON holding the entries', async () => {
    await ledger.getByRole('button', { name: 'Pages' }).click();
    await expect.poll(() => ledger.getByTestId('ledger-entry').count()).toBe(2);
    recorded = await ledgerOf(ledger);
    const [csvDownload] = await Promise.all([
      ledger.waitForEvent('download'),
      ledger.getByRole('button', { name: 'Export CSV' }).click(),
    ]);
    const csv = readFileSync(await csvDownload.path(), 'utf8').replace(/^\uFEFF/, '');
    const lines = csv.trimEnd().split('\r\n');
    expect(lines[0]?.startsWith('page_url,page_title,site')).toBe(true);
    const quoteCount = recorded.reduce((n, e) => n + e.quotes.length, 0);
    expect(lines, csv).toHaveLength(1 + quoteCount);
    expect(lines.filter((l) => l.startsWith(`${url('news.test', 'a.html')},甲报道,news.test`)).length).toBe(
      recorded.find((e) => e.site === 'news.test')?.quotes.length,
    );
    expect(csv).toContain('待核实');

    const [jsonDownload] = await Promise.all([
      ledger.waitForEvent('download'),
      ledger.getByRole('button', { name: 'Export JSON', exact: true }).click(),
    ]);
    exportedJson = readFileSync(await jsonDownload.path(), 'utf8');
    const doc = JSON.parse(exportedJson) as { format: string; entries: LedgerEntry[] };
    expect(doc.format).toBe('yuanwen-ledger');
    expect(byUrl(doc.entries)).toEqual(byUrl(recorded));
  });

  it('the reader’s heat map shows how often each sentence was quoted', async () => {
    const reader = await session.context.newPage();
    await reader.goto(session.extensionUrl('reader.html'));
    /** The painted heat ranges' texts, per level. */
    const painted = () =>
      reader.evaluate(() =>
        [1, 2, 3, 4].map((level) =>
          [...(CSS.highlights.get(`yuanwen-heat-${level}`) ?? [])].map((r) => (r as Range).toString()),
        ),
      );
    await expect.poll(async () => (await painted()).flat().length, { timeout: 10_000 }).toBeGreaterThan(0);
    const levels = await painted();
    // Each quoted sentence was quoted by one page: the same (top) level, nothing else shaded.
    const quoted = [...sentenceHeat(recorded, corpus).keys()].map((i) => corpus.sentences[i]?.text);
    expect(quoted).toContain(verbatim.text);
    expect(quoted).toContain(edited.text);
    expect(levels[3]?.sort()).toEqual(quoted.sort());
    expect(levels.slice(0, 3).flat()).toEqual([]);
    // Hovering the sentence shows its count.
    const box = await reader.evaluate((text) => {
      const range = [...(CSS.highlights.get('yuanwen-heat-4') ?? [])].find(
        (r) => (r as Range).toString() === text,
      ) as Range;
      range.startContainer.parentElement?.scrollIntoView({ block: 'center' });
      const rect = range.getClientRects()[0];
      return rect ? { x: rect.left + 4, y: rect.top + rect.height / 2 } : null;
    }, verbatim.text);
    if (!box) throw new Error('the quoted sentence has no box on the reader page');
    await reader.mouse.move(box.x, box.y);
    await expect.poll(() => reader.getByRole('tooltip').textContent()).toMatch(/^(Quoted by 1 page|1 个网页)/);
    // A click opens the ledger at the pages that quoted it.
    const [opened] = await Promise.all([session.context.waitForEvent('page'), reader.mouse.click(box.x, box.y)]);
    await opened.waitForLoadState();
    expect(opened.url()).toBe(session.extensionUrl(`ledger.html#doc=speech&span=${verbatim.start}-${verbatim.end}`));
    await expect
      .poll(() => opened.getByTestId('ledger-entry').count(), { timeout: 10_000 })
      .toBe(1)
      .catch(async (error) => {
        throw new Error(`${error}; the page reads: ${await opened.locator('body').innerText()}`);
      });
    expect(await opened.getByTestId('ledger-entry').getAttribute('data-url')).toBe(url('news.test', 'a.html'));
    await opened.close();
    await reader.close();
  });

  it('the JSON imported into a fresh profile gives the same ledger', async () => {
    const fresh = await launch();
    try {
      const page = await fresh.context.newPage();
      await page.goto(fresh.extensionUrl('ledger.html'));
      await page.getByRole('heading', { level: 1 }).waitFor();
      expect(await ledgerOf(page)).toEqual([]);
      await page.getByLabel('Import JSON').setInputFiles({
        name: 'ledger.json',
        mimeType: 'application/json',
        buffer: Buffer.from(exportedJson),
      });
      await page.getByText('Imported 2 pages').waitFor();
      expect(byUrl(await ledgerOf(page))).toEqual(byUrl(recorded));
      await expect.poll(() => page.getByTestId('ledger-entry').count(), { timeout: 10_000 }).toBe(2);
      // Importing again adds nothing.
      await page.getByLabel('Import JSON').setInputFiles({
        name: 'ledger.json',
        mimeType: 'application/json',
        buffer: Buffer.from(exportedJson),
      });
      await page.getByText('0 new, 2 merged').waitFor();
      expect(byUrl(await ledgerOf(page))).toEqual(byUrl(recorded));
    } finally {
      await fresh.close();
    }
  });
});
