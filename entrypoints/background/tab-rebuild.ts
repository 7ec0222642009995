/**
 * Asks each frame of a tab for its current report (resend-report), for a
 * tab whose state the background lost. Frames without a Yuanwen listener (no
 * Chinese, still loading) fail at once; a frame that does not answer within
 * ANSWER_MS is left out.
 */
import { browser } from 'wxt/browser';
import { type FrameReport, type Message, parseFrameReport } from '../../lib/messages';

const ANSWER_MS = 2000;

function within<T>(promise: Promise<T>, ms: number): Promise<T | null> {
  return Promise.race([promise, new Promise<null>((ok) => setTimeout(() => ok(null), ms))]);
}

export async function collectFrameReports(tabId: number): Promise<{ frameId: number; report: FrameReport }[]> {
  const frames = (await browser.webNavigation.getAllFrames({ tabId })) ?? [];
  const message: Message = { type: 'resend-report' };
  const answers = await Promise.all(
    frames.map(async ({ frameId }) => {
      try {
        const report = parseFrameReport(await within(browser.tabs.sendMessage(tabId, message, { frameId }), ANSWER_MS));
        return report ? { frameId, report } : null;
      } catch {
        return null; // no content script listening in that frame
      }
    }),
  );
  return answers.filter((a): a is { frameId: number; report: FrameReport } => a !== null);
}
