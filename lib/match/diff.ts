/**
 * Character diff of a near-verbatim quote against the speech: Levenshtein on
 * the normalised codes of the short aligned segment only (the scan has
 * already found where the quote sits), so the quadratic DP runs on a few
 * dozen characters, never on the page.
 */
import type { DiffOp } from './types';

export interface Alignment {
  distance: number;
  /** Steps from the start: 'e' equal, 'r' replace, 'i' page char inserted, 'd' speech char deleted. */
  steps: string;
}

let scratch = new Uint16Array(256);

/** Optimal alignment of a[aFrom, aTo) with b[bFrom, bTo) by Levenshtein DP: for the short gaps between exact runs. */
export function align(
  a: Uint16Array,
  aFrom: number,
  aTo: number,
  b: Uint16Array,
  bFrom: number,
  bTo: number,
): Alignment {
  const n = aTo - aFrom;
  const m = bTo - bFrom;
  const w = m + 1;
  if (scratch.length < (n + 1) * w) scratch = new Uint16Array((n + 1) * w * 2);
  const d = scratch; // every cell read below is written first
  for (let j = 0; j <= m; j++) d[j] = j;
  for (let i = 1; i <= n; i++) {
    d[i * w] = i;
    const ai = a[aFrom + i - 1];
    for (let j = 1; j <= m; j++) {
      const sub = (d[(i - 1) * w + j - 1] as number) + (ai === b[bFrom + j - 1] ? 0 : 1);
      const del = (d[i * w + j - 1] as number) + 1;
      const ins = (d[(i - 1) * w + j] as number) + 1;
      d[i * w + j] = sub < del ? (sub < ins ? sub : ins) : del < ins ? del : ins;
    }
  }
  const steps: string[] = [];
  let i = n;
  let j = m;
  while (i > 0 || j > 0) {
    const here = d[i * w + j] as number;
    if (i > 0 && j > 0 && a[aFrom + i - 1] === b[bFrom + j - 1] && here === d[(i - 1) * w + j - 1]) {
      steps.push('e');
      i--;
      j--;
    } else if (i > 0 && j > 0 && here === (d[(i - 1) * w + j - 1] as number) + 1) {
      steps.push('r');
      i--;
      j--;
    } else if (i > 0 && here === (d[(i - 1) * w + j] as number) + 1) {
      steps.push('i');
      i--;
    } else {
      steps.push('d');
      j--;
    }
  }
  return { distance: d[n * w + m] as number, steps: steps.reverse().join('') };
}

/**
 * The alignment of page [ps, pe) with the speech given as exact runs between
 * gaps ([pageStart, pageLength, speechStart, speechLength, …] in page order):
 * exact runs are equal steps, each gap is aligned by DP on its own few
 * characters, so the cost is linear in the quote.
 */
export function alignGaps(
  page: Uint16Array,
  ps: number,
  pe: number,
  speech: Uint16Array,
  gaps: readonly number[],
): Alignment {
  let distance = 0;
  let steps = '';
  let pi = ps;
  for (let g = 0; g < gaps.length; g += 4) {
    const gp = gaps[g] as number;
    const gs = gaps[g + 2] as number;
    if (gp > pi) steps += 'e'.repeat(gp - pi);
    const a = align(page, gp, gp + (gaps[g + 1] as number), speech, gs, gs + (gaps[g + 3] as number));
    distance += a.distance;
    steps += a.steps;
    pi = gp + (gaps[g + 1] as number);
  }
  if (pe > pi) steps += 'e'.repeat(pe - pi);
  return { distance, steps };
}

/** 1 − distance / longer side: 1 for verbatim, falling with every edit, 0 when nothing aligns. */
export function similarityOf(distance: number, pageLength: number, speechLength: number): number {
  const longer = Math.max(pageLength, speechLength);
  return longer === 0 ? 1 : Math.max(0, 1 - distance / longer);
}

/**
 * Groups alignment steps into DiffOps in original characters. A page op
 * covers the original text from its first to its last normalised character
 * (punctuation between them included); a trailing high surrogate is kept
 * with its pair.
 */
export function diffOps(
  steps: string,
  page: { text: string; origin: Int32Array; from: number },
  speech: { text: string; origin: Int32Array; from: number },
): DiffOp[] {
  const ops: DiffOp[] = [];
  let pi = page.from;
  let si = speech.from;
  const slice = (side: typeof page, from: number, to: number): string => {
    if (to <= from) return '';
    let end = (side.origin[to - 1] as number) + 1;
    const last = side.text.charCodeAt(end - 1);
    if (last >= 0xd800 && last <= 0xdbff && end < side.text.length) end++;
    return side.text.slice(side.origin[from] as number, end);
  };
  let k = 0;
  while (k < steps.length) {
    const kind = steps[k] as string;
    let run = 0;
    while (k + run < steps.length && steps[k + run] === kind) run++;
    const pRun = kind === 'd' ? 0 : run;
    const sRun = kind === 'i' ? 0 : run;
    const op: DiffOp['op'] = kind === 'e' ? 'equal' : kind === 'r' ? 'replace' : kind === 'i' ? 'insert' : 'delete';
    ops.push({ op, page: slice(page, pi, pi + pRun), speech: slice(speech, si, si + sRun) });
    pi += pRun;
    si += sRun;
    k += run;
  }
  return ops;
}
