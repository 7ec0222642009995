/**
 * A near-verbatim quote's differences from the speech, character by
 * character. Each kind differs in shape, not colour alone: added text is
 * underlined with a +, dropped text struck through with a −, a change shows
 * old → new; screen readers hear a word for each.
 */
import type { PopupStrings } from '../../lib/i18n/popup';
import type { DiffSegment, DiffSummary } from './popup-model';
import './diff.css';

export interface DiffViewProps {
  segments: readonly DiffSegment[];
  summary: DiffSummary;
  strings: PopupStrings;
}

export function DiffView({ segments, summary, strings }: DiffViewProps) {
  return (
    <div className="diff">
      <p className="diff__text">
        <span className="sr-only">{strings.diffLabel + strings.colon}</span>
        {segments.map((s, i) => {
          const key = `${i}-${s.type}`;
          switch (s.type) {
            case 'same':
              return <span key={key}>{s.text}</span>;
            case 'inserted':
              return (
                <ins key={key} className="diff__ins">
                  <span className="sr-only">{`[${strings.inserted}`}</span>
                  {s.text}
                  <span className="sr-only">]</span>
                </ins>
              );
            case 'dropped':
              return (
                <del key={key} className="diff__del">
                  <span className="sr-only">{`[${strings.dropped}`}</span>
                  {s.text}
                  <span className="sr-only">]</span>
                </del>
              );
            case 'changed':
              return (
                <span key={key} className="diff__chg">
                  <del className="diff__del">
                    <span className="sr-only">{`[${strings.changedFrom}`}</span>
                    {s.from}
                  </del>
                  <span className="diff__arrow" aria-hidden="true">
                    →
                  </span>
                  <ins className="diff__ins">
                    <span className="sr-only">{strings.changedTo}</span>
                    {s.to}
                    <span className="sr-only">]</span>
                  </ins>
                </span>
              );
            default:
              return null;
          }
        })}
      </p>
      <p className="diff__summary">{strings.diffSummary(summary)}</p>
    </div>
  );
}
