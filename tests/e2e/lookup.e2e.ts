/**
 * Selection lookup in Chromium: the lookup page the context menu opens
 * (lookup.html#t=TOKEN, the selection waiting in storage.session under that
 * token), with jieba's web build loading in the extension page.
 *
 * The reader page's search box uses the same view and ranking.
 *
 * The native context menu cannot be clicked from Playwright, so the test
 * checks that the background registered the menu item (contextMenus.update
 * fails for an unknown id) and then opens the page the item opens.
 */
import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getCorpus } from '../../lib/corpus';
import { lookupTokenHash, lookupTokenKey } from '../../lib/page-links';
import { type ExtensionSession, launchWithExtension } from '../../scripts/browser';
import { type NetworkWatch, watchExtensionNetwork } from './network';

const corpus = getCorpus();
const sentenceWith = (fragment: string) => {
  const s = corpus.sentences.find((x) => x.text.includes(fragment));
  if (!s) throw new Error(`no sentence contains ${fragment}`);
  return s;
};

interface ShownHit {
  sentence: number;
  kind: string;
  badge: string;
  text: string;
  marked: string[];
  link: string | null;
}

/** Hands `query` over as the background's context menu does (storage.session, a token) and opens the page. */
async function openLookup(session: ExtensionSession, query: string): Promise<Page> {
  const token = randomUUID();
  await session.serviceWorker.evaluate(({ key, text }) => chrome.storage.session.set({ [key]: text }), {
    key: lookupTokenKey(token),
    text: query,
  });
  const page = await session.context.newPage();
  await page.goto(session.extensionUrl('lookup.html') + lookupTokenHash(token));
  return page;
}

/** The lookup hand-offs still waiting in storage.session. */
async function waitingLookups(session: ExtensionSession): Promise<string[]> {
  const all = await session.serviceWorker.evaluate(() => chrome.storage.session.get(null));
  return Object.keys(all).filter((key) => key.startsWith(lookupTokenKey('')));
}

/** Waits for the results (jieba's first load takes a moment) and reads them from the DOM. */
async function shownHits(page: Page): Promise<ShownHit[]> {
  await page.waitForSelector('.yw-lookup-summary', { timeout: 20_000 });
  return page.evaluate(() =>
    [...document.querySelectorAll('li.yw-hit')].map((li) => ({
      sentence: Number(li.getAttribute('data-sentence')),
      kind: li.getAttribute('data-kind') ?? '',
      badge: li.querySelector('.yw-badge')?.textContent ?? '',
      text: li.querySelector('.yw-hit-text')?.textContent ?? '',
      marked: [...li.querySelectorAll('.yw-hit-text mark')].map((m) => m.textContent ?? ''),
      link: li.querySelector('a')?.getAttribute('href') ?? null,
    })),
  );
}

describe('selection lookup in Chromium', () => {
  let session: ExtensionSession;
  let network: NetworkWatch;
  beforeAll(async () => {
    session = await launchWithExtension();
    network = watchExtensionNetwork(session.context);
    // Headless Chromium speaks en-US: choose Chinese in the settings, as a user would, to check the UI follows.
    await session.serviceWorker.evaluate(() => chrome.storage.local.set({ settings: { language: 'zh' } }));
  });
  afterAll(async () => {
    await network?.stop();
    await session?.close();
  });

  it('registers the context menu item 「在原文中查找」 on selections', async () => {
    const error = await session.serviceWorker.evaluate(async () => {
      // The menu is created asynchronously at start-up; poll briefly.
      for (let i = 0; i < 50; i++) {
        const message = await new Promise<string | null>((resolve) =>
          chrome.contextMenus.update('yuanwen-find-in-speech', { contexts: ['selection'] }, () =>
            resolve(chrome.runtime.lastError?.message ?? null),
          ),
        );
        if (message === null) return null;
        await new Promise((r) => setTimeout(r, 100));
      }
      return 'menu item never appeared';
    });
    expect(error).toBeNull();
  });

  it('ranks the right passage first for a slightly altered speech sentence', async () => {
    const original = sentenceWith('保护好生态环境，是我们党践行使命宗旨');
    // 之间的 → 之间 (dropped), 影响着 → 也影响 (changed), a clause reordered
    const altered =
      '保护好生态环境，是我们党践行使命宗旨、密切党和人民群众之间血肉联系的重要举措，关系着党能否兑现对人民的承诺，也影响党的执政根基能否长期稳固';
    const page = await openLookup(session, altered);
    const hits = await shownHits(page);
    expect(hits.length).toBeGreaterThan(0);
    expect(hits[0]?.sentence).toBe(original.index);
    expect(hits[0]?.text).toBe(original.text);
    expect(hits[0]?.marked.join('').length).toBeGreaterThan(10);
    // The passage opens in the reader at its span.
    expect(hits[0]?.link).toMatch(/\/reader\.html#span=\d+-\d+$/);
    const [, start, end] = /#span=(\d+)-(\d+)$/.exec(hits[0]?.link ?? '') ?? [];
    expect(Number(start)).toBeGreaterThanOrEqual(original.start);
    expect(Number(end)).toBeLessThanOrEqual(original.end);
    // The selection was taken once: gone from storage, and the URL holds neither it nor the token.
    expect(await waitingLookups(session)).toEqual([]);
    expect(new URL(page.url()).hash).toBe('');
    expect(await page.getByLabel('要查找的文字').inputValue()).toBe(altered);
    await page.close();
  });

  it('still reads a hand-typed #q= link, then drops it from the URL', async () => {
    const page = await session.context.newPage();
    await page.goto(`${session.extensionUrl('lookup.html')}#q=${encodeURIComponent('危险废物 重金属')}`);
    const hits = await shownHits(page);
    expect(hits.length).toBeGreaterThan(0);
    expect(new URL(page.url()).hash).toBe('');
    await page.close();
  });

  it('returns the passages that use the words of a keyword-only selection', async () => {
    const page = await openLookup(session, '危险废物 重金属 土壤污染');
    const hits = await shownHits(page);
    expect(hits.length).toBeGreaterThan(0);
    expect(hits[0]?.text).toContain('危险废物');
    expect(hits[0]?.text).toContain('重金属');
    for (const hit of hits) {
      expect(hit.kind).toBe('words');
      expect(hit.badge).toBe('用词相关');
      expect(hit.marked.length).toBeGreaterThan(0);
      for (const m of hit.marked) expect(['危险废物', '重金属', '土壤污染', '土壤', '污染']).toContain(m);
    }
    // Every sentence that uses the rare words is listed.
    const users = corpus.sentences.filter((s) => s.text.includes('危险废物') || s.text.includes('重金属'));
    for (const s of users) expect(hits.map((h) => h.sentence)).toContain(s.index);
    await page.close();
  });

  it('searches again from the box and keeps the query out of the URL', async () => {
    const page = await openLookup(session, '');
    await expect.poll(() => page.locator('.yw-lookup').count()).toBe(1);
    const box = page.getByLabel('要查找的文字');
    await box.fill('蓝天 碧水 净土');
    await box.press('Enter');
    const hits = await shownHits(page);
    const expected = corpus.sentences.filter((s) => /蓝天|碧水|净土/.test(s.text)).map((s) => s.index);
    expect(hits.map((h) => h.sentence).sort((a, b) => a - b)).toEqual(expected);
    expect(page.url()).toBe(session.extensionUrl('lookup.html'));
    await page.close();
  });

  it('the reader page has a search box with the same ranking, opening a passage in place', async () => {
    const page = await session.context.newPage();
    await page.goto(session.extensionUrl('reader.html'));
    await page.locator('summary', { hasText: '在原文中查找' }).click();
    const box = page.getByLabel('要查找的文字');
    await box.fill('危险废物 重金属 土壤污染');
    await box.press('Enter');
    const hits = await shownHits(page);
    // Same ranking as the lookup page.
    const lookup = await openLookup(session, '危险废物 重金属 土壤污染');
    expect(hits.map((h) => h.sentence)).toEqual((await shownHits(lookup)).map((h) => h.sentence));
    await lookup.close();
    await page.getByRole('button', { name: '在阅读页中打开' }).first().click();
    const first = corpus.sentences[hits[0]?.sentence ?? -1];
    await expect.poll(() => new URL(page.url()).hash).toBe(`#span=${first?.start}-${first?.end}`);
    // The reader marks the passage it was sent to.
    await expect.poll(() => page.locator('mark[data-target]').allTextContents()).toEqual([first?.text]);
    await page.close();
  });

  it('made no network request while looking up', () => {
    network.assertNoExtensionRequests();
    expect(network.extensionRequestCount()).toBeGreaterThan(0); // the watch saw the extension's own files
  });
});
