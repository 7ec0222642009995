/**
 * A page that changes all the time: a clock and a Latin ticker inside a
 * Chinese article, 50 changes a second. Changes without Han text cannot make
 * or break a quote of the speech and cost no scan request; a burst of
 * Chinese changes is re-scanned in a few batched requests, and the result
 * stays equal to the matcher's for the page.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExtensionSession } from '../../scripts/browser';
import { extensionFixture } from './content-fixture';
import { type Background, settle } from './content-helpers';
import { expectFullResult, newsPage, WorkerControl } from './faults';
import { WALL_CLOCK } from './wall-clock';

const TICKER = `<script>
  const clock = document.createElement('span');
  const ticker = document.createElement('p');
  document.querySelector('main p:last-of-type').append(' ', clock);
  document.querySelector('main').append(ticker);
  let n = 0;
  window.__ywTick = setInterval(() => {
    n++;
    clock.textContent = new Date(1_700_000_000_000 + n * 20).toISOString().slice(11, 23);
    ticker.replaceChildren(Object.assign(document.createElement('b'), { textContent: 'BREAKING ' + n }));
  }, 20);
</script>`;

describe('constant DOM changes', WALL_CLOCK, () => {
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

  it('changes without Han text cost no scan request; a Chinese burst costs a few', async () => {
    const truth = newsPage(100 * 1024, 10);
    session.server.route('/faults-ticker.html', truth.html.replace('</body>', `${TICKER}</body>`));
    const page = await session.context.newPage();
    await page.goto(`${session.server.baseUrl}/faults-ticker.html`);
    const tabId = await bg.tabIdOf(page);
    await expectFullResult(bg, control.extPage, page, tabId, truth);

    const events: string[] = [];
    const { unwatch } = await control.watch((e) => events.push(e));
    await settle(5000);
    const ticks = await page.evaluate(() => document.querySelector('main p:last-child b')?.textContent ?? '');
    expect(Number(ticks.replace('BREAKING ', ''))).toBeGreaterThan(150); // the page did change, ~50 times a second
    const idle = events.filter((e) => e === 'scan-text').length;

    // 40 Chinese paragraphs, one every 25 ms: a burst, re-scanned in batches.
    await page.evaluate(async () => {
      for (let i = 0; i < 40; i++) {
        const p = document.createElement('p');
        p.textContent = `第${i}条：今天的天气很好，各地群众积极参加植树活动。`;
        document.querySelector('main')?.append(p);
        await new Promise((ok) => setTimeout(ok, 25));
      }
    });
    await settle(2500);
    unwatch();
    const burst = events.filter((e) => e === 'scan-text').length - idle;
    console.log(
      `scan-text requests: ${idle} in 5 s of non-Han changes; ${burst} for a 1 s burst of 40 Chinese paragraphs`,
    );
    expect(idle).toBe(0);
    expect(burst).toBeGreaterThan(0);
    expect(burst).toBeLessThanOrEqual(8); // one per block would be 40
    await expectFullResult(bg, control.extPage, page, tabId, truth);
    await page.close();
  });
});
