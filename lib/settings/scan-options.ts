import type { ScanOptions } from '../match';
import { STOCK_BELOW } from '../match/types';
import type { Settings } from './types';

/** What the matcher is asked for under the user's sensitivity. */
export function scanOptionsFor(settings: Settings): ScanOptions {
  return {
    slogans: true,
    passages: settings.sensitivity !== 'slogans',
    nearVerbatim: settings.sensitivity === 'near-verbatim',
    minPassageLength: settings.minPassageLength,
    traditional: settings.traditional,
    minDistinctiveness: settings.stockPhrases ? 0 : STOCK_BELOW,
  };
}
