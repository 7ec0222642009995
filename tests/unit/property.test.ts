/**
 * Property and fuzz tests of the engine: random Unicode never throws, every
 * reported span lies in the input, never splits a surrogate pair, and holds
 * the speech text it claims; the 4-gram-filtered pass finds exactly the runs
 * a plain automaton walk finds; similarity falls as a quote degrades.
 * Seeded, so a failure reproduces; sized to run in a few seconds.
 */
import { afterEach, beforeEach, describe, expect, it, type MockInstance, vi } from 'vitest';
import { getCorpus } from '../../lib/corpus';
import { createSpeechIndex, type Match } from '../../lib/match';
import { next } from '../../lib/match/automaton';
import { createMatcher, type ScanOptions } from '../../lib/match/matcher';
import { originAt } from '../../lib/match/offsets';
import { createPassBuffers, runPass } from '../../lib/match/pass';
import { MATCH_RULES } from '../../lib/match/types';
import { BREAK, normalise, normalisedString } from '../../lib/normalize';
import { rng } from '../../scripts/seeded-random';

const index = createSpeechIndex();
const matcher = createMatcher(index);

/** The pass's seeds as [end, length, state]; tiny buffers make them grow in the middle of the pass. */
function seedsOf(text: string, capacity?: number): [number, number, number][] {
  const pass = runPass(index, text, index.codeTable.table, createPassBuffers(capacity));
  const out: [number, number, number][] = [];
  for (let k = 0; k < pass.seedCount; k++)
    out.push([pass.seeds[k * 3] as number, pass.seeds[k * 3 + 1] as number, pass.seeds[k * 3 + 2] as number]);
  return out;
}

/** The text offsets of normalised positions `at` (all of them, in order, if omitted), read through the pass's map. */
function originsOf(text: string, at?: readonly number[]): number[] {
  const pass = runPass(index, text, index.codeTable.table, createPassBuffers());
  const positions = at ?? Array.from({ length: pass.length }, (_, p) => p);
  return positions.map((p) => originAt(pass.offsets, p));
}
const corpus = getCorpus();
const speech = corpus.text;

const PIECES = [
  () => '😀',
  () => '👩‍👩‍👧',
  () => '\ud83d', // lone high surrogate
  () => '\ude00', // lone low surrogate
  () => '\u200b',
  () => '\u200f\u202e',
  () => '\ufeff',
  () => 'مرحبا',
  () => 'Hello, world. ',
  () => '「',
  () => '」',
  () => '“',
  () => '”',
  () => '\n',
  () => '綠水青山就是金山銀山',
  () => '兩個維護',
  () => '２０２３',
  () => '\u0301',
  () => '\ufe0f',
];

/** A random text: speech fragments (some edited), noise pieces, random code units. */
function randomText(r: () => number, size: number): string {
  let out = '';
  while (out.length < size) {
    const roll = r();
    if (roll < 0.35) {
      const from = Math.floor(r() * speech.length);
      let frag = speech.slice(from, from + 2 + Math.floor(r() * 40));
      if (r() < 0.3) {
        const at = Math.floor(r() * frag.length);
        frag = frag.slice(0, at) + '甲乙丙'.charAt(Math.floor(r() * 3)) + frag.slice(at + 1);
      }
      out += frag;
    } else if (roll < 0.7) out += (PIECES[Math.floor(r() * PIECES.length)] as () => string)();
    else out += String.fromCharCode(Math.floor(r() * 0x10000));
  }
  return out;
}

const isHigh = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number) => c >= 0xdc00 && c <= 0xdfff;

function checkInvariants(text: string, matches: Match[]): void {
  let lastStart = -1;
  for (const m of matches) {
    expect(Number.isInteger(m.start) && Number.isInteger(m.end)).toBe(true);
    expect(m.start).toBeGreaterThanOrEqual(0);
    expect(m.end).toBeLessThanOrEqual(text.length);
    expect(m.start).toBeLessThan(m.end);
    expect(m.start).toBeGreaterThanOrEqual(lastStart);
    lastStart = m.start;
    expect(isLow(text.charCodeAt(m.start)), 'starts inside a surrogate pair').toBe(false);
    expect(isHigh(text.charCodeAt(m.end - 1)), 'ends inside a surrogate pair').toBe(false);
    expect(m.speechStart).toBeGreaterThanOrEqual(0);
    expect(m.speechEnd).toBeLessThanOrEqual(speech.length);
    expect(m.similarity).toBeGreaterThan(0);
    expect(m.similarity).toBeLessThanOrEqual(1);
    expect(MATCH_RULES).toContain(m.rule);
    expect(m.distinctiveness >= 0 && m.distinctiveness <= 1).toBe(true);
    const quote = normalisedString(text.slice(m.start, m.end), index.codeTable);
    const source = normalisedString(speech.slice(m.speechStart, m.speechEnd), index.codeTable);
    if (m.similarity === 1) expect(quote).toBe(source);
    else {
      expect(m.rule === 'near' || m.rule === 'misquoted-slogan').toBe(true);
      expect(m.kind).toBe(m.rule === 'near' ? 'passage' : 'slogan');
      expect(m.diff?.some((d) => d.op !== 'equal')).toBe(true);
      for (const d of m.diff ?? [])
        if (d.op === 'equal')
          expect(normalisedString(d.page, index.codeTable)).toBe(normalisedString(d.speech, index.codeTable));
    }
  }
}

const OPTION_SETS: ScanOptions[] = [
  {},
  { nearVerbatim: false },
  { passages: false },
  { traditional: false },
  { minPassageLength: 4 },
];

/** Maximal runs ≥ 4 by a plain automaton walk over every character (the reference): [end, length, state]. */
function referenceSeeds(text: string): [number, number, number][] {
  const { codes, length } = normalise(text, index.codeTable);
  const a = index.automaton;
  const out: [number, number, number][] = [];
  let state = 0;
  let run = 0;
  for (let i = 0; i < length; i++) {
    const c = codes[i] as number;
    if (c === BREAK) {
      if (run >= 4) out.push([i, run, state]);
      state = 0;
      run = 0;
      continue;
    }
    let t = next(a, state, c);
    if (t < 0 && run >= 4) out.push([i, run, state]);
    while (t < 0) {
      state = a.link[state] as number;
      run = a.len[state] as number;
      t = next(a, state, c);
    }
    state = t;
    run++;
  }
  if (run >= 4) out.push([length, run, state]);
  return out;
}

describe('the pass as its buffers grow', () => {
  it('records every run, in filter and in automaton mode, when the seed buffer fills up mid-run', () => {
    // Buffers shrunk to their smallest before each pass: a page with a few runs already makes them grow, at
    // whatever point of the pass they fill up (in automaton mode too, where runs end on a failed transition).
    const r = rng(3);
    let seeds = 0;
    for (let round = 0; round < 300; round++) {
      let text = '';
      while (text.length < 400) {
        const from = Math.floor(r() * (speech.length - 40));
        text += speech.slice(from, from + 6 + Math.floor(r() * 30));
        const roll = r();
        if (roll < 0.1) text += '的';
        else if (roll < 0.15) text += 'A';
        else if (roll < 0.2) text += '“，”';
      }
      const found = seedsOf(text, 1);
      seeds += found.length;
      expect(found, text).toEqual(referenceSeeds(text));
    }
    expect(seeds).toBeGreaterThan(3_000);
  });
});

describe('engine on random Unicode', () => {
  // The matcher logs a failure and returns nothing rather than throw into a page: a logged error is the failure.
  let logged: MockInstance<typeof console.error>;
  beforeEach(() => {
    logged = vi.spyOn(console, 'error').mockImplementation(() => {});
  });
  afterEach(() => {
    expect(logged).not.toHaveBeenCalled();
    logged.mockRestore();
  });

  it('never throws; spans lie in the input, keep surrogate pairs whole and hold the speech text they claim', () => {
    const r = rng(20261128);
    let total = 0;
    for (let round = 0; round < 400; round++) {
      const text = randomText(r, 20 + Math.floor(r() * 600));
      const options = OPTION_SETS[round % OPTION_SETS.length];
      const matches = matcher.scan(text, options);
      total += matches.length;
      checkInvariants(text, matches);
    }
    expect(total).toBeGreaterThan(100); // the generator does produce quotes
  });

  it('handles runs of 100k of one character', () => {
    for (const ch of ['绿', '的', '😀', '\u200b', 'a', '\ud800', '，', '\n', '“']) {
      const text = ch.repeat(100_000);
      const matches = matcher.scan(text);
      checkInvariants(text, matches);
      expect(matches).toEqual([]);
    }
    const slogan = '“绿水青山就是金山银山”'.repeat(2_000);
    const matches = matcher.scan(slogan);
    checkInvariants(slogan, matches);
    expect(matches.length).toBeGreaterThan(0);
  });

  it('takes odd input without throwing', () => {
    for (const text of [
      '',
      ' ',
      '\ud83d',
      '\ude00\ud83d',
      '“',
      '”“',
      '“红线',
      '红线”',
      String.fromCharCode(0xffff),
      String.fromCharCode(0xfffe),
    ]) {
      expect(() => matcher.scan(text)).not.toThrow();
    }
  });
});

describe('the filtered pass', () => {
  it('finds exactly the runs a full automaton walk finds', () => {
    const r = rng(7);
    for (let round = 0; round < 300; round++) {
      const text = randomText(r, 50 + Math.floor(r() * 400));
      expect(seedsOf(text), text).toEqual(referenceSeeds(text));
    }
  });

  it('maps every normalised position back to the offset normalise() gives, read in any order', () => {
    const r = rng(11);
    for (let round = 0; round < 200; round++) {
      // Long runs of punctuation and quotation marks too: the map is kept only where they shift offsets.
      let text = randomText(r, 20 + Math.floor(r() * 500));
      if (round % 4 === 0) text = `，，“”\u200b${text}。。。「」`;
      const { origin, length } = normalise(text, index.codeTable);
      const expected = [...origin.subarray(0, length)];
      expect(originsOf(text), text).toEqual(expected);
      const shuffled = expected.map((_, p) => p).sort(() => r() - 0.5);
      expect(originsOf(text, shuffled), text).toEqual(shuffled.map((p) => expected[p]));
    }
    // A page of one punctuation mark between letters: a pair per letter, past the buffer's first size.
    const text = '绿，'.repeat(50_000);
    const { origin, length } = normalise(text, index.codeTable);
    expect(originsOf(text)).toEqual([...origin.subarray(0, length)]);
  });
});

describe('similarity', () => {
  const sentence =
    '要着眼长远，将绿色低碳理念贯彻到经济社会发展的全过程、各领域，坚持生产端和消费端同步转型，反向倒逼和正向激励双向发力，加快形成绿色生产生活方式';

  it('is 1 for the verbatim quote and falls as the quote degrades', () => {
    const chars = [...sentence];
    const hanPositions = chars.map((c, i) => (/\p{Script=Han}/u.test(c) ? i : -1)).filter((i) => i >= 0);
    let previous = 1.01;
    const seen: number[] = [];
    for (let edits = 0; edits <= 5; edits++) {
      const copy = [...chars];
      // Spread the edits evenly, so each leaves long exact stretches (the regime of a misquote).
      for (let e = 0; e < edits; e++)
        copy[hanPositions[Math.floor(((e + 0.5) * hanPositions.length) / edits)] as number] = '甲';
      const text = `据报道，${copy.join('')}。`;
      const best = matcher
        .scan(text)
        .filter((m) => m.kind === 'passage')
        .sort((a, b) => b.end - b.start - (a.end - a.start))[0];
      expect(best, `${edits} edits`).toBeDefined();
      seen.push(best!.similarity);
      expect(best!.similarity).toBeLessThan(previous);
      previous = best!.similarity;
    }
    expect(seen[0]).toBe(1);
  });

  it('drops a quote once it is more edited than quoted', () => {
    const chars = [...'坚定不移实施生态先行战略，让绿水青山永远成为最鲜明的特征'];
    for (let i = 1; i < chars.length; i += 2) chars[i] = '乙';
    expect(matcher.scan(chars.join('')).filter((m) => m.kind === 'passage')).toEqual([]);
  });
});
