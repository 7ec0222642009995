/**
 * The most used settings, for the popup: on/off everywhere, pause on the
 * current site, sensitivity, and a link to the options page. Mount it with
 * the store from extension/settings.ts (`settingsStore`).
 */
import { useId } from 'react';
import type { Lang } from '../../lib/i18n';
import { optionsStrings } from '../../lib/i18n/options';
import { displayHostname, normaliseHostname } from '../../lib/settings/hostname';
import type { Sensitivity, SettingsStore } from '../../lib/settings/types';
import { SENSITIVITY_LEVELS } from '../../lib/settings/validate';
import { SettingsNoticeBanner } from './SettingsNoticeBanner';
import { useSettings } from './useSettings';

export interface QuickSettingsProps {
  store: SettingsStore;
  lang: Lang;
  /** The current tab's hostname; null on pages Yuanwen cannot scan (no per-site toggle then). */
  hostname: string | null;
  /** Opens the full options page (browser.runtime.openOptionsPage()). */
  onOpenOptions?: () => void;
}

export function QuickSettings(props: QuickSettingsProps) {
  const { settings, notice, status, update, run } = useSettings(props.store);
  const t = optionsStrings(props.lang);
  const enabledId = useId();
  const siteId = useId();
  const sensId = useId();
  if (!settings) return null;
  const host = props.hostname === null ? null : normaliseHostname(props.hostname);
  return (
    <section className="yw-quick" aria-label={t.quickHeading} lang={props.lang === 'zh' ? 'zh-CN' : 'en'}>
      {notice && (
        <SettingsNoticeBanner
          notice={notice}
          t={t}
          onRepair={() => void run((s) => s.repair())}
          onReset={() => void run((s) => s.reset())}
        />
      )}
      <div className="yw-check">
        <input
          id={enabledId}
          type="checkbox"
          checked={settings.enabled}
          onChange={(e) => update({ enabled: e.target.checked })}
        />
        <label htmlFor={enabledId}>{t.enabled}</label>
      </div>
      {host && (
        <div className="yw-check">
          <input
            id={siteId}
            type="checkbox"
            checked={settings.pausedSites.includes(host)}
            disabled={!settings.enabled}
            onChange={(e) => {
              const paused = e.target.checked;
              const others = settings.pausedSites.filter((h) => h !== host);
              void run((s) => s.setSitePaused(host, paused), { pausedSites: paused ? [...others, host] : others });
            }}
          />
          <label htmlFor={siteId}>{t.pauseThisSite(displayHostname(host))}</label>
        </div>
      )}
      <div className="yw-row">
        <label htmlFor={sensId}>{t.sensitivityHeading}</label>
        <select
          id={sensId}
          value={settings.sensitivity}
          onChange={(e) => update({ sensitivity: e.target.value as Sensitivity })}
        >
          {SENSITIVITY_LEVELS.map((level) => (
            <option key={level} value={level}>
              {t.sensitivity[level].label}
            </option>
          ))}
        </select>
      </div>
      {status.kind === 'error' && (
        <p className="yw-error" role="alert">
          {t.saveFailed(status.message)}
        </p>
      )}
      {props.onOpenOptions && (
        <button type="button" className="yw-link" onClick={props.onOpenOptions}>
          {t.moreSettings}
        </button>
      )}
    </section>
  );
}
