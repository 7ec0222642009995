/**
 * The library's IndexedDB database, shared by the Library page (which writes
 * documents) and the background (which reads them and keeps the persisted
 * index). The schema is versioned: each version's upgrade step runs in order,
 * so a database left by any older version is brought up to date on open.
 *
 *   v1  documents (keyPath id)
 *   v2  documents gain an importedAt index; documents without a colour or
 *       key-phrase edits get them; a separate store keeps the persisted index
 *   v3  builtin: the reader's choices about the bundled speech (enabled, colour)
 */
import { type DBSchema, type IDBPDatabase, type IDBPTransaction, openDB, type StoreNames } from 'idb';
import type { ReferenceDocument } from '../../lib/library/types';

export const LIBRARY_DB_NAME = 'yuanwen-library';
export const LIBRARY_DB_VERSION = 3;

/** The index as persisted: the engine's serialised form and the document set it was built from. */
export interface PersistedIndex {
  key: 'current';
  /** Ids and import times of the enabled documents it covers (see indexFingerprint). */
  fingerprint: string;
  data: unknown;
  builtAt: number;
}

/** The reader's choices about the built-in speech (its text is bundled, not stored). */
export interface BuiltinChoice {
  id: string;
  enabled: boolean;
  colour: string;
}

export interface LibrarySchema extends DBSchema {
  documents: { key: string; value: ReferenceDocument; indexes: { importedAt: number } };
  index: { key: 'current'; value: PersistedIndex };
  builtin: { key: string; value: BuiltinChoice };
}

export type LibraryDB = IDBPDatabase<LibrarySchema>;
type UpgradeTx = IDBPTransaction<LibrarySchema, StoreNames<LibrarySchema>[], 'versionchange'>;

/** The colour a document gets when it has none (older records, imports without one). */
export const DEFAULT_DOCUMENT_COLOUR = '#7c4dff';

/** One step per version: MIGRATIONS[v - 1] takes a database from version v - 1 to v. */
const MIGRATIONS: ((db: LibraryDB, tx: UpgradeTx) => Promise<void> | void)[] = [
  (db) => {
    db.createObjectStore('documents', { keyPath: 'id' });
  },
  async (db, tx) => {
    const documents = tx.objectStore('documents');
    documents.createIndex('importedAt', 'importedAt');
    db.createObjectStore('index', { keyPath: 'key' });
    let cursor = await documents.openCursor();
    while (cursor) {
      const doc = cursor.value as Partial<ReferenceDocument> & { id: string };
      const fixed = {
        ...doc,
        colour: typeof doc.colour === 'string' ? doc.colour : DEFAULT_DOCUMENT_COLOUR,
        keyPhrases: doc.keyPhrases ?? { added: [], removed: [] },
        enabled: doc.enabled ?? true,
        importedAt: typeof doc.importedAt === 'number' ? doc.importedAt : 0,
      } as ReferenceDocument;
      await cursor.update(fixed);
      cursor = await cursor.continue();
    }
  },
  (db) => {
    db.createObjectStore('builtin', { keyPath: 'id' });
  },
];

/** Opens (creating or upgrading) the library database. `version` lets the tests stop at an older schema. */
export function openLibraryDB(version = LIBRARY_DB_VERSION): Promise<LibraryDB> {
  return openDB<LibrarySchema>(LIBRARY_DB_NAME, version, {
    async upgrade(db, oldVersion, newVersion, tx) {
      for (let v = oldVersion + 1; v <= (newVersion ?? version); v++) await MIGRATIONS[v - 1]?.(db, tx);
    },
  });
}
