/**
 * The background's message boundary: every message is validated by
 * parseMessage() and checked against its sender before anything is stored or
 * answered. frame-report must come from one of our content scripts (it has a
 * tab), and is acknowledged once stored; get-tab-results from one of our
 * extension pages.
 */
import { browser } from 'wxt/browser';
import { type LedgerReply, parseMessage, type ReportAck, type ScanReply, type TabResults } from '../../lib/messages';
import { answerLedgerQuery, recordInLedger } from './ledger';
import { scanForContent } from './scan';
import { collectFrameReports } from './tab-rebuild';
import { getTabResults, recordFrameReport } from './tab-results';

interface Sender {
  id?: string;
  url?: string;
  tab?: { id?: number; incognito?: boolean; url?: string };
  frameId?: number;
}

function fromOurExtension(sender: Sender): boolean {
  return sender.id === browser.runtime.id;
}

function fromExtensionPage(sender: Sender): boolean {
  return fromOurExtension(sender) && !!sender.url && sender.url.startsWith(browser.runtime.getURL('/'));
}

async function tabInfo(tabId: number): Promise<{ url?: string; title?: string }> {
  try {
    const tab = await browser.tabs.get(tabId);
    return { url: tab.url, title: tab.title };
  } catch {
    return {};
  }
}

/**
 * Handles one message; returns the reply (a promise) for messages that get
 * one, undefined for the others, which are left to other listeners.
 */
export function handleMessage(
  raw: unknown,
  sender: Sender,
): Promise<TabResults | ScanReply | ReportAck | LedgerReply> | undefined {
  const message = parseMessage(raw);
  if (!message) return undefined;
  switch (message.type) {
    case 'frame-report': {
      const tabId = sender.tab?.id;
      if (!fromOurExtension(sender) || tabId === undefined || tabId < 0) return undefined;
      // Acknowledged once stored: a report the worker stopped before storing is sent again.
      const { report } = message;
      return recordFrameReport(tabId, sender.frameId ?? 0, report)
        .then(() => recordInLedger(report, sender).catch(logLedgerFailure))
        .then((): ReportAck => ({ ok: true }));
    }
    case 'scan-text': {
      if (!fromOurExtension(sender) || sender.tab?.id === undefined) return undefined;
      return Promise.resolve(scanForContent(message.text, message.options));
    }
    case 'get-tab-results': {
      if (!fromExtensionPage(sender)) return undefined;
      const { tabId } = message;
      return tabInfo(tabId).then(({ url, title }) => getTabResults(tabId, url, title, collectFrameReports));
    }
    case 'get-ledger': {
      if (!fromExtensionPage(sender)) return undefined;
      return answerLedgerQuery(message.query);
    }
    default:
      return undefined;
  }
}

function logLedgerFailure(error: unknown): null {
  console.warn(
    `Yuanwen: could not record the page in the ledger: ${error instanceof Error ? error.message : String(error)}`,
  );
  return null;
}

export function registerMessages(): void {
  browser.runtime.onMessage.addListener((raw: unknown, sender: Sender, sendResponse: (r: unknown) => void) => {
    const reply = handleMessage(raw, sender);
    if (!reply) return undefined;
    reply.then(sendResponse, () => sendResponse(null));
    return true; // the answer comes asynchronously
  });
}
