/**
 * The background's library index with the engine's real index: built over the
 * enabled documents, persisted to IndexedDB (fake-indexeddb) and loaded by a
 * restarted worker without a rebuild; its scans name each match's document,
 * and a line two documents share is one match listing both.
 */
import { IDBFactory } from 'fake-indexeddb';
import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { libraryEngine } from '../../extension/library/background';
import { createIndexService } from '../../extension/library/index-service';
import { openLibraryStore } from '../../extension/library/store';
import { getCorpus } from '../../lib/corpus';
import { createDocument } from '../../lib/library/document';
import type { ReferenceDocument } from '../../lib/library/types';

/** A speech sentence of 20+ characters that the imported document repeats. */
const SHARED = getCorpus()
  .sentences.find((s) => s.text.length >= 24)
  ?.text.slice(0, 24) as string;

function doc(text: string): ReferenceDocument {
  const made = createDocument({ text, origin: { kind: 'paste' } });
  if (!made.ok) throw new Error(made.error.message);
  return made.value;
}

const OWN = '坚持把城乡融合发展作为推动县域经济高质量增长的重要抓手和关键路径';
const report = doc(`某县政府工作报告\n\n一、总体要求\n${OWN}。\n\n二、生态\n我们要记住：${SHARED}。`);

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
});

describe('library index in the background', () => {
  it('names the document of every match and lists both documents on a shared line', async () => {
    const store = await openLibraryStore();
    await store.put([report]);
    const service = createIndexService(openLibraryStore, libraryEngine);
    const built = await service.ready();
    expect(service.status()).toMatchObject({ phase: 'ready', source: 'built', documents: 2 });
    const page = `新闻：会议指出，${OWN}。另有评论说：${SHARED}。`;
    const matches = built?.matcher.scan(page) ?? [];
    const own = matches.find((m) => page.slice(m.start, m.end).includes('城乡融合'));
    expect(own?.documentId).toBe(report.id);
    expect(report.text.slice(own?.speechStart, own?.speechEnd)).toContain('城乡融合发展');
    const shared = matches.find((m) => page.slice(m.start, m.end).includes(SHARED.slice(0, 10)));
    const named = [shared?.documentId, ...(shared?.alsoIn ?? []).map((a) => a.documentId)];
    expect(named.sort()).toEqual([report.id, 'speech'].sort());
    store.close();
  });

  it('is loaded, not rebuilt, by a restarted worker, and scans the same', async () => {
    const store = await openLibraryStore();
    await store.put([report]);
    const first = createIndexService(openLibraryStore, libraryEngine);
    const page = `会议指出，${OWN}。`;
    const before = (await first.ready())?.matcher.scan(page);
    const restarted = createIndexService(openLibraryStore, libraryEngine);
    const after = (await restarted.ready())?.matcher.scan(page);
    expect(restarted.status().source).toBe('persisted');
    expect(after).toEqual(before);
    expect(after?.some((m) => m.documentId === report.id)).toBe(true);
    store.close();
  });

  it('drops a disabled document and the speech when switched off', async () => {
    const store = await openLibraryStore();
    await store.put([{ ...report, enabled: false }]);
    await store.setSpeechChoice({ enabled: false });
    const service = createIndexService(openLibraryStore, libraryEngine);
    const built = await service.ready();
    expect(built?.matcher.scan(`${OWN}。${SHARED}。`)).toEqual([]);
    store.close();
  });

  it('refuses a persisted index it cannot read', () => {
    expect(libraryEngine.deserialise({ speech: true, index: new ArrayBuffer(8) })).toBeNull();
    expect(libraryEngine.deserialise('junk')).toBeNull();
  });
});
