/**
 * The content script's own isolated world in a page's top frame, reached over
 * CDP (Chromium only), so a test can count what the content script sends
 * without a test hook in the shipped build.
 *
 * `countMessages` wraps `chrome.runtime.sendMessage` there (the content script
 * looks it up at each call) and counts the messages it sends by type, and the
 * characters of page text it hands to the matcher (`scan-text`): a full pass
 * over a frame sends all of its text once, so that sum over the frame's text
 * length is the number of full passes.
 */
import type { CDPSession, Page } from 'playwright-core';

export interface SentCounts {
  /** Messages by type since the counter was installed. */
  byType: Record<string, number>;
  /** Characters of text sent in scan-text messages. */
  scanChars: number;
}

export interface ContentWorld {
  /** Starts counting (again from zero). */
  countMessages(): Promise<void>;
  counts(): Promise<SentCounts>;
  close(): Promise<void>;
}

interface ExecutionContext {
  id: number;
  origin: string;
  name: string;
  auxData?: { frameId?: string; isDefault?: boolean; type?: string };
}

const INSTALL = `(() => {
  const counts = { byType: {}, scanChars: 0 };
  globalThis.__ywSent = counts;
  const runtime = chrome.runtime;
  if (!runtime.__ywOriginalSend) runtime.__ywOriginalSend = runtime.sendMessage;
  const send = runtime.__ywOriginalSend;
  runtime.sendMessage = function (...args) {
    const m = args[0];
    const type = m && typeof m.type === 'string' ? m.type : '?';
    counts.byType[type] = (counts.byType[type] || 0) + 1;
    if (type === 'scan-text' && typeof m.text === 'string') counts.scanChars += m.text.length;
    return send.apply(this, args);
  };
})()`;

/** Finds the content script's world in the page's top frame (waits for it to exist). */
export async function openContentWorld(page: Page, extensionId: string, timeoutMs = 10_000): Promise<ContentWorld> {
  const cdp: CDPSession = await page.context().newCDPSession(page);
  const contexts: ExecutionContext[] = [];
  cdp.on('Runtime.executionContextCreated', (e: { context: ExecutionContext }) => contexts.push(e.context));
  const { frameTree } = (await cdp.send('Page.getFrameTree')) as { frameTree: { frame: { id: string } } };
  await cdp.send('Runtime.enable'); // reports every existing context
  const origin = `chrome-extension://${extensionId}`;
  const deadline = Date.now() + timeoutMs;
  let context: ExecutionContext | undefined;
  for (;;) {
    context = contexts
      .filter((c) => c.origin === origin && c.auxData?.frameId === frameTree.frame.id && !c.auxData?.isDefault)
      .at(-1);
    if (context) break;
    if (Date.now() > deadline) {
      await cdp.detach();
      throw new Error(`no isolated world of ${origin} in the page: ${JSON.stringify(contexts.map((c) => c.origin))}`);
    }
    await new Promise((ok) => setTimeout(ok, 100));
  }
  const contextId = context.id;
  const evaluate = async <T>(expression: string): Promise<T> => {
    const r = (await cdp.send('Runtime.evaluate', { expression, contextId, returnByValue: true })) as {
      result: { value: T };
      exceptionDetails?: { text: string; exception?: { description?: string } };
    };
    if (r.exceptionDetails)
      throw new Error(
        `in the content script's world: ${r.exceptionDetails.exception?.description ?? r.exceptionDetails.text}`,
      );
    return r.result.value;
  };
  return {
    countMessages: () => evaluate<void>(INSTALL),
    counts: () => evaluate<SentCounts>('globalThis.__ywSent'),
    close: () => cdp.detach(),
  };
}
