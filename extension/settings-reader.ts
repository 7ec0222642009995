/**
 * The settings as a content script needs them: read once, and followed as
 * they change. A content script runs in every frame of every page, and
 * @wxt-dev/storage (with its lock and migration runner) was a quarter of its
 * bundle, parsed and run each time; this reads extension storage directly.
 *
 * Read-only. The stored layout is extension/settings.ts's (through
 * @wxt-dev/storage): the value under `settings` in the local area, its
 * version under `settings$` as { v }. A value stored by an older version is
 * migrated in memory with the same migrations (extension/settings.ts stores
 * the migrated value, from the extension's pages and background); a corrupt
 * value gives the defaults field by field, as everywhere else.
 */
import { browser } from 'wxt/browser';
import { SETTINGS_MIGRATIONS, SETTINGS_VERSION, sanitiseSettings } from '../lib/settings';
import type { Settings } from '../lib/settings/types';
import { SETTINGS_KEY } from './settings-key';

const KEY = SETTINGS_KEY.slice('local:'.length);
const META_KEY = `${KEY}$`;

/** The settings a stored value stands for, given its stored version record (missing: version 1). */
export function settingsFromStored(value: unknown, meta: unknown): Settings {
  let migrated = value;
  if (migrated != null) {
    const v = (meta as { v?: unknown } | null | undefined)?.v;
    const version = typeof v === 'number' && Number.isInteger(v) ? v : 1;
    for (let to = version + 1; to <= SETTINGS_VERSION; to++) {
      try {
        migrated = SETTINGS_MIGRATIONS[to]?.(migrated) ?? migrated;
      } catch {
        migrated = null; // a value no migration understands: the defaults, as for any corrupt value
        break;
      }
    }
  }
  return sanitiseSettings(migrated).settings;
}

export async function readSettings(): Promise<Settings> {
  try {
    const stored = await browser.storage.local.get([KEY, META_KEY]);
    return settingsFromStored(stored[KEY], stored[META_KEY]);
  } catch {
    return sanitiseSettings(null).settings; // storage unavailable (extension reloaded under the page): defaults
  }
}

type Changes = Record<string, { newValue?: unknown }>;

/** Calls back with the full settings whenever they change; returns the unsubscribe function. */
export function followSettings(callback: (settings: Settings) => void): () => void {
  const listener = (changes: Changes, area: string) => {
    if (area !== 'local' || !(KEY in changes)) return;
    // Writers store at the current version (they migrate first); a migration writes value and version together.
    const meta = META_KEY in changes ? changes[META_KEY]?.newValue : { v: SETTINGS_VERSION };
    callback(settingsFromStored(changes[KEY]?.newValue, meta));
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}
