/**
 * What the Library page needs from the browser, as one object: the page's
 * entrypoint passes the real one, component tests a fake over fake-indexeddb.
 */

import type { IndexStatus } from '../../extension/library/index-service';
import type { LibraryStore } from '../../extension/library/store';
import type { ImportResult } from '../../lib/library/errors';
import type { PageArticle } from '../../lib/library/import';
import type { ReferenceDocument } from '../../lib/library/types';

export interface LibraryPlatform {
  store: LibraryStore;
  /** A file's bytes to a document (pdf.js loads on the first .pdf). */
  importFile(fileName: string, bytes: Uint8Array, colour: string): Promise<ImportResult<ReferenceDocument>>;
  /** Tells the background the library changed (it rebuilds its index). */
  notifyChanged(): void;
  /** The background's index status, or null when it does not answer. */
  indexStatus(): Promise<IndexStatus | null>;
  readerUrl(documentId: string): string;
  /** Saves a file through the browser's download. */
  download(fileName: string, text: string): void;
  /** The main text of the page in a tab (Readability), or null when it cannot be read. */
  readPageArticle(tabId: number): Promise<PageArticle | null>;
}
