/**
 * Finds Debian's Chromium (or another Chromium/Chrome) and Firefox ESR for the e2e tests,
 * `npm start` and the browser benchmark. Fails with the exact install command
 * when none is there: a browser test that cannot run fails and says why.
 */
import { existsSync } from 'node:fs';

const CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
];

export const INSTALL_HINT = 'install it with: sudo apt-get install -y chromium fonts-noto-cjk (or set CHROMIUM_PATH)';

export function findChromium(): string | null {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) return existsSync(fromEnv) ? fromEnv : null;
  return CANDIDATES.find((p) => existsSync(p)) ?? null;
}

export function requireChromium(): string {
  const path = findChromium();
  if (!path)
    throw new Error(
      `No Chromium found (looked at ${process.env.CHROMIUM_PATH ?? CANDIDATES.join(', ')}): ${INSTALL_HINT}`,
    );
  return path;
}

/** Flags that load an unpacked MV3 extension headless on a machine without a network. */
export function chromiumArgs(extensionDir: string, headless = true): string[] {
  return [
    `--disable-extensions-except=${extensionDir}`,
    `--load-extension=${extensionDir}`,
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--no-default-browser-check',
    ...(headless ? [] : ['--start-maximized']),
  ];
}

const FIREFOX_CANDIDATES = ['/usr/bin/firefox-esr', '/usr/bin/firefox'];

export const FIREFOX_INSTALL_HINT = 'install it with: sudo apt-get install -y firefox-esr (or set FIREFOX_PATH)';

export function findFirefox(): string | null {
  const fromEnv = process.env.FIREFOX_PATH;
  if (fromEnv) return existsSync(fromEnv) ? fromEnv : null;
  return FIREFOX_CANDIDATES.find((p) => existsSync(p)) ?? null;
}

/** Debian's Firefox ESR (or another Firefox 140+); fails with the install command when there is none. */
export function requireFirefox(): string {
  const path = findFirefox();
  if (!path)
    throw new Error(
      `No Firefox found (looked at ${process.env.FIREFOX_PATH ?? FIREFOX_CANDIDATES.join(', ')}): ${FIREFOX_INSTALL_HINT}`,
    );
  return path;
}
