/**
 * The matcher, run for content scripts: they send windows of a page's text
 * (scan-text) and get the matches back. Built once per worker on first use,
 * so a page pays neither the index build nor the scan on its own thread.
 * Each frame and tab has a budget of text it may have scanned per minute
 * (lib/limits.ts): past it, the reply says `limited` and scans nothing.
 */

import { libraryIndexService } from '../../extension/library/background';
import { SPEECH_DOCUMENT_ID } from '../../lib/library/types';
import { MAX_FRAME_SCAN_CHARS, MAX_TAB_SCAN_CHARS, SCAN_BUDGET_WINDOW_MS } from '../../lib/limits';
import { createSpeechMatcher, type Matcher, type ScanOptions } from '../../lib/match';
import type { ScanReply } from '../../lib/messages';
import { createScanBudget } from '../../lib/scan-budget';

let matcher: Matcher | undefined;

const budget = createScanBudget({
  frameChars: MAX_FRAME_SCAN_CHARS,
  tabChars: MAX_TAB_SCAN_CHARS,
  windowMs: SCAN_BUDGET_WINDOW_MS,
});

/**
 * The matches of every enabled document of the library (each naming its document). The first scan of a
 * worker waits for the library's index to load; later ones use the index there is, even while a new one is
 * built. `frameKey`: the frame's document (its documentId where the browser gives one, else its frame id).
 */
export async function scanForContent(
  text: string,
  options: ScanOptions,
  from: { tabId: number; frameKey: string } = { tabId: -1, frameKey: '' },
  now = Date.now(),
): Promise<ScanReply> {
  if (!budget.take(from.tabId, from.frameKey, text.length, now))
    return { matches: [], ms: 0, initMs: 0, limited: true };
  let initMs = 0;
  if (!matcher) {
    const t0 = performance.now();
    matcher = createSpeechMatcher();
    await libraryIndexService().ready();
    initMs = performance.now() - t0;
  }
  const t1 = performance.now();
  const library = libraryIndexService().current();
  // Without a library index (it failed to load) the speech's matches still name their document.
  const matches = library
    ? library.matcher.scan(text, options)
    : matcher.scan(text, options).map((m) => ({ ...m, documentId: SPEECH_DOCUMENT_ID, alsoIn: [] }));
  return { matches, ms: performance.now() - t1, initMs };
}

export function forgetScanBudget(tabId: number): void {
  budget.forgetTab(tabId);
}
