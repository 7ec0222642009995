import type { ScanOptions } from '../match';
import type { Settings } from './types';

/** What the matcher is asked for under the user's sensitivity. */
export function scanOptionsFor(settings: Settings): ScanOptions {
  return {
    slogans: true,
    passages: settings.sensitivity !== 'slogans',
    nearVerbatim: settings.sensitivity === 'near-verbatim',
    minPassageLength: settings.minPassageLength,
    traditional: settings.traditional,
  };
}
