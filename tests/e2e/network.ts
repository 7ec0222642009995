/**
 * Opt-in check that the extension makes no network request: page text never
 * leaves the browser. Any e2e file can call `watchExtensionNetwork(session)`
 * right after launching and `assertNoExtensionRequests()` at the end.
 *
 * Three kinds of extension context can request something, and each is seen
 * differently:
 * - the service worker: Playwright reports its requests with `serviceWorker()`;
 * - extension pages (popup, reader, options): their frame URL is chrome-extension://;
 * - content scripts: their requests look like the page's own, so a CDP session
 *   on every page reads each request's initiator stack, which names the
 *   content script's chrome-extension:// file.
 * A request from any of them is allowed only to chrome-extension:, data: or
 * blob: URLs (the extension's own files), never to http(s) or anything else.
 */
import type { BrowserContext, CDPSession, Page, Request } from 'playwright-core';

export interface ExtensionRequest {
  url: string;
  /** Which extension context made it, e.g. 'service worker', 'extension page …', 'content script …'. */
  from: string;
}

export interface NetworkWatch {
  /** Every request an extension context made to a non-extension URL, so far. */
  offending(): ExtensionRequest[];
  /** Number of requests seen from extension contexts in total (allowed ones included). */
  extensionRequestCount(): number;
  /** Throws, listing them, when any extension context requested a non-extension URL. */
  assertNoExtensionRequests(): void;
  /** Watches a page's content-script requests now (pages opened later are attached on their own, asynchronously). */
  attach(page: Page): Promise<void>;
  stop(): Promise<void>;
}

const ALLOWED = /^(chrome-extension|moz-extension|data|blob):/;
const EXTENSION_URL = /^(chrome|moz)-extension:\/\//;

interface Initiator {
  url?: string;
  stack?: StackTrace;
}
interface StackTrace {
  callFrames: { url: string }[];
  parent?: StackTrace;
}

/** The chrome-extension:// script in an initiator (its URL or any frame of its async stack), if any. */
export function extensionScriptIn(initiator: Initiator | undefined): string | null {
  if (!initiator) return null;
  if (initiator.url && EXTENSION_URL.test(initiator.url)) return initiator.url;
  for (let stack = initiator.stack; stack; stack = stack.parent) {
    const frame = stack.callFrames.find((f) => EXTENSION_URL.test(f.url));
    if (frame) return frame.url;
  }
  return null;
}

/** Classifies a Playwright request: the extension context that made it, or null for a page's own request. */
function extensionContextOf(request: Request): string | null {
  const worker = request.serviceWorker();
  if (worker) return EXTENSION_URL.test(worker.url()) ? `service worker ${worker.url()}` : null;
  let frameUrl = '';
  try {
    frameUrl = request.frame().url();
  } catch {
    return 'a context without a frame'; // not a page and not a known worker: count it, do not guess
  }
  return EXTENSION_URL.test(frameUrl) ? `extension page ${frameUrl}` : null;
}

export function watchExtensionNetwork(context: BrowserContext): NetworkWatch {
  const bad: ExtensionRequest[] = [];
  let seen = 0;
  const sessions: CDPSession[] = [];
  const attached = new WeakMap<Page, Promise<void>>();

  const record = (url: string, from: string) => {
    seen += 1;
    if (!ALLOWED.test(url)) bad.push({ url, from });
  };

  const onRequest = (request: Request) => {
    const from = extensionContextOf(request);
    if (from) record(request.url(), from);
  };

  const watchPage = (page: Page): Promise<void> => {
    let done = attached.get(page);
    if (!done) {
      done = attachCdp(page);
      attached.set(page, done);
    }
    return done;
  };

  const attachCdp = async (page: Page) => {
    try {
      const cdp = await page.context().newCDPSession(page);
      sessions.push(cdp);
      cdp.on('Network.requestWillBeSent', (event: { request: { url: string }; initiator?: Initiator }) => {
        if (EXTENSION_URL.test(page.url())) return; // an extension page: onRequest already counts it
        const script = extensionScriptIn(event.initiator);
        if (script) record(event.request.url, `content script ${script}`);
      });
      await cdp.send('Network.enable');
    } catch {
      // The page closed before the session attached: it can no longer request anything.
    }
  };

  context.on('request', onRequest);
  context.on('page', (page) => void watchPage(page));
  for (const page of context.pages()) void watchPage(page);

  return {
    attach: watchPage,
    offending: () => [...bad],
    extensionRequestCount: () => seen,
    assertNoExtensionRequests() {
      if (bad.length > 0)
        throw new Error(
          `The extension made ${bad.length} network request(s):\n${bad.map((r) => `  ${r.url} (from ${r.from})`).join('\n')}`,
        );
    },
    async stop() {
      context.off('request', onRequest);
      await Promise.all(sessions.map((s) => s.detach().catch(() => undefined)));
    },
  };
}
