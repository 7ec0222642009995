import { describe, expect, it } from 'vitest';
import { csvField } from '../../lib/csv';

describe('csvField', () => {
  it('quotes fields with commas, quotes or line breaks, doubling inner quotes', () => {
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('a\nb')).toBe('"a\nb"');
    expect(csvField('a\r\nb')).toBe('"a\r\nb"');
  });
  it('defuses text a spreadsheet would run as a formula', () => {
    expect(csvField('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvField('+1')).toBe("'+1");
    expect(csvField('-1')).toBe("'-1");
    expect(csvField('@SUM')).toBe("'@SUM");
    expect(csvField('\tx')).toBe("'\tx");
  });
  it('writes numbers, booleans and null plainly', () => {
    expect(csvField(-1)).toBe('-1');
    expect(csvField(0.95)).toBe('0.95');
    expect(csvField(true)).toBe('true');
    expect(csvField(null)).toBe('');
  });
  it('leaves plain Chinese text as it is', () => {
    expect(csvField('第二部分')).toBe('第二部分');
  });
});
