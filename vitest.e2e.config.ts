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
    // No retries: only the suites whose checks read a clock are retried, and they say so (wall-clock.ts).
    retry: 0,
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
