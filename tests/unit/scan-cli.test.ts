import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const TSX = join(ROOT, 'node_modules/.bin/tsx');
const FIX = join(ROOT, 'tests/fixtures/eval');

function scan(args: string[], input?: string | Buffer) {
  const r = spawnSync(TSX, ['scripts/scan.ts', ...args], { cwd: ROOT, input, encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

const tmp = mkdtempSync(join(tmpdir(), 'yuanwen-scan-'));

describe('npm run scan', () => {
  it('--json: one object per file per line, offsets into the extracted text, the source located', () => {
    const r = scan(['--json', join(FIX, '03-split-elements.html'), join(FIX, '06-misquote-eyes.txt')]);
    expect(r.code).toBe(0);
    expect(r.err).toBe('');
    const lines = r.out.trim().split('\n');
    expect(lines).toHaveLength(2);
    const html = JSON.parse(lines[0]!);
    expect(html.file).toMatch(/03-split-elements\.html$/);
    const slogan = html.matches.find((m: { kind: string }) => m.kind === 'slogan');
    expect(slogan).toMatchObject({ quote: '绿水青山就是金山银山', similarity: 1 });
    expect(slogan.end - slogan.start).toBe(10);
    expect(slogan.source).toMatchObject({
      text: '绿水青山就是金山银山',
      section: { index: expect.any(Number), title: expect.any(String) },
    });
    expect(slogan.source.sentence).toContain('绿水青山就是金山银山');
    const passage = html.matches.find((m: { kind: string }) => m.kind === 'passage');
    expect(passage.quote).toContain('坚定不移实施生态先行战略');
    expect(passage.source.section).toEqual({ index: 0, title: '开篇' });
    expect(passage.source.paragraph).toBe(2);
    const txt = JSON.parse(lines[1]!);
    expect(txt.matches).toHaveLength(1);
    expect(txt.matches[0].similarity).toBeGreaterThan(0.8);
    expect(txt.matches[0].similarity).toBeLessThan(1);
    expect(txt.matches[0].source.section.index).toBe(4);
  });

  it('start/end index the extracted text: slicing it gives the quote', () => {
    const text = '开头\n要坚定不移实施生态先行战略，让绿水青山永远成为最鲜明的特征。';
    const r = scan(['--json', '-'], text);
    const [m] = JSON.parse(r.out).matches;
    expect(text.slice(m.start, m.end)).toBe(m.quote);
  });

  it('reads standard input, and sniffs HTML there', () => {
    const r = scan(
      ['--json', '-'],
      '<!doctype html><html><body><p>“绿水青山<b>就是</b>金山银山”</p><script>var x="显绩";</script></body></html>',
    );
    expect(r.code).toBe(0);
    const obj = JSON.parse(r.out);
    expect(obj.file).toBe('<stdin>');
    expect(obj.matches.map((m: { quote: string }) => m.quote)).toEqual(['绿水青山就是金山银山']);
  });

  it('prints a readable table by default', () => {
    const r = scan([join(FIX, '07-misquote-edits.html')]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/07-misquote-edits\.html: 3 matches/);
    expect(r.out).toMatch(/quote.*section.*kind.*similarity/);
    expect(r.out).toMatch(/第三部分 · 切实增强生态环境/);
    expect(r.out).toMatch(/passage\s+0\.\d\d/);
  });

  it('bad input: one line naming the file, non-zero exit, the other files still scanned, no stack trace', () => {
    const empty = join(tmp, 'empty.txt');
    writeFileSync(empty, '');
    const binary = join(tmp, 'image.png');
    writeFileSync(binary, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x1a, 0x0a]));
    const latin1 = join(tmp, 'latin1.txt');
    writeFileSync(latin1, Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x20, 0xff]));
    const r = scan([
      '--json',
      join(tmp, 'missing.txt'),
      empty,
      binary,
      latin1,
      tmp,
      join(FIX, '01-county-meeting.html'),
    ]);
    expect(r.code).toBe(1);
    const errors = r.err.trim().split('\n');
    expect(errors).toEqual([
      `scan: ${join(tmp, 'missing.txt')}: no such file`,
      `scan: ${empty}: empty input`,
      `scan: ${binary}: binary file (not text)`,
      `scan: ${latin1}: not valid UTF-8 text`,
      `scan: ${tmp}: is a directory`,
    ]);
    expect(r.err).not.toMatch(/\bat \S+:\d+/);
    expect(JSON.parse(r.out).matches).toHaveLength(2);
  });

  it('empty standard input is an error too', () => {
    const r = scan(['-'], '');
    expect(r.code).toBe(1);
    expect(r.err.trim()).toBe('scan: <stdin>: empty input');
  });

  it('no files: usage and exit 2', () => {
    const r = scan([]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/usage: npm run scan/);
  });
});
