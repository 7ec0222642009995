/**
 * The settings store against an in-memory browser (fakeBrowser): round trips,
 * migrations from what older versions stored, and corrupt values.
 */

import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
// SettingsError is matched by name: each loadStore() gets its own module instance (and class).
import { DEFAULT_SETTINGS, SETTINGS_VERSION } from '../../lib/settings';

type Store = typeof import('../../extension/settings');

/** A fresh module instance, as a newly started extension context would load it (migrations run on load). */
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
    expect(await s.getSettingsWithNotice()).toEqual({ settings: DEFAULT_SETTINGS, notice: null });
    await s.updateSettings({ sensitivity: 'slogans', minPassageLength: 10 });
    const raw = await stored();
    expect(raw.settings).toEqual({ ...DEFAULT_SETTINGS, sensitivity: 'slogans', minPassageLength: 10 });
    expect(raw.settings$).toEqual({ v: SETTINGS_VERSION });
    const again = await loadStore();
    expect((await again.getSettings()).sensitivity).toBe('slogans');
  });

  it('keeps both of two quick successive updates', async () => {
    const s = await loadStore();
    await Promise.all([s.updateSettings({ enabled: false }), s.updateSettings({ traditional: false })]);
    expect(await s.getSettings()).toMatchObject({ enabled: false, traditional: false });
  });

  it('rejects an invalid patch and stores nothing', async () => {
    const s = await loadStore();
    await s.updateSettings({ language: 'en' });
    await expect(s.updateSettings({ language: 'fr' as never, enabled: false })).rejects.toMatchObject({
      name: 'SettingsError',
      field: 'language',
    });
    expect(await s.getSettings()).toMatchObject({ language: 'en', enabled: true });
  });

  it('pauses and resumes a site by hostname, and the global switch pauses all', async () => {
    const s = await loadStore();
    await s.setSitePaused('https://News.cn/2023/x.html', true);
    await s.setSitePaused('news.cn', true);
    let settings = await s.getSettings();
    expect(settings.pausedSites).toEqual(['news.cn']);
    expect(s.isSitePaused(settings, 'NEWS.CN')).toBe(true);
    expect(s.isSitePaused(settings, 'www.news.cn')).toBe(false);
    settings = await s.setSitePaused('news.cn', false);
    expect(s.isSitePaused(settings, 'news.cn')).toBe(false);
    expect(s.isSitePaused({ ...settings, enabled: false }, 'anything.org')).toBe(true);
    await expect(s.setSitePaused('not a host', true)).rejects.toMatchObject({ name: 'SettingsError' });
  });

  it('tells watchers at once, with sanitised values', async () => {
    const s = await loadStore();
    const seen: unknown[] = [];
    const unwatch = s.watchSettings((settings) => seen.push(settings));
    await s.updateSettings({ enabled: false });
    await fakeBrowser.storage.local.set({ settings: 'garbage' });
    unwatch();
    await s.updateSettings({ enabled: true });
    expect(seen).toEqual([{ ...DEFAULT_SETTINGS, enabled: false }, DEFAULT_SETTINGS]);
  });
});

describe('migrations', () => {
  it('migrates an unversioned v1 value (paused map, colors key, numeric level) on load', async () => {
    await fakeBrowser.storage.local.set({
      settings: {
        enabled: true,
        paused: { 'Example.com': true, 'old.org': false },
        colors: { slogan: '#111111', passage: '#22222280', nearVerbatim: '#333' },
        sensitivity: 0,
      },
    });
    const s = await loadStore();
    expect(await s.getSettingsWithNotice()).toEqual({
      settings: {
        ...DEFAULT_SETTINGS,
        pausedSites: ['example.com'],
        colours: { slogan: '#111111', passage: '#22222280', nearVerbatim: '#333' },
        sensitivity: 'slogans',
      },
      notice: null,
    });
    const raw = await stored();
    expect(raw.settings$).toEqual({ v: 2 });
    expect(raw.settings).not.toHaveProperty('paused');
    expect(raw.settings).not.toHaveProperty('colors');
  });

  it('migrates what the first (unversioned) store wrote without losing anything', async () => {
    const first = { ...DEFAULT_SETTINGS, pausedSites: ['a.com'], language: 'en' };
    await fakeBrowser.storage.local.set({ settings: first });
    const s = await loadStore();
    expect(await s.getSettings()).toEqual(first);
    expect((await stored()).settings$).toEqual({ v: 2 });
  });

  it('does not migrate a v2 value again', async () => {
    const v2 = { ...DEFAULT_SETTINGS, pausedSites: ['a.com'] };
    // A v2 value that still carries a legacy-looking key must not be touched by the v1→v2 step.
    await fakeBrowser.storage.local.set({ settings: { ...v2, paused: ['b.com'] }, settings$: { v: 2 } });
    const s = await loadStore();
    const { settings, notice } = await s.getSettingsWithNotice();
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
    const { settings, notice } = await s.getSettingsWithNotice();
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
      const { settings, notice } = await s.getSettingsWithNotice();
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
    const { settings, notice } = await s.getSettingsWithNotice();
    expect(settings).toEqual({ ...DEFAULT_SETTINGS, enabled: false });
    expect(notice).toEqual({ unreadable: false, resetFields: ['sensitivity', 'colours'], unknownKeys: ['extra'] });
    // Reading never writes: the notice stays until the user acts.
    expect((await s.getSettingsWithNotice()).notice).not.toBeNull();
    await s.repairSettings();
    expect(await s.getSettingsWithNotice()).toEqual({
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
    expect(await s.getSettings()).toEqual(DEFAULT_SETTINGS);
  });
});
