// Runs before `npm start` and `npm test` on a fresh clone: when the pinned
// dependencies are not installed at all, it says
// so and runs `npm ci`, which installs exactly the committed lockfile. It never
// installs anything else (Chromium is the user's to install; see README).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const marker = 'node_modules/.package-lock.json';
if (!existsSync(marker)) {
  console.log('Dependencies are not installed: running `npm ci` (pinned versions from package-lock.json)…');
  const result = spawnSync('npm', ['ci', '--no-audit', '--no-fund'], { stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}
// Install scripts are off (.npmrc): WXT's generated types and tsconfig are made here instead of postinstall.
if (!existsSync('.wxt/tsconfig.json')) {
  const result = spawnSync('npm', ['run', '--silent', 'prepare:wxt'], { stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}
