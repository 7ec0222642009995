/**
 * Scans a long text in windows so the work can be split into short tasks:
 * each window ends at a line break (a block boundary) near the requested size
 * and overlaps the next by `overlap` characters, so a quote that crosses the
 * cut is still found whole in one window. Matches are kept by where they
 * start; a match that overlaps one of the same kind kept from an earlier
 * window is the tail of that match seen again after the cut, and is dropped.
 * So the result is what one scan of the whole text gives, for quotes shorter
 * than `overlap` (cuts fall between blocks, which quotes rarely cross).
 */

export interface Span {
  start: number;
  end: number;
  kind?: string;
}

export interface WindowedScan<M extends Span> {
  /** Scans the next window of about `chars` characters; true when the text is done. */
  step(chars: number): boolean;
  /** Matches found so far, in text order, offsets into the whole text. */
  matches(): M[];
  /** Characters scanned so far (windows' own parts, not the overlap). */
  position(): number;
}

export function createWindowedScan<M extends Span>(
  text: string,
  scan: (slice: string) => M[],
  overlap = 2000,
): WindowedScan<M> {
  const found: M[] = [];
  let pos = 0;
  /** Per kind, where the matches of earlier windows end. */
  const earlierEnd = new Map<string | undefined, number>();
  return {
    step(chars) {
      if (pos >= text.length) return true;
      let cut = Math.min(text.length, pos + Math.max(1, chars));
      if (cut < text.length) {
        const br = text.lastIndexOf('\n', cut);
        if (br > pos) cut = br + 1;
      }
      const last = cut >= text.length;
      // A small window (a slow matcher on dense text) gets a small overlap, or the overlap would dominate.
      const windowEnd = last ? text.length : Math.min(text.length, cut + Math.min(overlap, chars));
      const ends = new Map<string | undefined, number>();
      for (const m of scan(text.slice(pos, windowEnd))) {
        const start = m.start + pos;
        const end = m.end + pos;
        if (!last && start >= cut) continue; // the next window finds it whole
        if (start < (earlierEnd.get(m.kind) ?? 0)) continue;
        found.push({ ...m, start, end });
        ends.set(m.kind, Math.max(ends.get(m.kind) ?? 0, end));
      }
      for (const [kind, end] of ends) earlierEnd.set(kind, Math.max(earlierEnd.get(kind) ?? 0, end));
      pos = cut;
      return last;
    },
    matches: () => found,
    position: () => pos,
  };
}
