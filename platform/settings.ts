/**
 * Settings in extension storage, for every extension context (content script,
 * background, pages). First version: defaults merged over what is stored.
 * The settings issue hardens it (versioning, migrations, validation, notices).
 */
import { storage } from 'wxt/utils/storage';
import { DEFAULT_SETTINGS } from '../lib/settings/defaults';
import type { Settings } from '../lib/settings/types';

const item = storage.defineItem<Partial<Settings>>('local:settings', { fallback: {} });

export async function getSettings(): Promise<Settings> {
  return { ...DEFAULT_SETTINGS, ...(await item.getValue()) };
}

export async function updateSettings(patch: Partial<Settings>): Promise<Settings> {
  const next = { ...(await getSettings()), ...patch };
  await item.setValue(next);
  return next;
}

/** Calls back with the full settings whenever they change; returns the unsubscribe function. */
export function watchSettings(callback: (settings: Settings) => void): () => void {
  return item.watch((value) => callback({ ...DEFAULT_SETTINGS, ...value }));
}

export function isSitePaused(settings: Settings, hostname: string): boolean {
  return !settings.enabled || settings.pausedSites.includes(hostname);
}

export async function setSitePaused(hostname: string, paused: boolean): Promise<Settings> {
  const { pausedSites } = await getSettings();
  const without = pausedSites.filter((h) => h !== hostname);
  return updateSettings({ pausedSites: paused ? [...without, hostname] : without });
}
