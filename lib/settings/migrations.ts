/**
 * Versions of the stored settings object (key `settings` in the local area;
 * its version lives under `settings$`, see extension/settings.ts).
 *
 * v1 — unversioned. The first store wrote `Partial<Settings>` unvalidated,
 *      and earlier drafts used other shapes that may still be around:
 *      `paused` (hostname → boolean map, or a list), `colors` (US spelling),
 *      `sensitivity` as a level 0–2, hostnames with ports or full URLs.
 * v2 — the current `Settings` shape: `pausedSites` a deduplicated list of
 *      lower-case hostnames, `colours`, `sensitivity` a named level.
 *      `citationFormat` ids stay valid across editions of a style: 'gbt7714'
 *      (and 'gbt7714-web') name the current GB/T 7714, so a stored default
 *      moved to the 2025 edition without a migration; the 2015 edition has
 *      ids of its own ('gbt7714-2015', 'gbt7714-2015-web').
 *
 *      `ledger` (the quotation ledger's settings) joined v2 later with its
 *      default for values without it; before, they were stored apart under
 *      `ledger-settings`: `withLegacyLedger` folds that value in.
 *
 * Migrations never throw: what they cannot convert they leave in place, and
 * `sanitiseSettings` later resets it to the default with a notice.
 */
import { sanitiseLedgerSettings } from '../ledger/rules';
import { normaliseHostname } from './hostname';
import type { Sensitivity } from './types';

export const SETTINGS_VERSION = 2;

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

const LEVELS: Record<number, Sensitivity> = { 0: 'slogans', 1: 'passages', 2: 'near-verbatim' };

function hostList(x: unknown): unknown {
  let entries: unknown[];
  if (Array.isArray(x)) entries = x;
  // v1 drafts stored { "example.com": true, "other.org": false }: keep the true ones.
  else if (isObject(x)) entries = Object.keys(x).filter((host) => x[host] === true);
  else return x; // not convertible: leave it for the validator
  const out: string[] = [];
  for (const entry of entries) {
    const host = typeof entry === 'string' ? normaliseHostname(entry) : null;
    if (host === null) return x; // one bad entry: leave the whole list for the validator to reset visibly
    if (!out.includes(host)) out.push(host);
  }
  return out;
}

export function migrateV1toV2(old: unknown): unknown {
  if (!isObject(old)) return old;
  const { paused, colors, ...rest } = old;
  const next: Record<string, unknown> = { ...rest };
  if (next.pausedSites === undefined && paused !== undefined) next.pausedSites = paused;
  if (next.pausedSites !== undefined) next.pausedSites = hostList(next.pausedSites);
  if (next.colours === undefined && colors !== undefined) next.colours = colors;
  if (typeof next.sensitivity === 'number' && LEVELS[next.sensitivity]) next.sensitivity = LEVELS[next.sensitivity];
  return next;
}

/** The key the ledger's settings were stored under before they joined the settings object. */
export const LEGACY_LEDGER_KEY = 'ledger-settings';

/**
 * The stored settings with the ledger's settings from their old key folded in
 * (each field read safely), unless the settings already hold their own.
 */
export function withLegacyLedger(value: unknown, legacy: unknown): unknown {
  if (legacy == null) return value;
  if (value != null && !isObject(value)) return value; // unreadable: sanitising reports it
  if (isObject(value) && value.ledger !== undefined) return value;
  return { ...(value ?? {}), ledger: sanitiseLedgerSettings(legacy) };
}

/** Key: the version migrated to. */
export const SETTINGS_MIGRATIONS: Record<number, (old: unknown) => unknown> = {
  2: migrateV1toV2,
};
