/**
 * Sends the frame's report to the background, at most one message in flight:
 * while one is on its way, later reports replace each other and only the
 * newest goes next. Failures (the background restarting, the extension being
 * reloaded) are swallowed: the next report carries the full state again.
 */
import { browser } from 'wxt/browser';
import type { FrameReport, Message } from '../../lib/messages';

export type Reporter = (report: FrameReport) => void;

export function createReporter(): Reporter {
  let sending = false;
  let pending: FrameReport | null = null;
  const send = async (report: FrameReport): Promise<void> => {
    sending = true;
    try {
      const message: Message = { type: 'frame-report', report };
      await browser.runtime.sendMessage(message);
    } catch {
      // see above
    }
    sending = false;
    const next = pending;
    pending = null;
    if (next) void send(next);
  };
  return (report) => {
    if (sending) pending = report;
    else void send(report);
  };
}
