/**
 * `npm test`: every test, unit and component (Vitest) then end-to-end (Vitest
 * driving Chromium). Prints one closing line `N passed, N failed` for both and
 * exits non-zero when anything failed or a runner could not run.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

interface VitestJson {
  numPassedTests: number;
  numFailedTests: number;
  numPendingTests: number;
  numTodoTests: number;
  numTotalTestSuites: number;
  success: boolean;
}

const suites = [
  { name: 'unit and component', config: 'vitest.config.ts' },
  { name: 'end-to-end', config: 'vitest.e2e.config.ts' },
];
const only = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const out = mkdtempSync(join(tmpdir(), 'yuanwen-test-'));
let passed = 0;
let failed = 0;
let skipped = 0;

for (const suite of suites) {
  const json = join(out, `${suite.config}.json`);
  console.log(`\n── ${suite.name} tests (${suite.config}) ──`);
  const run = spawnSync(
    'npx',
    [
      'vitest',
      'run',
      '--config',
      suite.config,
      '--reporter=default',
      '--reporter=json',
      `--outputFile.json=${json}`,
      ...only,
    ],
    { stdio: 'inherit' },
  );
  let report: VitestJson | null = null;
  try {
    report = JSON.parse(readFileSync(json, 'utf8')) as VitestJson;
  } catch {
    report = null;
  }
  if (!report) {
    console.error(`${suite.name}: the runner produced no report (exit ${run.status}); counting it as a failure`);
    failed += 1;
    continue;
  }
  passed += report.numPassedTests;
  failed += report.numFailedTests;
  skipped += report.numPendingTests + report.numTodoTests;
  if (run.status !== 0 && report.numFailedTests === 0) {
    console.error(`${suite.name}: the runner exited ${run.status} (a file failed to load or a hook failed)`);
    failed += 1;
  }
}

console.log(`\n${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed > 0 ? 1 : 0);
