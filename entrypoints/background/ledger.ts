/**
 * The background's side of the ledger: records each page a frame reports
 * quotes from (unless the rules in lib/ledger/rules.ts say not to), prunes
 * past retention when the worker starts, and answers get-ledger.
 */

import {
  allEntries,
  type LedgerDb,
  openLedger,
  pruneExpired,
  recordPage,
  writeWithRoom,
} from '../../extension/ledger-store';
import { readSettings } from '../../extension/settings';
import { filterEntries } from '../../lib/ledger/query';
import { whyNotRecorded } from '../../lib/ledger/rules';
import type { LedgerEntry, LedgerQuery, LedgerSettings } from '../../lib/ledger/types';
import type { FrameReport } from '../../lib/messages';
import { isSitePaused } from '../../lib/settings/paused';
import type { Settings } from '../../lib/settings/types';

export interface LedgerSender {
  url?: string;
  tab?: { id?: number; incognito?: boolean; url?: string };
}

/** Whether a page is read in quiet mode (the ledger's own setting says whether quiet pages are recorded). */
export type QuietCheck = (url: string, tabId: number | undefined) => boolean | Promise<boolean>;

export interface LedgerDeps {
  db: () => Promise<LedgerDb>;
  settings: () => Promise<Settings>;
  ledgerSettings: () => Promise<LedgerSettings>;
  quiet: QuietCheck;
  now: () => number;
}

let opened: Promise<LedgerDb> | null = null;
function sharedDb(): Promise<LedgerDb> {
  opened ??= openLedger().catch((error) => {
    opened = null;
    throw error;
  });
  return opened;
}

export const browserLedgerDeps: LedgerDeps = {
  db: sharedDb,
  settings: async () => (await readSettings()).settings,
  ledgerSettings: async () => (await readSettings()).settings.ledger,
  quiet: async () => (await readSettings()).settings.quiet,
  now: Date.now,
};

function hostOf(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return '';
  }
}

/** Records the page a report is about, when the rules allow; resolves to the entry (null when not recorded). */
export async function recordInLedger(
  report: FrameReport,
  sender: LedgerSender,
  deps: LedgerDeps = browserLedgerDeps,
): Promise<LedgerEntry | null> {
  const url = sender.url ?? report.url;
  const [settings, ledgerSettings] = await Promise.all([deps.settings(), deps.ledgerSettings()]);
  const why = whyNotRecorded({
    url,
    status: report.status,
    matchCount: report.matches.length,
    incognito: sender.tab?.incognito === true,
    paused: isSitePaused(settings, hostOf(url)),
    quiet: report.matches.length > 0 && (await deps.quiet(url, sender.tab?.id)),
    settings: ledgerSettings,
  });
  if (why) return null;
  const db = await deps.db();
  const now = deps.now();
  return writeWithRoom(
    db,
    () => recordPage(db, { url, title: report.title, matches: report.matches, seenAt: now }),
    now,
    ledgerSettings.retentionDays,
  );
}

/** The entries get-ledger answers with. */
export async function answerLedgerQuery(
  query: LedgerQuery,
  deps: LedgerDeps = browserLedgerDeps,
): Promise<{ entries: LedgerEntry[] }> {
  return { entries: filterEntries(await allEntries(await deps.db()), query) };
}

/** Drops entries past retention when the worker starts. */
export function registerLedger(deps: LedgerDeps = browserLedgerDeps): void {
  void (async () => {
    try {
      const { retentionDays } = await deps.ledgerSettings();
      await pruneExpired(await deps.db(), deps.now(), retentionDays);
    } catch (error) {
      console.warn(`Yuanwen: could not prune the ledger: ${error instanceof Error ? error.message : String(error)}`);
    }
  })();
}
