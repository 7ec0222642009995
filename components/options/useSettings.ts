/**
 * Settings state for a React view: loads from the store, follows changes from
 * any context (another tab's options page, the popup) and saves patches,
 * reporting success or the store's error in `status`.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Settings, SettingsNotice, SettingsStore } from '../../lib/settings/types';

export type SaveStatus = { kind: 'idle' } | { kind: 'saved' } | { kind: 'error'; message: string };

export interface SettingsState {
  settings: Settings | null;
  notice: SettingsNotice | null;
  status: SaveStatus;
  update(patch: Partial<Settings>): Promise<void>;
  run(action: (store: SettingsStore) => Promise<Settings>, optimistic?: Partial<Settings>): Promise<void>;
  /** Input was refused where it was typed: an earlier "Saved" no longer describes the page. */
  refused(): void;
}

export function useSettings(store: SettingsStore): SettingsState {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [notice, setNotice] = useState<SettingsNotice | null>(null);
  const [status, setStatus] = useState<SaveStatus>({ kind: 'idle' });
  const alive = useRef(true);

  useEffect(() => {
    alive.current = true;
    const unwatch = store.watch((state) => {
      if (!alive.current) return;
      setSettings(state.settings);
      setNotice(state.notice);
    });
    store.load().then(
      (state) => {
        if (!alive.current) return;
        setSettings(state.settings);
        setNotice(state.notice);
      },
      (error: unknown) => alive.current && setStatus({ kind: 'error', message: String(error) }),
    );
    return () => {
      alive.current = false;
      unwatch();
    };
  }, [store]);

  /**
   * Runs a write. `optimistic` is shown at once (a controlled checkbox would otherwise snap back until the
   * write completes); after a rejected write the stored value is shown again.
   */
  const run = useCallback(
    async (action: (store: SettingsStore) => Promise<Settings>, optimistic?: Partial<Settings>) => {
      if (optimistic) setSettings((current) => (current ? { ...current, ...optimistic } : current));
      setStatus({ kind: 'idle' }); // "Saved" only once this write is stored
      try {
        const next = await action(store);
        if (!alive.current) return;
        setSettings(next);
        setNotice(null); // every write stores a clean, complete object
        setStatus({ kind: 'saved' });
      } catch (error) {
        if (!alive.current) return;
        setStatus({ kind: 'error', message: error instanceof Error ? error.message : String(error) });
        const state = await store.load().catch(() => null);
        if (state && alive.current) setSettings(state.settings);
      }
    },
    [store],
  );

  const update = useCallback((patch: Partial<Settings>) => run((s) => s.update(patch), patch), [run]);

  const refused = useCallback(() => setStatus({ kind: 'idle' }), []);

  return { settings, notice, status, update, run, refused };
}
