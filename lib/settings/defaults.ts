import { DEFAULT_LEDGER_SETTINGS } from '../ledger/types';
import type { Settings } from './types';

/**
 * Colours chosen to read on light and dark pages alike: translucent fills keep
 * the page's own text colour visible, and each kind differs in hue and in
 * decoration so they do not rely on colour alone.
 */
export const DEFAULT_SETTINGS: Settings = {
  enabled: true,
  pausedSites: [],
  sensitivity: 'near-verbatim',
  minPassageLength: 8,
  traditional: true,
  stockPhrases: true,
  quiet: false,
  quietAsked: false,
  colours: { slogan: '#f5b70066', passage: '#3b9cff55', nearVerbatim: '#ff7a4566' },
  citationFormat: 'gbt7714',
  language: 'auto',
  ledger: DEFAULT_LEDGER_SETTINGS,
};
