/**
 * Character diff of a near-verbatim quote against the speech: Levenshtein on
 * the normalised codes of the short aligned segment only (the scan has
 * already found where the quote sits, and recorded the gaps between its exact
 * runs), so the quadratic DP runs on a few characters per gap, never on the
 * page or the whole quote.
 *
 * An alignment is kept as runs: [kind, length, kind, length, …] with kinds
 * EQUAL, REPLACE, INSERT (page characters the speech lacks), DELETE (speech
 * characters the page lacks); numbers, not strings, because the scan builds
 * one per near-verbatim quote.
 */
import type { DiffOp } from './types';

export const EQUAL = 0;
export const REPLACE = 1;
export const INSERT = 2;
export const DELETE = 3;
const OPS: DiffOp['op'][] = ['equal', 'replace', 'insert', 'delete'];

export interface Alignment {
  distance: number;
  /** [kind, length, …], adjacent runs of one kind merged. */
  runs: number[];
}

/** align()'s working memory, the DP's cells and its backtrace, grown as needed: a matcher owns one. */
export interface AlignMemory {
  cells: Uint16Array;
  backtrace: Uint8Array;
}

export function createAlignMemory(): AlignMemory {
  return { cells: new Uint16Array(256), backtrace: new Uint8Array(64) };
}

function pushRun(runs: number[], kind: number, length: number): void {
  if (length <= 0) return;
  const last = runs.length - 2;
  if (last >= 0 && runs[last] === kind) runs[last + 1] = (runs[last + 1] as number) + length;
  else runs.push(kind, length);
}

/**
 * Optimal alignment of a[aFrom, aTo) (page) with b[bFrom, bTo) (speech) by
 * Levenshtein DP, its runs appended to `runs`; returns the distance.
 * Short spans only: the DP is (aTo − aFrom + 1) × (bTo − bFrom + 1) cells.
 */
export function align(
  a: Uint16Array,
  aFrom: number,
  aTo: number,
  b: Uint16Array,
  bFrom: number,
  bTo: number,
  runs: number[],
  memory: AlignMemory,
): number {
  const n = aTo - aFrom;
  const m = bTo - bFrom;
  const w = m + 1;
  if (memory.cells.length < (n + 1) * w) memory.cells = new Uint16Array((n + 1) * w * 2);
  const d = memory.cells; // every cell read below is written first
  for (let j = 0; j <= m; j++) d[j] = j;
  for (let i = 1; i <= n; i++) {
    d[i * w] = i;
    const ai = a[aFrom + i - 1];
    for (let j = 1; j <= m; j++) {
      const sub = (d[(i - 1) * w + j - 1] as number) + (ai === b[bFrom + j - 1] ? 0 : 1);
      const del = (d[i * w + j - 1] as number) + 1;
      const ins = (d[(i - 1) * w + j] as number) + 1;
      // biome-ignore lint/complexity/useMathMinMax: the DP's inner loop, kept as plain comparisons.
      d[i * w + j] = sub < del ? (sub < ins ? sub : ins) : del < ins ? del : ins;
    }
  }
  // Backtrace from the end, steps collected in reverse.
  if (memory.backtrace.length < n + m) memory.backtrace = new Uint8Array((n + m) * 2);
  const backtrace = memory.backtrace;
  let count = 0;
  let i = n;
  let j = m;
  while (i > 0 || j > 0) {
    const here = d[i * w + j] as number;
    if (i > 0 && j > 0 && a[aFrom + i - 1] === b[bFrom + j - 1] && here === d[(i - 1) * w + j - 1]) {
      backtrace[count++] = EQUAL;
      i--;
      j--;
    } else if (i > 0 && j > 0 && here === (d[(i - 1) * w + j - 1] as number) + 1) {
      backtrace[count++] = REPLACE;
      i--;
      j--;
    } else if (i > 0 && here === (d[(i - 1) * w + j] as number) + 1) {
      backtrace[count++] = INSERT;
      i--;
    } else {
      backtrace[count++] = DELETE;
      j--;
    }
  }
  for (let k = count - 1; k >= 0; k--) pushRun(runs, backtrace[k] as number, 1);
  return d[n * w + m] as number;
}

/**
 * The alignment of page [ps, pe) with the speech given as exact runs between
 * gaps ([pageStart, pageLength, speechStart, speechLength, …] in page order):
 * exact runs are equal, each gap is aligned by DP on its own few characters,
 * so the cost is linear in the quote.
 */
export function alignGaps(
  page: Uint16Array,
  ps: number,
  pe: number,
  speech: Uint16Array,
  gaps: readonly number[],
  memory: AlignMemory,
): Alignment {
  let distance = 0;
  const runs: number[] = [];
  let pi = ps;
  for (let g = 0; g < gaps.length; g += 4) {
    const gp = gaps[g] as number;
    const gs = gaps[g + 2] as number;
    pushRun(runs, EQUAL, gp - pi);
    distance += align(page, gp, gp + (gaps[g + 1] as number), speech, gs, gs + (gaps[g + 3] as number), runs, memory);
    pi = gp + (gaps[g + 1] as number);
  }
  pushRun(runs, EQUAL, pe - pi);
  return { distance, runs };
}

/** 1 − distance / longer side: 1 for verbatim, falling with every edit, 0 when nothing aligns. */
export function similarityOf(distance: number, pageLength: number, speechLength: number): number {
  const longer = Math.max(pageLength, speechLength);
  return longer === 0 ? 1 : Math.max(0, 1 - distance / longer);
}

/** The page side of a diff: its offsets come from the scan's piecewise map. */
interface PageSide {
  text: string;
  /** The text offset of a normalised position. */
  originAt: (p: number) => number;
  from: number;
  to: number;
}

/** The speech side: its offsets are an array. */
interface SpeechSide {
  text: string;
  origin: Int32Array;
  from: number;
}

/** Original text of [start, end) (offsets of the first and last normalised character), a trailing high surrogate kept with its pair. */
function sliceText(text: string, start: number, last: number): string {
  let end = last + 1;
  const unit = text.charCodeAt(end - 1);
  if (unit >= 0xd800 && unit <= 0xdbff && end < text.length) end++;
  return text.slice(start, end);
}

/**
 * Runs as DiffOps in original characters. A page op covers the original text
 * from its first to its last normalised character, and the punctuation up to
 * the next op's first character, so the ops' page texts concatenate to the
 * quote as the page shows it.
 */
export function diffOps(runs: readonly number[], page: PageSide, speech: SpeechSide): DiffOp[] {
  const ops: DiffOp[] = [];
  const { originAt } = page;
  const speechOrigin = speech.origin;
  let pi = page.from;
  let si = speech.from;
  for (let k = 0; k < runs.length; k += 2) {
    const kind = runs[k] as number;
    const length = runs[k + 1] as number;
    const pRun = kind === DELETE ? 0 : length;
    const sRun = kind === INSERT ? 0 : length;
    ops.push({
      op: OPS[kind] as DiffOp['op'],
      page: pRun > 0 ? sliceText(page.text, originAt(pi), originAt(pi + pRun - 1)) : '',
      speech: sRun > 0 ? sliceText(speech.text, speechOrigin[si] as number, speechOrigin[si + sRun - 1] as number) : '',
    });
    pi += pRun;
    si += sRun;
  }
  return ops;
}
