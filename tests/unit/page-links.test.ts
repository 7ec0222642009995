import { describe, expect, it } from 'vitest';
import { MAX_SELECTION } from '../../lib/lookup';
import {
  lookupText,
  lookupTokenHash,
  lookupTokenKey,
  parseLookupLink,
  parseReaderHash,
  readerHash,
  readReaderHash,
} from '../../lib/page-links';

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

  it('tells a plain anchor from a target, and says why a bad link cannot be followed', () => {
    const speech = { textLength: 3000, paragraphs: 60 };
    expect(readReaderHash('#section-3', speech)).toEqual({ kind: 'anchor', id: 'section-3' });
    expect(readReaderHash('', speech)).toEqual({ kind: 'anchor', id: '' });
    expect(readReaderHash('#p=60', speech)).toEqual({ kind: 'target', target: { kind: 'paragraph', number: 60 } });
    expect(readReaderHash('#p=99', speech)).toEqual({
      kind: 'invalid',
      problem: { reason: 'no-paragraph', number: 99, paragraphs: 60 },
    });
    expect(readReaderHash('#p=0', speech)).toMatchObject({ problem: { reason: 'no-paragraph', number: 0 } });
    expect(readReaderHash('#span=2999-3001', speech)).toEqual({
      kind: 'invalid',
      problem: { reason: 'span-outside', start: 2999, end: 3001, length: 3000 },
    });
    expect(readReaderHash('#span=50-10', speech)).toMatchObject({ problem: { reason: 'span-empty' } });
    expect(readReaderHash('#span=abc', speech)).toEqual({
      kind: 'invalid',
      problem: { reason: 'malformed', hash: '#span=abc' },
    });
  });
});

describe('lookup page links', () => {
  it('reads a token link, in any case, as that token', () => {
    const token = crypto.randomUUID();
    expect(parseLookupLink(lookupTokenHash(token))).toEqual({ kind: 'token', token });
    expect(parseLookupLink(lookupTokenHash(token.toUpperCase()))).toEqual({ kind: 'token', token });
    expect(lookupTokenKey(token)).not.toBe(lookupTokenKey(crypto.randomUUID()));
  });
  it('still reads a hand-typed #q= query, capped', () => {
    for (const text of ['绿水青山就是金山银山', 'a#b%c&d=e\n第二行']) {
      expect(parseLookupLink(`#q=${encodeURIComponent(text)}`)).toEqual({ kind: 'query', query: text });
    }
    const long = parseLookupLink(`#q=${encodeURIComponent('字'.repeat(MAX_SELECTION + 50))}`);
    expect(long.kind === 'query' && long.query.length).toBe(MAX_SELECTION);
  });
  it('reads a malformed or foreign hash as nothing', () => {
    const hashes = [
      '',
      '#',
      '#x=1',
      '#q=',
      '#q=%E4%B8',
      '#q=%zz',
      '#t=',
      '#t=abc',
      '#t=../settings',
      `#t=${'g'.repeat(36)}`,
    ];
    for (const hash of hashes) expect(parseLookupLink(hash)).toEqual({ kind: 'none' });
    expect(parseLookupLink(`#t=${crypto.randomUUID()}x`)).toEqual({ kind: 'none' });
  });
  it('trims and caps a selection', () => {
    expect(lookupText('  绿水青山 \n')).toBe('绿水青山');
    expect(lookupText('字'.repeat(MAX_SELECTION + 50))).toHaveLength(MAX_SELECTION);
  });
});
