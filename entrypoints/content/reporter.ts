/**
 * Sends the frame's report to the background until it is acknowledged, at
 * most one message in flight: while one is on its way, later reports replace
 * each other and only the newest goes next. A report the background did not
 * acknowledge (the worker stopped before it stored it, the message port
 * closed) is sent again after a backoff, unless a newer one replaced it; the
 * retries end when the extension's runtime is gone (reloaded, removed).
 *
 * The last report stays at hand: the background asks for it when it has lost
 * a tab's state (resend-report).
 */

import { type FrameReport, isReportAck } from '../../lib/messages';
import { retryDelayMs } from './backoff';

export interface ReportTransport {
  /** Sends a frame-report message; resolves with the reply. */
  send(report: FrameReport): Promise<unknown>;
  /** False once the extension's runtime is gone: nothing can be delivered any more. */
  alive(): boolean;
  wait(ms: number): Promise<void>;
}

export interface Reporter {
  /** Reports the frame's current state (replacing any earlier report not yet delivered). */
  send(report: FrameReport): void;
  /** The newest report given to send(), or null before the first. */
  last(): FrameReport | null;
}

export function createReporter(transport: ReportTransport): Reporter {
  let sending = false;
  let pending: FrameReport | null = null;
  let latest: FrameReport | null = null;

  const deliver = async (first: FrameReport): Promise<void> => {
    sending = true;
    let report: FrameReport | null = first;
    let attempt = 0;
    while (report) {
      let acked = false;
      try {
        acked = isReportAck(await transport.send(report));
      } catch {
        // not delivered: retried below
      }
      if (!acked && transport.alive()) await transport.wait(retryDelayMs(attempt++));
      if (pending) {
        report = pending;
        pending = null;
        attempt = 0;
      } else if (acked || !transport.alive()) report = null;
    }
    sending = false;
  };

  return {
    send(report) {
      latest = report;
      if (sending) pending = report;
      else void deliver(report);
    },
    last: () => latest,
  };
}
