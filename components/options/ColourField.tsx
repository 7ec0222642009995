import { useId } from 'react';
import type { OptionsStrings } from '../../lib/i18n/options';
import { joinColour, legibility, splitColour } from '../../lib/settings/colour';

/**
 * One highlight colour: a colour picker, an opacity slider, samples on a light
 * and a dark page, and the text contrast on both (warning below WCAG AA).
 */
export function ColourField(props: {
  label: string;
  value: string;
  t: OptionsStrings;
  onChange: (hex: string) => void;
}) {
  const { label, value, t } = props;
  const { rgb, alpha } = splitColour(value);
  const check = legibility(value);
  const colourId = useId();
  const opacityId = useId();
  const infoId = useId();
  return (
    <div className="yw-colour" aria-describedby={infoId}>
      <div className="yw-row">
        <label htmlFor={colourId}>{t.colourLabel(label)}</label>
        <input
          id={colourId}
          type="color"
          value={rgb}
          onChange={(e) => props.onChange(joinColour(e.target.value, alpha))}
        />
        <label htmlFor={opacityId}>{t.opacityLabel(label)}</label>
        <input
          id={opacityId}
          type="range"
          min={0}
          max={100}
          step={1}
          value={Math.round(alpha * 100)}
          aria-valuetext={`${Math.round(alpha * 100)}%`}
          onChange={(e) => props.onChange(joinColour(rgb, Number(e.target.value) / 100))}
        />
      </div>
      <div className="yw-samples" aria-hidden="true">
        <span className="yw-sample yw-sample-light">
          {t.onLightPage}: <mark style={{ background: value }}>{t.sample}</mark>
        </span>
        <span className="yw-sample yw-sample-dark">
          {t.onDarkPage}: <mark style={{ background: value }}>{t.sample}</mark>
        </span>
      </div>
      {check && (
        <p id={infoId} className={check.ok ? 'yw-muted' : 'yw-warning'}>
          {t.contrast(check.light, check.dark)}
          {!check.ok && ` ${check.tooFaint ? t.tooFaint : t.contrastLow}`}
        </p>
      )}
    </div>
  );
}
