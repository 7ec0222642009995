/**
 * The matcher, run for content scripts: they send windows of a page's text
 * (scan-text) and get the matches back. Built once per worker on first use,
 * so a page pays neither the index build nor the scan on its own thread.
 */
import { createSpeechMatcher, type Matcher, type ScanOptions } from '../../lib/match';
import type { ScanReply } from '../../lib/messages';

let matcher: Matcher | undefined;

export function scanForContent(text: string, options: ScanOptions): ScanReply {
  let initMs = 0;
  if (!matcher) {
    const t0 = performance.now();
    matcher = createSpeechMatcher();
    initMs = performance.now() - t0;
  }
  const t1 = performance.now();
  const matches = matcher.scan(text, options);
  return { matches, ms: performance.now() - t1, initMs };
}
