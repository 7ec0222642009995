/** The reader page: the speech or a library document, mounted with the reader's settings and jieba for its search. */
import { createRoot } from 'react-dom/client';
import { ReaderSearch } from '../../components/lookup/ReaderSearch';
import { ReaderShell } from '../../components/reader/ReaderShell';
import { loadSegmenter } from '../../extension/jieba';
import { libraryLookupDocuments } from '../../extension/library/lookup-documents';
import { loadPopupDocuments } from '../../extension/library/popup-documents';
import { readSettings } from '../../extension/settings';
import { getCorpus } from '../../lib/corpus';
import { resolveLanguage } from '../../lib/i18n';
import { READER_STRINGS } from '../../lib/i18n/reader';
import { readDocumentHash } from '../../lib/library/doc-link';
import { SPEECH_DOCUMENT_ID } from '../../lib/library/types';
import { DEFAULT_SETTINGS } from '../../lib/settings/defaults';
import type { Settings } from '../../lib/settings/types';
import { ledgerHeat } from './ledger-heat';

// The settings decide the UI language and the one-click citation format; if
// storage cannot be read the page still opens, with the defaults.
async function start(): Promise<void> {
  const root = document.getElementById('root');
  if (!root) return;
  const settings: Settings = await readSettings().then(
    (s) => s.settings,
    () => DEFAULT_SETTINGS,
  );
  const lang = resolveLanguage(settings.language, navigator.language);
  const reactRoot = createRoot(root);
  // Each document's search is indexed on its first query, once per page.
  const searches = new Map<string, ReturnType<typeof libraryLookupDocuments>>();
  const searchFor = (documentId: string) => {
    let load = searches.get(documentId);
    if (!load) {
      load = libraryLookupDocuments(documentId);
      searches.set(documentId, load);
    }
    // Keyed by document: another document's search starts empty.
    return (
      <ReaderSearch
        key={documentId}
        lang={lang}
        title={documentId === SPEECH_DOCUMENT_ID ? undefined : READER_STRINGS[lang].searchDocument}
        loadSegmenter={loadSegmenter}
        loadDocuments={load}
      />
    );
  };
  const decorateFor = ledgerHeat(lang);
  const render = (documents: Awaited<ReturnType<typeof loadPopupDocuments>>) =>
    reactRoot.render(
      <ReaderShell
        speech={getCorpus()}
        documents={documents}
        lang={lang}
        defaultFormat={settings.citationFormat}
        searchFor={searchFor}
        decorateFor={decorateFor}
      />,
    );
  // The speech opens at once; a link to another document waits for the library, which then adds the switcher.
  const library = loadPopupDocuments();
  if (!readDocumentHash(window.location.hash)) render([]);
  render(await library.catch(() => []));
}

void start();
