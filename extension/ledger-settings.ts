/**
 * The ledger's settings in extension storage, beside Yuanwen's other
 * settings and read the same safe way (a malformed value gives defaults).
 */
import { storage } from 'wxt/utils/storage';
import { sanitiseLedgerSettings } from '../lib/ledger/rules';
import type { LedgerSettings } from '../lib/ledger/types';

const item = storage.defineItem<unknown>('local:ledger-settings', { fallback: null });

export async function getLedgerSettings(): Promise<LedgerSettings> {
  try {
    return sanitiseLedgerSettings(await item.getValue());
  } catch {
    return sanitiseLedgerSettings(null);
  }
}

export async function updateLedgerSettings(patch: Partial<LedgerSettings>): Promise<LedgerSettings> {
  const next = sanitiseLedgerSettings({ ...(await getLedgerSettings()), ...patch });
  await item.setValue(next);
  return next;
}
