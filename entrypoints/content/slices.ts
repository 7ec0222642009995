/**
 * Splitting work into short tasks. A Slicer hands out time budgets: work
 * checks `expired()` as it goes and, when the budget is spent, awaits
 * `yield()`, which lets the page run (input, rendering, its own tasks) before
 * continuing. A budget well under the 50 ms long-task threshold leaves room
 * for the page's own work in the same frame.
 *
 * Yielding uses scheduler.postTask when the browser has it, else a
 * MessageChannel of our own (not window.postMessage: the page never sees it).
 * setTimeout(0) is avoided: nested timeouts are clamped to 4 ms each.
 */

export const SLICE_BUDGET_MS = 10;

type PostTask = (cb: () => void, options?: { priority?: string }) => Promise<unknown>;

function makeYield(): () => Promise<void> {
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
    this.workMs += performance.now() - this.sliceStart;
    await this.yieldNow();
    this.begin();
  }

  /** Ends the work: adds the last slice's time. */
  end(): void {
    this.workMs += performance.now() - this.sliceStart;
    this.sliceStart = performance.now();
  }

  /** Yields only when the budget is spent. */
  async maybeYield(): Promise<void> {
    if (this.expired()) await this.yield();
  }
}
