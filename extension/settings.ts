/**
 * The settings in extension storage: one module, one set of verbs, for every
 * context (the content script only reads and watches, and its bundle keeps
 * only those). What is stored is never trusted: every read migrates it from
 * the version it was stored at and sanitises it, so a corrupt or foreign
 * value yields the defaults field by field plus a notice, never a crash.
 * Reads never write; a write stores a clean object at the current version.
 *
 * Stored layout: the value under `settings` in the local area, its version
 * under `settings$` as { v }, missing meaning version 1 (the layout earlier
 * versions stored, so existing installs read as before). The ledger's
 * settings, once stored apart under `ledger-settings`, are folded in when
 * read and moved in by the next write (or by migrateSettings).
 */
import { browser } from 'wxt/browser';
import {
  hasProblems,
  LEGACY_LEDGER_KEY,
  normaliseHostname,
  SETTINGS_MIGRATIONS,
  SETTINGS_VERSION,
  SettingsError,
  sanitiseSettings,
  validateSettingsPatch,
  withLegacyLedger,
} from '../lib/settings';
import type { Settings, SettingsStore, SettingsWithNotice } from '../lib/settings/types';

const KEY = 'settings';
const META_KEY = 'settings$';

/** A stored value at its stored version, migrated to the current one; null where no migration understands it. */
function migrated(value: unknown, meta: unknown): unknown {
  if (value == null) return value;
  const v = (meta as { v?: unknown } | null | undefined)?.v;
  const version = typeof v === 'number' && Number.isInteger(v) ? v : 1;
  let next = value;
  for (let to = version + 1; to <= SETTINGS_VERSION; to++) {
    try {
      next = SETTINGS_MIGRATIONS[to]?.(next) ?? next;
    } catch {
      return null; // the defaults, as for any corrupt value
    }
  }
  return next;
}

/**
 * The settings a stored value stands for, given its version record (and the
 * ledger's settings from their old key, if still there), with a notice of
 * what was unusable.
 */
export function settingsFromStored(value: unknown, meta: unknown, legacyLedger?: unknown): SettingsWithNotice {
  const { settings, notice } = sanitiseSettings(withLegacyLedger(migrated(value, meta), legacyLedger));
  return { settings, notice: hasProblems(notice) ? notice : null };
}

async function readStored(): Promise<{ value: unknown; meta: unknown; legacyLedger: unknown }> {
  try {
    const stored = await browser.storage.local.get([KEY, META_KEY, LEGACY_LEDGER_KEY]);
    return { value: stored[KEY], meta: stored[META_KEY], legacyLedger: stored[LEGACY_LEDGER_KEY] };
  } catch {
    // storage unavailable (extension reloaded under a content script): defaults
    return { value: null, meta: null, legacyLedger: null };
  }
}

export async function readSettings(): Promise<SettingsWithNotice> {
  const { value, meta, legacyLedger } = await readStored();
  return settingsFromStored(value, meta, legacyLedger);
}

type Changes = Record<string, { newValue?: unknown }>;

/** Calls back with the settings whenever another write stores them, from any context; returns the unsubscribe. */
export function watchSettings(callback: (state: SettingsWithNotice) => void): () => void {
  const listener = (changes: Changes, area: string) => {
    if (area !== 'local' || !(KEY in changes)) return;
    // Writers store value and version together, at the current version.
    const meta = META_KEY in changes ? changes[META_KEY]?.newValue : { v: SETTINGS_VERSION };
    callback(settingsFromStored(changes[KEY]?.newValue, meta));
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}

async function store(settings: Settings): Promise<Settings> {
  await browser.storage.local.set({ [KEY]: settings, [META_KEY]: { v: SETTINGS_VERSION } });
  await browser.storage.local.remove(LEGACY_LEDGER_KEY); // now held in the settings
  return settings;
}

// Read-modify-write cycles of this context run one after another, so two quick
// toggles in the options page cannot overwrite each other.
let queue: Promise<unknown> | undefined;
function serialised<T>(task: () => Promise<T>): Promise<T> {
  const run = (queue ?? Promise.resolve()).then(task, task);
  queue = run.catch(() => undefined);
  return run;
}

/** Validates `patch` (throws SettingsError, storing nothing, if any field is bad), merges and stores. */
export function updateSettings(patch: Partial<Settings>): Promise<Settings> {
  return serialised(async () => {
    const valid = validateSettingsPatch(patch);
    return store({ ...(await readSettings()).settings, ...valid });
  });
}

export function setSitePaused(hostname: string, paused: boolean): Promise<Settings> {
  const host = normaliseHostname(hostname);
  if (host === null) return Promise.reject(new SettingsError('pausedSites', `Not a hostname: "${hostname}"`));
  return serialised(async () => {
    const current = (await readSettings()).settings;
    const without = current.pausedSites.filter((h) => h !== host);
    return store({ ...current, pausedSites: paused ? [...without, host] : without });
  });
}

/** Replaces whatever is stored with the defaults (the notice's "reset" action). */
export function resetSettings(): Promise<Settings> {
  return serialised(() => store(sanitiseSettings(null).settings));
}

/** Stores the sanitised form of what is stored: keeps every valid field, drops the rest, clears the notice. */
export function repairSettings(): Promise<Settings> {
  return serialised(async () => store((await readSettings()).settings));
}

/**
 * Stores a value from an older version migrated to the current one (the
 * background, when it starts). A value from a newer version (a downgrade) is
 * left as it is: reads sanitise it field by field.
 */
export function migrateSettings(): Promise<void> {
  return serialised(async () => {
    const { value, meta, legacyLedger } = await readStored();
    const v = (meta as { v?: unknown } | null | undefined)?.v;
    const current = typeof v === 'number' && v >= SETTINGS_VERSION;
    if ((value == null || current) && legacyLedger == null) return;
    const next = withLegacyLedger(current ? value : migrated(value, meta), legacyLedger);
    if (next == null) return;
    await browser.storage.local.set({ [KEY]: next, [META_KEY]: { v: SETTINGS_VERSION } });
    await browser.storage.local.remove(LEGACY_LEDGER_KEY);
  });
}

/** The store for the settings UI (options page, quick settings in the popup). */
export const settingsStore: SettingsStore = {
  load: readSettings,
  update: updateSettings,
  setSitePaused,
  reset: resetSettings,
  repair: repairSettings,
  watch: watchSettings,
};
