/** scripts/bench-docs.ts: the generated section of docs/performance.md. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { END_MARKER, performanceSection, replaceSection, START_MARKER } from '../../scripts/bench-docs';

const info = { date: '2026-12-07', node: 'v20.19.0', cpu: 'Test CPU', browser: false };

describe('the performance document', () => {
  it('lists the figures a run measured, with their targets, and only those', () => {
    const section = performanceSection({ chars_per_s: 61234567, ratio_to_floor: 2.41 }, info);
    expect(section.startsWith(START_MARKER)).toBe(true);
    expect(section.endsWith(END_MARKER)).toBe(true);
    expect(section).toContain('| scan, news text (chars/s) | 61,234,567 | ≥ 50,000,000 |');
    expect(section).toContain('| scan / floor, news text | 2.41 | ≤ 3 |');
    expect(section).toContain('engine only');
    expect(section).not.toContain('content script, gzip');
  });

  it('lists the figures of the library benchmark with their targets', () => {
    const section = performanceSection({ library_chars_per_s: 7654321, library_bytes_per_char: 10.2 }, info);
    expect(section).toContain('| library of 200 documents + speech, news text (chars/s) | 7,654,321 | ≥ 20,000,000 |');
    expect(section).toContain('| library index bytes per library character | 10.2 | ≤ 16 |');
    expect(section).not.toContain('library cold start');
  });

  it('replaces the generated section and keeps the hand-written text around it', () => {
    const doc = `# Title\n\nbefore\n\n${START_MARKER}\nold\n${END_MARKER}\n\nafter\n`;
    const next = replaceSection(doc, performanceSection({ index_kb: 900 }, info));
    expect(next).toContain('before');
    expect(next).toContain('after');
    expect(next).not.toContain('old');
    expect(next).toContain('| index size (KB) | 900 |');
    expect(replaceSection(next, `${START_MARKER}\nx\n${END_MARKER}`)).toBe(
      `# Title\n\nbefore\n\n${START_MARKER}\nx\n${END_MARKER}\n\nafter\n`,
    );
  });

  it('refuses a document without the markers, and the real one has them', () => {
    expect(() => replaceSection('# nothing here', 'x')).toThrow(/no <!-- bench:start/);
    const real = readFileSync(new URL('../../docs/performance.md', import.meta.url), 'utf8');
    expect(() => replaceSection(real, 'x')).not.toThrow();
  });
});
