/**
 * The background service worker: a list of registrations, one per concern.
 * Each registers its listeners synchronously, as MV3 requires for events
 * that wake a stopped worker.
 */
import { defineBackground } from 'wxt/utils/define-background';
import { registerLookupAndShortcuts } from '../../platform/lookup-background';
import { registerReinjection } from '../../platform/reinject';
import { registerTabResults } from '../../platform/tab-results';
import { registerLedger } from './ledger';
import { registerMessages } from './messages';

export default defineBackground({
  type: 'module',
  main() {
    registerMessages();
    registerTabResults();
    registerLookupAndShortcuts();
    registerReinjection();
    registerLedger();
  },
});
