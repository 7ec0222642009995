/**
 * What a lookup searches, read from the library (fake-indexeddb): the speech and the enabled documents; the
 * reader's search only the document it shows; the speech alone when the library cannot be read.
 */
import { IDBFactory } from 'fake-indexeddb';
import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { libraryLookupDocuments } from '../../extension/library/lookup-documents';
import { openLibraryStore } from '../../extension/library/store';
import { createDocument } from '../../lib/library/document';
import type { ReferenceDocument } from '../../lib/library/types';

function doc(text: string, enabled = true): ReferenceDocument {
  const made = createDocument({ text, origin: { kind: 'paste' } });
  if (!made.ok) throw new Error(made.error.message);
  return { ...made.value, enabled };
}

const on = doc('某县政府工作报告\n\n一、总体要求\n坚持把城乡融合发展作为推动县域经济高质量增长的重要抓手。');
const off = doc('某市生态环境保护规划\n\n一、目标\n到二〇三〇年全市空气质量优良天数比例稳定在百分之九十以上。', false);

beforeEach(async () => {
  globalThis.indexedDB = new IDBFactory();
  const store = await openLibraryStore();
  await store.put([on, off]);
  store.close();
});

describe('libraryLookupDocuments', () => {
  it('searches the speech and the enabled documents, each with its title and colour', async () => {
    const docs = await libraryLookupDocuments()();
    expect(docs.map((d) => d.documentId)).toEqual(['speech', on.id]);
    expect(docs[1]?.title).toBe(on.meta.title);
    expect(docs[1]?.colour).toBe(on.colour);
    expect(docs[1]?.index.corpus.text).toBe(on.text);
  });

  it('leaves the speech out when the reader disabled it', async () => {
    const store = await openLibraryStore();
    await store.setSpeechChoice({ enabled: false });
    store.close();
    expect((await libraryLookupDocuments()()).map((d) => d.documentId)).toEqual([on.id]);
  });

  it("searches only the reader's document, even a disabled one", async () => {
    expect((await libraryLookupDocuments(off.id)()).map((d) => d.documentId)).toEqual([off.id]);
    expect((await libraryLookupDocuments('speech')()).map((d) => d.documentId)).toEqual(['speech']);
  });

  it('reads the library once per loader', async () => {
    const load = libraryLookupDocuments();
    const first = await load();
    const store = await openLibraryStore();
    await store.remove(on.id);
    store.close();
    expect(await load()).toBe(first);
  });

  it('falls back to the speech when the library cannot be opened', async () => {
    // biome-ignore lint/suspicious/noExplicitAny: an IndexedDB that refuses to open
    (globalThis as any).indexedDB = {
      open: () => {
        throw new Error('blocked');
      },
    };
    expect((await libraryLookupDocuments()()).map((d) => d.documentId)).toEqual(['speech']);
  });
});
