import { createRoot } from 'react-dom/client';
import { browser } from 'wxt/browser';
import { LedgerApp } from '../../components/ledger/LedgerApp';
import type { LedgerPlatform } from '../../components/ledger/platform';
import '../../components/ledger/ledger.css';
import {
  annotate,
  clearLedger,
  clearNotice,
  countEntries,
  entriesNewestFirst,
  forgetSite,
  getNotice,
  importEntries,
  newestEntries,
  openLedger,
} from '../../extension/ledger-store';
import { readSettings, updateSettings } from '../../extension/settings';
import { getCorpus } from '../../lib/corpus';
import { resolveLanguage } from '../../lib/i18n';
import { SPEECH_DOCUMENT_ID } from '../../lib/library/types';

const db = openLedger();

const platform: LedgerPlatform = {
  load: async () => entriesNewestFirst(await db),
  count: async () => countEntries(await db),
  loadNewest: async (count) => newestEntries(await db, count),
  annotate: async (url, change) => annotate(await db, url, change),
  forgetSite: async (site) => forgetSite(await db, site),
  clear: async () => clearLedger(await db),
  importEntries: async (entries) => importEntries(await db, entries),
  notice: async () => getNotice(await db),
  dismissNotice: async () => clearNotice(await db),
  settings: async () => (await readSettings()).settings.ledger,
  // The ledger's settings are one field of Yuanwen's settings, written whole.
  updateSettings: async (patch) =>
    (await updateSettings({ ledger: { ...(await readSettings()).settings.ledger, ...patch } })).ledger,
  download(fileName, text, mime) {
    const url = URL.createObjectURL(new Blob([text], { type: `${mime};charset=utf-8` }));
    const a = document.createElement('a');
    a.href = url;
    a.download = fileName;
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  },
  pageUrl: (path) => browser.runtime.getURL(path as '/reader.html'),
  confirm: (message) => window.confirm(message),
  documentTitle: (id) => (id === SPEECH_DOCUMENT_ID ? getCorpus().meta.title : id),
};

const root = document.getElementById('root');
if (root)
  void readSettings()
    .catch(() => null)
    .then((state) => {
      const lang = resolveLanguage(state?.settings.language ?? 'auto', navigator.language);
      document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
      createRoot(root).render(<LedgerApp platform={platform} hash={location.hash} lang={lang} />);
    });
