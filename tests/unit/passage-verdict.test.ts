import { describe, expect, it } from 'vitest';
import { type PassageEvidence, passageVerdict, type SloganRules } from '../../lib/match/rules';

/** Slogan answers fixed per test, with a log of what the cascade asked. */
function slogans(outside: number, misquoted: boolean): SloganRules & { asked: string[] } {
  const asked: string[] = [];
  return {
    asked,
    outsideWholeSlogans(ss, se) {
      asked.push(`outside ${ss}-${se}`);
      return outside;
    },
    misquotedSlogan(ss, se) {
      asked.push(`misquoted ${ss}-${se}`);
      return misquoted;
    },
  };
}

/** An exact run of `length` characters at [100, 100 + length). */
const run = (length: number, over: Partial<PassageEvidence> = {}): PassageEvidence => ({
  ss: 100,
  se: 100 + length,
  matched: length,
  similarity: 1,
  substance: 0,
  plain: length,
  wholePhrase: false,
  minPassage: 8,
  ...over,
});

describe('passageVerdict: the passage rules in their order', () => {
  it('takes an exact run with substance as verbatim, without asking about slogans', () => {
    const s = slogans(0, true);
    expect(passageVerdict(run(12, { substance: 9 }), s)).toEqual({
      kind: 'passage',
      rule: 'verbatim',
      distinctiveness: 0.75,
    });
    expect(s.asked).toEqual([]);
  });

  it('refuses a run shorter than minPassage whatever its substance', () => {
    expect(passageVerdict(run(7, { substance: 20 }), slogans(7, false))).toBeNull();
    expect(passageVerdict(run(11, { substance: 20, minPassage: 12 }), slogans(11, false))).toBeNull();
  });

  it('takes a stock run of STOCK_RUN characters only with enough of them outside whole slogans', () => {
    const outside = slogans(4, false);
    const verdict = passageVerdict(run(10, { plain: 10 }), outside);
    expect(verdict?.rule).toBe('verbatim');
    expect(verdict?.distinctiveness).toBeLessThan(0.5);
    expect(outside.asked).toEqual(['outside 100-110']);
    expect(passageVerdict(run(10), slogans(3, false))).toBeNull();
  });

  it('refuses a run of 8–9 characters with no substance without asking about slogans', () => {
    const s = slogans(9, false);
    expect(passageVerdict(run(9), s)).toBeNull();
    expect(s.asked).toEqual([]);
  });

  it('takes an alignment with edits over a slogan as a misquoted slogan, before the near rules', () => {
    const s = slogans(0, true);
    expect(passageVerdict(run(9, { similarity: 0.8, matched: 5 }), s)).toEqual({
      kind: 'slogan',
      rule: 'misquoted-slogan',
      distinctiveness: 1,
    });
    expect(s.asked).toEqual(['misquoted 100-109']);
  });

  it('takes an alignment with edits of NEAR_MIN_SPEECH characters as near, if minPassage of them match', () => {
    expect(passageVerdict(run(15, { similarity: 0.8, matched: 12, substance: 12 }), slogans(0, false))).toEqual({
      kind: 'passage',
      rule: 'near',
      distinctiveness: 1,
    });
    expect(passageVerdict(run(15, { similarity: 0.8, matched: 7, substance: 12 }), slogans(0, false))).toBeNull();
  });

  it('takes a shorter edited whole phrase only at WHOLE_PHRASE_SIMILARITY and when it says more than stock phrasing', () => {
    const phrase = run(12, { similarity: 0.85, matched: 10, substance: 8, wholePhrase: true });
    expect(passageVerdict(phrase, slogans(0, false))?.rule).toBe('near');
    expect(passageVerdict({ ...phrase, wholePhrase: false }, slogans(0, false))).toBeNull();
    expect(passageVerdict({ ...phrase, similarity: 0.78 }, slogans(0, false))).toBeNull();
    expect(passageVerdict({ ...phrase, substance: 2 }, slogans(0, false))).toBeNull();
  });
});
