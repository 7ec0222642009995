/**
 * When a page is recorded, and the ledger's settings read safely from
 * whatever storage holds.
 */
import { DEFAULT_LEDGER_SETTINGS, type LedgerSettings } from './types';

export interface RecordingContext {
  url: string;
  /** The report's status ('done' once a scan finished). */
  status: string;
  matchCount: number;
  /** The page is in a private / incognito window. */
  incognito: boolean;
  /** Yuanwen is paused on the site (or everywhere). */
  paused: boolean;
  /** The page is in quiet mode. */
  quiet: boolean;
  settings: LedgerSettings;
}

export type NotRecordedBecause = 'ledger-off' | 'incognito' | 'paused' | 'quiet' | 'not-web' | 'not-done' | 'no-quotes';

/** Why the page is not recorded, or null when it is. */
export function whyNotRecorded(c: RecordingContext): NotRecordedBecause | null {
  if (!c.settings.enabled) return 'ledger-off';
  if (c.incognito) return 'incognito';
  if (c.paused) return 'paused';
  if (c.quiet && !c.settings.recordQuietPages) return 'quiet';
  if (!/^https?:\/\//.test(c.url)) return 'not-web';
  if (c.status !== 'done') return 'not-done';
  if (c.matchCount === 0) return 'no-quotes';
  return null;
}

export const MIN_RETENTION_DAYS = 1;
export const MAX_RETENTION_DAYS = 36_500;

/** Stored ledger settings, field by field: anything malformed falls back to its default. */
export function sanitiseLedgerSettings(raw: unknown): LedgerSettings {
  const x = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {};
  const days = x.retentionDays;
  return {
    enabled: typeof x.enabled === 'boolean' ? x.enabled : DEFAULT_LEDGER_SETTINGS.enabled,
    retentionDays:
      Number.isSafeInteger(days) && (days as number) >= MIN_RETENTION_DAYS && (days as number) <= MAX_RETENTION_DAYS
        ? (days as number)
        : DEFAULT_LEDGER_SETTINGS.retentionDays,
    recordQuietPages:
      typeof x.recordQuietPages === 'boolean' ? x.recordQuietPages : DEFAULT_LEDGER_SETTINGS.recordQuietPages,
  };
}
