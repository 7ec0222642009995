import { describe, expect, it } from 'vitest';
import { createSpeechIndex } from '../../lib/match';
import { BREAK, normalise, normalisedString, QUOTE, SKIP } from '../../lib/normalize';

const { codeTable, plainTable } = createSpeechIndex();
const norm = (s: string) => normalisedString(s, codeTable);

describe('normalisation table', () => {
  it('skips punctuation, whitespace, zero-width and bidi marks, variation selectors', () => {
    expect(norm('绿水，青山\n就是 金山\u200b银山\u200e\u200f\u2060\ufeff\ufe0f')).toBe('绿水青山就是金山银山');
    expect(codeTable.table['，'.charCodeAt(0)]).toBe(SKIP);
    expect(codeTable.table['\u00a0'.charCodeAt(0)]).toBe(SKIP);
  });

  it('marks quotation marks of every style as QUOTE', () => {
    for (const q of '“”"「」『』‘’＂') expect(codeTable.table[q.charCodeAt(0)], q).toBe(QUOTE);
  });

  it('folds full-width digits to the speech’s digits', () => {
    expect(norm('２０２３年')).toBe('2023年');
  });

  it('folds traditional characters onto the speech’s simplified ones', () => {
    expect(norm('綠水青山就是金山銀山')).toBe('绿水青山就是金山银山');
    expect(norm('兩個維護')).toBe('两个维护');
    expect(norm('為')).toBe('为'); // a Taiwan variant, through OpenCC's standard form 爲
  });

  it('without traditional folding, traditional characters break', () => {
    expect(normalisedString('綠水', plainTable)).toBe('\uffff水');
  });

  it('makes everything outside the speech’s alphabet a hard break, surrogate halves included', () => {
    expect(norm('A😀b')).toBe('\uffff'.repeat(4));
    expect(codeTable.table[0xd83d]).toBe(BREAK);
    expect(codeTable.table[0xdc00]).toBe(BREAK);
  });

  it('maps every normalised character back to its original offset', () => {
    const text = '「綠水　青山」\n就是';
    const { codes, origin, length } = normalise(text, codeTable);
    expect(length).toBe(6);
    expect([...origin]).toEqual([1, 2, 4, 5, 8, 9]);
    for (let i = 0; i < length; i++) {
      expect(codeTable.letters[codes[i] as number]).toBe(norm(text[origin[i] as number] as string));
    }
  });
});
