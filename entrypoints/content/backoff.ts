/**
 * How long to wait before trying again a message that failed because the
 * other side went away (a stopped service worker restarts on the next
 * message): soon at first, then doubling up to a cap, so a worker that is
 * really gone is not asked in a tight loop.
 */
export const FIRST_RETRY_MS = 100;
export const MAX_RETRY_MS = 5000;

/** The wait before retry number `attempt` (0 for the first retry), in ms. */
export function retryDelayMs(attempt: number, first = FIRST_RETRY_MS, max = MAX_RETRY_MS): number {
  if (!Number.isFinite(attempt) || attempt <= 0) return first;
  return Math.min(max, first * 2 ** Math.min(attempt, 30));
}
