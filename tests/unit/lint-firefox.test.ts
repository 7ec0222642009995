/**
 * The Firefox lint gate (scripts/lint-firefox.ts): it lets through only
 * react-dom's own innerHTML assignment and the reviewed library cases, and fails a build with any other.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { isReactInnerHtml, reviewedCase } from '../../scripts/lint-firefox';

const ROOT = resolve(import.meta.dirname, '../..');
const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

/** A minimal Firefox MV3 extension whose background script is `js`. */
function extension(js: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'yuanwen-lint-'));
  dirs.push(dir);
  writeFileSync(
    join(dir, 'manifest.json'),
    JSON.stringify({
      manifest_version: 3,
      name: 'lint probe',
      version: '1.0.0',
      background: { scripts: ['background.js'] },
      browser_specific_settings: {
        gecko: {
          id: 'probe@yuanwen.example',
          strict_min_version: '140.0',
          data_collection_permissions: { required: ['none'] },
        },
        gecko_android: { strict_min_version: '142.0' },
      },
    }),
  );
  writeFileSync(join(dir, 'background.js'), js);
  return dir;
}

function lint(dir: string) {
  const run = spawnSync(join(ROOT, 'node_modules/.bin/tsx'), ['scripts/lint-firefox.ts', dir], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  return { status: run.status, output: run.stdout + run.stderr };
}

describe('isReactInnerHtml', () => {
  it("recognises react-dom's dangerouslySetInnerHTML assignment only", () => {
    const react = 'if(n=r.__html,n!=null){if(i.children!=null)throw Error(s(60));a?.__html!==n&&(e.innerHTML=n)}';
    expect(isReactInnerHtml(react, 1, react.indexOf('e.innerHTML'))).toBe(true);
    const ours = 'const x = location.hash; document.body.innerHTML = x;';
    expect(isReactInnerHtml(ours, 1, ours.indexOf('document.body'))).toBe(false);
  });
});

describe('reviewedCase', () => {
  it("lets through pdf.js's eval compiler only where Yuanwen turned it off, and no other eval", () => {
    const pdf =
      'if(t.isEvalSupported&&FeatureTest.isEvalSupported){const e=(new PostScriptCompiler).compile(i,a,s);if(e)return new Function("src",e)}';
    expect(reviewedCase(pdf, 'DANGEROUS_EVAL', 1, pdf.indexOf('new Function'))).toMatch(/isEvalSupported: false/);
    const ours = 'const code = location.hash.slice(1); const f = new Function(code);';
    expect(reviewedCase(ours, 'DANGEROUS_EVAL', 1, ours.indexOf('new Function'))).toBeNull();
    const inner = 'n.innerHTML=t.innerHTML;';
    expect(reviewedCase(inner, 'DANGEROUS_EVAL', 1, 0)).toBeNull(); // the code must match too
  });
});

describe('npm run lint:firefox', () => {
  // One web-ext run (~10 s on a busy machine); the clean case is the CI step itself, on the real build.
  it('fails a build with an unsafe innerHTML, naming it', { timeout: 60_000 }, () => {
    const bad = lint(extension('const x = location.hash;\ndocument.body.innerHTML = x;\n'));
    expect(bad.output).toMatch(/FAIL\s+UNSAFE_VAR_ASSIGNMENT \(background\.js:2/);
    expect(bad.output).toContain('0 errors, 1 warnings (0 reviewed)');
    expect(bad.status).toBe(1);
  });

  it('fails clearly when there is no build', () => {
    const missing = lint(join(tmpdir(), 'no-such-yuanwen-build'));
    expect(missing.status).toBe(1);
    expect(missing.output).toContain('npm run build:firefox');
  });
});
