/**
 * The library's IndexedDB store (fake-indexeddb): round trips, one
 * transaction per change, the migrations from every older schema, and the
 * background's index service (loaded when persisted, rebuilt when the library
 * changes, scans never waiting for a build).
 */
import { IDBFactory } from 'fake-indexeddb';
import 'fake-indexeddb/auto';
import { openDB } from 'idb';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import {
  DEFAULT_DOCUMENT_COLOUR,
  LIBRARY_DB_NAME,
  LIBRARY_DB_VERSION,
  openLibraryDB,
} from '../../extension/library/db';
import { createIndexService, type LibraryEngine } from '../../extension/library/index-service';
import { createLibraryStore, indexFingerprint, openLibraryStore, storageBytes } from '../../extension/library/store';
import type { ReferenceDocument } from '../../lib/library/types';

function doc(id: string, text = `文本${id}`, importedAt = 1): ReferenceDocument {
  return {
    id,
    text,
    meta: {
      title: `标题${id}`,
      englishTitle: null,
      author: null,
      date: null,
      occasion: null,
      publisher: null,
      url: null,
      language: 'zh-CN',
    },
    structure: { headings: [], paragraphs: [{ start: 0, end: text.length }], sentences: [], slogans: [] },
    keyPhrases: { added: [], removed: [] },
    enabled: true,
    colour: '#123456',
    origin: { kind: 'paste' },
    importedAt,
  };
}

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
});

describe('library store', () => {
  it('keeps documents in import order and changes one field at a time', async () => {
    const store = await openLibraryStore();
    await store.put([doc('b', '乙', 2), doc('a', '甲', 1)]);
    expect((await store.list()).map((d) => d.id)).toEqual(['a', 'b']);
    const changed = await store.update('a', { enabled: false, colour: '#00ff00', meta: { author: '某人' } });
    expect(changed?.enabled).toBe(false);
    expect(changed?.meta).toMatchObject({ title: '标题a', author: '某人' });
    expect((await store.get('a'))?.colour).toBe('#00ff00');
    expect(await store.update('missing', { enabled: true })).toBeUndefined();
    const removed = await store.remove('b');
    expect(removed?.id).toBe('b');
    expect((await store.list()).map((d) => d.id)).toEqual(['a']);
    // Undo of a delete puts the same record back.
    await store.put([removed as ReferenceDocument]);
    expect((await store.list()).map((d) => d.id)).toEqual(['a', 'b']);
    store.close();
  });

  it('leaves the library unchanged when one document of a batch cannot be stored', async () => {
    const store = await openLibraryStore();
    await store.put([doc('a')]);
    const broken = { ...doc('c'), id: undefined } as unknown as ReferenceDocument;
    await expect(store.put([doc('b'), broken])).rejects.toBeTruthy();
    expect((await store.list()).map((d) => d.id)).toEqual(['a']);
    store.close();
  });

  it("keeps the speech's switch and colour apart from the imported documents", async () => {
    const store = await openLibraryStore();
    expect((await store.speechChoice()).enabled).toBe(true);
    await store.setSpeechChoice({ colour: '#abcdef' });
    expect(await store.speechChoice()).toEqual({ id: 'speech', enabled: true, colour: '#abcdef' });
    expect(await store.list()).toEqual([]);
    store.close();
  });

  it('counts the storage a library uses', () => {
    expect(storageBytes([])).toBe(0);
    expect(storageBytes([doc('a', '一'.repeat(1000))])).toBeGreaterThan(2000);
  });
});

describe('migrations', () => {
  it('brings a version 1 database up to date, keeping its documents and filling what they lack', async () => {
    const v1 = await openLibraryDB(1);
    const old = doc('old') as Partial<ReferenceDocument>;
    delete old.colour;
    delete old.keyPhrases;
    delete old.enabled;
    await v1.put('documents', old as ReferenceDocument);
    v1.close();
    const db = await openLibraryDB();
    expect(db.version).toBe(LIBRARY_DB_VERSION);
    expect([...db.objectStoreNames].sort()).toEqual(['builtin', 'documents', 'index']);
    const store = createLibraryStore(db);
    const [migrated] = await store.list();
    expect(migrated).toMatchObject({
      id: 'old',
      text: '文本old',
      colour: DEFAULT_DOCUMENT_COLOUR,
      keyPhrases: { added: [], removed: [] },
      enabled: true,
    });
    db.close();
  });

  it('opens a version 2 database without touching its documents or persisted index', async () => {
    const v2 = await openLibraryDB(2);
    await v2.put('documents', doc('x'));
    await v2.put('index', { key: 'current', fingerprint: 'f', data: [1, 2], builtAt: 5 });
    v2.close();
    const store = await openLibraryStore();
    expect(await store.get('x')).toEqual(doc('x'));
    expect((await store.loadIndex())?.data).toEqual([1, 2]);
    store.close();
  });

  it('creates the current schema on a fresh profile', async () => {
    const db = await openDB(LIBRARY_DB_NAME);
    expect(db.version).toBe(1); // nothing yet: idb created an empty database
    db.close();
    globalThis.indexedDB = new IDBFactory();
    const fresh = await openLibraryDB();
    expect(fresh.version).toBe(LIBRARY_DB_VERSION);
    fresh.close();
  });
});

/** A stand-in engine whose index is the list of texts it covers; it counts its builds. */
function countingEngine(gate?: Promise<void>) {
  const calls = { builds: 0, loads: 0 };
  const engine: LibraryEngine<string[]> = {
    async build(docs, speech, onProgress) {
      calls.builds++;
      const out: string[] = speech ? ['speech'] : [];
      for (const [i, d] of docs.entries()) {
        if (gate) await gate;
        out.push(d.text);
        onProgress(i + 1, docs.length);
      }
      return out;
    },
    serialise: (index) => ({ v: 1, texts: index }),
    deserialise: (data) => {
      calls.loads++;
      const d = data as { v?: number; texts?: string[] };
      return d?.v === 1 && Array.isArray(d.texts) ? d.texts : null;
    },
  };
  return { engine, calls };
}

describe('index service', () => {
  it('builds over the enabled documents, persists, and a restarted worker loads instead of rebuilding', async () => {
    const store = await openLibraryStore();
    await store.put([doc('a', '甲'), { ...doc('b', '乙'), enabled: false }]);
    const first = countingEngine();
    const service = createIndexService(openLibraryStore, first.engine);
    expect(await service.ready()).toEqual(['speech', '甲']);
    expect(service.status()).toMatchObject({ phase: 'ready', source: 'built', documents: 2 });
    expect(first.calls.builds).toBe(1);

    const restarted = countingEngine();
    const again = createIndexService(openLibraryStore, restarted.engine);
    expect(await again.ready()).toEqual(['speech', '甲']);
    expect(again.status().source).toBe('persisted');
    expect(restarted.calls.builds).toBe(0);
    store.close();
  });

  it('rebuilds when the persisted index does not load or covers another set', async () => {
    const store = await openLibraryStore();
    await store.put([doc('a', '甲')]);
    await store.saveIndex({ fingerprint: indexFingerprint([doc('a', '甲')], true), data: 'corrupt', builtAt: 0 });
    const e = countingEngine();
    const service = createIndexService(openLibraryStore, e.engine);
    expect(await service.ready()).toEqual(['speech', '甲']);
    expect(e.calls.builds).toBe(1);
    await store.update('a', { enabled: false });
    await service.refresh();
    expect(service.current()).toEqual(['speech']);
    expect(e.calls.builds).toBe(2);
    await service.refresh(); // nothing changed
    expect(e.calls.builds).toBe(2);
    store.close();
  });

  it('keeps scanning with the previous index while a new document is indexed, showing progress', async () => {
    const store = await openLibraryStore();
    let open!: () => void;
    const gate = new Promise<void>((resolve) => {
      open = resolve;
    });
    const e = countingEngine(gate);
    const service = createIndexService(openLibraryStore, e.engine);
    expect(await service.ready()).toEqual(['speech']);
    await store.put([doc('a', '甲'), doc('b', '乙', 2)]);
    const rebuilt = service.refresh();
    // The build waits at the gate: wait for it to get there, however slow the machine.
    await vi.waitFor(() => expect(service.status()).toMatchObject({ phase: 'building', total: 3 }));
    expect(service.current()).toEqual(['speech']); // the old index still serves scans
    open();
    await rebuilt;
    expect(service.current()).toEqual(['speech', '甲', '乙']);
    expect(service.status()).toMatchObject({ phase: 'ready', done: 3, total: 3 });
    store.close();
  });

  it('reports a failed build and keeps the index it had', async () => {
    const store = await openLibraryStore();
    const e = countingEngine();
    const service = createIndexService(openLibraryStore, {
      ...e.engine,
      build: async (docs, speech, p) => {
        if (docs.length) throw new Error('boom');
        return e.engine.build(docs, speech, p);
      },
    });
    await service.ready();
    await store.put([doc('a')]);
    await service.refresh();
    expect(service.status()).toMatchObject({ phase: 'failed', error: 'boom' });
    expect(service.current()).toEqual(['speech']);
    store.close();
  });
});
