import 'fake-indexeddb/auto';
import { openDB } from 'idb';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { type LedgerDeps, recordInLedger } from '../../entrypoints/background/ledger';
import { handleMessage } from '../../entrypoints/background/messages';
import {
  allEntries,
  annotate,
  clearLedger,
  countEntries,
  entriesNewestFirst,
  forgetSite,
  getNotice,
  importEntries,
  type LedgerDb,
  openLedger,
  pruneExpired,
  recordPage,
  writeWithRoom,
} from '../../extension/ledger-store';
import { filterEntries } from '../../lib/ledger/query';
import { DAY_MS, DEFAULT_LEDGER_SETTINGS, type LedgerSettings } from '../../lib/ledger/types';
import type { FrameReport, PageMatch } from '../../lib/messages';
import { DEFAULT_SETTINGS } from '../../lib/settings/defaults';
import type { Settings } from '../../lib/settings/types';

const T0 = Date.UTC(2026, 10, 2);
let dbCount = 0;
let db: LedgerDb;
let name: string;

const match = (quote = '绿水青山就是金山银山', speechStart = 10): PageMatch => ({
  id: `f:${speechStart}`,
  quote,
  kind: 'slogan',
  start: 0,
  end: quote.length,
  speechStart,
  speechEnd: speechStart + quote.length,
  similarity: 1,
  diff: null,
  rule: 'quoted-slogan',
  distinctiveness: 1,
});
const sighting = (url: string, seenAt: number, matches = [match()]) => ({ url, title: '标题', matches, seenAt });

beforeEach(async () => {
  name = `ledger-test-${++dbCount}`;
  db = await openLedger(name);
});

describe('the IndexedDB store', () => {
  it('keeps one entry per page, updated on a revisit', async () => {
    await recordPage(db, sighting('https://a.example/1', T0));
    await recordPage(db, sighting('https://a.example/1#x', T0 + 1000, [match(), match('两个确立', 50)]));
    const all = await allEntries(db);
    expect(all).toHaveLength(1);
    expect(all[0]?.quotes).toHaveLength(2);
    expect(all[0]?.lastSeen).toBe(T0 + 1000);
  });

  it('reads every entry newest first, ties by URL, and counts them', async () => {
    for (const [url, at] of [
      ['https://b.example/2', T0],
      ['https://a.example/1', T0 + 5],
      ['https://c.example/3', T0 + 5],
      ['https://a.example/0', T0 + 5],
      ['https://d.example/4', T0 - 9],
    ] as const)
      await recordPage(db, sighting(url, at));
    const expected = filterEntries(await allEntries(db)).map((e) => e.url);
    expect(expected).toEqual([
      'https://a.example/0',
      'https://a.example/1',
      'https://c.example/3',
      'https://b.example/2',
      'https://d.example/4',
    ]);
    expect((await entriesNewestFirst(db)).map((e) => e.url)).toEqual(expected);
    // Read in chunks smaller than the ledger, and of exactly its size: the same.
    expect((await entriesNewestFirst(db, 2)).map((e) => e.url)).toEqual(expected);
    expect((await entriesNewestFirst(db, 5)).map((e) => e.url)).toEqual(expected);
    expect(await countEntries(db)).toBe(5);
  });

  it('notes, stars, forgets a site, prunes past retention, clears', async () => {
    await recordPage(db, sighting('https://a.example/1', T0));
    await recordPage(db, sighting('https://b.example/2', T0 - 200 * DAY_MS));
    await recordPage(db, sighting('https://b.example/3', T0));
    expect(await annotate(db, 'https://a.example/1', { note: '注', starred: true })).toMatchObject({
      note: '注',
      starred: true,
    });
    expect(await annotate(db, 'https://nowhere.example/', { note: 'x' })).toBeNull();
    expect(await pruneExpired(db, T0, 180)).toBe(1);
    expect((await allEntries(db)).map((e) => e.url).sort()).toEqual(['https://a.example/1', 'https://b.example/3']);
    expect(await forgetSite(db, 'B.example')).toBe(1);
    expect((await allEntries(db)).map((e) => e.url)).toEqual(['https://a.example/1']);
    await clearLedger(db);
    expect(await allEntries(db)).toEqual([]);
  });

  it('imports in one transaction, merging without duplicates', async () => {
    const first = await recordPage(db, sighting('https://a.example/1', T0));
    const other = await recordPage(
      await openLedger(`${name}-other`),
      sighting('https://a.example/1', T0 + 5, [match(), match('两个确立', 50)]),
    );
    const fresh = await recordPage(await openLedger(`${name}-third`), sighting('https://c.example/', T0));
    if (!first || !other || !fresh) throw new Error('not recorded');
    expect(await importEntries(db, [other, fresh, fresh])).toEqual({ added: 1, updated: 1 });
    const all = await allEntries(db);
    expect(all).toHaveLength(2);
    expect(all.find((e) => e.url === 'https://a.example/1')?.quotes).toHaveLength(2);
  });

  it('a write that is never committed loses nothing recorded before it', async () => {
    await recordPage(db, sighting('https://a.example/1', T0));
    const tx = db.transaction('entries', 'readwrite');
    await tx.store.put({ ...(await tx.store.get('https://a.example/1'))!, title: '写了一半' });
    await tx.store.delete('https://a.example/1');
    tx.abort(); // the worker stopped mid-write
    await tx.done.catch(() => undefined);
    const all = await allEntries(db);
    expect(all.map((e) => [e.url, e.title])).toEqual([['https://a.example/1', '标题']]);
  });

  it('storage full: prunes past retention, then oldest first, and leaves a notice', async () => {
    await recordPage(db, sighting('https://old.example/', T0 - 400 * DAY_MS));
    for (let i = 0; i < 3; i++) await recordPage(db, sighting(`https://a.example/${i}`, T0 - (3 - i) * DAY_MS));
    let failures = 2;
    const write = async () => {
      if (failures-- > 0) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return recordPage(db, sighting('https://new.example/', T0));
    };
    await writeWithRoom(db, write, T0, 180, 1);
    const urls = (await allEntries(db)).map((e) => e.url);
    expect(urls).toContain('https://new.example/');
    expect(urls).not.toContain('https://old.example/');
    expect(urls).not.toContain('https://a.example/0');
    expect(urls).toContain('https://a.example/2');
    expect(await getNotice(db)).toMatchObject({ kind: 'storage-full', pruned: 2 });
  });

  it('other failures are not swallowed', async () => {
    await expect(writeWithRoom(db, () => Promise.reject(new Error('broken')), T0, 180)).rejects.toThrow('broken');
  });

  it('migrates a version-1 database, keeping its entries', async () => {
    const oldName = `${name}-v1`;
    const v1 = await openDB(oldName, 1, {
      upgrade(d) {
        d.createObjectStore('entries', { keyPath: 'url' }).createIndex('lastSeen', 'lastSeen');
      },
    });
    await v1.put('entries', {
      url: 'https://a.example/',
      site: 'a.example',
      title: '',
      firstSeen: T0,
      lastSeen: T0,
      quotes: [],
      note: '',
      starred: false,
    });
    v1.close();
    const upgraded = await openLedger(oldName);
    expect(upgraded.version).toBe(2);
    expect(await forgetSite(upgraded, 'a.example')).toBe(1);
  });
});

describe('the background records pages and answers get-ledger', () => {
  let settings: Settings;
  let ledgerSettings: LedgerSettings;
  let quiet: boolean;
  const deps = (): LedgerDeps => ({
    db: async () => db,
    settings: async () => settings,
    ledgerSettings: async () => ledgerSettings,
    quiet: () => quiet,
    now: () => T0,
  });
  const report = (url: string, status: FrameReport['status'] = 'done'): FrameReport => ({
    url,
    title: '页',
    status,
    matches: [match()],
  });

  beforeEach(() => {
    settings = { ...DEFAULT_SETTINGS, pausedSites: ['paused.example'] };
    ledgerSettings = DEFAULT_LEDGER_SETTINGS;
    quiet = false;
  });

  it('records a normal tab, not an incognito one, a paused site, a quiet page, or with the ledger off', async () => {
    expect(await recordInLedger(report('https://a.example/'), { tab: { id: 1 } }, deps())).not.toBeNull();
    expect(await recordInLedger(report('https://b.example/'), { tab: { id: 2, incognito: true } }, deps())).toBeNull();
    expect(await recordInLedger(report('https://paused.example/x'), { tab: { id: 3 } }, deps())).toBeNull();
    quiet = true;
    expect(await recordInLedger(report('https://q.example/'), { tab: { id: 4 } }, deps())).toBeNull();
    quiet = false;
    ledgerSettings = { ...DEFAULT_LEDGER_SETTINGS, enabled: false };
    expect(await recordInLedger(report('https://off.example/'), { tab: { id: 5 } }, deps())).toBeNull();
    expect((await allEntries(db)).map((e) => e.url)).toEqual(['https://a.example/']);
  });

  it('takes the page URL from the sender, not the report', async () => {
    await recordInLedger(report('https://forged.example/'), { url: 'https://real.example/p', tab: { id: 1 } }, deps());
    expect((await allEntries(db)).map((e) => e.url)).toEqual(['https://real.example/p']);
  });

  it('answers get-ledger from extension pages only', async () => {
    fakeBrowser.reset();
    const page = { id: fakeBrowser.runtime.id, url: fakeBrowser.runtime.getURL('/ledger.html') };
    expect(
      handleMessage(
        { type: 'get-ledger' },
        { id: fakeBrowser.runtime.id, url: 'https://evil.example/', tab: { id: 1 } },
      ),
    ).toBeUndefined();
    expect(handleMessage({ type: 'get-ledger' }, { id: 'another-extension', url: page.url })).toBeUndefined();
    expect(handleMessage({ type: 'get-ledger', query: { kind: 1 } }, page)).toBeUndefined();
    const reply = await handleMessage({ type: 'get-ledger', query: { site: 'nowhere.example' } }, page);
    expect(reply).toEqual({ entries: [] });
  });
});
