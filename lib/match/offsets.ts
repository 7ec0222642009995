/**
 * The map from a pass's normalised positions back to offsets in the scanned text. It is kept piecewise: pairs
 * (n, i) meaning normalised position n is text offset i, each following position one further, up to the next
 * pair. The pass writes a pair only where skipped characters shift the offset (a run of punctuation writes
 * one), so it stores one code per character rather than a code and an offset; originAt() reads it back for the
 * few positions a match reports.
 */

export interface OffsetMap {
  /** The pairs, flattened: n₀ i₀ n₁ i₁ … (pair 0 is (0, offset of the first letter)). */
  pairs: Int32Array;
  /** Numbers used in `pairs`, two per pair. */
  used: number;
  /** Index into `pairs` of the pair found last: matches are read back mostly in page order. */
  cursor: number;
}

/**
 * The text offset of normalised position p (below the pass's normalised length). Gallops from the pair found
 * last, forwards or backwards, so reading matches in page order costs O(log distance) each.
 */
export function originAt(map: OffsetMap, p: number): number {
  const shifts = map.pairs;
  const pairs = map.used >> 1;
  // The answer is the last pair whose position is ≤ p: find lo ≤ it < hi, then bisect.
  let lo = map.cursor >> 1;
  let hi: number;
  let step = 1;
  if ((shifts[lo * 2] as number) <= p) {
    hi = lo + 1;
    while (hi < pairs && (shifts[hi * 2] as number) <= p) {
      lo = hi;
      step *= 2;
      hi = lo + step;
    }
    if (hi > pairs) hi = pairs;
  } else {
    hi = lo;
    lo = hi - 1;
    while (lo > 0 && (shifts[lo * 2] as number) > p) {
      hi = lo;
      step *= 2;
      lo = hi - step;
    }
    if (lo < 0) lo = 0; // pair 0 is at position 0 ≤ p
  }
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if ((shifts[mid * 2] as number) <= p) lo = mid;
    else hi = mid;
  }
  map.cursor = lo * 2;
  return (shifts[lo * 2 + 1] as number) + p - (shifts[lo * 2] as number);
}
