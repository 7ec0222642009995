/**
 * The popup end to end in Chromium: on a news page that quotes the speech,
 * the popup lists the quotes with their sections and passages; Jump scrolls
 * the page to a match; Full passage opens the reader at its span; Copy puts
 * exactly formatCitation's string on the clipboard.
 *
 * chrome.action.openPopup() works in headless Chromium: the first test opens
 * the real toolbar popup (showing the active tab) and reads it over CDP, since
 * Playwright does not expose popups as pages. The interactive tests drive the
 * same popup as a page, `popup.html?tab=<id>`, which Playwright can click,
 * type into and read the clipboard from.
 */

import { readFileSync } from 'node:fs';
import type { CDPSession, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { citationInput } from '../../components/popup/popup-model';
import { formatCitation, formatCitations } from '../../lib/citations';
import { getCorpus } from '../../lib/corpus';
import type { Lang } from '../../lib/i18n';
import { type PopupStrings, popupStrings } from '../../lib/i18n/popup';
import { type ExtensionSession, launchWithExtension } from '../../scripts/browser';

interface ListedItem {
  id: string;
  /** [start, end) in speech.txt. */
  speechStart: number;
  speechEnd: number;
  quote: string;
  kind: string;
  section: string;
  paragraph: string;
  /** The speech's characters of the match (the <mark>). */
  marked: string;
  /** The whole passage shown: context, sentence and span. */
  passage: string;
  similarity: string | null;
  dropped: string[];
  inserted: string[];
}

const EMPTY_CONTEXT = {
  before: '',
  lead: '',
  matched: '',
  tail: '',
  after: '',
  clippedStart: false,
  clippedEnd: false,
};

/** What the popup lists, read from its DOM (the visible text, without the screen-reader-only labels). */
function listedItems(popup: Page): Promise<ListedItem[]> {
  return popup.evaluate(() => {
    const visible = (el: Element | null): string => {
      if (!el) return '';
      const copy = el.cloneNode(true) as Element;
      for (const sr of copy.querySelectorAll('.sr-only')) sr.remove();
      return copy.textContent ?? '';
    };
    return [...document.querySelectorAll('li.match')].map((li) => ({
      id: li.getAttribute('data-match-id') ?? '',
      speechStart: Number(li.getAttribute('data-speech-span')?.split('-')[0]),
      speechEnd: Number(li.getAttribute('data-speech-span')?.split('-')[1]),
      quote: visible(li.querySelector('.match__quote')),
      kind: visible(li.querySelector('.match__kind')),
      section: visible(li.querySelector('.match__section')),
      paragraph: visible(li.querySelector('.match__para')),
      marked: visible(li.querySelector('.match__passage mark')),
      passage: visible(li.querySelector('.match__passage')),
      similarity: li.querySelector('.match__similarity')?.textContent ?? null,
      dropped: [...li.querySelectorAll('.diff del')].map(visible),
      inserted: [...li.querySelectorAll('.diff ins')].map(visible),
    }));
  });
}

/** Runtime.evaluate in a target Playwright does not expose (the action popup), over the browser's CDP session. */
/** Where `words` stand on the page now (a Range over the text node that holds them), with the window height; null if absent. */
function wordsRect(page: Page, words: string): Promise<{ top: number; bottom: number; height: number } | null> {
  return page.evaluate((w) => {
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const at = n.textContent?.indexOf(w) ?? -1;
      if (at < 0) continue;
      const range = document.createRange();
      range.setStart(n, at);
      range.setEnd(n, at + w.length);
      const r = range.getBoundingClientRect();
      return { top: r.top, bottom: r.bottom, height: window.innerHeight };
    }
    return null;
  }, words);
}

async function inViewport(page: Page, words: string): Promise<boolean | null> {
  const r = await wordsRect(page, words);
  return r && r.top >= 0 && r.bottom <= r.height;
}

async function attachToTarget(cdp: CDPSession, urlPart: string) {
  const { targetInfos } = await cdp.send('Target.getTargets');
  const target = targetInfos.find((t) => t.url.includes(urlPart));
  if (!target) throw new Error(`no target at ${urlPart}: ${targetInfos.map((t) => t.url).join(', ')}`);
  const { sessionId } = await cdp.send('Target.attachToTarget', { targetId: target.targetId, flatten: false });
  let nextId = 1;
  const pending = new Map<number, (reply: { result?: { result?: { value?: unknown } }; error?: unknown }) => void>();
  cdp.on('Target.receivedMessageFromTarget', (e) => {
    if (e.sessionId !== sessionId) return;
    const reply = JSON.parse(e.message);
    pending.get(reply.id)?.(reply);
    pending.delete(reply.id);
  });
  return {
    url: target.url,
    evaluate: <T>(expression: string): Promise<T> =>
      new Promise((resolve, reject) => {
        const id = nextId++;
        pending.set(id, (reply) =>
          reply.error ? reject(new Error(JSON.stringify(reply.error))) : resolve(reply.result?.result?.value as T),
        );
        const params = { expression, returnByValue: true, awaitPromise: true };
        void cdp.send('Target.sendMessageToTarget', {
          sessionId,
          message: JSON.stringify({ id, method: 'Runtime.evaluate', params }),
        });
      }),
  };
}

const HEADING_1 = '切实增强生态文明建设的政治自觉…';
const HEADING_2 = '切实增强落实污染防治的思想自觉…';
const HEADING_3 = '切实增强生态环境保护的行动自觉…';
const TITLE = '我市召开生态环境保护工作推进会';
/** The page's <meta name="author">: the [EB/OL] entry names it. */
const AUTHOR = '本报记者 李明';

describe('popup: list, jump, open, copy', () => {
  let session: ExtensionSession;
  let news: Page;
  let popup: Page;
  let tabId: number;
  let items: ListedItem[];
  /** The popup's UI language follows the browser's (en-US in headless Chromium unless told otherwise). */
  let t: PopupStrings;
  let SECTION_1: string;
  let SECTION_2: string;
  let SECTION_3: string;
  let CLOSING: string;
  const newsPath = '/popup-news.html';

  beforeAll(async () => {
    session = await launchWithExtension();
    const { context, server, serviceWorker } = session;
    // Granted for every origin: Chromium refuses an origin-scoped grant for chrome-extension:// ("opaque").
    // Reading only: the copy itself needs no grant and no clipboardWrite permission, only the reader's click.
    await context.grantPermissions(['clipboard-read']);
    news = await context.newPage();
    await news.goto(server.baseUrl + newsPath);
    const found = await serviceWorker.evaluate(async (url) => {
      const [tab] = await chrome.tabs.query({ url });
      return tab?.id ?? -1;
    }, server.baseUrl + newsPath);
    expect(found).toBeGreaterThanOrEqual(0);
    tabId = found;

    popup = await context.newPage();
    await popup.goto(session.extensionUrl(`popup.html?tab=${tabId}`));
    // Wait until the page's scan is done and listed: the count heading without the scanning spinner.
    await popup.waitForFunction(
      () => document.querySelectorAll('li.match').length >= 5 && !document.querySelector('.toolbar__count .spinner'),
      undefined,
      { timeout: 20_000 },
    );
    items = await listedItems(popup);
    const lang = await popup.evaluate(() => document.documentElement.lang);
    const browserLang = await popup.evaluate(() => navigator.language);
    const expectedLang: Lang = browserLang.toLowerCase().startsWith('zh') ? 'zh' : 'en';
    expect(lang).toBe(expectedLang === 'zh' ? 'zh-CN' : 'en');
    t = popupStrings(expectedLang);
    SECTION_1 = `${t.section(1)} · ${HEADING_1}`;
    SECTION_2 = `${t.section(2)} · ${HEADING_2}`;
    SECTION_3 = `${t.section(3)} · ${HEADING_3}`;
    CLOSING = t.section(4);
  });

  afterAll(async () => {
    await session?.close();
  });

  const find = (speechWords: string) => {
    const item = items.find((i) => i.marked.includes(speechWords));
    expect(
      item,
      `no listed match whose speech span holds ${speechWords}: ${JSON.stringify(items, null, 1)}`,
    ).toBeTruthy();
    return item as ListedItem;
  };

  it('asks once, on first run, whether to highlight on pages or use quiet mode', async () => {
    const offer = popup.getByRole('region', { name: t.quietOfferTitle });
    await expect.poll(() => offer.count()).toBe(1);
    // The list is usable under the question; the reader keeps highlights on pages.
    expect(await popup.locator('li.match').count()).toBeGreaterThanOrEqual(5);
    await offer.getByRole('button', { name: t.quietOfferHighlight }).click();
    await expect.poll(() => offer.count()).toBe(0);
    const stored = await session.serviceWorker.evaluate(
      async () => (await chrome.storage.local.get('settings')).settings,
    );
    expect(stored).toMatchObject({ quiet: false, quietAsked: true });
    // Not asked again.
    const again = await session.context.newPage();
    await again.goto(session.extensionUrl(`popup.html?tab=${tabId}`));
    await again.waitForFunction(() => document.querySelectorAll('li.match').length >= 5, undefined, {
      timeout: 20_000,
    });
    expect(await again.getByRole('region', { name: t.quietOfferTitle }).count()).toBe(0);
    await again.close();
  });

  it('opens as the toolbar popup (chrome.action.openPopup) on the active tab and lists the same quotes', async () => {
    await news.bringToFront();
    const opened = await session.serviceWorker.evaluate(async () => {
      try {
        await chrome.action.openPopup();
        return 'opened';
      } catch (error) {
        return `openPopup failed: ${String(error)}`;
      }
    });
    expect(opened).toBe('opened');
    const browser = session.context.browser();
    if (!browser) throw new Error('no browser object for CDP');
    const cdp = await browser.newBrowserCDPSession();
    const actionPopup = await attachToTarget(cdp, session.extensionUrl('popup.html'));
    // No ?tab=: the toolbar popup shows the active tab.
    expect(actionPopup.url).toBe(session.extensionUrl('popup.html'));
    const listed = () =>
      actionPopup.evaluate<string[]>(
        `[...document.querySelectorAll('li.match')].map((li) => li.getAttribute('data-speech-span') + ' ' + li.querySelector('.match__section').textContent)`,
      );
    await expect
      .poll(listed, { timeout: 10_000 })
      .toEqual(items.map((i) => `${i.speechStart}-${i.speechEnd} ${i.section}`));
    expect(await actionPopup.evaluate<string>(`document.querySelector('.popup__page').textContent`)).toBe(TITLE);
    // Jump from the toolbar popup: the page scrolls the quote into view.
    const target = find('功成不必在我');
    const inView = () => inViewport(news, '功成不必在我');
    expect(await inView()).toBe(false);
    await actionPopup.evaluate(
      `document.querySelector('li.match[data-match-id="${target.id}"] .match__actions button').click()`,
    );
    await expect.poll(inView, { timeout: 5000 }).toBe(true);
    await cdp.detach();
  });

  it('shows the page and the number of quotes', async () => {
    await expect.poll(() => popup.locator('.popup__page').innerText()).toBe(TITLE);
    expect(await popup.locator('#matches-heading').innerText()).toBe(t.matchesHeading(items.length));
  });

  it('lists each quote with its section and the original passage, in page order', async () => {
    const slogan1 = find('功成不必在我');
    expect(slogan1.section).toBe(SECTION_1);
    expect(slogan1.passage).toContain('涵养“功成不必在我”的胸怀');

    const slogan2 = find('抓环保就是抓机遇、抓项目、抓发展');
    expect(slogan2.section).toBe(SECTION_2);
    expect(slogan2.passage).toContain('切实增强“抓环保就是抓机遇、抓项目、抓发展”的行动自觉');

    const passage = find('在生态环境保护上算大账、算长远账、算整体账、算综合账');
    expect(passage.kind).toBe(t.kind.passage);
    expect(passage.section).toBe(SECTION_3);
    expect(passage.paragraph).toBe(t.paragraph(5));
    expect(passage.quote).toContain('在生态环境保护上算大账、算长远账、算整体账、算综合账');

    const near = find('像保护眼睛一样保护生态环境');
    expect(near.kind).toBe(t.kind.nearVerbatim);
    expect(near.section).toBe(CLOSING);
    expect(near.quote).toContain('像保护眼睛那样保护生态环境');
    const similarity = Number(/(\d+)%/.exec(near.similarity ?? '')?.[1]);
    expect(near.similarity).toBe(t.similarity(similarity));
    expect(similarity).toBeGreaterThan(50);
    expect(similarity).toBeLessThan(100);
    expect(near.dropped.join('')).toContain('一');
    expect(near.inserted.join('')).toContain('那');

    const slogan3 = find('时时放心不下');
    expect(slogan3.section).toBe(CLOSING);

    // Page order: as the quotes appear in the article.
    const order = [slogan1, slogan2, passage, near, slogan3].map((i) => items.indexOf(i));
    expect(order).toEqual([...order].sort((a, b) => a - b));
    // Every listed speech span is the speech's own text.
    const speech = getCorpus().text;
    for (const item of items) expect(speech.slice(item.speechStart, item.speechEnd)).toBe(item.marked);
  });

  it('groups the quotes by section', async () => {
    await popup.getByRole('button', { name: t.bySection }).click();
    const headings = await popup
      .locator('h3.group__title')
      .evaluateAll((hs) => hs.map((h) => h.firstChild?.textContent ?? ''));
    expect(headings).toEqual([SECTION_1, SECTION_2, SECTION_3, CLOSING]);
    await popup.getByRole('button', { name: t.pageOrder }).click();
    expect(await popup.locator('li.match').count()).toBe(items.length);
  });

  it('jumps: the match is in the page viewport afterwards', async () => {
    const target = find('时时放心不下');
    const textTop = () => wordsRect(news, '时时放心不下');
    const before = await textTop();
    expect(before, 'the fixture puts the quote below the fold').not.toBeNull();
    expect(before?.top ?? 0).toBeGreaterThan(before?.height ?? 0);

    await popup.locator(`li.match[data-match-id="${target.id}"]`).getByRole('button', { name: t.jump }).click();
    await expect.poll(() => inViewport(news, '时时放心不下'), { timeout: 5000 }).toBe(true);
    // No error in the live region.
    expect(await popup.locator('output.toast').innerText()).toBe('');
  });

  it('opens the full passage in the reader at the span', async () => {
    const target = find('在生态环境保护上算大账、算长远账、算整体账、算综合账');
    const [reader] = await Promise.all([
      session.context.waitForEvent('page', { timeout: 10_000 }),
      popup.locator(`li.match[data-match-id="${target.id}"]`).getByRole('button', { name: t.openPassage }).click(),
    ]);
    await reader.waitForLoadState('domcontentloaded');
    expect(reader.url()).toBe(session.extensionUrl(`reader.html#span=${target.speechStart}-${target.speechEnd}`));
    // The reader marks the target span with <mark data-target> (components/reader) and scrolls it into view.
    await reader.waitForSelector('mark[data-target]', { timeout: 10_000 });
    const shown = await reader.evaluate(() =>
      [...document.querySelectorAll('mark[data-target]')].map((m) => m.textContent).join(''),
    );
    expect(shown).toBe(target.marked);
    await expect
      .poll(
        () =>
          reader.evaluate(() => {
            const box = document.querySelector('mark[data-target]')?.getBoundingClientRect();
            return !!box && box.top >= 0 && box.bottom <= window.innerHeight;
          }),
        { timeout: 5000 },
      )
      .toBe(true);
    await reader.close();
  });

  it('copies the default citation (GB/T 7714—2025) exactly', async () => {
    const target = find('功成不必在我');
    await popup.bringToFront();
    const button = popup
      .locator(`li.match[data-match-id="${target.id}"]`)
      .getByRole('button', { name: t.copyCitation('GB/T 7714—2025') });
    await button.click();
    await expect.poll(() => popup.locator('output.toast').innerText()).toBe(t.copied('GB/T 7714—2025'));
    const copied = await popup.evaluate(() => navigator.clipboard.readText());
    const page = { title: TITLE, url: session.server.baseUrl + newsPath, author: AUTHOR };
    const expected = formatCitation('gbt7714', citationInput(target, page, new Date()), { lang: t.lang });
    expect(copied).toBe(expected);
    expect(copied).toContain('功成不必在我');
    expect(copied).toContain(`${AUTHOR}. ${TITLE}[EB/OL].`);
  });

  it('copies another format from the menu, by keyboard', async () => {
    const target = find('抓环保就是抓机遇、抓项目、抓发展');
    const item = popup.locator(`li.match[data-match-id="${target.id}"]`);
    await item.getByRole('button', { name: t.moreFormats }).focus();
    await popup.keyboard.press('ArrowDown');
    const menu = item.getByRole('menu');
    await expect.poll(() => menu.isVisible()).toBe(true);
    await menu.getByRole('menuitem', { name: 'APA 7' }).focus();
    await popup.keyboard.press('Enter');
    await expect.poll(() => popup.locator('output.toast').innerText()).toBe(t.copied('APA 7'));
    const copied = await popup.evaluate(() => navigator.clipboard.readText());
    const page = { title: TITLE, url: session.server.baseUrl + newsPath, author: AUTHOR };
    expect(copied).toBe(formatCitation('apa', citationInput(target, page, new Date()), { lang: t.lang }));
  });

  it('copies all citations, in page order', async () => {
    await popup.bringToFront();
    await popup.getByRole('button', { name: t.copyAll('GB/T 7714—2025') }).click();
    await expect.poll(() => popup.locator('output.toast').innerText()).toBe(t.copiedAll(items.length));
    const page = { title: TITLE, url: session.server.baseUrl + newsPath, author: AUTHOR };
    // A near-verbatim quote is cited in the speech's words (the marked span), not the page's.
    const inputs = items.map((i) =>
      citationInput(
        { ...i, nearVerbatim: i.kind === t.kind.nearVerbatim, context: { ...EMPTY_CONTEXT, matched: i.marked } },
        page,
        new Date(),
      ),
    );
    const expected = formatCitations('gbt7714', inputs, { lang: t.lang });
    expect(expected.match(/\[EB\/OL\]/g)).toHaveLength(1);
    expect(await popup.evaluate(() => navigator.clipboard.readText())).toBe(expected);
  });

  it('exports the matches as CSV and JSON files (blob downloads, no network)', async () => {
    const [csvDownload] = await Promise.all([
      popup.waitForEvent('download'),
      popup.getByRole('button', { name: t.exportCsv }).click(),
    ]);
    expect(csvDownload.suggestedFilename()).toMatch(/^yuanwen-127\.0\.0\.1-\d{4}-\d{2}-\d{2}\.csv$/);
    expect(csvDownload.url()).toMatch(/^blob:chrome-extension:/);
    const csv = readFileSync(await csvDownload.path(), 'utf8');
    const rows = csv
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n');
    expect(rows).toHaveLength(items.length + 1);
    for (const [i, item] of items.entries()) expect(rows[i + 1]).toContain(item.marked.replace(/"/g, '""'));

    const [jsonDownload] = await Promise.all([
      popup.waitForEvent('download'),
      popup.getByRole('button', { name: t.exportJson }).click(),
    ]);
    const doc = JSON.parse(readFileSync(await jsonDownload.path(), 'utf8'));
    expect(doc.page).toEqual({ url: session.server.baseUrl + newsPath, title: TITLE });
    expect(doc.matches.map((m: { speechStart: number; speechEnd: number }) => [m.speechStart, m.speechEnd])).toEqual(
      items.map((i) => [i.speechStart, i.speechEnd]),
    );
  });

  it('says a browser page cannot be scanned', async () => {
    const internal = await session.context.newPage();
    await internal.goto('chrome://version/');
    const id = await session.serviceWorker.evaluate(async () => {
      const tabs = await chrome.tabs.query({});
      return tabs.find((tab) => tab.url?.startsWith('chrome://version'))?.id ?? -1;
    });
    expect(id).toBeGreaterThanOrEqual(0);
    const view = await session.context.newPage();
    await view.goto(session.extensionUrl(`popup.html?tab=${id}`));
    await expect.poll(() => view.locator('.state--cannot h2').innerText()).toBe(t.cannotScan);
    expect(await view.locator('.state--cannot p').innerText()).toBe(t.cannotScanReason['browser-page']);
    await view.close();
    await internal.close();
  });

  /** The popup of the tab showing `urlPart`, as a page. */
  async function popupOf(urlPart: string): Promise<Page> {
    const id = await session.serviceWorker.evaluate(async (part) => {
      const tabs = await chrome.tabs.query({});
      return tabs.find((tab) => tab.url?.includes(part))?.id ?? -1;
    }, urlPart);
    expect(id).toBeGreaterThanOrEqual(0);
    const view = await session.context.newPage();
    await view.goto(session.extensionUrl(`popup.html?tab=${id}`));
    return view;
  }

  it("says Yuanwen's own reader shows the speech itself, not that it is another extension's page", async () => {
    const reader = await session.context.newPage();
    await reader.goto(session.extensionUrl('reader.html#p=3'));
    const view = await popupOf('/reader.html');
    await expect.poll(() => view.locator('.state--cannot p').innerText()).toBe(t.cannotScanReason['own-page']);
    await view.close();
    await reader.close();
  });

  it('says a page without Chinese has none, instead of suggesting the sensitivity', async () => {
    session.server.route(
      '/english.html',
      '<!doctype html><html lang="en"><title>English news</title><p>Nothing but English text here.</p></html>',
    );
    const english = await session.context.newPage();
    await english.goto(`${session.server.baseUrl}/english.html`);
    const view = await popupOf('/english.html');
    await expect.poll(() => view.locator('.state--none h2').innerText(), { timeout: 10_000 }).toBe(t.noChinese);
    expect(await view.locator('.state--none h2 + p').innerText()).toBe(t.noChineseHint);
    await view.close();
    await english.close();
  });

  it('pauses on the site with the switch, and resumes', async () => {
    await popup.bringToFront();
    await popup.getByRole('switch', { name: t.pauseOnSite('127.0.0.1') }).click();
    await expect.poll(() => popup.locator('.state--paused h2').innerText()).toBe(t.paused);
    const stored = await session.serviceWorker.evaluate(async () =>
      JSON.stringify(await chrome.storage.local.get(null)),
    );
    expect(stored).toContain('127.0.0.1');
    const resume = popup.getByRole('switch', { name: t.pauseOnSite('127.0.0.1') });
    expect(await resume.getAttribute('aria-checked')).toBe('true');
    await resume.click();
    // The page scans again and the same quotes come back.
    await expect
      .poll(() => listedItems(popup).then((now) => now.map((i) => `${i.speechStart}-${i.speechEnd}`)), {
        timeout: 15_000,
      })
      .toEqual(items.map((i) => `${i.speechStart}-${i.speechEnd}`));
  });

  it('speaks Chinese when the settings say so', async () => {
    // The settings store keeps its object under `settings` in storage.local (extension/settings.ts).
    await popup.evaluate(async () => {
      const current = (await chrome.storage.local.get('settings')).settings ?? {};
      await chrome.storage.local.set({ settings: { ...current, language: 'zh' } });
    });
    await popup.reload();
    const zh = popupStrings('zh');
    await expect
      .poll(() => popup.locator('#matches-heading').innerText(), { timeout: 10_000 })
      .toBe(zh.matchesHeading(items.length));
    expect(await popup.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
    const sections = await listedItems(popup).then((list) => list.map((i) => i.section));
    expect(sections).toContain(`第一部分 · ${HEADING_1}`);
    expect(sections).toContain('结语');
  });
});
