/**
 * The settings module against an in-memory browser (fakeBrowser): round
 * trips, watching, migrations from what older versions stored, and corrupt
 * values.
 */

import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
// SettingsError is matched by name: each loadStore() gets its own module instance (and class).
import { DEFAULT_SETTINGS, isSitePaused, migrateV1toV2, SETTINGS_VERSION, sanitiseSettings } from '../../lib/settings';
import type { Settings } from '../../lib/settings/types';

type Store = typeof import('../../extension/settings');

/** A fresh module instance, as a newly started extension context would load it. */
async function loadStore(): Promise<Store> {
  vi.resetModules();
  return import('../../extension/settings');
}

const stored = async () => (await fakeBrowser.storage.local.get(['settings', 'settings$'])) as Record<string, unknown>;

beforeEach(() => {
  fakeBrowser.reset();
});

describe('round trip', () => {
  it('starts from the defaults and stores a versioned object on first write', async () => {
    const s = await loadStore();
    expect(await s.readSettings()).toEqual({ settings: DEFAULT_SETTINGS, notice: null });
    await s.updateSettings({ sensitivity: 'slogans', minPassageLength: 10 });
    const raw = await stored();
    expect(raw.settings).toEqual({ ...DEFAULT_SETTINGS, sensitivity: 'slogans', minPassageLength: 10 });
    expect(raw.settings$).toEqual({ v: SETTINGS_VERSION });
    const again = await loadStore();
    expect((await again.readSettings()).settings.sensitivity).toBe('slogans');
  });

  it('keeps both of two quick successive updates', async () => {
    const s = await loadStore();
    await Promise.all([s.updateSettings({ enabled: false }), s.updateSettings({ traditional: false })]);
    expect((await s.readSettings()).settings).toMatchObject({ enabled: false, traditional: false });
  });

  it('rejects an invalid patch and stores nothing', async () => {
    const s = await loadStore();
    await s.updateSettings({ language: 'en' });
    await expect(s.updateSettings({ language: 'fr' as never, enabled: false })).rejects.toMatchObject({
      name: 'SettingsError',
      field: 'language',
    });
    expect((await s.readSettings()).settings).toMatchObject({ language: 'en', enabled: true });
  });

  it('pauses and resumes a site by hostname, and the global switch pauses all', async () => {
    const s = await loadStore();
    await s.setSitePaused('https://News.cn/2023/x.html', true);
    await s.setSitePaused('news.cn', true);
    let settings = (await s.readSettings()).settings;
    expect(settings.pausedSites).toEqual(['news.cn']);
    expect(isSitePaused(settings, 'NEWS.CN')).toBe(true);
    expect(isSitePaused(settings, 'www.news.cn')).toBe(false);
    settings = await s.setSitePaused('news.cn', false);
    expect(isSitePaused(settings, 'news.cn')).toBe(false);
    expect(isSitePaused({ ...settings, enabled: false }, 'anything.org')).toBe(true);
    await expect(s.setSitePaused('not a host', true)).rejects.toMatchObject({ name: 'SettingsError' });
  });

  it('tells watchers at once, with sanitised values', async () => {
    const s = await loadStore();
    const seen: unknown[] = [];
    const unwatch = s.watchSettings((state) => seen.push(state.settings));
    await s.updateSettings({ enabled: false });
    await fakeBrowser.storage.local.set({ settings: 'garbage' });
    unwatch();
    await s.updateSettings({ enabled: true });
    expect(seen).toEqual([{ ...DEFAULT_SETTINGS, enabled: false }, DEFAULT_SETTINGS]);
  });
});

describe('migrations', () => {
  it('migrates an unversioned v1 value (paused map, colors key, numeric level)', async () => {
    await fakeBrowser.storage.local.set({
      settings: {
        enabled: true,
        paused: { 'Example.com': true, 'old.org': false },
        colors: { slogan: '#111111', passage: '#22222280', nearVerbatim: '#333' },
        sensitivity: 0,
      },
    });
    const s = await loadStore();
    expect(await s.readSettings()).toEqual({
      settings: {
        ...DEFAULT_SETTINGS,
        pausedSites: ['example.com'],
        colours: { slogan: '#111111', passage: '#22222280', nearVerbatim: '#333' },
        sensitivity: 'slogans',
      },
      notice: null,
    });
    // Reading migrates in memory only; the background stores the migrated value when it starts.
    expect((await stored()).settings$).toBeUndefined();
    await s.migrateSettings();
    const raw = await stored();
    expect(raw.settings$).toEqual({ v: 2 });
    expect(raw.settings).not.toHaveProperty('paused');
    expect(raw.settings).not.toHaveProperty('colors');
  });

  it('migrates what the first (unversioned) store wrote without losing anything', async () => {
    const first = { ...DEFAULT_SETTINGS, pausedSites: ['a.com'], language: 'en' };
    await fakeBrowser.storage.local.set({ settings: first });
    const s = await loadStore();
    expect((await s.readSettings()).settings).toEqual(first);
    await s.migrateSettings();
    expect(await stored()).toEqual({ settings: first, settings$: { v: 2 } });
  });

  it('does not migrate a v2 value again', async () => {
    const v2 = { ...DEFAULT_SETTINGS, pausedSites: ['a.com'] };
    // A v2 value that still carries a legacy-looking key must not be touched by the v1→v2 step.
    await fakeBrowser.storage.local.set({ settings: { ...v2, paused: ['b.com'] }, settings$: { v: 2 } });
    const s = await loadStore();
    const { settings, notice } = await s.readSettings();
    expect(settings.pausedSites).toEqual(['a.com']);
    expect(notice?.unknownKeys).toEqual(['paused']);
  });

  it('survives a value from a newer version (downgrade): reads it field by field', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    await fakeBrowser.storage.local.set({
      settings: { enabled: false, futureFeature: 1 },
      settings$: { v: 9 },
    });
    const s = await loadStore();
    await s.migrateSettings();
    expect((await stored()).settings$).toEqual({ v: 9 });
    const { settings, notice } = await s.readSettings();
    expect(settings).toEqual({ ...DEFAULT_SETTINGS, enabled: false });
    expect(notice?.unknownKeys).toEqual(['futureFeature']);
    error.mockRestore();
  });
});

describe('corrupt or foreign values', () => {
  const cases: [string, unknown][] = [
    ['a string of broken JSON', '{"enabled": fa'],
    ['a number', 7],
    ['an array', [1, 2, 3]],
    ['a boolean', true],
  ];
  for (const [name, value] of cases) {
    it(`falls back to the defaults with a notice for ${name}`, async () => {
      await fakeBrowser.storage.local.set({ settings: value, settings$: { v: 2 } });
      const s = await loadStore();
      const { settings, notice } = await s.readSettings();
      expect(settings).toEqual(DEFAULT_SETTINGS);
      expect(notice?.unreadable).toBe(true);
    });
  }

  it('keeps the valid fields of a partly corrupt object, and repair() clears the notice', async () => {
    await fakeBrowser.storage.local.set({
      settings: { enabled: false, sensitivity: 42, colours: 'pink', extra: {} },
      settings$: { v: 2 },
    });
    const s = await loadStore();
    const { settings, notice } = await s.readSettings();
    expect(settings).toEqual({ ...DEFAULT_SETTINGS, enabled: false });
    expect(notice).toEqual({ unreadable: false, resetFields: ['sensitivity', 'colours'], unknownKeys: ['extra'] });
    // Reading never writes: the notice stays until the user acts.
    expect((await s.readSettings()).notice).not.toBeNull();
    await s.repairSettings();
    expect(await s.readSettings()).toEqual({
      settings: { ...DEFAULT_SETTINGS, enabled: false },
      notice: null,
    });
  });

  it('an update on top of a corrupt value stores a clean object', async () => {
    await fakeBrowser.storage.local.set({ settings: 'nonsense', settings$: { v: 2 } });
    const s = await loadStore();
    await s.updateSettings({ language: 'zh' });
    expect((await stored()).settings).toEqual({ ...DEFAULT_SETTINGS, language: 'zh' });
  });

  it('resetSettings() restores every default', async () => {
    const s = await loadStore();
    await s.updateSettings({ enabled: false, pausedSites: ['a.com'] });
    expect(await s.resetSettings()).toEqual(DEFAULT_SETTINGS);
    expect((await s.readSettings()).settings).toEqual(DEFAULT_SETTINGS);
  });
});

describe('as the content script reads them', () => {
  const V1 = {
    enabled: true,
    paused: { 'Example.com': true, 'old.org': false },
    colors: { slogan: '#111111', passage: '#22222280', nearVerbatim: '#333' },
    sensitivity: 0,
  };

  it('gives the defaults when storage is unavailable', async () => {
    const s = await loadStore();
    vi.spyOn(fakeBrowser.storage.local, 'get').mockRejectedValueOnce(new Error('Extension context invalidated.'));
    expect(await s.readSettings()).toEqual({ settings: DEFAULT_SETTINGS, notice: null });
  });

  it('migrates an unversioned v1 value in memory and writes nothing', async () => {
    await fakeBrowser.storage.local.set({ settings: V1 });
    const s = await loadStore();
    expect((await s.readSettings()).settings.pausedSites).toEqual(['example.com']);
    expect(await stored()).toEqual({ settings: V1 });
  });

  it('does not migrate a current value again, and sanitises a corrupt one', async () => {
    const s = await loadStore();
    const current = { ...DEFAULT_SETTINGS, pausedSites: ['a.com'], paused: 'legacy-looking' };
    expect(s.settingsFromStored(current, { v: 2 }).settings).toEqual({ ...DEFAULT_SETTINGS, pausedSites: ['a.com'] });
    expect(s.settingsFromStored(current, undefined).settings).toEqual(
      sanitiseSettings(migrateV1toV2(current)).settings,
    );
    expect(s.settingsFromStored('garbage', { v: 2 }).settings).toEqual(DEFAULT_SETTINGS);
    expect(s.settingsFromStored({ enabled: 'yes' }, { v: 'x' }).settings).toEqual(DEFAULT_SETTINGS);
  });

  it('follows every change from another context until unsubscribed', async () => {
    const reader = await loadStore();
    const seen: Settings[] = [];
    const stop = reader.watchSettings(({ settings }) => seen.push(settings));
    const writer = await loadStore();
    await writer.updateSettings({ enabled: false });
    await writer.setSitePaused('news.cn', true);
    await fakeBrowser.storage.local.set({ unrelated: 1 });
    expect(seen.map((s) => [s.enabled, s.pausedSites])).toEqual([
      [false, []],
      [false, ['news.cn']],
    ]);
    stop();
    await writer.updateSettings({ enabled: true });
    expect(seen).toHaveLength(2);
  });

  it('follows a migration stored by the background (value and version together)', async () => {
    await fakeBrowser.storage.local.set({ settings: V1 });
    const reader = await loadStore();
    const seen: Settings[] = [];
    reader.watchSettings(({ settings }) => seen.push(settings));
    await (await loadStore()).migrateSettings();
    expect(seen.at(-1)?.pausedSites).toEqual(['example.com']);
    expect(seen.at(-1)?.sensitivity).toBe('slogans');
  });
});
