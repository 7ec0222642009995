import { defineConfig } from 'vitest/config';

// End-to-end tests: a real Chromium with the built extension. One file at a
// time: each launches its own browser, and this machine has two cores.
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.ts'],
    globalSetup: ['tests/e2e/global-setup.ts'],
    // Every session is watched: the extension must make no network request (tests/e2e/network.ts).
    setupFiles: ['tests/e2e/no-network.setup.ts'],
    fileParallelism: false,
    // Some checks are wall-clock by nature (long tasks, a page that stays responsive, a worker that stops):
    // on a 2-core machine a stall of the whole machine can fail one attempt. A failed test is run again,
    // twice at most, with every assertion unchanged: an extension that really misbehaves fails each time.
    retry: 2,
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
