/**
 * A suffix automaton of the normalised speech, in typed arrays.
 *
 * Why: read a page once, left to right, and know at every position the
 * longest piece of the speech that ends there (matching statistics). That is
 * linear in the page whatever the number of phrases, where indexOf per
 * sentence is quadratic-ish and Aho–Corasick finds only whole phrases.
 *
 * Transitions live in an open-addressing hash keyed by state·1024+code
 * (≈ 3n entries for n ≈ 2,500 letters: a 16 K-slot table, 128 KB), with two
 * shortcuts taken on the hot path before hashing: a dense row for the root
 * and each state's first transition inline (most deep states have exactly one).
 */

export interface Automaton {
  /** States, 0 the root. */
  count: number;
  link: Int32Array;
  len: Int32Array;
  /** End (inclusive, in normalised speech) of the first occurrence of the state's strings. */
  firstEnd: Int32Array;
  /** 1 for states created by extension (they own an end position), 0 for clones. */
  primary: Uint8Array;
  /** Root transitions by code: rootNext[code] (−1 none). */
  rootNext: Int32Array;
  /** Each state's one inline transition: code and target (0 code: none). */
  soloCode: Uint16Array;
  soloNext: Int32Array;
  /** Hash table of the other transitions. */
  keys: Int32Array;
  values: Int32Array;
  mask: number;
  shift: number;
  /** Children in the suffix-link tree (CSR), for enumerating occurrences. */
  childStart: Int32Array;
  children: Int32Array;
}

export const CODE_BITS = 10;
const HASH_MUL = 0x9e3779b1 | 0;

/** Looks up a transition; −1 if none. The scan inlines this. */
export function next(a: Automaton, state: number, code: number): number {
  if (state === 0) return a.rootNext[code] as number;
  if (a.soloCode[state] === code) return a.soloNext[state] as number;
  const key = (state << CODE_BITS) | code;
  let slot = Math.imul(key, HASH_MUL) >>> a.shift;
  for (;;) {
    const k = a.keys[slot] as number;
    if (k === key) return a.values[slot] as number;
    if (k === -1) return -1;
    slot = (slot + 1) & a.mask;
  }
}

/** Builds the automaton of `codes` (each in 1..alphabetSize, alphabetSize < 1024). */
export function buildAutomaton(codes: Uint16Array, alphabetSize: number): Automaton {
  if (alphabetSize >= 1 << CODE_BITS) throw new Error(`alphabet too large: ${alphabetSize}`);
  const maxStates = 2 * codes.length + 1;
  const link = new Int32Array(maxStates).fill(-1);
  const len = new Int32Array(maxStates);
  const firstEnd = new Int32Array(maxStates);
  const primary = new Uint8Array(maxStates);
  // Construction uses Maps (simple, ~1 ms for the speech); the scan uses the flattened form below.
  const trans: Map<number, number>[] = [new Map()];
  let count = 1;
  let last = 0;
  for (let i = 0; i < codes.length; i++) {
    const c = codes[i] as number;
    const cur = count++;
    trans.push(new Map());
    len[cur] = (len[last] as number) + 1;
    firstEnd[cur] = i;
    primary[cur] = 1;
    let p = last;
    while (p !== -1 && !(trans[p] as Map<number, number>).has(c)) {
      (trans[p] as Map<number, number>).set(c, cur);
      p = link[p] as number;
    }
    if (p === -1) link[cur] = 0;
    else {
      const q = (trans[p] as Map<number, number>).get(c) as number;
      if ((len[p] as number) + 1 === len[q]) link[cur] = q;
      else {
        const clone = count++;
        trans.push(new Map(trans[q]));
        len[clone] = (len[p] as number) + 1;
        link[clone] = link[q] as number;
        firstEnd[clone] = firstEnd[q] as number;
        while (p !== -1 && (trans[p] as Map<number, number>).get(c) === q) {
          (trans[p] as Map<number, number>).set(c, clone);
          p = link[p] as number;
        }
        link[q] = clone;
        link[cur] = clone;
      }
    }
    last = cur;
  }

  const rootNext = new Int32Array(alphabetSize + 2).fill(-1);
  for (const [c, t] of trans[0] as Map<number, number>) rootNext[c] = t;
  const soloCode = new Uint16Array(count);
  const soloNext = new Int32Array(count);
  let hashed = 0;
  for (let s = 1; s < count; s++) hashed += Math.max(0, (trans[s] as Map<number, number>).size - 1);
  let bits = 4;
  while (1 << bits < hashed * 2) bits++;
  const size = 1 << bits;
  const keys = new Int32Array(size).fill(-1);
  const values = new Int32Array(size);
  const mask = size - 1;
  const shift = 32 - bits;
  for (let s = 1; s < count; s++) {
    let first = true;
    for (const [c, t] of trans[s] as Map<number, number>) {
      if (first) {
        soloCode[s] = c;
        soloNext[s] = t;
        first = false;
        continue;
      }
      const key = (s << CODE_BITS) | c;
      let slot = Math.imul(key, HASH_MUL) >>> shift;
      while (keys[slot] !== -1) slot = (slot + 1) & mask;
      keys[slot] = key;
      values[slot] = t;
    }
  }

  // Suffix-link tree in CSR form.
  const childStart = new Int32Array(count + 1);
  for (let s = 1; s < count; s++) {
    const slot = (link[s] as number) + 1;
    childStart[slot] = (childStart[slot] as number) + 1;
  }
  for (let s = 0; s < count; s++) childStart[s + 1] = (childStart[s + 1] as number) + (childStart[s] as number);
  const fill = childStart.slice(0, count);
  const children = new Int32Array(Math.max(0, count - 1));
  for (let s = 1; s < count; s++) {
    const parent = link[s] as number;
    const at = fill[parent] as number;
    children[at] = s;
    fill[parent] = at + 1;
  }

  return {
    count,
    link: link.slice(0, count),
    len: len.slice(0, count),
    firstEnd: firstEnd.slice(0, count),
    primary: primary.slice(0, count),
    rootNext,
    soloCode,
    soloNext,
    keys,
    values,
    mask,
    shift,
    childStart,
    children,
  };
}

/**
 * End positions (inclusive, ascending) of every occurrence in the speech of
 * the strings of `state`: the primary states of its suffix-link subtree.
 */
export function occurrenceEnds(a: Automaton, state: number, limit = 64): number[] {
  const ends: number[] = [];
  const stack = [state];
  while (stack.length > 0 && ends.length < limit) {
    const s = stack.pop() as number;
    if (a.primary[s]) ends.push(a.firstEnd[s] as number);
    for (let k = a.childStart[s] as number; k < (a.childStart[s + 1] as number); k++)
      stack.push(a.children[k] as number);
  }
  return ends.sort((x, y) => x - y);
}
