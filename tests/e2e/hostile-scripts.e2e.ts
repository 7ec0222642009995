/**
 * Pages whose scripts fight back: they override Node/Range/… methods with
 * throwing traps, impersonate the extension (fake messages, fake
 * CustomEvents), or replay WXT's "content script started" signal, which WXT
 * uses to shut down an older copy of a content script. The content script
 * lives in its own world and talks over the extension runtime only: none of
 * this may reach it, and it must still highlight the quote the page adds at
 * the end.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fightingScriptsPage, SLOGAN, SLOGAN_2 } from './hostile-pages';
import { expectUnharmed, type HostileBrowser, launchHostileBrowser, type Visit, visitHostilePage } from './hostile-run';
import { WALL_CLOCK } from './wall-clock';

type Options = Parameters<typeof fightingScriptsPage>[0];

/** Opens a fighting page and waits until it has done its worst; collects the trapped calls from its console. */
async function visitFighting(browser: HostileBrowser, name: string, options: Options) {
  const trapped: string[] = [];
  let done: Promise<unknown> = Promise.resolve();
  const visit = await visitHostilePage(browser, name, fightingScriptsPage(options), {
    // The late quote proves the content script is still alive after the page's attacks.
    expectHighlighted: [SLOGAN, SLOGAN_2],
    beforeNavigation: (probe) => {
      probe.page.on('console', (m) => {
        if (m.text().startsWith('hostile-trap ')) trapped.push(m.text());
      });
      done = probe.page.waitForEvent('console', { predicate: (m) => m.text() === 'hostile-done', timeout: 30_000 });
    },
    whilePageRuns: async () => {
      await done;
    },
    settleMs: 1500,
  });
  return { visit, trapped };
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
    const { visit, trapped } = await visitFighting(browser, 'traps-and-fakes', { replayWxtSignal: false });
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

  it('cannot be shut down by a page replaying WXT’s content-script-started signal', async () => {
    const { visit } = await visitFighting(browser, 'wxt-replay', { traps: false, fakeMessages: false });
    expectUnharmed(withoutLateParagraph(visit));
    await visit.probe.page.close();
  });

  it('makes no network request from any extension context', () => {
    browser.network.assertNoExtensionRequests();
  });
});
