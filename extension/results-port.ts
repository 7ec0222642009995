/**
 * A tab's results, pushed to the popup: the popup opens a runtime port named
 * for the tab, and the background posts that tab's TabResults at once and
 * again after every change, until the popup closes. Both ends live here, so
 * the port's name and payload are defined once.
 *
 * Only the extension's own pages may connect (a content script could
 * otherwise read every tab's results). When the background stops (an MV3
 * worker idles out), the port closes and the popup connects again: the new
 * worker answers with what it stored or rebuilds from the page.
 */
import { browser } from 'wxt/browser';
import type { TabResults } from '../lib/messages';

const PREFIX = 'yuanwen-tab-results:';
/** Wait before connecting again after the port closed (a stopped worker, an extension reload). */
const RECONNECT_MS = 1000;

export function resultsPortName(tabId: number): string {
  return `${PREFIX}${tabId}`;
}

/** The tab a port name asks for; null for any other port. */
export function tabOfPortName(name: string): number | null {
  if (!name.startsWith(PREFIX)) return null;
  const id = name.slice(PREFIX.length);
  return /^\d{1,10}$/.test(id) ? Number(id) : null;
}

/**
 * The popup's end: calls back with each TabResults the background posts for
 * `tabId` (unchecked: the caller validates it); returns the function that
 * closes the port.
 */
export function watchTabResults(tabId: number, callback: (raw: unknown) => void): () => void {
  let closed = false;
  let port: ReturnType<typeof browser.runtime.connect> | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const connect = () => {
    if (closed) return;
    try {
      port = browser.runtime.connect({ name: resultsPortName(tabId) });
    } catch {
      timer = setTimeout(connect, RECONNECT_MS); // the extension is being reloaded
      return;
    }
    port.onMessage.addListener((raw: unknown) => callback(raw));
    port.onDisconnect.addListener(() => {
      port = null;
      if (!closed) timer = setTimeout(connect, RECONNECT_MS);
    });
  };
  connect();
  return () => {
    closed = true;
    clearTimeout(timer);
    port?.disconnect();
  };
}

interface Sender {
  id?: string;
  url?: string;
}

export interface ResultsSource {
  /** The tab's results as the popup shows them. */
  resultsOf(tabId: number): Promise<TabResults>;
  /** Calls back with the id of every tab whose results changed; returns the unsubscribe function. */
  onChange(listener: (tabId: number) => void): () => void;
}

/** The background's end: serves every results port an extension page opens. */
export function serveTabResults(source: ResultsSource): void {
  const pageOrigin = browser.runtime.getURL('/');
  browser.runtime.onConnect.addListener((port) => {
    const tabId = tabOfPortName(port.name);
    if (tabId === null) return;
    const sender = port.sender as Sender | undefined;
    if (sender?.id !== browser.runtime.id || !sender.url?.startsWith(pageOrigin)) {
      port.disconnect();
      return;
    }
    let open = true;
    // Posts run one after another, so an older snapshot never arrives after a newer one.
    let last: Promise<void> = Promise.resolve();
    const post = () => {
      last = last.then(async () => {
        const results = await source.resultsOf(tabId).catch(() => null);
        if (!open) return;
        try {
          port.postMessage(results);
        } catch {
          open = false; // closed meanwhile
        }
      });
    };
    const stop = source.onChange((changed) => {
      if (changed === tabId) post();
    });
    port.onDisconnect.addListener(() => {
      open = false;
      stop();
    });
    post();
  });
}
