/**
 * The background lost a tab's state (its worker restarted and storage had
 * no room for it, or dropped it for other tabs): it asks each frame for its
 * report again (resend-report), and the frame answers with the last report
 * it made (null before its first). Returns the function that stops answering.
 */
import { browser } from 'wxt/browser';
import { parseContentMessage } from '../../lib/content-checks';
import type { FrameReport } from '../../lib/messages';
import type { Reporter } from './reporter';

export function answerResendRequests(reporter: Reporter): () => void {
  // Null before the first report: the frame still answers, so the background knows a script runs here.
  const onMessage = (raw: unknown, _sender: unknown, sendResponse: (r: FrameReport | null) => void): undefined => {
    if (parseContentMessage(raw)?.type !== 'resend-report') return;
    sendResponse(reporter.last());
  };
  browser.runtime.onMessage.addListener(onMessage);
  return () => {
    try {
      browser.runtime.onMessage.removeListener(onMessage);
    } catch {
      // the runtime is already gone
    }
  };
}
