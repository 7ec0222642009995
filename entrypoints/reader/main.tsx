/** The reader page: the whole speech, mounted with the reader's settings and jieba for its search. */
import { createRoot } from 'react-dom/client';
import { ReaderSearch } from '../../components/lookup/ReaderSearch';
import { ReaderShell } from '../../components/reader/ReaderShell';
import { loadSegmenter } from '../../extension/jieba';
import { loadPopupDocuments } from '../../extension/library/popup-documents';
import { readSettings } from '../../extension/settings';
import { getCorpus } from '../../lib/corpus';
import { resolveLanguage } from '../../lib/i18n';
import { readDocumentHash } from '../../lib/library/doc-link';
import { DEFAULT_SETTINGS } from '../../lib/settings/defaults';
import type { Settings } from '../../lib/settings/types';
import { showLedgerHeat } from './ledger-heat';

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
  const render = (documents: Awaited<ReturnType<typeof loadPopupDocuments>>) =>
    reactRoot.render(
      <ReaderShell
        speech={getCorpus()}
        documents={documents}
        lang={lang}
        defaultFormat={settings.citationFormat}
        // Search box with the selection lookup's ranking (settings/lookup work).
        search={<ReaderSearch lang={lang} loadSegmenter={loadSegmenter} />}
      />,
    );
  // The speech opens at once; a link to another document waits for the library, which then adds the switcher.
  const library = loadPopupDocuments();
  if (!readDocumentHash(window.location.hash)) render([]);
  render(await library.catch(() => []));
  void showLedgerHeat(root, lang);
}

void start();
