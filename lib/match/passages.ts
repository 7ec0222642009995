/**
 * Passages: a seed is already maximal (the automaton makes it so), so it is a verbatim candidate as it stands;
 * where another seed nearby lies on the same alignment with the speech, it is extended across small edits at
 * each place the speech has it (extend.ts). The candidate is cut back to the speech's phrases and carried
 * across edits at its ends (edges.ts), then judged by the rules (rules.ts): enough characters, similarity,
 * substance. Seeds inside an accepted passage are absorbed by it (one match per quote); the same words quoted
 * again further on the page are a new match.
 */

import { BREAK } from '../normalize';
import { type AlignMemory, alignGaps, createAlignMemory, diffOps, similarityOf } from './diff';
import { completeHead, completeTail, type PageEdges } from './edges';
import {
  type AlignScratch,
  alignSeed,
  type Candidate,
  createAlignScratch,
  LONG_STEP,
  occurrencesOf,
  onOneDiagonal,
} from './extend';
import { type OffsetMap, originAt } from './offsets';
import { type Pass, SEED_MIN } from './pass';
import { isHan, MIN_SIMILARITY, passageVerdict, type SloganRules } from './rules';
import { misquotedSlogan, outsideWholeSlogans } from './slogans';
import { PHRASE_BREAK, type SpeechIndex, unitAt } from './speech-index';
import type { Match } from './types';

/** Edits are tried only around an exact run at least this long: a near-verbatim quote keeps long stretches intact. */
const EDIT_ANCHOR = 6;
/** Another seed at most this far away (normalised characters) makes a seed worth extending across edits. */
const NEIGHBOUR_GAP = LONG_STEP + 1;
/** Seeds looked at on each side of a seed for a neighbour on the same alignment. */
const NEIGHBOURS = 3;

const NO_GAPS: number[] = [];

/** A matcher's scratch candidates (most seeds are judged and dropped) and the aligner's. */
export interface PassageScratch {
  exact: Candidate;
  /** withEdges' working candidate for the other places of a run. */
  edge: Candidate;
  align: AlignScratch;
  memory: AlignMemory;
}

export function createPassageScratch(): PassageScratch {
  return {
    exact: { ps: 0, pe: 0, ss: 0, se: 0, matched: 0, gaps: NO_GAPS },
    edge: { ps: 0, pe: 0, ss: 0, se: 0, matched: 0, gaps: NO_GAPS },
    align: createAlignScratch(),
    memory: createAlignMemory(),
  };
}

/** The scanned text as the judging reads it: its normalised codes and the way back to its offsets. */
interface PassText {
  text: string;
  norm: Uint16Array;
  offsets: OffsetMap;
  origin(p: number): number;
}

/** The passages a pass found, in page order, and their normalised [start, end) flattened (for the slogans). */
export interface Passages {
  matches: Match[];
  bounds: number[];
}

/**
 * The passages of `pass` over `text`: each seed judged as it stands or, with `allowEdits`, extended across
 * small edits where a neighbouring seed lies on the same alignment.
 */
export function findPassages(
  index: SpeechIndex,
  text: string,
  pass: Pass,
  allowEdits: boolean,
  minPassage: number,
  scratch: PassageScratch,
): Passages {
  const { norm, seeds, seedCount: seedsFound, length: n, offsets } = pass;
  const firstEnd = index.automaton.firstEnd;
  const unitStarts = index.unitStarts;
  const passages: Match[] = [];
  const bounds: number[] = [];
  const exact = scratch.exact;
  const sloganRules: SloganRules = {
    outsideWholeSlogans: (ss, se) => outsideWholeSlogans(index, ss, se),
    misquotedSlogan: (ss, se) => misquotedSlogan(index, ss, se) >= 0,
  };
  const page: PassText = { text, norm, offsets, origin: (p) => originAt(offsets, p) };
  const edges: PageEdges = {
    codes: norm,
    length: n,
    joined: (p) => joinedAt(page, p),
    leftBound: 0,
    memory: scratch.memory,
  };
  const accept = (found: Candidate, state: number): void => {
    edges.leftBound = coveredEnd;
    const c = withEdges(index, edges, found, state, scratch);
    const m = judge(index, page, c, minPassage, scratch.memory, sloganRules);
    if (m) {
      passages.push(m);
      bounds.push(c.ps, c.pe);
      coveredEnd = c.pe;
    } else triedEnd = Math.max(triedEnd, c.pe);
  };
  let coveredEnd = 0; // passages are settled up to here (normalised page position)
  let triedEnd = -1; // end of the last rejected alignment: seeds inside it were already tried

  for (let k = 0; k < seedsFound; k++) {
    const end = seeds[k * 3] as number;
    const state = seeds[k * 3 + 2] as number;
    // A seed reaching back into the last passage keeps only its part after it (a suffix: same state).
    const start = Math.max(end - (seeds[k * 3 + 1] as number), coveredEnd);
    const L = end - start;
    if (L < SEED_MIN || end <= triedEnd) continue;
    // A run across the speech's title or paragraph boundaries (a page reprinting the speech) is judged piece by
    // piece, each in its own paragraph.
    const se0 = (firstEnd[state] as number) + 1;
    const unit = unitAt(unitStarts, se0 - 1);
    if (se0 - L < (unitStarts[unit] as number)) {
      let pieceStart = se0 - L;
      for (let u = unitAt(unitStarts, pieceStart); pieceStart < se0; u++) {
        const pieceEnd = Math.min(se0, unitStarts[u + 1] as number);
        const piece: Candidate = {
          ps: end - (se0 - pieceStart),
          pe: end - (se0 - pieceEnd),
          ss: pieceStart,
          se: pieceEnd,
          matched: pieceEnd - pieceStart,
          gaps: NO_GAPS,
        };
        accept(piece, -1);
        pieceStart = pieceEnd;
      }
      continue;
    }
    let c: Candidate | null;
    // Edits are worth trying only where another exact run lies within reach of a step and on the same
    // alignment with the speech; an isolated run (the usual case for stock phrases) is judged as it stands.
    // (Seeds k − 1 and k are compared once: the answer for seed k − 1's next neighbour is kept for seed k.)
    // (A run from elsewhere in the speech may stand between two runs of one quote: 抓环保就是抓 between the
    // two halves of 抓生态就是抓发展、抓环保就是抓民生. So up to NEIGHBOURS seeds each way are looked at.)
    let near = false;
    if (allowEdits && L >= EDIT_ANCHOR) {
      for (let j = k - 1; !near && j >= 0 && j >= k - NEIGHBOURS; j--) {
        if (start - (seeds[j * 3] as number) > NEIGHBOUR_GAP) continue;
        near = onOneDiagonal(index, seeds[j * 3 + 2] as number, seeds[j * 3] as number, state, end);
      }
      for (let j = k + 1; !near && j < seedsFound && j <= k + NEIGHBOURS; j++) {
        if ((seeds[j * 3] as number) - (seeds[j * 3 + 1] as number) - end > NEIGHBOUR_GAP) continue;
        near = onOneDiagonal(index, state, end, seeds[j * 3 + 2] as number, seeds[j * 3] as number);
      }
    }
    if (near) c = alignSeed(index, norm, n, start, end, state, coveredEnd, unitStarts, scratch.align);
    else if (L >= minPassage) {
      // The seed as it stands (one scratch object: most seeds are judged and dropped).
      c = exact;
      c.gaps = NO_GAPS;
      c.se = (firstEnd[state] as number) + 1;
      c.ss = c.se - L;
      c.ps = start;
      c.pe = end;
      c.matched = L;
    } else continue;
    if (!c) continue;
    accept(c, near ? -1 : state);
  }

  return { matches: passages, bounds };
}

/**
 * The candidate cut back to the speech's phrases and carried across edits at its ends (edges.ts). An exact run
 * (`state` ≥ 0) is tried at each place the speech has its text, since only one of them may be the phrase the
 * page edited (打好蓝天、碧水、净土保卫战 stands after 以更高标准 and after 持续深入); the place whose edges take
 * in most matching characters wins, the first place on a tie.
 */
function withEdges(
  index: SpeechIndex,
  edges: PageEdges,
  found: Candidate,
  state: number,
  scratch: PassageScratch,
): Candidate {
  if (state < 0 || found.gaps.length > 0) return completeEdges(index, edges, found);
  const ends = occurrencesOf(index, state);
  const { ps, pe, se: firstSe } = found;
  const length = found.se - found.ss;
  let best = completeEdges(index, edges, found); // the first place
  if (ends.length === 1) return best;
  const phraseStartAt = index.phraseStartAt;
  const at = scratch.edge;
  for (const e of ends) {
    // A place whose phrase starts and ends with the run has nothing to complete or cut: it cannot do better.
    if (e + 1 === firstSe || (phraseStartAt[e + 1] === 1 && phraseStartAt[e + 1 - length] === 1)) continue;
    at.ps = ps;
    at.pe = pe;
    at.ss = e + 1 - length;
    at.se = e + 1;
    at.matched = length;
    at.gaps = NO_GAPS;
    completeEdges(index, edges, at);
    if (at.matched > best.matched || (at.matched === best.matched && at.gaps.length < best.gaps.length))
      best = { ...at };
  }
  return best;
}

function completeEdges(index: SpeechIndex, edges: PageEdges, c: Candidate): Candidate {
  trimAtClauses(index.phraseStartAt, c);
  completeTail(edges, index, c);
  completeHead(edges, index, c);
  return c;
}

/**
 * A quote ends where the speech's phrase ends: an alignment that runs fewer
 * than SEED_MIN characters into the next one (…的“潜绩”。要, …的理念，坚: the
 * page going on with a common character the speech also has there) or starts
 * fewer than SEED_MIN characters before one is cut back to the boundary. Only
 * an exact stretch is cut (no edit inside the part cut off), so the gaps stay
 * as they were. Mutates `c`.
 */
function trimAtClauses(clauseStartAt: Uint8Array, c: Candidate): void {
  const gaps = c.gaps;
  const lastGapEnd = gaps.length > 0 ? (gaps[gaps.length - 4] as number) + (gaps[gaps.length - 3] as number) : c.ps;
  for (let b = c.se - 1; b > c.ss && b > c.se - SEED_MIN; b--) {
    if (clauseStartAt[b] !== 1) continue;
    const cut = c.se - b;
    if (c.pe - cut >= lastGapEnd) {
      c.se = b;
      c.pe -= cut;
      c.matched -= cut;
    }
    break;
  }
  const firstGapStart = gaps.length > 0 ? (gaps[0] as number) : c.pe;
  for (let b = c.ss + 1; b < c.se && b < c.ss + SEED_MIN; b++) {
    if (clauseStartAt[b] !== 1) continue;
    const cut = b - c.ss;
    if (c.ps + cut <= firstGapStart) {
      c.ss = b;
      c.ps += cut;
      c.matched -= cut;
    }
    break;
  }
}

/** Opening quotation marks (“ 「 『 ‘) and closing ones (” 」 』 ’). */
function openingMark(c: number): boolean {
  return c === 0x201c || c === 0x300c || c === 0x300e || c === 0x2018;
}
function closingMark(c: number): boolean {
  return c === 0x201d || c === 0x300d || c === 0x300f || c === 0x2019;
}

/**
 * A passage that takes in an opening quotation mark of the page (…后人的“潜绩)
 * takes in its closing mark too when it follows right after: the highlight
 * and the quote read balanced. Returns the new end.
 */
function closeQuotes(text: string, start: number, end: number): number {
  if (end >= text.length || !closingMark(text.charCodeAt(end))) return end;
  let open = 0;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (openingMark(c)) open++;
    else if (open > 0 && closingMark(c)) open--;
  }
  while (open > 0 && end < text.length && closingMark(text.charCodeAt(end))) {
    end++;
    open--;
  }
  return end;
}

/**
 * Whether normalised page positions p − 1 and p lie in one phrase: no punctuation or line break between them, and
 * neither is a character outside the speech's alphabet other than a Chinese one (a changed character of a
 * misquote may be one the speech never uses; a Latin word ends the phrase).
 */
function joinedAt({ text, norm, origin }: PassText, p: number): boolean {
  if (p <= 0 || p >= norm.length) return false;
  const from = origin(p - 1);
  const to = origin(p);
  if ((norm[p - 1] === BREAK && !isHan(text.charCodeAt(from))) || (norm[p] === BREAK && !isHan(text.charCodeAt(to))))
    return false;
  for (let i = from + 1; i < to; i++) if (PHRASE_BREAK.test(text.charAt(i))) return false;
  return true;
}

/** Accepts or rejects an alignment as a passage (rules.ts passageVerdict); computes its similarity and diff. */
function judge(
  index: SpeechIndex,
  page: PassText,
  c: Candidate,
  minPassage: number,
  memory: AlignMemory,
  sloganRules: SloganRules,
): Match | null {
  const { text, origin } = page;
  const speechLength = c.se - c.ss;
  let similarity = 1;
  let runs: number[] | null = null; // the alignment's runs, turned into a diff once the match is accepted
  if (c.gaps.length > 0) {
    // Each gap costs at least the difference of its sides: often enough to say no before aligning them.
    const gaps = c.gaps;
    let least = 0;
    for (let g = 0; g < gaps.length; g += 4) least += Math.abs((gaps[g + 1] as number) - (gaps[g + 3] as number));
    if (similarityOf(least, c.pe - c.ps, speechLength) < MIN_SIMILARITY) return null;
    const aligned = alignGaps(page.norm, c.ps, c.pe, index.codes, c.gaps, memory);
    if (aligned.distance > 0) {
      similarity = similarityOf(aligned.distance, c.pe - c.ps, speechLength);
      if (similarity < MIN_SIMILARITY) return null;
      runs = aligned.runs;
    }
  }
  const verdict = passageVerdict(
    {
      ss: c.ss,
      se: c.se,
      matched: c.matched,
      similarity,
      substance: (index.substancePrefix[c.se] as number) - (index.substancePrefix[c.ss] as number),
      plain: (index.plainPrefix[c.se] as number) - (index.plainPrefix[c.ss] as number),
      wholePhrase: index.phraseStartAt[c.ss] === 1 && index.phraseStartAt[c.se] === 1,
      minPassage,
    },
    sloganRules,
  );
  if (verdict === null) return null;
  const diff = runs
    ? diffOps(
        runs,
        { text, originAt: origin, from: c.ps, to: c.pe },
        { text: index.text, origin: index.origin, from: c.ss },
      )
    : null;
  const start = origin(c.ps);
  return {
    kind: verdict.kind,
    start,
    end: closeQuotes(text, start, origin(c.pe - 1) + 1),
    speechStart: index.origin[c.ss] as number,
    speechEnd: (index.origin[c.se - 1] as number) + 1,
    similarity,
    diff,
    rule: verdict.rule,
    distinctiveness: verdict.distinctiveness,
  };
}
