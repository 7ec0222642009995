import { createRoot } from 'react-dom/client';
import { LibraryPage } from '../../components/library/LibraryPage';
import '../../components/options/options.css';
import '../../components/library/library.css';
import { openLibraryStore } from '../../extension/library/store';
import { readSettings } from '../../extension/settings';
import { resolveLanguage } from '../../lib/i18n';
import { createBrowserLibraryPlatform } from './browser-platform';

/** library.html#page=TAB: add the page shown in that tab (from the popup). */
function pageTabId(hash: string): number | null {
  const id = Number(new URLSearchParams(hash.replace(/^#/, '')).get('page'));
  return Number.isSafeInteger(id) && id >= 0 && hash.includes('page=') ? id : null;
}

const root = document.getElementById('root');
if (root) {
  void Promise.all([openLibraryStore(), readSettings().catch(() => null)]).then(([store, state]) => {
    const settings = state?.settings;
    const lang = resolveLanguage(settings?.language ?? 'auto', navigator.language);
    document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
    createRoot(root).render(
      <LibraryPage platform={createBrowserLibraryPlatform(store)} lang={lang} pageTabId={pageTabId(location.hash)} />,
    );
  });
}
