/**
 * The options page: every setting, in the user's language, saved as soon as
 * it changes (open tabs follow through the storage watch).
 */
import { useEffect, useId, useState } from 'react';
import { type Lang, resolveLanguage } from '../../lib/i18n';
import { optionsStrings } from '../../lib/i18n/options';
import { DEFAULT_SETTINGS } from '../../lib/settings/defaults';
import type { ColourKind, Settings, SettingsStore, UiLanguage } from '../../lib/settings/types';
import { CITATION_FORMAT_IDS, COLOUR_KINDS, MIN_PASSAGE_LENGTH, SENSITIVITY_LEVELS } from '../../lib/settings/validate';
import { ColourField } from './ColourField';
import { PausedSites } from './PausedSites';
import { SettingsNoticeBanner } from './SettingsNoticeBanner';
import { useSettings } from './useSettings';

export interface ShortcutInfo {
  name: string;
  shortcut: string;
  description?: string;
}

export interface OptionsPageProps {
  store: SettingsStore;
  /** navigator.language, for the 'auto' UI language. */
  browserLanguage: string | undefined;
  /** The extension's keyboard commands (browser.commands.getAll()), if available. */
  shortcuts?: ShortcutInfo[];
  /** Asks before resetting everything; window.confirm in the extension. */
  confirm?: (message: string) => boolean;
}

const LANGS: UiLanguage[] = ['auto', 'zh', 'en'];

export function OptionsPage(props: OptionsPageProps) {
  const { settings, notice, status, update, run, refused } = useSettings(props.store);
  const lang: Lang = resolveLanguage(settings?.language ?? 'auto', props.browserLanguage);
  const t = optionsStrings(lang);
  const ids = {
    enabled: useId(),
    traditional: useId(),
    stockPhrases: useId(),
    quiet: useId(),
    minLength: useId(),
    format: useId(),
    language: useId(),
  };

  useEffect(() => {
    document.title = t.pageTitle;
    document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
  }, [t, lang]);

  if (!settings) return <main className="yw-options" aria-busy="true" />;

  const setColour = (kind: ColourKind, hex: string) => update({ colours: { ...settings.colours, [kind]: hex } });
  const resetAll = () => {
    if (!props.confirm || props.confirm(t.resetAllConfirm)) void run((s) => s.reset());
  };

  return (
    <main className="yw-options" lang={lang === 'zh' ? 'zh-CN' : 'en'}>
      <h1>{t.pageTitle}</h1>
      <p>
        <a href="ledger.html">引文记录 · Quotation ledger</a>
      </p>
      {notice && (
        <SettingsNoticeBanner
          notice={notice}
          t={t}
          onRepair={() => void run((s) => s.repair())}
          onReset={() => void run((s) => s.reset())}
        />
      )}
      <p className={status.kind === 'error' ? 'yw-error' : 'yw-status'} role="status" aria-live="polite">
        {status.kind === 'saved' ? t.saved : status.kind === 'error' ? t.saveFailed(status.message) : ''}
      </p>

      <section aria-labelledby="yw-general">
        <h2 id="yw-general">{t.generalHeading}</h2>
        <div className="yw-check">
          <input
            id={ids.enabled}
            type="checkbox"
            checked={settings.enabled}
            onChange={(e) => update({ enabled: e.target.checked })}
          />
          <label htmlFor={ids.enabled}>{t.enabled}</label>
        </div>
        <p className="yw-muted">{t.enabledHint}</p>
      </section>

      <section aria-labelledby="yw-sites">
        <h2 id="yw-sites">{t.sitesHeading}</h2>
        <p className="yw-muted">{t.sitesHint}</p>
        <PausedSites
          sites={settings.pausedSites}
          t={t}
          onRefused={refused}
          onPause={(host) =>
            run((s) => s.setSitePaused(host, true), {
              pausedSites: [...settings.pausedSites.filter((h) => h !== host), host],
            })
          }
          onResume={(host) =>
            run((s) => s.setSitePaused(host, false), {
              pausedSites: settings.pausedSites.filter((h) => h !== host),
            })
          }
        />
      </section>

      <section aria-labelledby="yw-sensitivity">
        <h2 id="yw-sensitivity">{t.sensitivityHeading}</h2>
        <fieldset>
          <legend>{t.sensitivityHeading}</legend>
          {SENSITIVITY_LEVELS.map((level) => (
            <div key={level} className="yw-radio">
              <input
                id={`yw-sens-${level}`}
                type="radio"
                name="sensitivity"
                value={level}
                checked={settings.sensitivity === level}
                onChange={() => update({ sensitivity: level })}
                aria-describedby={`yw-sens-${level}-hint`}
              />
              <label htmlFor={`yw-sens-${level}`}>{t.sensitivity[level].label}</label>
              <span id={`yw-sens-${level}-hint`} className="yw-muted">
                {t.sensitivity[level].hint}
              </span>
            </div>
          ))}
        </fieldset>
        <MinLengthField
          id={ids.minLength}
          settings={settings}
          label={t.minPassageLength}
          hint={t.minPassageLengthHint(MIN_PASSAGE_LENGTH.min, MIN_PASSAGE_LENGTH.max)}
          invalid={t.minPassageLengthInvalid(MIN_PASSAGE_LENGTH.min, MIN_PASSAGE_LENGTH.max)}
          onCommit={(n) => update({ minPassageLength: n })}
          onRefused={refused}
        />
        <div className="yw-check">
          <input
            id={ids.traditional}
            type="checkbox"
            checked={settings.traditional}
            onChange={(e) => update({ traditional: e.target.checked })}
            aria-describedby={`${ids.traditional}-hint`}
          />
          <label htmlFor={ids.traditional}>{t.traditional}</label>
        </div>
        <p id={`${ids.traditional}-hint`} className="yw-muted">
          {t.traditionalHint}
        </p>
        <div className="yw-check">
          <input
            id={ids.stockPhrases}
            type="checkbox"
            checked={settings.stockPhrases}
            onChange={(e) => update({ stockPhrases: e.target.checked })}
            aria-describedby={`${ids.stockPhrases}-hint`}
          />
          <label htmlFor={ids.stockPhrases}>{t.stockPhrases}</label>
        </div>
        <p id={`${ids.stockPhrases}-hint`} className="yw-muted">
          {t.stockPhrasesHint}
        </p>
        <div className="yw-check">
          <input
            id={ids.quiet}
            type="checkbox"
            checked={settings.quiet}
            onChange={(e) => update({ quiet: e.target.checked })}
            aria-describedby={`${ids.quiet}-hint`}
          />
          <label htmlFor={ids.quiet}>{t.quiet}</label>
        </div>
        <p id={`${ids.quiet}-hint`} className="yw-muted">
          {t.quietHint}
        </p>
      </section>

      <section aria-labelledby="yw-colours">
        <h2 id="yw-colours">{t.coloursHeading}</h2>
        <p className="yw-muted">{t.coloursHint}</p>
        {COLOUR_KINDS.map((kind) => (
          <ColourField
            key={kind}
            label={t.colourKind[kind]}
            value={settings.colours[kind]}
            t={t}
            onChange={(hex) => void setColour(kind, hex)}
          />
        ))}
        <button type="button" onClick={() => void update({ colours: { ...DEFAULT_SETTINGS.colours } })}>
          {t.resetColours}
        </button>
      </section>

      <section aria-labelledby="yw-citation">
        <h2 id="yw-citation">{t.citationHeading}</h2>
        <div className="yw-row">
          <label htmlFor={ids.format}>{t.citationFormat}</label>
          <select
            id={ids.format}
            value={settings.citationFormat}
            onChange={(e) => update({ citationFormat: e.target.value as Settings['citationFormat'] })}
          >
            {CITATION_FORMAT_IDS.map((id) => (
              <option key={id} value={id}>
                {t.citationFormatName[id]}
              </option>
            ))}
          </select>
        </div>
      </section>

      <section aria-labelledby="yw-language">
        <h2 id="yw-language">{t.languageHeading}</h2>
        <div className="yw-row">
          <label htmlFor={ids.language}>{t.language}</label>
          <select
            id={ids.language}
            value={settings.language}
            onChange={(e) => update({ language: e.target.value as UiLanguage })}
          >
            {LANGS.map((l) => (
              <option key={l} value={l}>
                {t.languageName[l]}
              </option>
            ))}
          </select>
        </div>
      </section>

      {props.shortcuts && (
        <section aria-labelledby="yw-shortcuts">
          <h2 id="yw-shortcuts">{t.shortcutsHeading}</h2>
          <dl className="yw-shortcuts">
            {props.shortcuts.map((c) => (
              <div key={c.name}>
                <dt>{t.commandName(c.name, c.description)}</dt>
                <dd>{c.shortcut ? <kbd>{c.shortcut}</kbd> : t.shortcutUnset}</dd>
              </div>
            ))}
          </dl>
          <p className="yw-muted">{t.shortcutsHint}</p>
        </section>
      )}

      <section>
        <button type="button" className="yw-danger" onClick={resetAll}>
          {t.resetAll}
        </button>
      </section>
    </main>
  );
}

/**
 * A number field that stores only valid lengths. Anything else (3, an empty box) is refused here:
 * it stays in the field with an error beside it, nothing is stored, and no "Saved" is shown.
 */
function MinLengthField(props: {
  id: string;
  settings: Settings;
  label: string;
  hint: string;
  invalid: string;
  onCommit: (n: number) => void;
  onRefused: () => void;
}) {
  const [text, setText] = useState(String(props.settings.minPassageLength));
  useEffect(() => setText(String(props.settings.minPassageLength)), [props.settings.minPassageLength]);
  const valid = isValidLength(text);
  return (
    <div className="yw-row">
      <label htmlFor={props.id}>{props.label}</label>
      <input
        id={props.id}
        type="number"
        min={MIN_PASSAGE_LENGTH.min}
        max={MIN_PASSAGE_LENGTH.max}
        step={1}
        value={text}
        aria-invalid={!valid}
        aria-describedby={`${props.id}-hint`}
        onChange={(e) => {
          setText(e.target.value);
          if (isValidLength(e.target.value)) props.onCommit(Number(e.target.value));
          else props.onRefused();
        }}
      />
      <span id={`${props.id}-hint`} className={valid ? 'yw-muted' : 'yw-error'} role={valid ? undefined : 'alert'}>
        {valid ? props.hint : props.invalid}
      </span>
    </div>
  );
}

function isValidLength(text: string): boolean {
  if (text.trim() === '') return false;
  const n = Number(text);
  return Number.isInteger(n) && n >= MIN_PASSAGE_LENGTH.min && n <= MIN_PASSAGE_LENGTH.max;
}
