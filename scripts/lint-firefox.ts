/**
 * `npm run lint:firefox`: Mozilla's linter (web-ext lint) on the Firefox MV3
 * build. Fails on any error and on any warning, except one reviewed case:
 *
 *   UNSAFE_VAR_ASSIGNMENT at react-dom's `dangerouslySetInnerHTML` handling
 *   (`e.innerHTML = props.dangerouslySetInnerHTML.__html`). Yuanwen never
 *   passes that prop (biome's security/noDangerouslySetInnerHtml forbids it),
 *   so the path never runs; the linter flags the library code regardless.
 *
 * and the reviewed cases in the libraries the Library page loads (REVIEWED).
 * Each exception is matched by the code at the reported position, not by file
 * name, so any other innerHTML assignment or eval still fails the lint.
 *
 *   npm run lint:firefox            lints .output/firefox-mv3 (or $YUANWEN_OUT_DIR/firefox-mv3)
 *   npm run lint:firefox -- <dir>   lints another unpacked build
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

interface LintMessage {
  code: string;
  message: string;
  file?: string;
  line?: number;
  column?: number;
}

interface LintReport {
  summary: { errors: number; warnings: number; notices: number };
  errors: LintMessage[];
  warnings: LintMessage[];
  notices: LintMessage[];
}

const root = resolve(import.meta.dirname, '..');
const dir = resolve(root, process.argv[2] ?? join(process.env.YUANWEN_OUT_DIR ?? '.output', 'firefox-mv3'));

/** True for react-dom's own `dangerouslySetInnerHTML` assignment (see the header). */
export function isReactInnerHtml(source: string, line: number, column: number): boolean {
  const text = source.split('\n')[line - 1] ?? '';
  const around = text.slice(Math.max(0, column - 120), column + 40);
  return /\.innerHTML\s*=/.test(around) && around.includes('__html');
}

/**
 * Reviewed library code, each matched by the code around the reported position. The extension pages' CSP
 * has no 'unsafe-eval', so a Function constructor that did run would throw rather than evaluate.
 */
export const REVIEWED: readonly { code: string; around: RegExp; why: string }[] = [
  {
    code: 'DANGEROUS_EVAL',
    around: /Function\(`return this`\)/,
    why: "underscore's global-object fallback (mammoth), reached only where `self` and `global` are missing",
  },
  {
    code: 'DANGEROUS_EVAL',
    around: /s=Function\(o,`_`,a\)/,
    why: "underscore's _.template (mammoth): mammoth never calls it",
  },
  {
    code: 'DANGEROUS_EVAL',
    around: /typeof e!=`function`&&\(e=Function\(``\+e\)\)/,
    why: 'a setImmediate polyfill (mammoth) for string callbacks, which nothing passes',
  },
  {
    code: 'DANGEROUS_EVAL',
    around: /try\{(?:return Function\(``\)|new Function\(""\))/,
    why: "pdf.js's feature test for eval (caught; the CSP makes it say no)",
  },
  {
    code: 'DANGEROUS_EVAL',
    around: /isEvalSupported&&FeatureTest\.isEvalSupported\)\{const e=\(new PostScriptCompiler\)/,
    why: "pdf.js's PostScript function compiler, off: Yuanwen passes isEvalSupported: false",
  },
  {
    code: 'UNSAFE_VAR_ASSIGNMENT',
    around: /await import\((?:this\.workerSrc|\s*$)/,
    why: "pdf.js importing its own worker module from the extension's files (script-src 'self')",
  },
  {
    code: 'UNSAFE_VAR_ASSIGNMENT',
    around: /e\.innerHTML=r,this\._attempts|n\.innerHTML=t\.innerHTML/,
    why: 'Readability moving markup inside its clone of the page (an inert document: no scripts, no loads)',
  },
];

/** The reviewed case the warning at (line, column) of `source` is, if any. */
export function reviewedCase(source: string, code: string, line: number, column: number): string | null {
  const text = source.split('\n')[line - 1] ?? '';
  const around = text.slice(Math.max(0, column - 120), column + 80);
  return REVIEWED.find((r) => r.code === code && r.around.test(around))?.why ?? null;
}

function main(): number {
  if (!existsSync(join(dir, 'manifest.json'))) {
    console.error(`No Firefox build at ${dir}: run \`npm run build:firefox\` first.`);
    return 1;
  }
  const bin = join(root, 'node_modules/.bin/web-ext');
  const run = spawnSync(bin, ['lint', '--source-dir', dir, '--output', 'json', '--no-config-discovery'], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  let report: LintReport;
  try {
    report = JSON.parse(run.stdout) as LintReport;
  } catch {
    console.error(`web-ext lint did not produce a report (exit ${run.status}):\n${run.stdout}\n${run.stderr}`);
    return 1;
  }
  const where = (m: LintMessage) => (m.file ? ` (${m.file}${m.line ? `:${m.line}:${m.column ?? 0}` : ''})` : '');
  const failing: LintMessage[] = [...report.errors];
  for (const w of report.warnings) {
    const file = w.file ? join(dir, w.file) : null;
    const allowed =
      w.code === 'UNSAFE_VAR_ASSIGNMENT' &&
      file !== null &&
      w.line !== undefined &&
      existsSync(file) &&
      isReactInnerHtml(readFileSync(file, 'utf8'), w.line, w.column ?? 0);
    const reviewed =
      !allowed && file !== null && w.line !== undefined && existsSync(file)
        ? reviewedCase(readFileSync(file, 'utf8'), w.code, w.line, w.column ?? 0)
        : null;
    if (allowed) console.log(`allowed  ${w.code}${where(w)}: react-dom's dangerouslySetInnerHTML path, never used`);
    else if (reviewed) console.log(`allowed  ${w.code}${where(w)}: ${reviewed}`);
    else failing.push(w);
  }
  for (const n of report.notices) console.log(`notice   ${n.code}${where(n)}: ${n.message}`);
  for (const f of failing) console.error(`FAIL     ${f.code}${where(f)}: ${f.message}`);
  console.log(
    `web-ext lint ${dir}: ${report.summary.errors} errors, ${report.summary.warnings} warnings ` +
      `(${report.summary.warnings - (failing.length - report.errors.length)} reviewed), ${report.summary.notices} notices`,
  );
  return failing.length === 0 ? 0 : 1;
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) process.exit(main());
