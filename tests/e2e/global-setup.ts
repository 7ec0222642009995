/**
 * Builds the Chrome and Firefox extensions once before the e2e suite (skip with
 * YUANWEN_SKIP_BUILD=1 when a build is fresh). The build is the production one,
 * as shipped (React's production runtime): Vitest sets NODE_ENV=test, which a
 * child build would inherit (`npm start` in start.e2e.ts builds the same way).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { EXTENSION_DIR, productionBuildEnv, ROOT, requireChromium } from '../../scripts/browser';

export default function setup(): void {
  requireChromium();
  if (process.env.YUANWEN_SKIP_BUILD !== '1') {
    const env = productionBuildEnv();
    execFileSync('npx', ['wxt', 'build'], { cwd: ROOT, stdio: 'inherit', env });
    execFileSync('npx', ['wxt', 'build', '-b', 'firefox', '--mv3'], { cwd: ROOT, stdio: 'inherit', env });
  }
  // A reused build must be a production one too.
  const chunks = join(EXTENSION_DIR, 'chunks');
  if (existsSync(chunks) && readdirSync(chunks).some((f) => f.startsWith('jsx-dev-runtime'))) {
    throw new Error(`${EXTENSION_DIR} is a development build: rebuild with NODE_ENV=production (npm run build)`);
  }
}
