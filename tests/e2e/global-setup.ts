/**
 * Builds the Chrome and Firefox extensions once before the e2e suite (skip with
 * YUANWEN_SKIP_BUILD=1 when a build is fresh).
 */
import { execFileSync } from 'node:child_process';
import { ROOT, requireChromium } from '../../scripts/browser';

export default function setup(): void {
  requireChromium();
  if (process.env.YUANWEN_SKIP_BUILD === '1') return;
  execFileSync('npx', ['wxt', 'build'], { cwd: ROOT, stdio: 'inherit' });
  execFileSync('npx', ['wxt', 'build', '-b', 'firefox', '--mv3'], { cwd: ROOT, stdio: 'inherit' });
}
