/** Quotes per day or week, per document, as stacked bars in hand-drawn SVG (no chart library). */
import type { LedgerStrings } from '../../lib/i18n/ledger';
import type { TimelinePoint } from '../../lib/ledger/views';

const W = 720;
const H = 160;
const PAD = 24;
const PALETTE = ['#3b7dd8', '#e0803a', '#3aa676', '#b5479b', '#8a6d3b', '#5d6d7e'];

export function Timeline({ points, documents, t }: { points: TimelinePoint[]; documents: string[]; t: LedgerStrings }) {
  if (points.length === 0) return <p className="ledger-empty">{t.noQuotesInRange}</p>;
  const max = Math.max(1, ...points.map((p) => p.total));
  const slot = (W - 2 * PAD) / points.length;
  const bar = Math.max(1, slot * 0.8);
  const colour = (doc: string) => PALETTE[documents.indexOf(doc) % PALETTE.length] ?? '#888';
  const day = (t: number) => new Date(t).toISOString().slice(0, 10);
  return (
    <figure className="ledger-timeline">
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={t.timelineLabel}>
        <line x1={PAD} y1={H - PAD} x2={W - PAD} y2={H - PAD} stroke="currentColor" strokeWidth="0.5" />
        <text x={PAD} y={12} fontSize="10">
          {max}
        </text>
        {points.map((p, i) => {
          let y = H - PAD;
          return (
            <g key={p.start} data-testid="timeline-bar" data-total={p.total}>
              <title>{`${day(p.start)}: ${p.total}`}</title>
              {documents.map((doc) => {
                const n = p.counts[doc] ?? 0;
                if (n === 0) return null;
                const h = (n / max) * (H - 2 * PAD);
                y -= h;
                return <rect key={doc} x={PAD + i * slot} y={y} width={bar} height={h} fill={colour(doc)} />;
              })}
            </g>
          );
        })}
        <text x={PAD} y={H - 6} fontSize="10">
          {day(points[0]?.start ?? 0)}
        </text>
        <text x={W - PAD} y={H - 6} fontSize="10" textAnchor="end">
          {day(points[points.length - 1]?.start ?? 0)}
        </text>
      </svg>
      <figcaption>
        {documents.map((doc) => (
          <span key={doc} className="ledger-legend">
            <i style={{ background: colour(doc) }} /> {doc}
          </span>
        ))}
      </figcaption>
    </figure>
  );
}
