/**
 * The slicer's own account of its tasks, which the e2e suite's page-thread
 * check reads (ScanTimings.maxSliceMs, tests/e2e/page-thread.ts): a long task
 * shows as a long slice, and a wait for another context is not counted.
 */
import { describe, expect, it } from 'vitest';
import { Slicer } from '../../entrypoints/content/slices';

const busy = (ms: number) => {
  const t = performance.now();
  while (performance.now() - t < ms) {
    // the page's thread, held
  }
};

describe('Slicer', () => {
  it('reports a task over 50 ms as its longest slice', async () => {
    const slicer = new Slicer();
    slicer.begin();
    busy(5);
    await slicer.yield();
    busy(60);
    slicer.end();
    expect(slicer.slices).toBe(2);
    expect(slicer.maxSliceMs).toBeGreaterThanOrEqual(60);
  });

  it('keeps short slices short, and does not count a wait for the background', async () => {
    const slicer = new Slicer();
    slicer.begin();
    busy(2);
    await slicer.wait(new Promise((ok) => setTimeout(ok, 80)));
    busy(2);
    slicer.end();
    expect(slicer.maxSliceMs).toBeLessThan(50);
    expect(slicer.workMs).toBeLessThan(50);
  });
});
