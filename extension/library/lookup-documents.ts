/**
 * The documents a lookup searches, read from the library: the speech (when
 * enabled) and every enabled imported document, each as a lookup source
 * (lib/lookup/documents.ts). Built once per page, on the first search. An
 * unreadable library leaves the speech alone, as the popup does.
 */
import type { LookupDocument } from '../../components/lookup/LookupView';
import { getCorpus } from '../../lib/corpus';
import { documentCorpus } from '../../lib/library/corpus-view';
import { SPEECH_DOCUMENT_ID } from '../../lib/library/types';
import { documentLookupSource, speechLookupSource } from '../../lib/lookup';
import { matchData } from '../../lib/match/derived';
import { openLibraryStore, SPEECH_COLOUR } from './store';

function speechDocument(colour: string): LookupDocument {
  return { ...speechLookupSource(), title: getCorpus().meta.title, colour };
}

async function readDocuments(only: string | null): Promise<LookupDocument[]> {
  let store: Awaited<ReturnType<typeof openLibraryStore>>;
  try {
    store = await openLibraryStore();
  } catch (error) {
    console.warn('[yuanwen] library unreadable: the lookup searches the speech only', error);
    return [speechDocument(SPEECH_COLOUR)];
  }
  try {
    const choice = await store.speechChoice();
    if (only === SPEECH_DOCUMENT_ID) return [speechDocument(choice.colour)];
    const docs = (await store.list()).filter((d) => (only ? d.id === only : d.enabled));
    const found = docs.map(
      (d): LookupDocument => ({
        ...documentLookupSource(d, documentCorpus(d), matchData.t2s),
        title: d.meta.title,
        colour: d.colour,
      }),
    );
    if (only) return found;
    // Nothing enabled at all: the speech is still what a lookup is for.
    return choice.enabled || found.length === 0 ? [speechDocument(choice.colour), ...found] : found;
  } finally {
    store.close();
  }
}

/**
 * A loader for LookupView's `loadDocuments`: every enabled document, or only the document `only` (the
 * reader's search within the document it shows). The first call reads and indexes; later calls reuse it.
 */
export function libraryLookupDocuments(only: string | null = null): () => Promise<LookupDocument[]> {
  let loaded: Promise<LookupDocument[]> | undefined;
  return () => {
    loaded ??= readDocuments(only);
    loaded.catch(() => {
      loaded = undefined; // a later search tries again
    });
    return loaded;
  };
}
