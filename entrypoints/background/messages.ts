/**
 * The background's message boundary: every message is validated by
 * parseMessage() and checked against its sender before anything is stored or
 * answered. What the browser says of the sender is trusted, what the message
 * says of itself is not:
 * - frame-report and scan-text must come from one of our content scripts: a
 *   tab, a frame id, an http(s) frame URL. The report's url must have the
 *   sender's origin (else the sender's URL stands); the top frame's title is
 *   the tab's. A report from a document the frame has
 *   already navigated away from (`documentId`, where the browser gives it) is
 *   dropped. A report is acknowledged once stored (or dropped for good).
 * - get-tab-results must come from one of our extension pages.
 * - frame-site answers a content script with its tab's top host.
 */
import { browser } from 'wxt/browser';
import { MAX_TITLE_LENGTH } from '../../lib/limits';
import {
  type FrameReport,
  type FrameSite,
  type LedgerReply,
  parseMessage,
  type ReportAck,
  type ScanReply,
  type TabResults,
} from '../../lib/messages';
import { answerLedgerQuery, recordInLedger } from './ledger';
import { forgetScanBudget, scanForContent } from './scan';
import { collectFrameReports } from './tab-rebuild';
import { getTabResults, recordFrameReport } from './tab-results';

export interface Sender {
  id?: string;
  url?: string;
  tab?: { id?: number; title?: string; url?: string; incognito?: boolean };
  frameId?: number;
  /** Chrome 106+: the frame's document; a new page in the same frame gets a new one. */
  documentId?: string;
}

type Reply = TabResults | ScanReply | ReportAck | FrameSite | LedgerReply;

function fromOurExtension(sender: Sender): boolean {
  return sender.id === browser.runtime.id;
}

function fromExtensionPage(sender: Sender): boolean {
  return fromOurExtension(sender) && !!sender.url && sender.url.startsWith(browser.runtime.getURL('/'));
}

/** A content script of ours in a web page's frame: its tab, frame id and page URL, as the browser states them. */
function contentSender(sender: Sender): { tabId: number; frameId: number; url: string } | null {
  const tabId = sender.tab?.id;
  const { frameId, url } = sender;
  if (!fromOurExtension(sender) || tabId === undefined || tabId < 0) return null;
  if (frameId === undefined || !Number.isSafeInteger(frameId) || frameId < 0) return null;
  if (!url || !/^https?:\/\//.test(url)) return null;
  return { tabId, frameId, url };
}

/** The tab's URL and title, for a tab no frame reported from; nothing when the tab is gone. */
export async function tabInfo(tabId: number): Promise<{ url?: string; title?: string }> {
  try {
    const tab = await browser.tabs.get(tabId);
    return { url: tab.url, title: tab.title };
  } catch {
    return {};
  }
}

function hostOf(url: string | undefined): string {
  try {
    return url ? new URL(url).hostname : '';
  } catch {
    return '';
  }
}

function originOf(url: string): string | null {
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
}

/**
 * The report as the browser vouches for it. Its URL: the page's own only when it has the sender's origin (a
 * single-page app's route, set by the History API, which the browser's sender URL may not follow yet; a
 * document can only move within its own origin), else the sender's. Its title, in the top frame: the tab's.
 */
function vouched(report: FrameReport, sender: Sender, frameId: number, senderUrl: string): FrameReport {
  const url = originOf(report.url) === originOf(senderUrl) ? report.url : senderUrl;
  const title = frameId === 0 ? (sender.tab?.title ?? report.title) : report.title;
  return { ...report, url, title: title.slice(0, MAX_TITLE_LENGTH) };
}

/**
 * Handles one message; returns the reply (a promise) for messages that get
 * one, undefined for the others, which are left to other listeners.
 */
export function handleMessage(raw: unknown, sender: Sender): Promise<Reply> | undefined {
  const message = parseMessage(raw);
  if (!message) return undefined;
  switch (message.type) {
    case 'frame-report': {
      const from = contentSender(sender);
      if (!from) return undefined;
      const report = vouched(message.report, sender, from.frameId, from.url);
      // Acknowledged once stored (and recorded in the ledger), or dropped for good: a report the worker stopped
      // before storing is sent again.
      return recordFrameReport(from.tabId, from.frameId, report, { documentId: sender.documentId })
        .then(() => recordInLedger(report, sender).catch(logLedgerFailure))
        .then((): ReportAck => ({ ok: true }));
    }
    case 'scan-text': {
      const from = contentSender(sender);
      if (!from) return undefined;
      const frameKey = sender.documentId ?? String(from.frameId);
      return scanForContent(message.text, message.options, { tabId: from.tabId, frameKey });
    }
    case 'frame-site': {
      if (!contentSender(sender)) return undefined;
      return Promise.resolve({ host: hostOf(sender.tab?.url) });
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
  browser.tabs.onRemoved.addListener((tabId) => forgetScanBudget(tabId));
  browser.runtime.onMessage.addListener((raw: unknown, sender: Sender, sendResponse: (r: unknown) => void) => {
    const reply = handleMessage(raw, sender);
    if (!reply) return undefined;
    reply.then(sendResponse, () => sendResponse(null));
    return true; // the answer comes asynchronously
  });
}
