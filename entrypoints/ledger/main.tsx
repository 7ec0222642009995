import { createRoot } from 'react-dom/client';
import { browser } from 'wxt/browser';
import { LedgerApp } from '../../components/ledger/LedgerApp';
import type { LedgerPlatform } from '../../components/ledger/platform';
import '../../components/ledger/ledger.css';
import { getLedgerSettings, updateLedgerSettings } from '../../extension/ledger-settings';
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
import { getCorpus } from '../../lib/corpus';
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
  settings: getLedgerSettings,
  updateSettings: updateLedgerSettings,
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
if (root) createRoot(root).render(<LedgerApp platform={platform} hash={location.hash} />);
