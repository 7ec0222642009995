/**
 * The library's documents as the popup and the reader show them: the speech
 * first (its switch and colour from the store), then the imported documents
 * with their corpus views. An unreadable library leaves the speech alone.
 */
import type { PopupDocument } from '../../components/popup/platform';
import { getCorpus } from '../../lib/corpus';
import { documentCorpus } from '../../lib/library/corpus-view';
import { SPEECH_DOCUMENT_ID } from '../../lib/library/types';
import { openLibraryStore, SPEECH_COLOUR } from './store';

export async function loadPopupDocuments(): Promise<PopupDocument[]> {
  const speech: PopupDocument = {
    id: SPEECH_DOCUMENT_ID,
    title: getCorpus().meta.title,
    colour: SPEECH_COLOUR,
    enabled: true,
    corpus: null,
    meta: null,
  };
  try {
    const store = await openLibraryStore();
    try {
      const choice = await store.speechChoice();
      const docs = await store.list();
      return [
        { ...speech, colour: choice.colour, enabled: choice.enabled },
        ...docs.map((d) => ({
          id: d.id,
          title: d.meta.title,
          colour: d.colour,
          enabled: d.enabled,
          corpus: documentCorpus(d),
          meta: d.meta,
        })),
      ];
    } finally {
      store.close();
    }
  } catch (error) {
    console.warn('[yuanwen] library unreadable', error);
    return [speech];
  }
}
