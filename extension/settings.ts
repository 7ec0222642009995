/**
 * Settings in extension storage, for every extension context (content script,
 * background, pages). The stored object is versioned (lib/settings/migrations)
 * and never trusted: every read goes through `sanitiseSettings`, so a corrupt
 * or foreign value yields defaults field by field plus a notice, never a crash.
 * Reads never write; the first successful update stores a clean object again.
 */
import { storage } from 'wxt/utils/storage';
import {
  hasProblems,
  normaliseHostname,
  SETTINGS_MIGRATIONS,
  SETTINGS_VERSION,
  SettingsError,
  sanitiseSettings,
  validateSettingsPatch,
} from '../lib/settings';
import type { Settings, SettingsStore, SettingsWithNotice } from '../lib/settings/types';

export type { SettingsWithNotice } from '../lib/settings/types';

import { SETTINGS_KEY } from './settings-key';

export { SETTINGS_KEY };

// `unknown`: what is stored may be anything; only sanitiseSettings turns it into Settings.
const item = storage.defineItem<unknown>(SETTINGS_KEY, {
  fallback: null,
  version: SETTINGS_VERSION,
  migrations: SETTINGS_MIGRATIONS,
});

async function readStored(): Promise<unknown> {
  try {
    return await item.getValue();
  } catch {
    return null; // storage unavailable (extension reloaded under a content script): behave as fresh
  }
}

function withNotice(raw: unknown): SettingsWithNotice {
  const { settings, notice } = sanitiseSettings(raw);
  return { settings, notice: hasProblems(notice) ? notice : null };
}

export async function getSettingsWithNotice(): Promise<SettingsWithNotice> {
  return withNotice(await readStored());
}

export async function getSettings(): Promise<Settings> {
  return (await getSettingsWithNotice()).settings;
}

// Read-modify-write cycles of this context run one after another, so two quick
// toggles in the options page cannot overwrite each other.
let queue: Promise<unknown> = Promise.resolve();
function serialised<T>(task: () => Promise<T>): Promise<T> {
  const run = queue.then(task, task);
  queue = run.catch(() => undefined);
  return run;
}

/** Validates `patch` (throws SettingsError, storing nothing, if any field is bad), merges and stores. */
export function updateSettings(patch: Partial<Settings>): Promise<Settings> {
  return serialised(async () => {
    const valid = validateSettingsPatch(patch);
    const next: Settings = { ...(await getSettings()), ...valid };
    await item.setValue(next);
    return next;
  });
}

/** Replaces whatever is stored with the defaults (the notice's "reset" action). */
export function resetSettings(): Promise<Settings> {
  return serialised(async () => {
    const { settings } = sanitiseSettings(null);
    await item.setValue(settings);
    return settings;
  });
}

/** Stores the sanitised form of what is stored: keeps every valid field, drops the rest, clears the notice. */
export function repairSettings(): Promise<Settings> {
  return serialised(async () => {
    const settings = await getSettings();
    await item.setValue(settings);
    return settings;
  });
}

/** Calls back with the full settings whenever they change; returns the unsubscribe function. */
export function watchSettings(callback: (settings: Settings) => void): () => void {
  return item.watch((value) => callback(sanitiseSettings(value).settings));
}

export function watchSettingsWithNotice(callback: (state: SettingsWithNotice) => void): () => void {
  return item.watch((value) => callback(withNotice(value)));
}

export { isSitePaused } from '../lib/settings/paused';

export function setSitePaused(hostname: string, paused: boolean): Promise<Settings> {
  const host = normaliseHostname(hostname);
  if (host === null) return Promise.reject(new SettingsError('pausedSites', `Not a hostname: "${hostname}"`));
  return serialised(async () => {
    const current = await getSettings();
    const without = current.pausedSites.filter((h) => h !== host);
    const next: Settings = { ...current, pausedSites: paused ? [...without, host] : without };
    await item.setValue(next);
    return next;
  });
}

/** Runs the migrations now (they also run when this module loads); for tests and the background on update. */
export async function migrateSettings(): Promise<void> {
  try {
    await item.migrate();
  } catch {
    // A value from a newer version (downgrade): left as is; reads sanitise it field by field.
  }
}

/** The store for the settings UI (options page, quick settings in the popup). */
export const settingsStore: SettingsStore = {
  load: getSettingsWithNotice,
  update: updateSettings,
  setSitePaused,
  reset: resetSettings,
  repair: repairSettings,
  watch: watchSettingsWithNotice,
};
