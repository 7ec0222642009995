/**
 * Runs a piece of work at most once per `minMs`: a request inside the
 * interval is deferred to its end, and any number of requests there become
 * one run. A page that changes its URL every few hundred milliseconds, or
 * rewrites itself without pause, gets a full re-scan at that pace, not at its
 * own.
 */
export interface RateLimited {
  request(): void;
  cancel(): void;
}

export interface Clock {
  now(): number;
  later(fn: () => void, ms: number): ReturnType<typeof setTimeout>;
  cancel(timer: ReturnType<typeof setTimeout>): void;
}

const realClock: Clock = {
  now: () => performance.now(),
  later: (fn, ms) => setTimeout(fn, ms),
  cancel: (timer) => clearTimeout(timer),
};

export function rateLimited(run: () => void, minMs: number, clock: Clock = realClock): RateLimited {
  let last = Number.NEGATIVE_INFINITY;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const fire = () => {
    timer = undefined;
    last = clock.now();
    run();
  };
  return {
    request() {
      if (timer !== undefined) return;
      const wait = last + minMs - clock.now();
      if (wait <= 0) fire();
      else timer = clock.later(fire, wait);
    },
    cancel() {
      if (timer !== undefined) clock.cancel(timer);
      timer = undefined;
    },
  };
}
