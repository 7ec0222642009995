/**
 * The scan of a page against the library index (library-index.ts), judged by the speech's rules:
 *
 * 1. Normalise the page with the library's table (one read per code unit), remembering quotation marks.
 * 2. Roll a GRAM-character hash along it; where the bit filter says the library may have the gram, look it up
 *    and grow each place it has into the maximal exact run (left and right) between page and document. One run
 *    per diagonal is grown (later hits on it are skipped), so a long quote costs its length, not its grams.
 * 3. Runs of one document on nearly one diagonal, a few characters apart, are chained into one alignment with
 *    gaps (characters inserted, dropped or changed), carried across edits at the ends of the document's phrase
 *    (edges.ts), aligned per gap (diff.ts) and judged by lib/match/rules.ts: verbatim, near, and slogans after
 *    quotation marks or whole inside a run. A misquote of a library document is shown as one for the speech.
 *
 * Each scanner owns its buffers: one per worker or page, no module state.
 */
import { alignGaps, createAlignMemory, diffOps, similarityOf } from '../match/diff';
import { completeHead, completeTail, type PageEdges } from '../match/edges';
import type { Candidate } from '../match/extend';
import { formulaStandsAlone, isHan, MIN_SIMILARITY, passageVerdict, type SloganRules } from '../match/rules';
import type { DocumentMatch, MatchRule } from '../match/types';
import {
  documentAt,
  FILTER_MUL,
  GRAM,
  HASH_BASE,
  IN_SLOGAN,
  type IndexedDocument,
  type LibraryIndex,
  originLookup,
  originsOf,
  SEPARATOR,
  SLOT_MUL,
  WEIGHT_MASK,
} from './library-index';
import { BREAK, libraryTable, QUOTE, SKIP } from './normalize';

export interface LibraryScanOptions {
  slogans?: boolean;
  passages?: boolean;
  nearVerbatim?: boolean;
  /** Shortest passage, normalised characters (default 8; the library finds runs of MIN_RUN or more). */
  minPassageLength?: number;
  minDistinctiveness?: number;
}

/** Runs chained into one alignment are at most this far apart on either side… */
const MAX_GAP = 12;
/** …and their diagonals differ by at most this (library.ts LONG_STEP's counterpart). */
const MAX_SKEW = 8;
/** Runs shorter than this are not worth growing into a match on their own (SEED_MIN of the engine). */
const SEED_MIN = 4;
/** Slots of the table of runs grown lately, by diagonal (power of two), whose later hits are skipped. */
const RECENT_BITS = 10;
/** Library positions per bucket of the slogan occurrences' lookup table (a power of two). */
const SLOGAN_BUCKET_BITS = 8;

export interface LibraryScanner {
  scan(text: string, options?: LibraryScanOptions): DocumentMatch[];
}

interface Chain {
  doc: number;
  ps: number;
  pe: number;
  qs: number;
  qe: number;
  matched: number;
  gaps: number[];
  /** Its exact runs [ps, pe, qs, qe, …]: judged one by one if the chain as a whole is refused. */
  runs: number[];
  /** Other places of the library with the same run (same page span): listed with the match, not judged again. */
  twins: number[];
}

export function createLibraryScanner(index: LibraryIndex): LibraryScanner {
  const table = libraryTable();
  const memory = createAlignMemory();
  let codes = new Uint16Array(1024);
  let origin = new Int32Array(1024);
  let quotes = new Int32Array(64);
  let runs = new Int32Array(4 * 256);
  const recentDiagonal = new Int32Array(1 << RECENT_BITS);
  const recentEnd = new Int32Array(1 << RECENT_BITS);
  const lib = index.codes;
  const libLength = lib.length;
  const originAt = originLookup(index, libLength);
  // chainRuns' chains, reused from scan to scan (most pages make thousands; most are judged and dropped).
  const pool: Chain[] = [];
  const chains: Chain[] = [];
  const active: Chain[] = [];
  const slogansByFirst = new Map<number, number[]>();
  index.slogans.forEach((s, k) => {
    const first = s.codes[0] as number;
    slogansByFirst.set(first, [...(slogansByFirst.get(first) ?? []), k]);
  });
  // sloganStart[b]: the first slogan occurrence at or after library position b · 2^SLOGAN_BUCKET_BITS.
  const sloganStart = new Int32Array((libLength >>> SLOGAN_BUCKET_BITS) + 2);
  for (let b = 0, at = 0; b < sloganStart.length; b++) {
    while (at < index.sloganAt.length && (index.sloganAt[at] as number) < b << SLOGAN_BUCKET_BITS) at++;
    sloganStart[b] = at;
  }
  /** The first slogan occurrence at or after library position q (lowerBound within q's bucket). */
  const sloganFrom = (q: number): number => {
    const b = q >>> SLOGAN_BUCKET_BITS;
    let lo = sloganStart[b] as number;
    let hi = sloganStart[b + 1] as number;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((index.sloganAt[mid] as number) < q) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  // A library document's slogans are marked per character (IN_SLOGAN); no misquoted-slogan rule for them.
  const sloganRules: SloganRules = {
    outsideWholeSlogans(ss, se) {
      let plain = 0;
      for (let i = ss; i < se; i++) if (((index.flags[i] as number) & IN_SLOGAN) === 0) plain++;
      return plain;
    },
    misquotedSlogan: () => false,
  };
  let pow = 1;
  for (let k = 0; k < GRAM; k++) pow = Math.imul(pow, HASH_BASE);

  /** Normalises `text` into codes/origin; returns [normalised length, quotation marks kept]. */
  function normalise(text: string): [number, number] {
    if (codes.length < text.length) {
      codes = new Uint16Array(text.length);
      origin = new Int32Array(text.length);
    }
    const c = codes;
    const o = origin;
    let n = 0;
    let q = 0;
    for (let i = 0; i < text.length; i++) {
      const code = table[text.charCodeAt(i)] as number;
      if (code === SKIP) continue;
      if (code === QUOTE) {
        if (q === quotes.length) {
          const grown = new Int32Array(q * 2);
          grown.set(quotes);
          quotes = grown;
        }
        quotes[q++] = n;
        continue;
      }
      c[n] = code;
      o[n++] = i;
    }
    return [n, q];
  }

  /** The maximal exact runs between the page and the library, as [ps, pe, qs, qe] (normalised positions). */
  function findRuns(n: number): number {
    const page = codes;
    const { filter, filterShift, bucketStart, slotShift, entryPos, entryHash } = index;
    // The runs grown lately, as (diagonal, page end) by diagonal: a hit on one of them is skipped. A slot holds
    // the latest run of its diagonals; an earlier run pushed out is found again and dropped by chainRuns.
    recentEnd.fill(-1);
    let count = 0;
    let h = 0;
    let letters = 0;
    for (let p = 0; p < n; p++) {
      const c = page[p] as number;
      if (c === BREAK) {
        letters = 0;
        h = 0;
        continue;
      }
      h = (Math.imul(h, HASH_BASE) + c) | 0;
      letters++;
      if (letters > GRAM) h = (h - Math.imul(page[p - GRAM] as number, pow)) | 0;
      if (letters < GRAM) continue;
      const f = Math.imul(h, FILTER_MUL) >>> filterShift;
      if ((((filter[f >>> 5] as number) >>> (f & 31)) & 1) === 0) continue;
      const b = Math.imul(h, SLOT_MUL) >>> slotShift;
      const to = bucketStart[b + 1] as number;
      for (let e = bucketStart[b] as number; e < to; e++) {
        if (entryHash[e] !== h) continue;
        let s = p - GRAM + 1;
        let q = entryPos[e] as number;
        const diagonal = q - s;
        const slot = Math.imul(diagonal, FILTER_MUL) >>> (32 - RECENT_BITS);
        if (recentDiagonal[slot] === diagonal && (recentEnd[slot] as number) > s) continue;
        let k = 0;
        while (k < GRAM && page[s + k] === lib[q + k]) k++;
        if (k < GRAM) continue; // a hash collision
        while (s > 0 && q > 0 && page[s - 1] === lib[q - 1]) {
          s--;
          q--;
        }
        let pe = p + 1;
        let qe = q + (pe - s);
        while (pe < n && qe < libLength && page[pe] === lib[qe]) {
          pe++;
          qe++;
        }
        recentDiagonal[slot] = diagonal;
        recentEnd[slot] = pe;
        if (count * 4 + 4 > runs.length) {
          const grown = new Int32Array(runs.length * 2);
          grown.set(runs);
          runs = grown;
        }
        runs[count * 4] = s;
        runs[count * 4 + 1] = pe;
        runs[count * 4 + 2] = q;
        runs[count * 4 + 3] = qe;
        count++;
      }
    }
    return count;
  }

  /** Whether the library has a separator in [from, to). */
  function separated(from: number, to: number): boolean {
    for (let i = from; i < to; i++) if (lib[i] === SEPARATOR) return true;
    return false;
  }

  /** Runs of one document on nearly one diagonal, close together, chained (runs sorted by page start). */
  function chainRuns(count: number): Chain[] {
    sortRuns(runs, count);
    chains.length = 0;
    active.length = 0;
    let last = -1;
    let lastChain: Chain | null = null;
    for (let k = 0; k < count; k++) {
      const ps = runs[k * 4] as number;
      const pe = runs[k * 4 + 1] as number;
      const qs = runs[k * 4 + 2] as number;
      const qe = runs[k * 4 + 3] as number;
      if (last >= 0 && runs[last * 4] === ps && runs[last * 4 + 2] === qs) continue; // the same run twice
      if (last >= 0 && runs[last * 4] === ps && runs[last * 4 + 1] === pe && lastChain && lastChain.runs.length === 4) {
        // The same words at another place of the library: one judgement, the place listed.
        lastChain.twins.push(qs, qe);
        last = k;
        continue;
      }
      last = k;
      const doc = documentAt(index, qs);
      let keep = 0;
      for (const c of active) if (c.pe >= ps - MAX_GAP) active[keep++] = c;
      active.length = keep;
      let joined = false;
      for (const c of active) {
        if (c.doc !== doc) continue;
        const pageGap = ps - c.pe;
        const libGap = qs - c.qe;
        if (pageGap < -3 || libGap < -3 || pageGap > MAX_GAP || libGap > MAX_GAP) continue;
        if (Math.abs(pageGap - libGap) > MAX_SKEW || (pageGap <= 0 && libGap <= 0)) continue;
        if (separated(Math.min(c.qe, qs), Math.max(c.qe, qs))) continue;
        // Overlapping runs (a repeated character): the later one starts after the earlier one's end.
        const cut = Math.max(0, -pageGap, -libGap);
        const rps = ps + cut;
        const rqs = qs + cut;
        if (rps >= pe) continue;
        c.gaps.push(c.pe, rps - c.pe, c.qe, rqs - c.qe);
        c.pe = pe;
        c.qe = qe;
        c.matched += pe - rps;
        c.runs.push(rps, pe, rqs, qe);
        joined = true;
        break;
      }
      if (joined) continue;
      let chain = pool[chains.length];
      if (chain === undefined) {
        chain = { doc, ps, pe, qs, qe, matched: 0, gaps: [], runs: [0, 0, 0, 0], twins: [] };
        pool.push(chain);
      }
      chain.doc = doc;
      chain.ps = ps;
      chain.pe = pe;
      chain.qs = qs;
      chain.qe = qe;
      chain.matched = pe - ps;
      // (Setting an array's length is slow: only the chains that grew are cut back.)
      if (chain.gaps.length > 0) chain.gaps.length = 0;
      if (chain.runs.length !== 4) chain.runs.length = 4;
      chain.runs[0] = ps;
      chain.runs[1] = pe;
      chain.runs[2] = qs;
      chain.runs[3] = qe;
      if (chain.twins.length > 0) chain.twins.length = 0;
      lastChain = chain;
      chains.push(chain);
      active.push(chain);
    }
    return chains;
  }

  return {
    scan(text, options = {}) {
      const wantSlogans = options.slogans ?? true;
      const wantPassages = options.passages ?? true;
      const wantNear = options.nearVerbatim ?? true;
      const minPassage = Math.max(SEED_MIN, options.minPassageLength ?? 8);
      if (typeof text !== 'string' || text.length === 0 || index.documents.length === 0) return [];
      const [n, quoteCount] = normalise(text);
      const page = codes;
      const pageOrigin = origin;
      const count = findRuns(n);
      const found: DocumentMatch[] = [];
      const accepted: [number, number][] = []; // normalised page spans of accepted passages

      const joined = (p: number): boolean => {
        if (p <= 0 || p >= n) return false;
        const from = pageOrigin[p - 1] as number;
        const to = pageOrigin[p] as number;
        if (
          (page[p - 1] === BREAK && !isHan(text.charCodeAt(from))) ||
          (page[p] === BREAK && !isHan(text.charCodeAt(to)))
        )
          return false;
        for (let i = from + 1; i < to; i++) if (/[，、；。：！？,;:!?\n]/.test(text.charAt(i))) return false;
        return true;
      };
      const edges: PageEdges = { codes: page, length: n, joined, leftBound: 0, memory };
      const speechEdges = { codes: lib, phraseStartAt: index.phraseStartAt };

      const judge = (doc: number, c: Candidate): DocumentMatch | null => {
        // Every rule the library applies (verbatim, near) wants minPassage exact characters: say no first.
        if (c.matched < minPassage) return null;
        const speechLength = c.se - c.ss;
        let similarity = 1;
        let alignment: number[] | null = null;
        if (c.gaps.length > 0) {
          let least = 0;
          for (let g = 0; g < c.gaps.length; g += 4)
            least += Math.abs((c.gaps[g + 1] as number) - (c.gaps[g + 3] as number));
          if (similarityOf(least, c.pe - c.ps, speechLength) < MIN_SIMILARITY) return null;
          const aligned = alignGaps(page, c.ps, c.pe, lib, c.gaps, memory);
          if (aligned.distance > 0) {
            similarity = similarityOf(aligned.distance, c.pe - c.ps, speechLength);
            if (similarity < MIN_SIMILARITY) return null;
            alignment = aligned.runs;
          }
        }
        let weight = 0;
        let plain = 0;
        for (let i = c.ss; i < c.se; i++) {
          const f = index.flags[i] as number;
          weight += f & WEIGHT_MASK;
          if ((f & IN_SLOGAN) === 0) plain++;
        }
        const verdict = passageVerdict(
          {
            ss: c.ss,
            se: c.se,
            matched: c.matched,
            similarity,
            substance: weight / 2,
            plain,
            wholePhrase: index.phraseStartAt[c.ss] === 1 && index.phraseStartAt[c.se] === 1,
            minPassage,
          },
          sloganRules,
        );
        if (verdict === null) return null;
        const d = index.documents[doc] as IndexedDocument;
        const textStart = originAt(c.ss);
        const textEnd = originAt(c.se - 1) + 1;
        let diff = null;
        if (alignment) {
          const local = new Int32Array(c.se - c.ss);
          originsOf(index, c.ss, textStart, local);
          const slice = textOf(index.text, textStart, textEnd);
          diff = diffOps(
            alignment,
            { text, originAt: (p) => pageOrigin[p] as number, from: c.ps, to: c.pe },
            { text: slice, origin: local, from: 0 },
          );
        }
        const start = pageOrigin[c.ps] as number;
        return {
          kind: verdict.kind,
          start,
          end: closeQuotes(text, start, (pageOrigin[c.pe - 1] as number) + 1),
          speechStart: textStart - d.textStart,
          speechEnd: textEnd - d.textStart,
          similarity,
          diff,
          rule: verdict.rule,
          distinctiveness: verdict.distinctiveness,
          documentId: d.id,
          alsoIn: [],
        };
      };

      if (wantPassages) {
        for (const chain of chainRuns(count)) {
          const c: Candidate = {
            ps: chain.ps,
            pe: chain.pe,
            ss: chain.qs,
            se: chain.qe,
            matched: chain.matched,
            gaps: chain.gaps,
          };
          edges.leftBound = 0;
          completeTail(edges, speechEdges, c);
          completeHead(edges, speechEdges, c);
          let m = judge(chain.doc, c);
          if (m) {
            const seen = new Set([m.documentId]);
            for (let t = 0; t < chain.twins.length; t += 2) {
              const qs = chain.twins[t] as number;
              const doc = index.documents[documentAt(index, qs)] as IndexedDocument;
              if (seen.has(doc.id)) continue;
              seen.add(doc.id);
              m.alsoIn.push({
                documentId: doc.id,
                speechStart: originAt(qs) - doc.textStart,
                speechEnd: originAt((chain.twins[t + 1] as number) - 1) + 1 - doc.textStart,
                similarity: m.similarity,
                start: m.start,
                end: m.end,
              });
            }
            found.push(m);
            accepted.push([c.ps, c.pe]);
            continue;
          }
          // The chain as a whole refused: its exact runs on their own.
          for (let r = 0; r < chain.runs.length && chain.runs.length > 4; r += 4) {
            const run: Candidate = {
              ps: chain.runs[r] as number,
              pe: chain.runs[r + 1] as number,
              ss: chain.runs[r + 2] as number,
              se: chain.runs[r + 3] as number,
              matched: (chain.runs[r + 1] as number) - (chain.runs[r] as number),
              gaps: [],
            };
            m = judge(chain.doc, run);
            if (m) {
              found.push(m);
              accepted.push([run.ps, run.pe]);
            }
          }
        }
      }

      if (wantSlogans) {
        accepted.sort((a, b) => a[0] - b[0]);
        const spans: number[] = [];
        const reach: number[] = [];
        for (const [s, e] of accepted) {
          spans.push(s, e);
          reach.push(Math.max(reach[reach.length - 1] ?? -1, e));
        }
        const inside = (from: number, to: number) => covered(spans, reach, from, to);
        const addSlogan = (k: number, from: number, rule: MatchRule) => {
          const slogan = index.slogans[k];
          if (!slogan || slogan.start < 0 || inside(from, from + slogan.codes.length)) return;
          const d = index.documents[slogan.document] as IndexedDocument;
          found.push({
            kind: 'slogan',
            start: pageOrigin[from] as number,
            end: (pageOrigin[from + slogan.codes.length - 1] as number) + 1,
            speechStart: slogan.start,
            speechEnd: slogan.end,
            similarity: 1,
            diff: null,
            rule,
            distinctiveness: 1,
            documentId: d.id,
            alsoIn: [],
          });
        };
        for (let k = 0; k < quoteCount; k++) {
          const from = quotes[k] as number;
          if (from >= n) continue;
          for (const s of slogansByFirst.get(page[from] as number) ?? []) {
            const slogan = index.slogans[s];
            if (!slogan || slogan.standing === 'word' || from + slogan.codes.length > n) continue;
            let j = 0;
            while (j < slogan.codes.length && page[from + j] === slogan.codes[j]) j++;
            if (j < slogan.codes.length) continue;
            if (closedByQuote(text, table, (pageOrigin[from + j - 1] as number) + 1))
              addSlogan(s, from, 'quoted-slogan');
          }
        }
        // Bare slogans inside exact runs: a long one anywhere, a numbered formula where it stands alone.
        for (let r = 0; r < count; r++) {
          const ps = runs[r * 4] as number;
          const qs = runs[r * 4 + 2] as number;
          const qe = runs[r * 4 + 3] as number;
          let lo = sloganFrom(qs);
          for (; lo < index.sloganAt.length && (index.sloganAt[lo] as number) < qe; lo++) {
            const s = index.sloganOf[lo] as number;
            const slogan = index.slogans[s];
            const at = index.sloganAt[lo] as number;
            if (!slogan || slogan.standing === 'word' || at + slogan.codes.length > qe) continue;
            const from = ps + (at - qs);
            if (
              slogan.standing === 'numbered' &&
              !formulaStandsAlone(
                text,
                pageOrigin[from] as number,
                (pageOrigin[from + slogan.codes.length - 1] as number) + 1,
              )
            )
              continue;
            addSlogan(s, from, 'bare-slogan');
          }
        }
      }

      const least = options.minDistinctiveness ?? 0;
      const kept = found.filter((m) => (wantNear || m.similarity === 1) && m.distinctiveness >= least);
      kept.sort((a, b) => a.start - b.start || b.end - a.end);
      return kept;
    },
  };
}

/**
 * Sorts the runs [ps, pe, qs, qe]… by page start, then library start, in place. They come out of findRuns
 * nearly in that order (each found at its gram's end, a few characters after its start): insertion sort.
 */
function sortRuns(runs: Int32Array, count: number): void {
  for (let k = 1; k < count; k++) {
    const ps = runs[k * 4] as number;
    const pe = runs[k * 4 + 1] as number;
    const qs = runs[k * 4 + 2] as number;
    const qe = runs[k * 4 + 3] as number;
    let j = k - 1;
    while (j >= 0) {
      const jps = runs[j * 4] as number;
      if (jps < ps || (jps === ps && (runs[j * 4 + 2] as number) <= qs)) break;
      runs[j * 4 + 4] = jps;
      runs[j * 4 + 5] = runs[j * 4 + 1] as number;
      runs[j * 4 + 6] = runs[j * 4 + 2] as number;
      runs[j * 4 + 7] = runs[j * 4 + 3] as number;
      j--;
    }
    if (j === k - 1) continue;
    runs[(j + 1) * 4] = ps;
    runs[(j + 1) * 4 + 1] = pe;
    runs[(j + 1) * 4 + 2] = qs;
    runs[(j + 1) * 4 + 3] = qe;
  }
}

/** Whether some span [s, e) of `spans` (flattened, sorted by start; `reach[k]` the largest end of spans 0..k) holds [from, to). */
function covered(spans: number[], reach: number[], from: number, to: number): boolean {
  let lo = 0;
  let hi = reach.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((spans[mid * 2] as number) <= from) lo = mid + 1;
    else hi = mid;
  }
  return lo > 0 && (reach[lo - 1] as number) >= to;
}

/** text[from, to) as a string (a spread of a long subarray is slow and can overflow the stack). */
function textOf(text: Uint16Array, from: number, to: number): string {
  let out = '';
  for (let at = from; at < to; at += 4096)
    out += String.fromCharCode.apply(null, text.subarray(at, Math.min(to, at + 4096)) as unknown as number[]);
  return out;
}

/** True if the first character after offset `to` − 1 that is not a space is a quotation mark. */
function closedByQuote(text: string, table: Uint16Array, to: number): boolean {
  for (let i = to; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (table[c] === QUOTE) return true;
    if (c !== 0x20 && c !== 0x3000 && c !== 0x0a && c !== 0x09 && c !== 0x0d) return false;
  }
  return false;
}

/** A passage that takes in an opening quotation mark takes in the closing one right after it (as engine.ts). */
function closeQuotes(text: string, start: number, end: number): number {
  const opening = (c: number) => c === 0x201c || c === 0x300c || c === 0x300e || c === 0x2018;
  const closing = (c: number) => c === 0x201d || c === 0x300d || c === 0x300f || c === 0x2019;
  if (end >= text.length || !closing(text.charCodeAt(end))) return end;
  let open = 0;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (opening(c)) open++;
    else if (open > 0 && closing(c)) open--;
  }
  while (open > 0 && end < text.length && closing(text.charCodeAt(end))) {
    end++;
    open--;
  }
  return end;
}
