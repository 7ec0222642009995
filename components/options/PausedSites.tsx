import { type FormEvent, useId, useState } from 'react';
import type { OptionsStrings } from '../../lib/i18n/options';
import { displayHostname, normaliseHostname } from '../../lib/settings/hostname';

/** The list of paused hostnames, with a field to add one (hostname or pasted URL). */
export function PausedSites(props: {
  sites: string[];
  t: OptionsStrings;
  onPause: (host: string) => Promise<void>;
  onResume: (host: string) => Promise<void>;
  /** A hostname was refused (nothing stored). */
  onRefused?: () => void;
}) {
  const { sites, t } = props;
  const [input, setInput] = useState('');
  const [error, setError] = useState<string | null>(null);
  const inputId = useId();
  const errorId = useId();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const host = normaliseHostname(input);
    if (host === null) {
      setError(t.badHostname(input));
      props.onRefused?.();
      return;
    }
    setError(null);
    await props.onPause(host);
    setInput('');
  };

  return (
    <div>
      {sites.length === 0 ? (
        <p className="yw-muted">{t.noPausedSites}</p>
      ) : (
        <ul className="yw-sites">
          {sites.map((host) => (
            <li key={host}>
              <span>{displayHostname(host)}</span>
              <button
                type="button"
                aria-label={t.removeSite(displayHostname(host))}
                title={t.removeSite(displayHostname(host))}
                onClick={() => props.onResume(host)}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      <form className="yw-row" onSubmit={submit}>
        <label htmlFor={inputId}>{t.addSiteLabel}</label>
        <input
          id={inputId}
          type="text"
          inputMode="url"
          autoComplete="off"
          spellCheck={false}
          value={input}
          onChange={(e) => setInput(e.target.value)}
          aria-invalid={error !== null}
          aria-describedby={error ? errorId : undefined}
        />
        <button type="submit" disabled={input.trim() === ''}>
          {t.addSite}
        </button>
      </form>
      {error && (
        <p id={errorId} className="yw-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
