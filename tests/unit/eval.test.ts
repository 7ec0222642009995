import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { agrees, evaluate, evaluateReal, FIXTURE_DIR, locateLabel, scorePage } from '../../scripts/eval';

describe('evaluation on the labelled fixtures', () => {
  const { kinds, pages } = evaluate();

  it('has at least 30 pages, HTML and text, with negatives and traditional script', () => {
    const files = readdirSync(FIXTURE_DIR);
    expect(pages.length).toBeGreaterThanOrEqual(30);
    expect(files.filter((f) => f.endsWith('.html')).length).toBeGreaterThanOrEqual(10);
    expect(files.filter((f) => f.endsWith('.txt') || f.endsWith('.md')).length).toBeGreaterThanOrEqual(10);
    expect(files.filter((f) => f.includes('negative')).length).toBeGreaterThanOrEqual(8);
  });

  for (const kind of ['slogan', 'passage'] as const) {
    it(`${kind}: precision and recall ≥ 0.95`, () => {
      const misses = pages.flatMap((p) => p.misses.filter((m) => m.kind === kind).map((m) => `${p.file}: ${m.quote}`));
      const alarms = pages.flatMap((p) =>
        p.falseAlarms.filter((m) => m.kind === kind).map((m) => `${p.file}: ${m.quote}`),
      );
      expect(kinds[kind].expected).toBeGreaterThanOrEqual(15);
      expect(kinds[kind].precision, `false alarms:\n${alarms.join('\n')}`).toBeGreaterThanOrEqual(0.95);
      expect(kinds[kind].recall, `misses:\n${misses.join('\n')}`).toBeGreaterThanOrEqual(0.95);
    });
  }
});

describe('evaluation on the real public texts of ../shared/eval-real', () => {
  it('precision ≥ 0.98 and recall ≥ 0.95 on the required labels, no false hit on a negative file', () => {
    const real = evaluateReal(true);
    expect(real.precision, real.report).toBeGreaterThanOrEqual(0.98);
    expect(real.recall, real.report).toBeGreaterThanOrEqual(0.95);
    expect(real.negativeHits, real.report).toBe(0);
  }, 120_000);
});

describe('scoring rules', () => {
  it('locates labels ignoring whitespace, and picks the nth occurrence', () => {
    const text = '甲乙 丙\n丁。甲乙丙丁';
    expect(locateLabel(text, { kind: 'passage', quote: '甲乙丙丁' })).toEqual({ kind: 'passage', start: 0, end: 6 });
    expect(locateLabel(text, { kind: 'passage', quote: '甲乙丙丁', nth: 1 })).toEqual({
      kind: 'passage',
      start: 7,
      end: 11,
    });
    expect(locateLabel(text, { kind: 'passage', quote: '戊' })).toBeNull();
  });

  it('counts a match right only with the same kind and at least half overlap', () => {
    const e = { kind: 'passage' as const, start: 10, end: 20 };
    expect(agrees({ kind: 'passage', start: 12, end: 30 }, e)).toBe(true);
    expect(agrees({ kind: 'slogan', start: 10, end: 20 }, e)).toBe(false);
    expect(agrees({ kind: 'passage', start: 18, end: 40 }, e)).toBe(false);
    expect(agrees({ kind: 'passage', start: 20, end: 25 }, e)).toBe(false);
  });

  it('tallies false alarms and misses per kind', () => {
    const { tally, wrong, missed } = scorePage(
      [
        { kind: 'slogan', start: 0, end: 4 },
        { kind: 'passage', start: 50, end: 60 },
      ],
      [
        { kind: 'slogan', start: 0, end: 4 },
        { kind: 'passage', start: 10, end: 30 },
      ],
    );
    expect(tally.slogan).toEqual({ expected: 1, found: 1, correct: 1, recalled: 1 });
    expect(tally.passage).toEqual({ expected: 1, found: 1, correct: 0, recalled: 0 });
    expect(wrong).toHaveLength(1);
    expect(missed).toEqual([1]);
  });

  it('counts an optional label neither as a miss nor, when found, as right or wrong', () => {
    const { tally, wrong, missed } = scorePage(
      [
        { kind: 'passage', start: 10, end: 20 },
        { kind: 'passage', start: 40, end: 45 },
      ],
      [
        { kind: 'passage', start: 10, end: 22, optional: true },
        { kind: 'passage', start: 60, end: 70, optional: true },
      ],
    );
    expect(tally.passage).toEqual({ expected: 0, found: 1, correct: 0, recalled: 0 });
    expect(wrong).toEqual([{ kind: 'passage', start: 40, end: 45 }]);
    expect(missed).toEqual([]);
  });
});
