/**
 * The content script's settings reader against an in-memory browser
 * (fakeBrowser): it must read exactly what the settings store
 * (extension/settings.ts, through @wxt-dev/storage) writes, migrate old values
 * in memory without writing, and follow changes.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { followSettings, readSettings, settingsFromStored } from '../../extension/settings-reader';
import { DEFAULT_SETTINGS, migrateV1toV2, sanitiseSettings } from '../../lib/settings';
import type { Settings } from '../../lib/settings/types';

const stored = async () => (await fakeBrowser.storage.local.get(['settings', 'settings$'])) as Record<string, unknown>;

/** A fresh settings store module, as an extension page would load it (its migrations run on load). */
async function loadStore() {
  vi.resetModules();
  return import('../../extension/settings');
}

beforeEach(() => {
  fakeBrowser.reset();
});

const V1 = {
  enabled: true,
  paused: { 'Example.com': true, 'old.org': false },
  colors: { slogan: '#111111', passage: '#22222280', nearVerbatim: '#333' },
  sensitivity: 0,
};

describe('readSettings', () => {
  it('gives the defaults when nothing is stored', async () => {
    expect(await readSettings()).toEqual(DEFAULT_SETTINGS);
  });

  it('reads what the settings store wrote', async () => {
    const store = await loadStore();
    const written = await store.updateSettings({ sensitivity: 'slogans', pausedSites: ['news.cn'], language: 'en' });
    expect(written.sensitivity).toBe('slogans');
    expect(await readSettings()).toEqual(written);
    expect(await readSettings()).toEqual(await store.getSettings());
  });

  it('migrates an unversioned v1 value in memory, as the store would, and writes nothing', async () => {
    await fakeBrowser.storage.local.set({ settings: V1 });
    const read = await readSettings();
    expect(read).toEqual({
      ...DEFAULT_SETTINGS,
      pausedSites: ['example.com'],
      colours: { slogan: '#111111', passage: '#22222280', nearVerbatim: '#333' },
      sensitivity: 'slogans',
    });
    expect(await stored()).toEqual({ settings: V1 }); // untouched: the store migrates and writes, not the reader
    const store = await loadStore();
    expect(await store.getSettings()).toEqual(read);
  });

  it('does not migrate a current value again, and sanitises a corrupt one', async () => {
    const current = { ...DEFAULT_SETTINGS, pausedSites: ['a.com'], paused: 'legacy-looking' };
    expect(settingsFromStored(current, { v: 2 })).toEqual({ ...DEFAULT_SETTINGS, pausedSites: ['a.com'] });
    expect(settingsFromStored(current, undefined)).toEqual(sanitiseSettings(migrateV1toV2(current)).settings);
    expect(settingsFromStored('garbage', { v: 2 })).toEqual(DEFAULT_SETTINGS);
    expect(settingsFromStored({ enabled: 'yes' }, { v: 'x' })).toEqual(DEFAULT_SETTINGS);
  });
});

describe('followSettings', () => {
  it('calls back with the full settings on each change, until unsubscribed', async () => {
    const seen: Settings[] = [];
    const stop = followSettings((s) => seen.push(s));
    const store = await loadStore();
    await store.updateSettings({ enabled: false });
    await store.setSitePaused('news.cn', true);
    await fakeBrowser.storage.local.set({ unrelated: 1 });
    expect(seen.map((s) => [s.enabled, s.pausedSites])).toEqual([
      [false, []],
      [false, ['news.cn']],
    ]);
    stop();
    await store.updateSettings({ enabled: true });
    expect(seen).toHaveLength(2);
  });

  it('follows a migration written by the store (value and version together)', async () => {
    await fakeBrowser.storage.local.set({ settings: V1 });
    const seen: Settings[] = [];
    followSettings((s) => seen.push(s));
    await (await loadStore()).migrateSettings();
    expect(seen.at(-1)?.pausedSites).toEqual(['example.com']);
    expect(seen.at(-1)?.sensitivity).toBe('slogans');
  });
});
