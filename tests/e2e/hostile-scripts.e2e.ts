/**
 * Pages whose scripts fight back: they override Node/Range/… methods with
 * throwing traps, impersonate the extension (fake messages, fake
 * CustomEvents), and forge WXT's "content script started" signal under the
 * extension's real id in both forms WXT has used (a document event and a
 * window message) while their DOM methods are trapped. The content script
 * lives in its own world, talks over the extension runtime only and never
 * announces itself: none of this may reach it, the page must see no signal it
 * did not send, and the quote the page adds after its attacks must still be
 * highlighted. (page-privacy.e2e.ts forges the document event alone, from a
 * <head> script, an iframe and before late text, on untrapped pages.)
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fightingScriptsPage, SLOGAN, SLOGAN_2 } from './hostile-pages';
import { expectUnharmed, type HostileBrowser, launchHostileBrowser, type Visit, visitHostilePage } from './hostile-run';
import { WALL_CLOCK } from './wall-clock';

type Options = Parameters<typeof fightingScriptsPage>[0];

/** Opens a fighting page and waits until it has done its worst; collects what it logged of its fight. */
async function visitFighting(browser: HostileBrowser, name: string, options: Options) {
  const trapped: string[] = [];
  const announced: string[] = [];
  let forged = 0;
  let done: Promise<unknown> = Promise.resolve();
  const visit = await visitHostilePage(browser, name, fightingScriptsPage(options), {
    // The late quote proves the content script is still alive after the page's attacks.
    expectHighlighted: [SLOGAN, SLOGAN_2],
    beforeNavigation: (probe) => {
      probe.page.on('console', (m) => {
        if (m.text().startsWith('hostile-trap ')) trapped.push(m.text());
        if (m.text().startsWith('hostile-announced ')) announced.push(m.text());
        if (m.text().startsWith('hostile-forged ')) forged = Number(m.text().slice('hostile-forged '.length));
      });
      done = probe.page.waitForEvent('console', { predicate: (m) => m.text() === 'hostile-done', timeout: 30_000 });
    },
    whilePageRuns: async () => {
      await done;
    },
    settleMs: 1500,
  });
  return { visit, trapped, announced, forged };
}

/** The page adds one paragraph to #late on its own; a diff that is only that is no diff. */
function withoutLateParagraph(visit: Visit) {
  const diff = visit.report.domDiff;
  const onlyLate = diff?.includes('<DIV id="late"') && diff.includes('后来添加');
  return { ...visit.report, domDiff: onlyLate ? null : diff };
}

describe('hostile pages: scripts that fight back', WALL_CLOCK, () => {
  let browser: HostileBrowser;
  beforeAll(async () => {
    browser = await launchHostileBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('ignores overridden DOM methods and fake messages, and keeps highlighting', async () => {
    const { visit, trapped } = await visitFighting(browser, 'traps-and-fakes', {});
    expect(trapped).toEqual([]);
    expectUnharmed(withoutLateParagraph(visit));
    // No fake result reached the background or the badge; the fake toggle did not hide anything.
    const results = await browser.status.results(visit.tabId);
    expect(results?.matches.map((m) => m.quote)).not.toContain('伪造的引文');
    expect(results?.matches.some((m) => m.id.startsWith('fake'))).toBe(false);
    const real = results?.matches.length ?? 0;
    expect(real).toBeGreaterThanOrEqual(2);
    expect(await browser.status.badge(visit.tabId)).toBe(String(real));
    await visit.probe.page.close();
  });

  it('cannot be shut down by WXT’s start-up signal forged under its id, and never sends one', async () => {
    const { visit, trapped, announced, forged } = await visitFighting(browser, 'wxt-forged', {
      fakeMessages: false,
      forgeWxtFor: browser.session.extensionId,
    });
    expect(forged, 'the page forged the signal for its whole life').toBeGreaterThanOrEqual(20);
    expect(announced, 'signals the page did not send').toEqual([]);
    expect(trapped).toEqual([]);
    // Alive after the forgeries: the late quote is highlighted (visitFighting waited for it) and reported.
    expectUnharmed(withoutLateParagraph(visit));
    const quotes = (await browser.status.results(visit.tabId))?.matches.map((m) => m.quote).join('|') ?? '';
    expect(quotes).toContain(SLOGAN_2);
    await visit.probe.page.close();
  });

  it('makes no network request from any extension context', () => {
    browser.network.assertNoExtensionRequests();
  });
});
