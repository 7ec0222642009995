/**
 * How much page text each frame and each tab may send to be scanned within a
 * sliding window (lib/limits.ts): a page that rewrites itself without end, or
 * spawns frames that do, cannot keep the background's matcher busy. One
 * budget per background; the caller passes the clock.
 */
export interface ScanBudgetLimits {
  frameChars: number;
  tabChars: number;
  windowMs: number;
}

export interface ScanBudget {
  /** Charges `chars` to the frame and its tab; false (nothing charged) when either would go over. */
  take(tabId: number, frameKey: string, chars: number, now: number): boolean;
  /** Forgets a closed tab. */
  forgetTab(tabId: number): void;
}

interface Spent {
  /** [time, chars] in time order. */
  entries: [number, number][];
  total: number;
}

function spentWithin(spent: Spent, since: number): number {
  while (spent.entries.length > 0 && (spent.entries[0] as [number, number])[0] <= since) {
    spent.total -= (spent.entries.shift() as [number, number])[1];
  }
  return spent.total;
}

export function createScanBudget(limits: ScanBudgetLimits): ScanBudget {
  const tabs = new Map<number, { tab: Spent; frames: Map<string, Spent> }>();
  return {
    take(tabId, frameKey, chars, now) {
      let entry = tabs.get(tabId);
      if (!entry) {
        entry = { tab: { entries: [], total: 0 }, frames: new Map() };
        tabs.set(tabId, entry);
      }
      let frame = entry.frames.get(frameKey);
      if (!frame) {
        frame = { entries: [], total: 0 };
        entry.frames.set(frameKey, frame);
      }
      const since = now - limits.windowMs;
      if (spentWithin(frame, since) + chars > limits.frameChars) return false;
      if (spentWithin(entry.tab, since) + chars > limits.tabChars) return false;
      frame.entries.push([now, chars]);
      frame.total += chars;
      entry.tab.entries.push([now, chars]);
      entry.tab.total += chars;
      return true;
    },
    forgetTab(tabId) {
      tabs.delete(tabId);
    },
  };
}
