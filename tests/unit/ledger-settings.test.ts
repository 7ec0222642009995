/**
 * The ledger's settings as one field of Yuanwen's settings: read, written
 * and validated by the one settings module, and moved in from the key they
 * were stored under before (`ledger-settings`) without losing a choice.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { migrateSettings, readSettings, updateSettings } from '../../extension/settings';
import { DEFAULT_LEDGER_SETTINGS } from '../../lib/ledger/types';
import { DEFAULT_SETTINGS, SETTINGS_VERSION, sanitiseSettings, withLegacyLedger } from '../../lib/settings';

const OLD = { enabled: false, retentionDays: 30, recordQuietPages: true };
const raw = () => fakeBrowser.storage.local.get(null) as Promise<Record<string, unknown>>;

beforeEach(() => {
  fakeBrowser.reset();
});

describe('the ledger settings in the settings module', () => {
  it('default to recording, 180 days, quiet pages not recorded', async () => {
    expect((await readSettings()).settings.ledger).toEqual(DEFAULT_LEDGER_SETTINGS);
    expect(DEFAULT_LEDGER_SETTINGS).toEqual({ enabled: true, retentionDays: 180, recordQuietPages: false });
  });

  it('are written whole and validated like any other field', async () => {
    await updateSettings({ ledger: OLD });
    expect((await readSettings()).settings.ledger).toEqual(OLD);
    await expect(updateSettings({ ledger: { ...OLD, retentionDays: 0 } })).rejects.toThrow(/ledger/);
    await expect(updateSettings({ ledger: { enabled: true } as never })).rejects.toThrow(/ledger/);
    expect((await readSettings()).settings.ledger).toEqual(OLD);
  });

  it('reset a malformed stored ledger field to the defaults, with a notice naming it', () => {
    const { settings, notice } = sanitiseSettings({ ledger: { enabled: 'no', retentionDays: 30 } });
    expect(settings.ledger).toEqual(DEFAULT_LEDGER_SETTINGS);
    expect(notice.resetFields).toEqual(['ledger']);
  });
});

describe('settings stored under the old key', () => {
  it('are read as the ledger field, beside the other settings', async () => {
    await fakeBrowser.storage.local.set({ 'ledger-settings': OLD, settings: { quiet: true }, settings$: { v: 2 } });
    const { settings, notice } = await readSettings();
    expect(settings).toEqual({ ...DEFAULT_SETTINGS, quiet: true, ledger: OLD });
    expect(notice).toBeNull();
  });

  it('are read field by field when partly malformed, and alone when nothing else is stored', async () => {
    await fakeBrowser.storage.local.set({ 'ledger-settings': { enabled: false, retentionDays: 'forever' } });
    expect((await readSettings()).settings.ledger).toEqual({ ...DEFAULT_LEDGER_SETTINGS, enabled: false });
  });

  it('move into the settings on the next write, the old key removed', async () => {
    await fakeBrowser.storage.local.set({ 'ledger-settings': OLD });
    await updateSettings({ quiet: true });
    const stored = await raw();
    expect(stored['ledger-settings']).toBeUndefined();
    expect(stored.settings).toEqual({ ...DEFAULT_SETTINGS, quiet: true, ledger: OLD });
  });

  it('move in when the background migrates, from a v1 value too', async () => {
    await fakeBrowser.storage.local.set({ 'ledger-settings': OLD, settings: { colors: DEFAULT_SETTINGS.colours } });
    await migrateSettings();
    const stored = await raw();
    expect(stored['ledger-settings']).toBeUndefined();
    expect(stored.settings$).toEqual({ v: SETTINGS_VERSION });
    expect((stored.settings as Record<string, unknown>).ledger).toEqual(OLD);
    expect((stored.settings as Record<string, unknown>).colours).toEqual(DEFAULT_SETTINGS.colours);
  });

  it('never override a ledger field the settings already hold', () => {
    const current = { ledger: { enabled: true, retentionDays: 7, recordQuietPages: false } };
    expect(withLegacyLedger(current, OLD)).toBe(current);
    expect(withLegacyLedger('garbage', OLD)).toBe('garbage');
    expect(withLegacyLedger({ quiet: true }, null)).toEqual({ quiet: true });
  });
});
