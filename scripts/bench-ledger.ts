/**
 * The ledger at scale: 100,000 pages of three quotes each.
 *
 * In Chromium, on the built extension's ledger page (the entries written
 * into its IndexedDB first):
 *   ledger_first_screen_ms  from loading ledger.html to its first entries shown (the newest, read first);
 *   ledger_open_ms    from loading ledger.html to its list shown and the total count known;
 *   ledger_open_empty_ms  the same page opened on an empty ledger, the baseline of ledger_open_ms;
 *   ledger_connect_ms, ledger_count_ms, ledger_newest_read_ms  the parts of the open read alone on the page;
 *   ledger_ready_ms   from loading ledger.html to every entry read and indexed (the filters at work);
 *   ledger_filter_ms  median, over several filters typed or chosen on the page, until the list is updated;
 *   ledger_getall_ms, ledger_getall_index_ms  the floor under ready: reading all entries on the page
 *                     (IndexedDB and structured clone), by key and in the lastSeen index's order.
 * In Node over fake-indexeddb (an in-memory IndexedDB in JavaScript, slower than the browser's):
 *   ledger_write_ms   median time to record one page (a transaction: read its entry, merge, write);
 *   ledger_filter_node_ms  the filter function alone (get-ledger's), median over the same filters;
 *   ledger_index_build_node_ms  building the ledger page's filter index once;
 *   ledger_index_filter_node_ms the page's filter over that index, median over the same filters.
 *
 *   npx tsx scripts/bench-ledger.ts [--no-browser]
 */
import 'fake-indexeddb/auto';
import { resolve } from 'node:path';
import { entriesNewestFirst, openLedger, recordPage } from '../extension/ledger-store';
import { getCorpus } from '../lib/corpus';
import { buildLedgerIndex, selectLedgerRows } from '../lib/ledger/filter-index';
import { filterEntries } from '../lib/ledger/query';
import { type QuotedMatch, recordSighting } from '../lib/ledger/record';
import { DAY_MS, type LedgerEntry, type LedgerQuery } from '../lib/ledger/types';
import { launchWithExtension, ROOT } from './browser';
import { rng } from './seeded-random';

export const LEDGER_ENTRIES = 100_000;
/** The build benchBrowser() makes (scripts/bench-browser.ts), which the ledger page is measured on. */
export const LEDGER_BUILD = resolve(ROOT, process.env.YUANWEN_OUT_DIR ?? '.output-bench', 'chrome-mv3');
const SITES = 500;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] as number;
}

function syntheticEntries(n: number, now: number): LedgerEntry[] {
  const corpus = getCorpus();
  const random = rng(21);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)] as T;
  const out: LedgerEntry[] = [];
  for (let i = 0; i < n; i++) {
    const matches: QuotedMatch[] = [];
    for (let k = 0; k < 3; k++) {
      const s = pick(corpus.sentences);
      const edited = random() < 0.2;
      const quote = edited ? `${s.text.slice(0, 10)}之${s.text.slice(11, 40)}` : s.text.slice(0, 40);
      matches.push({
        kind: 'passage',
        start: 0,
        end: quote.length,
        speechStart: s.start,
        speechEnd: Math.min(s.end, s.start + 40),
        similarity: edited ? 0.95 : 1,
        diff: edited ? [{ op: 'replace', page: '之', speech: s.text[10] ?? '' }] : null,
        rule: edited ? 'near' : 'verbatim',
        distinctiveness: 1,
        quote,
      });
    }
    const seenAt = now - Math.floor(random() * 170) * DAY_MS;
    const entry = recordSighting(
      { url: `https://site${i % SITES}.example.cn/news/${i}.html`, title: `新闻报道 ${i}`, matches, seenAt },
      undefined,
    );
    if (entry) out.push(entry);
  }
  return out;
}

const QUERIES = (now: number): LedgerQuery[] => [
  { text: '报道 4242' },
  { site: 'site7.example.cn' },
  { editedOnly: true },
  { kind: 'passage', from: now - 30 * DAY_MS, to: now },
  { text: '生态', editedOnly: true },
];

/** Node figures: writes and the filter function over fake-indexeddb. */
export async function benchLedgerNode(): Promise<Record<string, number>> {
  const now = Date.UTC(2026, 11, 1);
  const db = await openLedger(`bench-ledger-${Date.now()}`);
  const entries = syntheticEntries(LEDGER_ENTRIES, now);
  const tx = db.transaction('entries', 'readwrite');
  for (const e of entries) void tx.store.put(e);
  await tx.done;

  const all = filterEntries(await entriesNewestFirst(db), {});
  if (all.length !== LEDGER_ENTRIES) throw new Error(`the ledger holds ${all.length} entries`);

  const queries = QUERIES(now);
  const filterTimes: number[] = [];
  for (let round = 0; round < 3; round++)
    for (const q of queries) {
      const t = performance.now();
      filterEntries(all, q);
      filterTimes.push(performance.now() - t);
    }

  const t0 = performance.now();
  const index = buildLedgerIndex(all);
  const indexBuild = performance.now() - t0;
  const indexTimes: number[] = [];
  for (let round = 0; round < 3; round++)
    for (const q of queries) {
      const t = performance.now();
      selectLedgerRows(index, q);
      indexTimes.push(performance.now() - t);
    }

  const writeTimes: number[] = [];
  const sample = entries.slice(0, 50);
  for (const e of sample) {
    const t = performance.now();
    await recordPage(db, {
      url: e.url,
      title: e.title,
      seenAt: now,
      matches: e.quotes.map((q) => ({
        kind: q.kind,
        start: 0,
        end: q.quote.length,
        speechStart: q.start,
        speechEnd: q.end,
        similarity: q.similarity,
        diff: null,
        rule: q.rule,
        distinctiveness: 1,
        quote: q.quote,
      })),
    });
    writeTimes.push(performance.now() - t);
  }
  db.close();
  return {
    ledger_entries: all.length,
    ledger_filter_node_ms: round1(median(filterTimes)),
    ledger_index_build_node_ms: round1(indexBuild),
    ledger_index_filter_node_ms: round1(median(indexTimes)),
    ledger_write_ms: round1(median(writeTimes)),
  };
}

const round1 = (x: number) => Math.round(x * 10) / 10;

/** Browser figures: the ledger page itself, on the build in `extensionDir`. */
export async function benchLedgerBrowser(extensionDir: string): Promise<Record<string, number>> {
  const now = Date.UTC(2026, 11, 1);
  const session = await launchWithExtension({ extensionDir });
  try {
    // The baseline: the same page opened the same way on an empty ledger (loading, React, first paint).
    const emptyOpens: number[] = [];
    let page = await session.context.newPage();
    for (let round = 0; round < 3; round++) {
      await page.close();
      page = await session.context.newPage();
      const t0 = performance.now();
      await page.goto(session.extensionUrl('ledger.html'));
      await page.getByTestId('ledger-summary').waitFor();
      emptyOpens.push(performance.now() - t0);
    }
    const entries = syntheticEntries(LEDGER_ENTRIES, now);
    for (let i = 0; i < entries.length; i += 10_000) {
      await page.evaluate(
        (batch) =>
          new Promise<void>((ok, fail) => {
            const open = indexedDB.open('yuanwen-ledger');
            open.onerror = () => fail(open.error);
            open.onsuccess = () => {
              const tx = open.result.transaction('entries', 'readwrite');
              for (const e of batch) tx.objectStore('entries').put(e);
              tx.oncomplete = () => {
                open.result.close();
                ok();
              };
              tx.onerror = () => fail(tx.error);
            };
          }),
        entries.slice(i, i + 10_000),
      );
    }
    const opens: number[] = [];
    const firstScreens: number[] = [];
    const readies: number[] = [];
    // Each round in a new tab: a reload would count the teardown of the previous page's 100,000 entries too.
    let opened = page;
    for (let round = 0; round < 3; round++) {
      await opened.close();
      opened = await session.context.newPage();
      const t0 = performance.now();
      await opened.goto(session.extensionUrl('ledger.html'));
      await opened.getByTestId('ledger-entry').first().waitFor({ timeout: 60_000 });
      firstScreens.push(performance.now() - t0);
      await opened.getByTestId('ledger-total').getByText(String(LEDGER_ENTRIES), { exact: true }).waitFor();
      opens.push(performance.now() - t0);
      await opened.getByText(`${LEDGER_ENTRIES} of ${LEDGER_ENTRIES} pages`).waitFor({ timeout: 60_000 });
      readies.push(performance.now() - t0);
    }
    page = opened;
    const summary = page.getByTestId('ledger-summary');
    // The floor under ready: the entries read on the page, with nothing done to them.
    const readAll = (byIndex: boolean) =>
      page.evaluate(
        (byLastSeen) =>
          new Promise<number>((ok, fail) => {
            const open = indexedDB.open('yuanwen-ledger');
            open.onerror = () => fail(open.error);
            open.onsuccess = () => {
              const t = performance.now();
              const store = open.result.transaction('entries').objectStore('entries');
              const request = byLastSeen ? store.index('lastSeen').getAll() : store.getAll();
              request.onsuccess = () => {
                const ms = performance.now() - t;
                open.result.close();
                ok(ms);
              };
              request.onerror = () => fail(request.error);
            };
          }),
        byIndex,
      );
    // The floor under open: a fresh connection, the count, and the newest screenful by the lastSeen index.
    const readOpenParts = () =>
      page.evaluate(
        (n) =>
          new Promise<{ connect: number; count: number; newest: number }>((ok, fail) => {
            const t0 = performance.now();
            const open = indexedDB.open('yuanwen-ledger');
            open.onerror = () => fail(open.error);
            open.onsuccess = () => {
              const t1 = performance.now();
              const store = open.result.transaction('entries').objectStore('entries');
              const counted = store.count();
              counted.onsuccess = () => {
                const t2 = performance.now();
                const cursor = open.result
                  .transaction('entries')
                  .objectStore('entries')
                  .index('lastSeen')
                  .openCursor(null, 'prev');
                let seen = 0;
                cursor.onsuccess = () => {
                  const c = cursor.result;
                  if (c && ++seen < n) return c.continue();
                  const t3 = performance.now();
                  open.result.close();
                  ok({ connect: t1 - t0, count: t2 - t1, newest: t3 - t2 });
                };
                cursor.onerror = () => fail(cursor.error);
              };
              counted.onerror = () => fail(counted.error);
            };
          }),
        100,
      );
    const openParts: { connect: number; count: number; newest: number }[] = [];
    for (let round = 0; round < 3; round++) openParts.push(await readOpenParts());
    const getAlls: number[] = [];
    const getAllsByIndex: number[] = [];
    for (let round = 0; round < 3; round++) {
      getAlls.push(await readAll(false));
      getAllsByIndex.push(await readAll(true));
    }
    const filters: number[] = [];
    const timed = async (change: () => Promise<unknown>) => {
      const before = await summary.textContent();
      const t0 = performance.now();
      await change();
      await page.waitForFunction(
        (b) => document.querySelector('[data-testid="ledger-summary"]')?.textContent !== b,
        before,
        { timeout: 10_000, polling: 'raf' },
      );
      filters.push(performance.now() - t0);
    };
    for (let round = 0; round < 3; round++) {
      await timed(() => page.getByLabel('Search').fill('报道 4242'));
      await timed(() => page.getByLabel('Search').fill(''));
      await timed(() => page.getByLabel('Edited only').check());
      await timed(() => page.getByLabel('Edited only').uncheck());
      await timed(() => page.getByLabel('Site', { exact: true }).selectOption('site7.example.cn'));
      await timed(() => page.getByLabel('Site', { exact: true }).selectOption(''));
    }
    return {
      ledger_entries: LEDGER_ENTRIES,
      ledger_first_screen_ms: Math.round(median(firstScreens)),
      ledger_open_ms: Math.round(median(opens)),
      ledger_open_empty_ms: Math.round(median(emptyOpens)),
      ledger_connect_ms: round1(median(openParts.map((p) => p.connect))),
      ledger_count_ms: round1(median(openParts.map((p) => p.count))),
      ledger_newest_read_ms: round1(median(openParts.map((p) => p.newest))),
      ledger_open_ratio_to_empty: Math.round((median(opens) / median(emptyOpens)) * 100) / 100,
      ledger_ready_ms: Math.round(median(readies)),
      ledger_getall_ms: Math.round(median(getAlls)),
      ledger_getall_index_ms: Math.round(median(getAllsByIndex)),
      ledger_filter_ms: Math.round(median(filters)),
    };
  } finally {
    await session.close();
  }
}

/** Every ledger figure; the browser's need the Chrome build in `extensionDir`. */
export async function benchLedger(extensionDir: string | null): Promise<Record<string, number>> {
  const node = await benchLedgerNode();
  return extensionDir ? { ...node, ...(await benchLedgerBrowser(extensionDir)) } : node;
}

if (process.argv[1]?.endsWith('bench-ledger.ts'))
  void benchLedger(process.argv.includes('--no-browser') ? null : LEDGER_BUILD).then((r) =>
    console.log(JSON.stringify(r)),
  );
