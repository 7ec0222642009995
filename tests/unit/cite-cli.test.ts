import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CITATION_FORMATS, formatCitation } from '../../lib/citations';
import { spanOf } from './citation-scenarios';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const TSX = join(ROOT, 'node_modules/.bin/tsx');

function cite(args: string[]) {
  const r = spawnSync(TSX, ['scripts/cite.ts', ...args], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

const QUOTE = '以更高标准打好蓝天、碧水、净土保卫战';
const { speechStart, speechEnd } = spanOf(QUOTE);
const SPAN = `${speechStart}-${speechEnd}`;

describe('npm run cite', () => {
  it('prints the citation of a span of the speech, as formatCitation makes it', () => {
    const r = cite(['--format', 'gbt7714', '--span', SPAN]);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toBe(`${formatCitation('gbt7714', { quote: QUOTE, speechStart, speechEnd })}\n`);
  });

  it('cites the page where it was seen, with its title, access date, author and site', () => {
    const args = ['--format', 'chicago', '--span', SPAN, '--url', 'https://news.example.cn/a.html'];
    const r = cite([...args, '--title', '打好保卫战--人民网', '--accessed', '2026-11-28', '--author', '李明']);
    expect(r.code).toBe(0);
    expect(r.out).toBe(
      `${formatCitation('chicago', {
        quote: QUOTE,
        speechStart,
        speechEnd,
        seenAt: {
          title: '打好保卫战--人民网',
          url: 'https://news.example.cn/a.html',
          accessed: new Date(2026, 10, 28),
          author: '李明',
        },
      })}\n`,
    );
    expect(r.out).toContain(
      'quoted in 李明, “打好保卫战--人民网,” 人民网, accessed November 28, 2026, https://news.example.cn/a.html.',
    );
  });

  it('--list names every format, one per line', () => {
    const r = cite(['--list']);
    expect(r.code).toBe(0);
    expect(
      r.out
        .trim()
        .split('\n')
        .map((line) => line.split('\t')[0]),
    ).toEqual(CITATION_FORMATS.map((f) => f.id));
  });

  it('refuses an unknown format, a span outside the speech and bad options with one line and status 2', () => {
    const bad: [string[], string][] = [
      [['--format', 'harvard', '--span', SPAN], 'unknown format harvard'],
      [['--format', 'apa', '--span', '10-999999'], 'not a span of the speech'],
      [['--format', 'apa', '--span', '20-10'], 'not a span of the speech'],
      [['--format', 'apa', '--span', 'start-end'], 'is not START-END'],
      [['--format', 'apa'], '--span START-END is required'],
      [['--format', 'apa', '--span', SPAN, '--url', 'https://x.cn/', '--accessed', '2026-02-30'], 'is not a date'],
      [['--format', 'apa', '--span', SPAN, '--title', 'no url'], 'give its --url too'],
      [['--format', 'apa', '--span', SPAN, '--bogus'], '--bogus'],
    ];
    for (const [args, reason] of bad) {
      const r = cite(args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.out, args.join(' ')).toBe('');
      expect(r.err.trim().split('\n'), args.join(' ')).toHaveLength(1);
      expect(r.err, args.join(' ')).toMatch(/^cite: /);
      expect(r.err, args.join(' ')).toContain(reason);
    }
  }, 180_000);
});
