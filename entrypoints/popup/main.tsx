import { lazy } from 'react';
import { createRoot } from 'react-dom/client';
import { browser } from 'wxt/browser';
import { Popup, type SettingsPanel } from '../../components/popup/Popup';
import '../../components/popup/popup.css';
import { settingsStore } from '../../extension/settings';
import { createBrowserPlatform, pinnedTabId } from './browser-platform';

// Pinned in a tab (?tab=<id>) the popup lays out as a page column.
if (pinnedTabId(location.search) !== null) document.body.classList.add('pinned');

// The quick settings (from the options work) load only when the reader opens them.
const LazyQuickSettings = lazy(async () => ({
  default: (await import('../../components/options/QuickSettings')).QuickSettings,
}));

const QuickSettingsPanel: SettingsPanel = ({ lang, hostname }) => (
  <LazyQuickSettings
    store={settingsStore}
    lang={lang}
    hostname={hostname}
    onOpenOptions={() => void browser.runtime.openOptionsPage()}
  />
);

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <Popup platform={createBrowserPlatform(location.search)} settingsPanel={QuickSettingsPanel} />,
  );
}
