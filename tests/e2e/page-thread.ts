/**
 * The suite's page-thread check: the content script times every task it runs
 * on the page's thread (entrypoints/content/slices.ts) and reports the longest
 * of its frame's last pass in the frame report (ScanTimings.maxSliceMs). No
 * such task may be long. The figure is wall time, so a machine that stalls
 * the renderer can push it up: the suites that rely on it retry (WALL_CLOCK).
 * Tracing the page to attribute each task (scripts/profile/) is the browser
 * benchmark's job, not the suite's.
 */
import { expect } from 'vitest';
import type { TabResults } from '../../lib/messages';

/** A task over this is long (the Long Tasks API's threshold, ms). */
export const LONG_TASK_MS = 50;

/** Every frame that reported timings kept each of its tasks short; at least one frame reported them. */
export function expectShortSlices(results: TabResults | null, context = ''): void {
  const timed = (results?.frames ?? []).filter((f) => f.timings);
  expect(
    timed.length,
    `no frame reported its scan's timings (the content script never finished)${context}`,
  ).toBeGreaterThan(0);
  for (const frame of timed) {
    expect(
      frame.timings?.maxSliceMs,
      `frame ${frame.frameId} ran a task over ${LONG_TASK_MS} ms: ${JSON.stringify(frame.timings)}${context}`,
    ).toBeLessThanOrEqual(LONG_TASK_MS);
  }
}
