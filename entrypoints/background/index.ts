/**
 * The background service worker: a list of registrations, one per concern.
 * Each registers its listeners synchronously, as MV3 requires for events
 * that wake a stopped worker.
 */
import { defineBackground } from 'wxt/utils/define-background';
import { registerLibrary } from '../../extension/library/background';
import { migrateSettings } from '../../extension/settings';
import { registerLedger } from './ledger';
import { registerLookupAndShortcuts } from './lookup-background';
import { registerMessages } from './messages';
import { registerReinjection } from './reinject';
import { registerResultsPort } from './results-port';
import { registerTabResults } from './tab-results';

export default defineBackground({
  type: 'module',
  main() {
    registerMessages();
    registerTabResults();
    registerResultsPort();
    registerLookupAndShortcuts();
    registerReinjection();
    registerLibrary();
    registerLedger();
    // Settings stored by an older version are stored again at the current one (reads migrate in memory anyway).
    void migrateSettings();
  },
});
