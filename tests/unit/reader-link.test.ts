import { describe, expect, it } from 'vitest';
import { parseReaderHash, readerHash } from '../../lib/reader-link';

describe('reader deep links', () => {
  it('round-trips spans and paragraphs', () => {
    const span = { kind: 'span', span: { start: 120, end: 140 } } as const;
    expect(readerHash(span)).toBe('#span=120-140');
    expect(parseReaderHash(readerHash(span), 3000)).toEqual(span);
    expect(parseReaderHash('#p=4', 3000)).toEqual({ kind: 'paragraph', number: 4 });
  });

  it('rejects malformed, empty, reversed and out-of-range targets', () => {
    for (const bad of [
      '',
      '#',
      '#span=5-5',
      '#span=9-3',
      '#span=1-99999',
      '#p=0',
      '#p=x',
      '#span=1-2&x',
      '#span=-1-4',
    ]) {
      expect(parseReaderHash(bad, 3000), bad).toBeNull();
    }
  });
});
