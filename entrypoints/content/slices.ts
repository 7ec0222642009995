/**
 * Splitting work into short tasks. A Slicer hands out time budgets: work
 * checks `expired()` as it goes and, when the budget is spent, awaits
 * `yield()`, which lets the page run (input, rendering, its own tasks) before
 * continuing. A budget well under the 50 ms long-task threshold leaves room
 * for the page's own work in the same frame.
 *
 * Yielding waits for an idle period (see makeYield) where the browser has
 * requestIdleCallback; else scheduler.postTask, else a MessageChannel of our
 * own (not window.postMessage: the page never sees it). setTimeout(0) is
 * avoided: nested timeouts are clamped to 4 ms each.
 */

export const SLICE_BUDGET_MS = 10;

type PostTask = (cb: () => void, options?: { priority?: string }) => Promise<unknown>;
type IdleCallback = (cb: (deadline: { timeRemaining(): number }) => void, options?: { timeout: number }) => number;

/**
 * Waits for the browser to be idle (requestIdleCallback), or at most
 * IDLE_TIMEOUT_MS. Idle periods are where V8 collects garbage without
 * blocking anyone: work resumed back to back (postTask, MessageChannel)
 * leaves it none, and on a large page the collector then stops the page in
 * the middle of one of our slices, for tens of milliseconds.
 */
const IDLE_TIMEOUT_MS = 100;

function makeYield(): () => Promise<void> {
  const idle = (globalThis as { requestIdleCallback?: IdleCallback }).requestIdleCallback;
  if (typeof idle === 'function') {
    return () =>
      new Promise<void>((resolve) => {
        idle(() => resolve(), { timeout: IDLE_TIMEOUT_MS });
      });
  }
  const scheduler = (globalThis as { scheduler?: { postTask?: PostTask } }).scheduler;
  if (scheduler && typeof scheduler.postTask === 'function') {
    const postTask = scheduler.postTask.bind(scheduler);
    return () =>
      new Promise<void>((resolve) => {
        postTask(resolve, { priority: 'user-visible' }).catch(() => resolve());
      });
  }
  const channel = new MessageChannel();
  const waiting: (() => void)[] = [];
  channel.port1.onmessage = () => waiting.shift()?.();
  return () =>
    new Promise<void>((resolve) => {
      waiting.push(resolve);
      channel.port2.postMessage(null);
    });
}

export class Slicer {
  private deadline = 0;
  private sliceStart = 0;
  /** Milliseconds spent working (between begin() and each yield), not waiting. */
  workMs = 0;
  slices = 0;
  /** The longest slice so far, in ms: over 50 means a long task of ours (or the machine stalled us). */
  maxSliceMs = 0;
  private readonly yieldNow = makeYield();

  constructor(private readonly budgetMs = SLICE_BUDGET_MS) {}

  /** Starts a slice: call at the start of a piece of work that runs in its own task. */
  begin(): void {
    this.sliceStart = performance.now();
    this.deadline = this.sliceStart + this.budgetMs;
    this.slices++;
  }

  /** Time left in this slice, in ms (≤ 0 when spent). */
  remaining(): number {
    return this.deadline - performance.now();
  }

  readonly expired = (): boolean => performance.now() >= this.deadline;

  /** Ends this slice, lets the page run, starts the next one. */
  async yield(): Promise<void> {
    this.closeSlice();
    await this.yieldNow();
    this.begin();
  }

  /** Ends the work: adds the last slice's time. */
  end(): void {
    this.closeSlice();
    this.sliceStart = performance.now();
  }

  private closeSlice(): void {
    const spent = performance.now() - this.sliceStart;
    this.workMs += spent;
    if (spent > this.maxSliceMs) this.maxSliceMs = spent;
  }

  /**
   * Waits for `promise` (an answer from another context) without counting
   * the wait as our work: the slice ends before and a new one starts after.
   */
  async wait<T>(promise: Promise<T>): Promise<T> {
    this.closeSlice();
    try {
      return await promise;
    } finally {
      this.begin();
    }
  }

  /** Yields only when the budget is spent. */
  async maybeYield(): Promise<void> {
    if (this.expired()) await this.yield();
  }
}
