/**
 * The matcher, run for content scripts: they send windows of a page's text
 * (scan-text) and get the matches back. Built once per worker on first use,
 * so a page pays neither the index build nor the scan on its own thread.
 */
import { createSpeechMatcher, type Matcher, type ScanOptions } from '../../lib/match';
import type { ScanReply } from '../../lib/messages';
import { libraryIndexService } from '../../platform-library/background';

let matcher: Matcher | undefined;

/**
 * The matches of every enabled document of the library (each naming its
 * document). The first scan of a worker waits for the library's index to
 * load; later ones use the index there is, even while a new one is built.
 */
export async function scanForContent(text: string, options: ScanOptions): Promise<ScanReply> {
  let initMs = 0;
  if (!matcher) {
    const t0 = performance.now();
    matcher = createSpeechMatcher();
    await libraryIndexService().ready();
    initMs = performance.now() - t0;
  }
  const t1 = performance.now();
  const library = libraryIndexService().current();
  const matches = library ? library.matcher.scan(text, options) : matcher.scan(text, options);
  return { matches, ms: performance.now() - t1, initMs };
}
