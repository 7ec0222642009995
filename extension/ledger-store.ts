/**
 * The ledger in IndexedDB (through idb), for the background and the ledger
 * page (both run at the extension's origin and share the database). Every
 * change is one transaction: a worker stopped mid-write loses that write,
 * never what was recorded before it. The schema is versioned; each version's
 * migration runs in order on upgrade.
 *
 * Storage full: the write is retried after dropping entries past the
 * retention period, then the oldest entries in small batches, oldest first;
 * a notice saying how many were dropped is stored for the ledger page.
 */
import { type DBSchema, type IDBPDatabase, type IDBPTransaction, openDB } from 'idb';
import { mergeImport } from '../lib/ledger/export';
import { type PageSighting, recordSighting } from '../lib/ledger/record';
import { DAY_MS, type LedgerEntry } from '../lib/ledger/types';

export const LEDGER_DB_NAME = 'yuanwen-ledger';
export const LEDGER_DB_VERSION = 2;

/** Shown on the ledger page after storage ran full. */
export interface LedgerNotice {
  kind: 'storage-full';
  at: number;
  /** Entries dropped to make room (past retention first, then the oldest). */
  pruned: number;
}

interface LedgerSchema extends DBSchema {
  entries: { key: string; value: LedgerEntry; indexes: { lastSeen: number; site: string } };
  meta: { key: string; value: unknown };
}

export type LedgerDb = IDBPDatabase<LedgerSchema>;
type UpgradeTx = IDBPTransaction<LedgerSchema, ('entries' | 'meta')[], 'versionchange'>;

/** MIGRATIONS[i] upgrades a database of version i to version i + 1. */
const MIGRATIONS: ((db: LedgerDb, tx: UpgradeTx) => void)[] = [
  // 1: pages by URL, with when they were last seen (retention, newest first).
  (db) => {
    db.createObjectStore('entries', { keyPath: 'url' }).createIndex('lastSeen', 'lastSeen');
  },
  // 2: pages by site ("forget this site"), and a store for the ledger's notices.
  (db, tx) => {
    tx.objectStore('entries').createIndex('site', 'site');
    db.createObjectStore('meta');
  },
];

export function openLedger(name = LEDGER_DB_NAME): Promise<LedgerDb> {
  return openDB<LedgerSchema>(name, LEDGER_DB_VERSION, {
    upgrade(db, oldVersion, _newVersion, tx) {
      for (let v = oldVersion; v < LEDGER_DB_VERSION; v++) MIGRATIONS[v]?.(db, tx);
    },
  });
}

function isQuotaError(error: unknown): boolean {
  return error instanceof Error && (error.name === 'QuotaExceededError' || /quota/i.test(error.message));
}

/** Records a sighting of a page (creates or updates its entry) in one transaction. */
export async function recordPage(db: LedgerDb, sighting: PageSighting): Promise<LedgerEntry | null> {
  const tx = db.transaction('entries', 'readwrite');
  const url = sighting.url.split('#')[0] as string;
  const next = recordSighting(sighting, await tx.store.get(url));
  if (next) await tx.store.put(next);
  await tx.done;
  return next;
}

export function allEntries(db: LedgerDb): Promise<LedgerEntry[]> {
  return db.getAll('entries');
}

/** Entries per request when the whole ledger is read (each request's values are decoded in one go on the page). */
export const READ_CHUNK = 5_000;

/**
 * Every entry, most recently seen first (then by URL, as `newerFirst` orders
 * them), so the page need not sort them again. Read by key in chunks, so the
 * page thread, which decodes each answer, is free between them (to paint its
 * first screen, to take input); then sorted by lastSeen alone: the read is
 * URL order and the sort is stable, so equal times stay in URL order.
 * (Reading in the lastSeen index's order instead costs the database a lookup
 * per entry, more than this sort.)
 */
export async function entriesNewestFirst(db: LedgerDb, chunk = READ_CHUNK): Promise<LedgerEntry[]> {
  const entries: LedgerEntry[] = [];
  let after: IDBKeyRange | undefined;
  for (;;) {
    const part = await db.getAll('entries', after, chunk);
    for (const e of part) entries.push(e);
    const last = part[part.length - 1];
    if (part.length < chunk || !last) break;
    after = IDBKeyRange.lowerBound(last.url, true);
  }
  return entries.sort((a, b) => b.lastSeen - a.lastSeen);
}

/** How many pages the ledger holds (without reading them). */
export function countEntries(db: LedgerDb): Promise<number> {
  return db.count('entries');
}

/** The `count` entries seen most recently, newest first (a first screenful, before the whole ledger is read). */
export async function newestEntries(db: LedgerDb, count: number): Promise<LedgerEntry[]> {
  const out: LedgerEntry[] = [];
  const tx = db.transaction('entries');
  for (
    let c = await tx.store.index('lastSeen').openCursor(null, 'prev');
    c && out.length < count;
    c = await c.continue()
  )
    out.push(c.value);
  await tx.done;
  return out;
}

/** Sets a page's note or star; resolves to the updated entry (null when the page is not in the ledger). */
export async function annotate(
  db: LedgerDb,
  url: string,
  change: { note?: string; starred?: boolean },
): Promise<LedgerEntry | null> {
  const tx = db.transaction('entries', 'readwrite');
  const entry = await tx.store.get(url);
  if (!entry) {
    await tx.done;
    return null;
  }
  const next = { ...entry, ...change };
  await tx.store.put(next);
  await tx.done;
  return next;
}

/** Deletes every entry of a site; resolves to how many. */
export async function forgetSite(db: LedgerDb, site: string): Promise<number> {
  const tx = db.transaction('entries', 'readwrite');
  let n = 0;
  for (let c = await tx.store.index('site').openCursor(site.toLowerCase()); c; c = await c.continue()) {
    await c.delete();
    n++;
  }
  await tx.done;
  return n;
}

export async function clearLedger(db: LedgerDb): Promise<void> {
  const tx = db.transaction(['entries', 'meta'], 'readwrite');
  await Promise.all([tx.objectStore('entries').clear(), tx.objectStore('meta').clear(), tx.done]);
}

/** Deletes entries last seen before the retention period; resolves to how many. */
export async function pruneExpired(db: LedgerDb, now: number, retentionDays: number): Promise<number> {
  const tx = db.transaction('entries', 'readwrite');
  const range = IDBKeyRange.upperBound(now - retentionDays * DAY_MS, true);
  let n = 0;
  for (let c = await tx.store.index('lastSeen').openCursor(range); c; c = await c.continue()) {
    await c.delete();
    n++;
  }
  await tx.done;
  return n;
}

/** Deletes the `count` entries seen longest ago; resolves to how many went. */
export async function pruneOldest(db: LedgerDb, count: number): Promise<number> {
  const tx = db.transaction('entries', 'readwrite');
  let n = 0;
  for (let c = await tx.store.index('lastSeen').openCursor(); c && n < count; c = await c.continue()) {
    await c.delete();
    n++;
  }
  await tx.done;
  return n;
}

/** Merges imported entries into the ledger in one transaction (all or nothing). */
export async function importEntries(
  db: LedgerDb,
  imported: readonly LedgerEntry[],
): Promise<{ added: number; updated: number }> {
  const tx = db.transaction('entries', 'readwrite');
  const existing = new Map<string, LedgerEntry>();
  for (const url of new Set(imported.map((e) => e.url))) {
    const e = await tx.store.get(url);
    if (e) existing.set(url, e);
  }
  const merged = mergeImport(existing, imported);
  for (const e of merged) await tx.store.put(e);
  await tx.done;
  return { added: merged.filter((e) => !existing.has(e.url)).length, updated: existing.size };
}

export async function getNotice(db: LedgerDb): Promise<LedgerNotice | null> {
  return ((await db.get('meta', 'notice')) as LedgerNotice | undefined) ?? null;
}

export async function clearNotice(db: LedgerDb): Promise<void> {
  await db.delete('meta', 'notice');
}

/** Entries dropped per attempt once nothing is past retention. */
export const PRUNE_BATCH = 100;
const MAX_ATTEMPTS = 50;

/**
 * Runs a write; when storage is full, prunes (past retention, then oldest
 * first) and retries, leaving a notice. Rethrows a failure that is not the
 * quota's, or the quota's when nothing is left to prune.
 */
export async function writeWithRoom<T>(
  db: LedgerDb,
  write: () => Promise<T>,
  now: number,
  retentionDays: number,
  batch = PRUNE_BATCH,
): Promise<T> {
  let pruned = 0;
  let expiredDone = false;
  for (let attempt = 0; ; attempt++) {
    try {
      const result = await write();
      if (pruned > 0) {
        const notice: LedgerNotice = { kind: 'storage-full', at: now, pruned };
        await db.put('meta', notice, 'notice').catch(() => undefined);
      }
      return result;
    } catch (error) {
      if (!isQuotaError(error) || attempt >= MAX_ATTEMPTS) throw error;
      let dropped = 0;
      if (!expiredDone) {
        dropped = await pruneExpired(db, now, retentionDays);
        expiredDone = true;
      }
      if (dropped === 0) dropped = await pruneOldest(db, batch);
      if (dropped === 0) throw error;
      pruned += dropped;
    }
  }
}
