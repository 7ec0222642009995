/**
 * The library in the background: one index over the enabled documents (the
 * speech through its own engine, the others through the library index),
 * loaded from IndexedDB when the worker starts and rebuilt when the Library
 * page says the library changed. Scans use the index they find; a rebuild
 * replaces it when done. Pages never hold the index: they ask for its status.
 */
import { browser } from 'wxt/browser';
import {
  buildLibraryIndex,
  type LibraryIndex,
  loadLibraryIndex,
  serialiseLibraryIndex,
} from '../../lib/library/library-index';
import { createLibraryMatcher, type LibraryMatcher } from '../../lib/library/matcher';
import { createSpeechMatcher } from '../../lib/match';
import { parseMessage } from '../../lib/messages';
import { createIndexService, type IndexService, type LibraryEngine } from './index-service';
import { openLibraryStore } from './store';

export interface BuiltLibrary {
  library: LibraryIndex | null;
  speech: boolean;
  matcher: LibraryMatcher;
}

function assemble(library: LibraryIndex | null, speech: boolean): BuiltLibrary {
  return { library, speech, matcher: createLibraryMatcher({ speech: speech ? createSpeechMatcher() : null, library }) };
}

/** The engine's library index, persisted as its ArrayBuffer (IndexedDB stores it as is). */
export const libraryEngine: LibraryEngine<BuiltLibrary> = {
  async build(docs, speech, onProgress) {
    return assemble(docs.length ? buildLibraryIndex(docs, { onProgress }) : null, speech);
  },
  serialise: (built) => ({ speech: built.speech, index: built.library ? serialiseLibraryIndex(built.library) : null }),
  deserialise(data) {
    const d = data as { speech?: unknown; index?: unknown } | null;
    if (!d || typeof d.speech !== 'boolean') return null;
    if (d.index === null) return assemble(null, d.speech);
    if (!(d.index instanceof ArrayBuffer)) return null;
    try {
      return assemble(loadLibraryIndex(d.index), d.speech);
    } catch (error) {
      console.warn('[yuanwen] persisted library index not loaded', error);
      return null;
    }
  },
};

let service: IndexService<BuiltLibrary> | undefined;

/** The worker's index service, started on first use (the worker's start registers it). */
export function libraryIndexService(): IndexService<BuiltLibrary> {
  service ??= createIndexService(openLibraryStore, libraryEngine);
  return service;
}

interface Sender {
  id?: string;
  url?: string;
}

function fromExtensionPage(sender: Sender): boolean {
  return sender.id === browser.runtime.id && !!sender.url?.startsWith(browser.runtime.getURL('/'));
}

export function registerLibrary(): void {
  browser.runtime.onMessage.addListener((raw: unknown, sender: Sender, sendResponse: (r: unknown) => void) => {
    const message = parseMessage(raw);
    if (message?.type !== 'library-changed' && message?.type !== 'get-library-status') return undefined;
    if (!fromExtensionPage(sender)) return undefined;
    if (message.type === 'library-changed') {
      // Rebuilt in the background of the worker: scans meanwhile use the index they had.
      void libraryIndexService().refresh();
      return undefined;
    }
    sendResponse(libraryIndexService().status());
    return undefined;
  });
  // Loaded at start, so a restarted worker's first scan finds the persisted index.
  void libraryIndexService().ready();
}
