/** The settings as plain data: types, defaults, validation, migrations and what they ask of the matcher. */
export * from './colour';
export { DEFAULT_SETTINGS } from './defaults';
export { normaliseHostname } from './hostname';
export {
  LEGACY_LEDGER_KEY,
  migrateV1toV2,
  SETTINGS_MIGRATIONS,
  SETTINGS_VERSION,
  withLegacyLedger,
} from './migrations';
export { isSitePaused } from './paused';
export { scanOptionsFor } from './scan-options';
export type * from './types';
export * from './validate';
