import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { rateLimited } from '../../entrypoints/content/rate';
import { FULL_RESCAN_MIN_MS } from '../../lib/limits';

describe('rateLimited (full re-scans)', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('runs the first request at once, and folds a flood of later ones into one run per interval', () => {
    const run = vi.fn();
    const limited = rateLimited(run, FULL_RESCAN_MIN_MS);
    limited.request();
    expect(run).toHaveBeenCalledTimes(1);
    // A page changing its URL every 100 ms for 10 s.
    for (let t = 0; t < 10_000; t += 100) {
      limited.request();
      vi.advanceTimersByTime(100);
    }
    vi.advanceTimersByTime(FULL_RESCAN_MIN_MS);
    expect(run.mock.calls.length).toBeGreaterThanOrEqual(5);
    expect(run.mock.calls.length).toBeLessThanOrEqual(1 + Math.ceil(10_000 / FULL_RESCAN_MIN_MS));
  });

  it('never drops the last request, and cancel stops a deferred one', () => {
    const run = vi.fn();
    const limited = rateLimited(run, 1000);
    limited.request();
    limited.request();
    expect(run).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(1000);
    expect(run).toHaveBeenCalledTimes(2);
    limited.request();
    limited.cancel();
    vi.advanceTimersByTime(5000);
    expect(run).toHaveBeenCalledTimes(2);
  });
});
