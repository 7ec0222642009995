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

export interface AsyncWindowedScan<M extends Span> {
  /** As WindowedScan.step, for a scan function that answers later (the matcher in another context). */
  step(chars: number): Promise<boolean>;
  matches(): M[];
  position(): number;
}

/** The window logic, apart from how a window is scanned. */
function windows<M extends Span>(text: string, overlap: number) {
  const found: M[] = [];
  let pos = 0;
  /** Per kind, where the matches of earlier windows end. */
  const earlierEnd = new Map<string | undefined, number>();
  return {
    found,
    position: () => pos,
    done: () => pos >= text.length,
    /** The next window: its text, and where its own part ends. */
    next(chars: number): { slice: string; cut: number; last: boolean } {
      let cut = Math.min(text.length, pos + Math.max(1, chars));
      if (cut < text.length) {
        const br = text.lastIndexOf('\n', cut);
        if (br > pos) cut = br + 1;
      }
      const last = cut >= text.length;
      // A small window (a slow matcher on dense text) gets a small overlap, or the overlap would dominate.
      const windowEnd = last ? text.length : Math.min(text.length, cut + Math.min(overlap, chars));
      return { slice: text.slice(pos, windowEnd), cut, last };
    },
    /** Takes the window's matches (offsets into its slice) and moves on. */
    accept(matches: M[], cut: number, last: boolean): void {
      const ends = new Map<string | undefined, number>();
      for (const m of matches) {
        const start = m.start + pos;
        const end = m.end + pos;
        if (!last && start >= cut) continue; // the next window finds it whole
        if (start < (earlierEnd.get(m.kind) ?? 0)) continue;
        found.push({ ...m, start, end });
        ends.set(m.kind, Math.max(ends.get(m.kind) ?? 0, end));
      }
      for (const [kind, end] of ends) earlierEnd.set(kind, Math.max(earlierEnd.get(kind) ?? 0, end));
      pos = cut;
    },
  };
}

export function createWindowedScan<M extends Span>(
  text: string,
  scan: (slice: string) => M[],
  overlap = 2000,
): WindowedScan<M> {
  const w = windows<M>(text, overlap);
  return {
    step(chars) {
      if (w.done()) return true;
      const { slice, cut, last } = w.next(chars);
      w.accept(scan(slice), cut, last);
      return last;
    },
    matches: () => w.found,
    position: w.position,
  };
}

export function createAsyncWindowedScan<M extends Span>(
  text: string,
  scan: (slice: string) => Promise<M[]>,
  overlap = 2000,
): AsyncWindowedScan<M> {
  const w = windows<M>(text, overlap);
  return {
    async step(chars) {
      if (w.done()) return true;
      const { slice, cut, last } = w.next(chars);
      w.accept(await scan(slice), cut, last);
      return last;
    },
    matches: () => w.found,
    position: w.position,
  };
}
