/**
 * The core journeys, one spec run in Chromium and in Firefox ESR (scripts/journey-browser.ts):
 * quotes highlighted on a news page, in an iframe, in an open shadow root and
 * when inserted later; the badge; the keyboard commands; the popup for the tab listing every match; Jump; Full passage to the
 * reader at the span; copying a citation (read back from the clipboard); a
 * setting change reaching the open page; the lookup of a selection; and the
 * hostile-page checks (DOM untouched, forged events ignored).
 *
 * Each reads what the page's own world sees (its CSS.highlights registry and
 * adopted stylesheets), so a difference between the browsers in what a page can
 * observe shows here. A missing Firefox fails these tests with the install
 * command (requireFirefox).
 */
import type { Frame, Page } from 'puppeteer-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { citationInput } from '../../components/popup/popup-model';
import { CITATION_FORMATS, DEFAULT_CITATION_FORMAT, formatCitation } from '../../lib/citations';
import { getCorpus } from '../../lib/corpus';
import { optionsStrings } from '../../lib/i18n/options';
import { type PopupStrings, popupStrings } from '../../lib/i18n/popup';
import type { TabResults } from '../../lib/messages';
import { BROWSER_KINDS, type JourneyBrowser, launchJourneyBrowser, waitUntil } from '../../scripts/journey-browser';
import { covers } from './content-helpers';
import { fightingScriptsPage, SLOGAN, SLOGAN_2 } from './hostile-pages';

const NAMES = ['yuanwen-slogan', 'yuanwen-passage', 'yuanwen-near'] as const;
const TITLE = '我市召开生态环境保护工作推进会';

/** Runs in the page's main world before its scripts: counts DOM mutations and window messages after DOMContentLoaded. */
const PROBE = `(() => {
  const probe = { mutations: 0, messages: [] };
  Object.defineProperty(window, '__ywProbe', { value: probe });
  window.addEventListener('message', (e) => probe.messages.push(String(e.data)));
  document.addEventListener('DOMContentLoaded', () => {
    new MutationObserver((records) => { probe.mutations += records.length; })
      .observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
  });
})();`;

/** The highlighted texts as the page's own world sees them in CSS.highlights, all kinds, whitespace removed. */
function highlighted(target: Page | Frame): Promise<Record<string, string[]>> {
  return target.evaluate(
    (names) =>
      Object.fromEntries(
        names.map((n) => [
          n,
          [...(CSS.highlights.get(n) ?? [])].map((r) => (r as Range).toString().replace(/\s+/g, '')),
        ]),
      ),
    [...NAMES],
  );
}
const allHighlighted = async (target: Page | Frame) => Object.values(await highlighted(target)).flat();

/** Whether `words` are inside the window now. */
function inViewport(page: Page, words: string): Promise<boolean> {
  return page.evaluate((w) => {
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const at = n.textContent?.indexOf(w) ?? -1;
      if (at < 0) continue;
      const range = document.createRange();
      range.setStart(n, at);
      range.setEnd(n, at + w.length);
      const r = range.getBoundingClientRect();
      return r.top >= 0 && r.bottom <= window.innerHeight;
    }
    return false;
  }, words);
}

/** Clicks the button called `name` (its aria-label or text) in the popup's item for `matchId`, or anywhere. */
async function clickButton(page: Page, name: string, matchId?: string): Promise<void> {
  const clicked = await page.evaluate(
    (n, id) => {
      const scope = id ? document.querySelector(`li.match[data-match-id="${id}"]`) : document;
      const button = [...(scope?.querySelectorAll('button') ?? [])].find(
        // By its visible text or its accessible name (a card's buttons are named by the quote they act on).
        (b) => (b.textContent ?? '').trim() === n || b.getAttribute('aria-label')?.trim() === n,
      );
      button?.click();
      return !!button;
    },
    name,
    matchId ?? null,
  );
  if (!clicked) throw new Error(`no button "${name}"${matchId ? ` in match ${matchId}` : ''}`);
}

describe.each(BROWSER_KINDS)('core journeys in %s', (kind) => {
  let jb: JourneyBrowser;
  /** An extension page: the extension's own API, as the popup uses it. */
  let ext: Page;
  let news: Page;
  let newsUrl: string;
  let tabId: number;
  let results: TabResults;
  let popup: Page;
  let t: PopupStrings;

  const tabIdOf = (url: string) =>
    waitUntil(
      () =>
        ext.evaluate(async (u) => {
          const ids = (await chrome.tabs.query({})).filter((tab) => tab.url === u).map((tab) => tab.id ?? -1);
          return ids.length > 0 ? Math.max(...ids) : -1;
        }, url),
      (id) => id >= 0,
      `a tab at ${url}`,
    );
  const resultsOf = (id: number) =>
    ext.evaluate((i) => chrome.runtime.sendMessage({ type: 'get-tab-results', tabId: i }) as Promise<TabResults>, id);
  const waitForDone = (id: number, accept: (r: TabResults) => boolean) =>
    waitUntil(
      () => resultsOf(id),
      (r) => r?.status === 'done' && accept(r),
      `tab ${id} scanned`,
      20_000,
    );
  const setSettings = (patch: Record<string, unknown>) =>
    ext.evaluate(async (p) => {
      const current = (await chrome.storage.local.get('settings')).settings ?? {};
      await chrome.storage.local.set({ settings: { ...current, ...p } });
    }, patch);

  /** Why the browser could not be set up: every test fails with it (a missing browser is never a silent skip). */
  let setupError: unknown;

  beforeAll(async () => {
    try {
      await setUp();
    } catch (error) {
      setupError = error;
    }
  });
  beforeEach(() => {
    if (setupError) throw setupError;
  });
  afterAll(async () => {
    await jb?.close();
  });

  async function setUp() {
    jb = await launchJourneyBrowser(kind);
    ext = await jb.openExtensionPage('options.html');
    newsUrl = `${jb.server.baseUrl}/popup-news.html`;
    news = await jb.openPage(newsUrl, PROBE);
    tabId = await tabIdOf(newsUrl);
    results = await waitForDone(tabId, (r) => r.matches.length >= 5);
  }

  it('highlights every quote of a news page, passages and near quotes apart, as the page can see', async () => {
    const hl = await highlighted(news);
    // 涵养“功成不必在我”的胸怀 is the speech's sentence around the slogan: a passage.
    expect(hl['yuanwen-passage']?.join('|')).toContain('涵养“功成不必在我”的胸怀');
    expect(hl['yuanwen-passage']?.join('|')).toContain('在生态环境保护上算大账、算长远账、算整体账、算综合账');
    expect(hl['yuanwen-near']?.join('|')).toContain('像保护眼睛那样保护生态环境');
    const all = Object.values(hl).flat();
    for (const m of results.matches) expect(covers(all, m.quote), m.quote).toBe(true);
  });

  it('highlights quotes inside an iframe', async () => {
    const page = await jb.openPage(`${jb.server.baseUrl}/content-iframe.html`);
    const frame = await waitUntil(
      async () => page.frames().find((f) => f.url().endsWith('/content-iframe-inner.html')) ?? null,
      (f) => f !== null,
      'the iframe',
    );
    await waitUntil(
      () => allHighlighted(frame as Frame),
      (texts) => covers(texts, '时时放心不下') && covers(texts, '生态环境是关系党的使命宗旨的重大政治问题'),
      'the iframe’s quotes highlighted',
    );
    expect(covers(await allHighlighted(page), SLOGAN)).toBe(true);
    await page.close();
  });

  it('highlights quotes inside an open shadow root, and styles them there', async () => {
    const page = await jb.openPage(`${jb.server.baseUrl}/content-shadow.html`);
    const inRoot = await waitUntil(
      () =>
        page.evaluate(
          (names) => {
            const root = document.querySelector('quote-card')?.shadowRoot;
            const texts = names.flatMap((n) =>
              [...(CSS.highlights.get(n) ?? [])]
                .filter((r) => (r as Range).startContainer.getRootNode() === root)
                .map((r) => (r as Range).toString()),
            );
            // ::highlight() rules apply per tree scope: the shadow root needs the sheet of its own.
            const styled = [...(root?.adoptedStyleSheets ?? [])].some((sheet) =>
              [...sheet.cssRules].some((r) => r.cssText.includes('::highlight(yuanwen-passage)')),
            );
            return { texts, styled };
          },
          [...NAMES],
        ),
      (v) => covers(v.texts, '生态环境是关系党的使命宗旨的重大政治问题') && v.styled,
      'the shadow root’s quote highlighted and its sheet adopted',
    );
    expect(inRoot.styled).toBe(true);
    await page.close();
  });

  it('highlights quotes the page inserts later, and the text it rewrites', async () => {
    const page = await jb.openPage(`${jb.server.baseUrl}/content-append.html`);
    await waitUntil(
      () => page.evaluate(() => document.body.dataset.done === '1'),
      (done) => done,
      'the feed to finish',
    );
    const texts = await waitUntil(
      () => allHighlighted(page),
      (x) => covers(x, '抓生态就是抓发展、抓生态就是抓民生'),
      'the rewritten item’s quote highlighted',
    );
    expect(covers(texts, '时时放心不下')).toBe(true);
    expect(covers(texts, '生态环境是关系党的使命宗旨的重大政治问题，也是关系民生的重大社会问题')).toBe(true);
    await page.close();
  });

  it('renders the options page, in which the extension’s API answers', async () => {
    const lang = await ext.evaluate(() => document.documentElement.lang);
    const heading = await waitUntil(
      () => ext.evaluate(() => document.querySelector('h1')?.textContent ?? ''),
      (h) => h.length > 0,
      'the options page heading',
    );
    expect(heading).toBe(optionsStrings(lang.startsWith('zh') ? 'zh' : 'en').pageTitle);
    expect(await ext.evaluate(() => chrome.runtime.getManifest().manifest_version)).toBe(3);
  });

  it('counts the matches on the toolbar badge', async () => {
    const badge = await ext.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId);
    expect(badge).toBe(String(results.matches.length));
  });

  it('registers its keyboard commands, and the toggle they send hides and shows the highlights', async () => {
    const commands = await ext.evaluate(async () =>
      (await chrome.commands.getAll()).map((c) => `${c.name} ${c.shortcut}`).sort(),
    );
    expect(commands).toEqual(['_execute_action Alt+Shift+Y', 'toggle-highlights Alt+Shift+H']);
    // What the background sends the current tab on Alt+Shift+H (entrypoints/background/keyboard-commands.ts).
    const toggle = () => ext.evaluate((id) => chrome.tabs.sendMessage(id, { type: 'toggle-highlights' }), tabId);
    await toggle();
    await waitUntil(
      () => allHighlighted(news),
      (x) => x.length === 0,
      'the highlights hidden',
    );
    await toggle();
    await waitUntil(
      () => allHighlighted(news),
      (x) => results.matches.every((m) => covers(x, m.quote)),
      'the highlights shown again',
    );
  });

  it('lists every match in the popup for the tab, in page order, with the page title', async () => {
    popup = await jb.openExtensionPage(`popup.html?tab=${tabId}`);
    const listed = await waitUntil(
      () =>
        popup.evaluate(() =>
          document.querySelector('.toolbar__count .spinner')
            ? []
            : [...document.querySelectorAll('li.match')].map((li) => li.getAttribute('data-match-id')),
        ),
      (ids) => ids.length === results.matches.length,
      'the popup to list the matches',
    );
    expect(listed).toEqual(results.matches.map((m) => m.id));
    expect(await popup.evaluate(() => document.querySelector('.popup__page')?.textContent)).toBe(TITLE);
    const lang = await popup.evaluate(() => document.documentElement.lang);
    t = popupStrings(lang.startsWith('zh') ? 'zh' : 'en');
    expect(await popup.evaluate(() => document.querySelector('#matches-heading')?.textContent)).toBe(
      t.matchesHeading(results.matches.length),
    );
  });

  it('jumps: the quote is scrolled into the page’s window', async () => {
    const target = results.matches.find((m) => m.quote.includes('时时放心不下'));
    expect(target).toBeDefined();
    expect(await inViewport(news, '时时放心不下')).toBe(false);
    await clickButton(popup, t.jump, target?.id);
    await waitUntil(
      () => inViewport(news, '时时放心不下'),
      (v) => v,
      'the quote in view',
    );
  });

  it('opens the full passage in the reader at the span', async () => {
    const target = results.matches.find((m) => m.quote.includes('算大账'));
    if (!target) throw new Error('no passage match');
    await clickButton(popup, t.openPassage, target.id);
    const reader = await jb.waitForPage(jb.extensionUrl(`reader.html#span=${target.speechStart}-${target.speechEnd}`));
    const shown = await waitUntil(
      () =>
        reader.evaluate(() => [...document.querySelectorAll('mark[data-target]')].map((m) => m.textContent).join('')),
      (s) => s.length > 0,
      'the reader to mark the span',
    );
    expect(shown).toBe(getCorpus().text.slice(target.speechStart, target.speechEnd));
    await waitUntil(
      () =>
        reader.evaluate(() => {
          const box = document.querySelector('mark[data-target]')?.getBoundingClientRect();
          return !!box && box.top >= 0 && box.bottom <= window.innerHeight;
        }),
      (v) => v,
      'the span in view',
    );
    await reader.close();
  });

  it('copies the default citation to the clipboard', async () => {
    const target = results.matches.find((m) => m.quote.includes('功成不必在我'));
    if (!target) throw new Error('no match of 功成不必在我');
    await popup.bringToFront();
    const label = CITATION_FORMATS.find((f) => f.id === DEFAULT_CITATION_FORMAT)?.label ?? '';
    await clickButton(popup, t.copyCitation(label), target.id);
    await waitUntil(
      () => popup.evaluate(() => document.querySelector('output.toast')?.textContent ?? ''),
      (s) => s === t.copied(label),
      'the copied notice',
    );
    const copied = await popup.evaluate(() => navigator.clipboard.readText());
    const expected = formatCitation(
      DEFAULT_CITATION_FORMAT,
      citationInput(
        target,
        { title: TITLE, url: newsUrl, ...(results.author ? { author: results.author } : {}) },
        new Date(),
      ),
      {
        lang: t.lang,
      },
    );
    expect(copied).toBe(expected);
  });

  it('leaves the page’s DOM untouched and posts it no message', async () => {
    const probe = await news.evaluate(() => (window as unknown as { __ywProbe: unknown }).__ywProbe);
    expect(probe).toEqual({ mutations: 0, messages: [] });
    // Default colours come with the manifest's stylesheet: nothing adopted into the page.
    expect(await news.evaluate(() => document.adoptedStyleSheets.length)).toBe(0);
  });

  it('applies a colour change to the open page at once', async () => {
    await setSettings({ colours: { slogan: '#00ff0080', passage: '#3b9cff55', nearVerbatim: '#ff7a4566' } });
    const rule = await waitUntil(
      () =>
        news.evaluate(() => {
          for (const sheet of document.adoptedStyleSheets)
            for (const r of sheet.cssRules)
              if (r.cssText.includes('::highlight(yuanwen-slogan)')) return (r as CSSStyleRule).style.backgroundColor;
          return null;
        }),
      (c) => c !== null,
      'an adopted sheet with the slogan colour',
    );
    const expected = await news.evaluate(() => {
      const probe = document.createElement('i').style;
      probe.backgroundColor = '#00ff0080';
      return probe.backgroundColor;
    });
    expect(rule).toBe(expected);
    expect(await allHighlighted(news)).not.toEqual([]);
  });

  it('pauses on the site from the popup: the open page loses its highlights, and gets them back', async () => {
    await clickButton(popup, t.pauseOnSite('127.0.0.1'));
    await waitUntil(
      () => allHighlighted(news),
      (x) => x.length === 0,
      'the highlights removed',
    );
    await waitUntil(
      () => popup.evaluate(() => !!document.querySelector('.state--paused')),
      (v) => v,
      'the popup to say paused',
    );
    await clickButton(popup, t.pauseOnSite('127.0.0.1'));
    const back = await waitUntil(
      () => allHighlighted(news),
      (x) => results.matches.every((m) => covers(x, m.quote)),
      'every quote highlighted again',
    );
    expect(back.length).toBeGreaterThan(0);
  });

  it('looks a selection up: the menu item is registered and the lookup page ranks the passage', async () => {
    const menuError = await waitUntil(
      () =>
        ext.evaluate(
          () =>
            new Promise<string | null>((resolve) => {
              try {
                const done = chrome.contextMenus.update('yuanwen-find-in-speech', { contexts: ['selection'] }, () =>
                  resolve(chrome.runtime.lastError?.message ?? null),
                ) as unknown;
                // Firefox answers with a promise as well as the callback.
                if (done instanceof Promise) done.catch((e) => resolve(String(e)));
              } catch (e) {
                resolve(String(e));
              }
            }),
        ),
      (e) => e === null,
      'the context menu item',
    );
    expect(menuError).toBeNull();
    const sentence = getCorpus().sentences.find((s) => s.text.includes('保护好生态环境，是我们党践行使命宗旨'));
    if (!sentence) throw new Error('no such sentence in the speech');
    const altered =
      '保护好生态环境，是我们党践行使命宗旨、密切党和人民群众之间血肉联系的重要举措，关系着党能否兑现对人民的承诺';
    const lookup = await jb.openExtensionPage(`lookup.html#q=${encodeURIComponent(altered)}`);
    const first = await waitUntil(
      () => lookup.evaluate(() => document.querySelector('li.yw-hit')?.getAttribute('data-sentence') ?? null),
      (s) => s !== null,
      'the lookup results (jieba loads its wasm in the extension page)',
      30_000,
    );
    expect(Number(first)).toBe(sentence.index);
    await lookup.close();
  });

  it('ignores a page’s forged events and messages and keeps highlighting what it adds later', async () => {
    jb.server.route('/journeys-fighting.html', fightingScriptsPage());
    const url = `${jb.server.baseUrl}/journeys-fighting.html`;
    const page = await jb.browser.newPage();
    const trapped: string[] = [];
    let done = false;
    page.on('console', (m) => {
      if (m.text().startsWith('hostile-trap ')) trapped.push(m.text());
      if (m.text() === 'hostile-done') done = true;
    });
    await page.goto(url, { waitUntil: 'load' });
    await waitUntil(
      async () => done,
      (d) => d,
      'the page to finish its attacks',
      30_000,
    );
    const id = await tabIdOf(url);
    const after = await waitForDone(id, (r) => r.matches.some((m) => m.quote.includes(SLOGAN_2)));
    expect(trapped).toEqual([]);
    expect(after.matches.map((m) => m.quote)).toContain(SLOGAN);
    expect(after.matches.some((m) => m.id.startsWith('fake') || m.quote === '伪造的引文')).toBe(false);
    expect(await ext.evaluate((i) => chrome.action.getBadgeText({ tabId: i }), id)).toBe(String(after.matches.length));
    await page.close();
  });
});
