/**
 * The one answer to "can Yuanwen scan this page?", from its URL alone: the
 * browsers refuse their own pages, the extension stores, other extensions'
 * pages and the PDF viewer, so no content script runs there. The popup says
 * why; the background neither waits for nor asks such a tab's frames.
 */

export type UnscannableUrlReason =
  | 'browser-page'
  | 'pdf-viewer'
  | 'web-store'
  | 'extension-page'
  /** One of Yuanwen's own pages (the reader, lookup, settings): the speech itself, nothing to check. */
  | 'own-page'
  | 'local-file';
/** Why the popup cannot show matches: the URL, the content script never answering, or the page's content. */
export type CannotScanReason = UnscannableUrlReason | 'no-answer' | 'unreadable';

export type PageSupport = { scannable: true } | { scannable: false; reason: UnscannableUrlReason };

const STORE_HOSTS = ['chromewebstore.google.com', 'microsoftedge.microsoft.com', 'addons.mozilla.org'];
// Chrome's built-in PDF viewer is an extension page of this id.
const PDF_VIEWER_ID = 'mhjfbmdgcfjbbpaeojofohoefgiehjai';

/**
 * Whether a content script can run on a URL at all. The browsers refuse
 * their own pages, the extension stores, other extensions' pages and the PDF
 * viewer; a PDF served over http shows the tab's URL but renders in the viewer.
 */
export function pageSupport(url: string, ownOrigin?: string): PageSupport {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { scannable: false, reason: 'browser-page' };
  }
  const scheme = parsed.protocol;
  if (scheme === 'chrome-extension:' || scheme === 'moz-extension:' || scheme === 'extension:') {
    if (ownOrigin && sameExtension(parsed, ownOrigin)) return { scannable: false, reason: 'own-page' };
    return { scannable: false, reason: parsed.host === PDF_VIEWER_ID ? 'pdf-viewer' : 'extension-page' };
  }
  if (scheme === 'file:') return { scannable: false, reason: 'local-file' };
  if (scheme !== 'http:' && scheme !== 'https:') return { scannable: false, reason: 'browser-page' };
  const host = parsed.hostname;
  if (STORE_HOSTS.includes(host) || (host === 'chrome.google.com' && parsed.pathname.startsWith('/webstore'))) {
    return { scannable: false, reason: 'web-store' };
  }
  if (/\.pdf$/i.test(parsed.pathname)) return { scannable: false, reason: 'pdf-viewer' };
  return { scannable: true };
}

/** Whether an extension URL belongs to the extension at `origin` (URL.origin is "null" for these schemes). */
function sameExtension(url: URL, origin: string): boolean {
  try {
    const own = new URL(origin);
    return url.protocol === own.protocol && url.host === own.host;
  } catch {
    return false;
  }
}
