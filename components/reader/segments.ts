/**
 * Cuts a run of the speech into pieces at the highlight's and the heading's
 * edges, so the reader can wrap each piece in the right elements while every
 * piece keeps its speech offset (data-o) for mapping selections back.
 */
import type { Span } from '../../lib/corpus/types';

export interface Piece {
  start: number;
  end: number;
  /** Inside the highlighted target span. */
  marked: boolean;
  /** Inside the part's heading clause. */
  heading: boolean;
}

export function pieces(run: Span, highlight: Span | null, heading: Span | null): Piece[] {
  const cuts = new Set([run.start, run.end]);
  for (const s of [highlight, heading]) {
    if (!s) continue;
    for (const edge of [s.start, s.end]) if (edge > run.start && edge < run.end) cuts.add(edge);
  }
  const sorted = [...cuts].sort((a, b) => a - b);
  const inside = (s: Span | null, at: number) => s !== null && at >= s.start && at < s.end;
  const out: Piece[] = [];
  for (let i = 0; i + 1 < sorted.length; i++) {
    const start = sorted[i] as number;
    const end = sorted[i + 1] as number;
    out.push({ start, end, marked: inside(highlight, start), heading: inside(heading, start) });
  }
  return out;
}
