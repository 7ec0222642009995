import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it, vi } from 'vitest';
import { importTextFile } from '../../lib/library/import';
import { exportLibrary } from '../../lib/library/library-file';
import { loadReferences, main } from '../../scripts/scan';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const TSX = join(ROOT, 'node_modules/.bin/tsx');
const LIB = join(ROOT, 'tests/fixtures/library');
const tmp = mkdtempSync(join(tmpdir(), 'yuanwen-scan-library-'));

function scan(args: string[]) {
  const r = spawnSync(TSX, ['scripts/scan.ts', ...args], { cwd: ROOT, encoding: 'utf8', timeout: 120_000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

const page = join(tmp, 'page.txt');
writeFileSync(
  page,
  '据悉，面对风高浪急的国际环境和艰巨繁重的国内改革发展稳定任务，会议提出要坚持“绿水青山就是金山银山”。',
);

describe('npm run scan -- --ref / --library / --no-builtin', () => {
  it('finds quotes of a --ref document (GBK text) and names the document on every match', { timeout: 240_000 }, () => {
    const r = scan(['--json', '--ref', join(LIB, 'report-gbk.txt'), page]);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const { matches } = JSON.parse(r.out.trim());
    expect(matches.map((m: { source: { document: { title: string } } }) => m.source.document.title)).toEqual([
      '政府工作报告',
      '在2023年生态文明建设和生态环境保护工作会议上的讲话',
    ]);
    const report = matches[0];
    expect(report.quote).toBe('面对风高浪急的国际环境和艰巨繁重的国内改革发展稳定任务');
    expect(report.source.document.id).toMatch(/^doc-[0-9a-f]{14}$/);
    expect(report.source.section).toEqual({ index: 1, title: '一、过去一年和五年工作回顾' });
    expect(report.source.text).toBe(report.quote);
    expect(matches[1].source.document.id).toBe('speech');
  });

  it('reads .docx and .pdf references and a library file; --no-builtin leaves the speech out', {
    timeout: 240_000,
  }, () => {
    const r = scan(['--json', '--no-builtin', '--ref', join(LIB, 'report.pdf'), page]);
    expect(r.err).toBe('');
    const { matches } = JSON.parse(r.out.trim());
    expect(matches).toHaveLength(1);
    expect(matches[0].source.document.title).toBe('政府工作报告');
    const docx = scan(['--json', '--no-builtin', '--ref', join(LIB, 'report.docx'), page]);
    expect(JSON.parse(docx.out.trim()).matches).toHaveLength(1);
    const doc = importTextFile('report-utf8.txt', readFileSync(join(LIB, 'report-utf8.txt')));
    if (!doc.ok) throw new Error(doc.error.message);
    const libraryFile = join(tmp, 'library.json');
    writeFileSync(libraryFile, JSON.stringify(exportLibrary([doc.value])));
    const lib = scan(['--json', '--no-builtin', '--library', libraryFile, page]);
    expect(lib.err).toBe('');
    expect(JSON.parse(lib.out.trim()).matches[0].source.document.id).toBe(doc.value.id);
  });

  it('refuses a reference the library would refuse, with the same reasons, and scans nothing', async () => {
    const empty = join(tmp, 'empty.txt');
    writeFileSync(empty, '');
    const corrupt = join(tmp, 'broken.docx');
    writeFileSync(corrupt, 'PK not a zip');
    const cases: [string[], string[], RegExp][] = [
      [[empty], [], /empty\.txt: the file is empty/],
      [[corrupt], [], /broken\.docx: not a readable \.docx file/],
      [[join(LIB, 'report-gbk.txt'), join(LIB, 'report.docx')], [], /report\.docx: the library already has this text/],
      [[join(tmp, 'missing.txt')], [], /missing\.txt: no such file/],
      [[], [page], /not JSON/],
    ];
    for (const [refs, libraries, message] of cases)
      await expect(loadReferences(refs, libraries)).rejects.toThrow(message);
    const errors: string[] = [];
    const spy = vi.spyOn(console, 'error').mockImplementation((line: string) => void errors.push(line));
    const log = vi.spyOn(console, 'log').mockImplementation(() => undefined);
    try {
      expect(await main(['--ref', empty, page])).toBe(1);
      expect(errors.pop()).toMatch(/^scan: reference .*empty\.txt: the file is empty$/);
      expect(await main(['--no-builtin', page])).toBe(2);
      expect(errors.pop()).toMatch(/--no-builtin leaves nothing to scan for/);
      expect(await main(['--ref'])).toBe(2);
      expect(log).not.toHaveBeenCalled();
    } finally {
      spy.mockRestore();
      log.mockRestore();
    }
  });
});
