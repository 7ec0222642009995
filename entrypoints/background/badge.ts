/** The toolbar badge: a tab's match count, or nothing. */
import { browser } from 'wxt/browser';

const COLOUR = '#b4481c';

/** The text for `count` matches: the number, '999+' beyond, '' for none. */
export function badgeText(count: number): string {
  if (count <= 0) return '';
  return count > 999 ? '999+' : String(count);
}

export async function showCount(tabId: number, count: number): Promise<void> {
  try {
    await browser.action.setBadgeBackgroundColor({ tabId, color: COLOUR });
    await browser.action.setBadgeText({ tabId, text: badgeText(count) });
  } catch {
    // The tab closed meanwhile.
  }
}

export async function clearBadge(tabId: number): Promise<void> {
  try {
    await browser.action.setBadgeText({ tabId, text: '' });
  } catch {
    // The tab closed meanwhile.
  }
}
