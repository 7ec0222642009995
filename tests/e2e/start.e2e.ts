/**
 * `npm start` without a display, as a newcomer on a server runs it: its output
 * is plain text (no build spinner, no terminal control codes), the table of
 * findings lines up in a terminal (Chinese characters are two columns wide),
 * and it ends by saying how to load the extension in one's own browser.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import stringWidth from 'string-width';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
const run = promisify(execFile);

describe('npm start, headless', () => {
  const out = mkdtempSync(join(tmpdir(), 'yuanwen-start-'));
  afterAll(() => rmSync(out, { recursive: true, force: true }));

  it('prints clean, aligned findings and how to load the extension by hand', async () => {
    const { stdout, stderr } = await run('npx', ['tsx', 'scripts/start.ts', '--headless', '--out', out], {
      cwd: ROOT,
      env: { ...process.env, DISPLAY: '', WAYLAND_DISPLAY: '' },
      timeout: 110_000,
    });
    const all = stdout + stderr;
    expect(all.includes(String.fromCharCode(27)), 'an ESC control code').toBe(false); // no ESC[1G, no colours
    expect(all).not.toContain('Preparing');

    const rows = stdout.split('\n').filter((line) => /^ {2}(passage|slogan|near)\s/.test(line));
    expect(rows.length).toBeGreaterThan(5);
    // Where the quote column starts, in terminal columns: the same on every row.
    const quoteColumns = rows.map((line) => {
      const parsed = /^( {2}\S+\s+\d+% {2}.+?\S {2,})(\S.*)$/.exec(line);
      expect(parsed, line).not.toBeNull();
      return stringWidth(parsed?.[1] ?? '');
    });
    expect(new Set(quoteColumns).size, rows.join('\n')).toBe(1);

    expect(stdout).toContain('To use Yuanwen in your own browser:');
    expect(stdout).toContain('chrome://extensions');
    expect(stdout).toContain(join(ROOT, '.output/chrome-mv3'));
    expect(stdout).toContain('about:debugging#/runtime/this-firefox');
    for (const shot of ['page.png', 'popup.png', 'reader.png']) expect(existsSync(join(out, shot)), shot).toBe(true);
  });
});
