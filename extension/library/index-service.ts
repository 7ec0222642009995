/**
 * The background's one index over the enabled documents of the library. It
 * is loaded from IndexedDB when the worker starts (a restarted worker does
 * not rebuild it) and rebuilt, off the scanning path, when the library
 * changes: while a build runs, scans use the index they had, so adding a
 * document never blocks scanning. The build reports its progress, which the
 * Library page shows.
 */
import type { ReferenceDocument } from '../../lib/library/types';
import { indexFingerprint, type LibraryStore } from './store';

/** What the service needs of the engine's cross-document index. */
export interface LibraryEngine<I> {
  /** Builds the index over `docs` (the speech included when `speech` is true), calling onProgress as it goes. */
  build(
    docs: readonly ReferenceDocument[],
    speech: boolean,
    onProgress: (done: number, total: number) => void,
  ): Promise<I>;
  serialise(index: I): unknown;
  /** Null when `data` is not an index this engine can load (another version, corrupt). */
  deserialise(data: unknown): I | null;
}

export type IndexPhase = 'loading' | 'building' | 'ready' | 'failed';

export interface IndexStatus {
  phase: IndexPhase;
  /** Progress of the build under way (or of the last one). */
  done: number;
  total: number;
  /** Enabled documents the current index covers (the speech counted). */
  documents: number;
  /** Where the current index came from. */
  source: 'built' | 'persisted' | 'none';
  buildMs?: number;
  error?: string;
}

export interface IndexService<I> {
  /** The index to scan with now (the previous one while a rebuild runs), or null before the first is ready. */
  current(): I | null;
  /** Resolves once an index is available (loaded or built). */
  ready(): Promise<I | null>;
  status(): IndexStatus;
  /** The library changed: rebuild if what the index covers changed. Returns when that build ends. */
  refresh(): Promise<void>;
}

export function createIndexService<I>(
  openStore: () => Promise<LibraryStore>,
  engine: LibraryEngine<I>,
  now: () => number = () => performance.now(),
): IndexService<I> {
  let index: I | null = null;
  let fingerprint: string | null = null;
  let status: IndexStatus = { phase: 'loading', done: 0, total: 0, documents: 0, source: 'none' };
  let running: Promise<void> = Promise.resolve();
  let storePromise: Promise<LibraryStore> | null = null;
  const store = () => {
    storePromise ??= openStore();
    return storePromise;
  };

  async function sync(allowPersisted: boolean): Promise<void> {
    const s = await store();
    const docs = await s.list();
    const speech = (await s.speechChoice()).enabled;
    const enabled = docs.filter((d) => d.enabled);
    const wanted = indexFingerprint(docs, speech);
    const count = enabled.length + (speech ? 1 : 0);
    if (wanted === fingerprint && index) {
      status = { ...status, phase: 'ready' };
      return;
    }
    if (allowPersisted) {
      const saved = await s.loadIndex();
      if (saved && saved.fingerprint === wanted) {
        const loaded = engine.deserialise(saved.data);
        if (loaded) {
          index = loaded;
          fingerprint = wanted;
          status = { phase: 'ready', done: count, total: count, documents: count, source: 'persisted' };
          return;
        }
      }
    }
    status = { ...status, phase: 'building', done: 0, total: count };
    const t0 = now();
    const built = await engine.build(enabled, speech, (done, total) => {
      status = { ...status, done, total };
    });
    const buildMs = now() - t0;
    index = built;
    fingerprint = wanted;
    status = { phase: 'ready', done: count, total: count, documents: count, source: 'built', buildMs };
    await s.saveIndex({ fingerprint: wanted, data: engine.serialise(built), builtAt: Date.now() });
  }

  function enqueue(allowPersisted: boolean): Promise<void> {
    running = running
      .then(() => sync(allowPersisted))
      .catch((error: unknown) => {
        status = { ...status, phase: 'failed', error: error instanceof Error ? error.message : String(error) };
        console.error('[yuanwen] library index', error);
      });
    return running;
  }

  const first = enqueue(true);
  return {
    current: () => index,
    ready: () => first.then(() => index),
    status: () => ({ ...status }),
    refresh: () => enqueue(false),
  };
}
