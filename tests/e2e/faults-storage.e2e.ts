/**
 * storage.session filled near its quota by something else: the pages opened
 * then are still highlighted, counted on the badge and listed in full by
 * the popup, which says their results could not be stored; the failed writes
 * are logged; no other tab's stored results are dropped to make room; and
 * after the worker restarts (memory gone) the background rebuilds the
 * unstored tab's results from its page.
 */
import type { ConsoleMessage } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExtensionSession } from '../../scripts/browser';
import { extensionFixture } from './content-fixture';
import type { Background } from './content-helpers';
import { expectFullResult, newsPage, storedMatches, WorkerControl } from './faults';

describe('storage.session near its quota', () => {
  let session: ExtensionSession;
  let bg: Background;
  let control: WorkerControl;
  const ext = extensionFixture();
  beforeAll(async () => {
    ({ session, bg } = ext);
    control = await WorkerControl.open(session);
  });
  afterAll(async () => {
    await control?.close();
  });

  it('gives a notice, logs the failed writes, and loses no open page, through a worker restart', async () => {
    const a = newsPage(1024 * 1024);
    const b = newsPage(300 * 1024, 4, '引文很多的页面');
    session.server.route('/faults-a.html', a.html);
    session.server.route('/faults-b.html', b.html);
    const pageA = await session.context.newPage();
    await pageA.goto(`${session.server.baseUrl}/faults-a.html`);
    const tabA = await bg.tabIdOf(pageA);
    await expectFullResult(bg, control.extPage, pageA, tabA, a);

    // Something else fills storage.session: less room is left than page B's results take.
    const room = await control.extPage.evaluate(async () => {
      const area = chrome.storage.session;
      await area.remove('filler');
      const left = area.QUOTA_BYTES - (await area.getBytesInUse(null));
      await area.set({ filler: 'x'.repeat(left - 2000) });
      return area.QUOTA_BYTES - (await area.getBytesInUse(null));
    });
    expect(room).toBeLessThan(3000);
    const warnings: string[] = [];
    const worker = await control.current();
    const onConsole = (m: ConsoleMessage) => {
      if (m.type() === 'warning') warnings.push(m.text());
    };
    worker.on('console', onConsole);

    const pageB = await session.context.newPage();
    await pageB.goto(`${session.server.baseUrl}/faults-b.html`);
    const tabB = await bg.tabIdOf(pageB);
    expect(b.expected.length).toBeGreaterThan(300);
    const resultsB = await expectFullResult(bg, control.extPage, pageB, tabB, b, false);
    worker.off('console', onConsole);
    expect(resultsB.unstored).toBe(true);
    expect(await storedMatches(control.extPage, tabB)).toBeNull();
    expect(warnings.some((w) => w.includes(`tab ${tabB}: could not store frame 0's results`))).toBe(true);
    // No tab makes room at another's expense: page A's stored results stay.
    expect(warnings.some((w) => w.includes(`tab ${tabA}`))).toBe(false);
    expect((await storedMatches(control.extPage, tabA))?.length).toBe(a.expected.length);

    // The popup lists B in full and says its results could not be stored.
    const popup = await session.context.newPage();
    await popup.goto(session.extensionUrl(`popup.html?tab=${tabB}`));
    await expect.poll(() => popup.locator('.notice--storage').count(), { timeout: 10_000 }).toBe(1);
    expect(await popup.locator('.notice--storage').innerText()).toMatch(/storage is full|存储空间已满/);
    await popup.close();

    // The worker restarts: memory is gone; A comes back from storage, B from its page.
    await control.stop();
    const afterA = await expectFullResult(bg, control.extPage, pageA, tabA, a, true);
    const afterB = await expectFullResult(bg, control.extPage, pageB, tabB, b, false);
    expect(afterB.unstored).toBe(true);
    expect(afterA.status).toBe('done');

    // Room again: the next report is stored, and the notice goes.
    await control.extPage.evaluate(() => chrome.storage.session.remove('filler'));
    await pageB.evaluate(() => {
      const p = document.createElement('p');
      p.textContent = '要以“时时放心不下”的责任感抓好工作。';
      document.querySelector('main')?.append(p);
    });
    await expect
      .poll(async () => (await bg.results(tabB)).matches.length, { timeout: 20_000 })
      .toBe(b.expected.length + 1);
    const stored = await bg.results(tabB);
    expect(stored.unstored).toBeUndefined();
    expect((await storedMatches(control.extPage, tabB))?.length).toBe(b.expected.length + 1);
    await pageA.close();
    await pageB.close();
  });
});
