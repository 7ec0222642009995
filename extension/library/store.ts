/**
 * The library's documents in IndexedDB: what the Library page reads and
 * changes, and what the background builds its index from. Every change is one
 * transaction, so a failed one leaves the library as it was.
 */
import type { DocumentMeta, KeyPhraseEdits, ReferenceDocument } from '../../lib/library/types';
import { SPEECH_DOCUMENT_ID } from '../../lib/library/types';
import { type BuiltinChoice, type LibraryDB, openLibraryDB, type PersistedIndex } from './db';

/** The speech's colour when the reader has not chosen one. */
export const SPEECH_COLOUR = '#c62828';

export interface LibraryStore {
  /** Imported documents, oldest first. */
  list(): Promise<ReferenceDocument[]>;
  get(id: string): Promise<ReferenceDocument | undefined>;
  /** Adds documents (or replaces ones with the same id) in one transaction. */
  put(docs: readonly ReferenceDocument[]): Promise<void>;
  remove(id: string): Promise<ReferenceDocument | undefined>;
  update(id: string, change: DocumentChange): Promise<ReferenceDocument | undefined>;
  speechChoice(): Promise<BuiltinChoice>;
  setSpeechChoice(choice: Partial<Omit<BuiltinChoice, 'id'>>): Promise<BuiltinChoice>;
  loadIndex(): Promise<PersistedIndex | undefined>;
  saveIndex(index: Omit<PersistedIndex, 'key'>): Promise<void>;
  close(): void;
}

export interface DocumentChange {
  enabled?: boolean;
  colour?: string;
  meta?: Partial<DocumentMeta>;
  keyPhrases?: KeyPhraseEdits;
}

export function createLibraryStore(db: LibraryDB): LibraryStore {
  return {
    async list() {
      return db.getAllFromIndex('documents', 'importedAt');
    },
    get: (id) => db.get('documents', id),
    async put(docs) {
      const tx = db.transaction('documents', 'readwrite');
      const puts: Promise<unknown>[] = [];
      try {
        for (const d of docs) puts.push(tx.store.put(d).catch(() => undefined));
      } catch (error) {
        // A record the store refuses (a put throws at once) undoes the whole batch.
        tx.abort();
        await tx.done.catch(() => undefined);
        throw error;
      }
      await Promise.all(puts);
      await tx.done;
    },
    async remove(id) {
      const tx = db.transaction('documents', 'readwrite');
      const doc = await tx.store.get(id);
      if (doc) await tx.store.delete(id);
      await tx.done;
      return doc;
    },
    async update(id, change) {
      const tx = db.transaction('documents', 'readwrite');
      const doc = await tx.store.get(id);
      if (!doc) {
        await tx.done;
        return undefined;
      }
      const next: ReferenceDocument = {
        ...doc,
        ...(change.enabled !== undefined ? { enabled: change.enabled } : {}),
        ...(change.colour !== undefined ? { colour: change.colour } : {}),
        ...(change.keyPhrases ? { keyPhrases: change.keyPhrases } : {}),
        meta: { ...doc.meta, ...change.meta },
      };
      await tx.store.put(next);
      await tx.done;
      return next;
    },
    async speechChoice() {
      return (
        (await db.get('builtin', SPEECH_DOCUMENT_ID)) ?? {
          id: SPEECH_DOCUMENT_ID,
          enabled: true,
          colour: SPEECH_COLOUR,
        }
      );
    },
    async setSpeechChoice(choice) {
      const tx = db.transaction('builtin', 'readwrite');
      const current = (await tx.store.get(SPEECH_DOCUMENT_ID)) ?? {
        id: SPEECH_DOCUMENT_ID,
        enabled: true,
        colour: SPEECH_COLOUR,
      };
      const next = { ...current, ...choice, id: SPEECH_DOCUMENT_ID };
      await tx.store.put(next);
      await tx.done;
      return next;
    },
    loadIndex: () => db.get('index', 'current'),
    async saveIndex(index) {
      await db.put('index', { ...index, key: 'current' });
    },
    close: () => db.close(),
  };
}

export async function openLibraryStore(): Promise<LibraryStore> {
  return createLibraryStore(await openLibraryDB());
}

/**
 * What an index covers, as a string: the enabled documents, their key-phrase
 * edits and the speech's switch. A persisted index whose fingerprint matches
 * the library's is loaded rather than rebuilt.
 */
export function indexFingerprint(docs: readonly ReferenceDocument[], speechEnabled: boolean): string {
  const parts = docs
    .filter((d) => d.enabled)
    .map((d) => `${d.id}:${d.importedAt}:${d.keyPhrases.added.join('|')}/${d.keyPhrases.removed.join('|')}`)
    .sort();
  return `${speechEnabled ? 'speech+' : ''}${parts.join(',')}`;
}

/** The library's size as stored (UTF-16 characters of its JSON × 2), in bytes. */
export function storageBytes(docs: readonly ReferenceDocument[]): number {
  let chars = 0;
  for (const d of docs) chars += JSON.stringify(d).length;
  return chars * 2;
}
