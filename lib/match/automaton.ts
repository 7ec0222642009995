/**
 * A suffix automaton of the normalised speech, in typed arrays.
 *
 * Why: read a page once, left to right, and know at every position the
 * longest piece of the speech that ends there (matching statistics). That is
 * linear in the page whatever the number of phrases, where indexOf per
 * sentence is quadratic-ish and Aho–Corasick finds only whole phrases.
 *
 * Transition layout, chosen for the scan's hot loop (a hash table per state
 * would cost a probe at every character; docs/performance.md has the figures):
 *   - the root: a dense row by code;
 *   - states with ≥ DENSE_MIN transitions (a few hundred): a dense row each,
 *     Uint16 target+1;
 *   - the rest (most states have one transition): up to three inline
 *     (code, target) pairs per state.
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
  /** Row width of the dense rows: alphabet size + 1. */
  width: number;
  /** Dense row of a state (−1: the state uses inline pairs). */
  rowOf: Int32Array;
  /** Dense rows: rows[row · width + code] = target + 1, 0 none. */
  rows: Uint16Array;
  /** Inline transitions: code (0 none) and target, three per state. */
  c1: Uint16Array;
  n1: Int32Array;
  c2: Uint16Array;
  n2: Int32Array;
  c3: Uint16Array;
  n3: Int32Array;
  /** Children in the suffix-link tree (CSR), for enumerating occurrences. */
  childStart: Int32Array;
  children: Int32Array;
}

/** States with at least this many transitions get a dense row. */
const DENSE_MIN = 4;

/** Looks up a transition; −1 if none. The scan inlines this. */
export function next(a: Automaton, state: number, code: number): number {
  if (state === 0) return a.rootNext[code] as number;
  const row = a.rowOf[state] as number;
  if (row >= 0) return (a.rows[row * a.width + code] as number) - 1;
  if (a.c1[state] === code) return a.n1[state] as number;
  if (a.c2[state] === code) return a.n2[state] as number;
  if (a.c3[state] === code) return a.n3[state] as number;
  return -1;
}

/** Builds the automaton of `codes` (each in 1..alphabetSize). */
export function buildAutomaton(codes: Uint16Array, alphabetSize: number): Automaton {
  const maxStates = 2 * codes.length + 1;
  if (maxStates >= 0xffff) throw new Error('text too long for 16-bit rows');
  const link = new Int32Array(maxStates).fill(-1);
  const len = new Int32Array(maxStates);
  const firstEnd = new Int32Array(maxStates);
  const primary = new Uint8Array(maxStates);
  // Construction: transitions in an open-addressing hash keyed state·W+code, and each state's codes in a
  // linked list for cloning; typed arrays throughout (≈ 0.5 ms for the speech; Maps took ≈ 7 ms).
  const W = alphabetSize + 1;
  let bits = 4;
  while (1 << bits < 8 * codes.length + 16) bits++;
  const hmask = (1 << bits) - 1;
  const hkeys = new Int32Array(1 << bits).fill(-1);
  const hvals = new Int32Array(1 << bits);
  const maxEdges = 4 * codes.length + 16;
  const edgeHead = new Int32Array(maxStates).fill(-1);
  const edgeNext = new Int32Array(maxEdges);
  const edgeCode = new Int32Array(maxEdges);
  const outDegree = new Int32Array(maxStates);
  let edgeCount = 0;
  const slotOf = (key: number): number => {
    let slot = Math.imul(key, 0x9e3779b1 | 0) >>> (32 - bits);
    while (hkeys[slot] !== -1 && hkeys[slot] !== key) slot = (slot + 1) & hmask;
    return slot;
  };
  const get = (state: number, code: number): number => {
    const slot = slotOf(state * W + code);
    return hkeys[slot] === -1 ? -1 : (hvals[slot] as number);
  };
  const set = (state: number, code: number, target: number): void => {
    const key = state * W + code;
    const slot = slotOf(key);
    if (hkeys[slot] === -1) {
      hkeys[slot] = key;
      edgeCode[edgeCount] = code;
      edgeNext[edgeCount] = edgeHead[state] as number;
      edgeHead[state] = edgeCount++;
      outDegree[state] = (outDegree[state] as number) + 1;
    }
    hvals[slot] = target;
  };
  let count = 1;
  let last = 0;
  for (let i = 0; i < codes.length; i++) {
    const c = codes[i] as number;
    const cur = count++;
    len[cur] = (len[last] as number) + 1;
    firstEnd[cur] = i;
    primary[cur] = 1;
    let p = last;
    let q = -1;
    // Inlined get-or-insert: this loop runs once per character plus once per new edge, cold on a page's first scan.
    while (p !== -1) {
      const key = p * W + c;
      let slot = Math.imul(key, 0x9e3779b1 | 0) >>> (32 - bits);
      while (hkeys[slot] !== -1 && hkeys[slot] !== key) slot = (slot + 1) & hmask;
      if (hkeys[slot] === key) {
        q = hvals[slot] as number;
        break;
      }
      hkeys[slot] = key;
      hvals[slot] = cur;
      edgeCode[edgeCount] = c;
      edgeNext[edgeCount] = edgeHead[p] as number;
      edgeHead[p] = edgeCount++;
      outDegree[p] = (outDegree[p] as number) + 1;
      p = link[p] as number;
    }
    if (p === -1) link[cur] = 0;
    else {
      if ((len[p] as number) + 1 === len[q]) link[cur] = q;
      else {
        const clone = count++;
        for (let e = edgeHead[q] as number; e !== -1; e = edgeNext[e] as number) {
          set(clone, edgeCode[e] as number, get(q, edgeCode[e] as number));
        }
        len[clone] = (len[p] as number) + 1;
        link[clone] = link[q] as number;
        firstEnd[clone] = firstEnd[q] as number;
        while (p !== -1 && get(p, c) === q) {
          set(p, c, clone);
          p = link[p] as number;
        }
        link[q] = clone;
        link[cur] = clone;
      }
    }
    last = cur;
  }

  const rootNext = new Int32Array(W + 1).fill(-1);
  for (let e = edgeHead[0] as number; e !== -1; e = edgeNext[e] as number)
    rootNext[edgeCode[e] as number] = get(0, edgeCode[e] as number);
  const rowOf = new Int32Array(count).fill(-1);
  let rowCount = 0;
  for (let s = 1; s < count; s++) if ((outDegree[s] as number) >= DENSE_MIN) rowOf[s] = rowCount++;
  const rows = new Uint16Array(rowCount * W);
  const c1 = new Uint16Array(count);
  const n1 = new Int32Array(count);
  const c2 = new Uint16Array(count);
  const n2 = new Int32Array(count);
  const c3 = new Uint16Array(count);
  const n3 = new Int32Array(count);
  for (let s = 1; s < count; s++) {
    const row = rowOf[s] as number;
    let slot = 0;
    for (let e = edgeHead[s] as number; e !== -1; e = edgeNext[e] as number) {
      const c = edgeCode[e] as number;
      const t = get(s, c);
      if (row >= 0) rows[row * W + c] = t + 1;
      else if (slot === 0) {
        c1[s] = c;
        n1[s] = t;
        slot = 1;
      } else if (slot === 1) {
        c2[s] = c;
        n2[s] = t;
        slot = 2;
      } else {
        c3[s] = c;
        n3[s] = t;
      }
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
    width: W,
    rowOf,
    rows,
    c1,
    n1,
    c2,
    n2,
    c3,
    n3,
    childStart,
    children,
  };
}

/**
 * End positions (inclusive, ascending) of every occurrence in the speech of
 * the strings of `state`: the primary states of its suffix-link subtree.
 * Cached per state: a page repeats the same phrases.
 */
export function occurrenceEnds(a: Automaton, state: number, cache: (Int32Array | undefined)[], limit = 64): Int32Array {
  const cached = cache[state];
  if (cached) return cached;
  const ends: number[] = [];
  const stack = [state];
  while (stack.length > 0 && ends.length < limit) {
    const s = stack.pop() as number;
    if (a.primary[s]) ends.push(a.firstEnd[s] as number);
    for (let k = a.childStart[s] as number; k < (a.childStart[s + 1] as number); k++)
      stack.push(a.children[k] as number);
  }
  const list = Int32Array.from(ends.sort((x, y) => x - y));
  cache[state] = list;
  return list;
}
