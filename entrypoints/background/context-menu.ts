/**
 * The context menu 「在原文中查找」 / "Find in the reference texts" on selected text:
 * opens the lookup page next to the tab with the selection as its query
 * (handed over in session storage, see extension/lookup-handoff.ts).
 * Registered from the background's main(); the menu's title follows the UI
 * language setting.
 */
import { browser } from 'wxt/browser';
import { storeLookupText } from '../../extension/lookup-handoff';
import { readSettings, watchSettings } from '../../extension/settings';
import { resolveLanguage } from '../../lib/i18n';
import { optionsStrings } from '../../lib/i18n/options';
import { LOOKUP_PAGE, lookupTokenHash } from '../../lib/page-links';
import type { Settings } from '../../lib/settings/types';

export const LOOKUP_MENU_ID = 'yuanwen-find-in-speech';

function menuTitle(settings: Settings): string {
  return optionsStrings(resolveLanguage(settings.language, globalThis.navigator?.language)).menuFindInLibrary;
}

async function createMenu(): Promise<void> {
  const { settings } = await readSettings();
  // Menus persist across service-worker restarts in Chrome: remove first so a restart never duplicates the id.
  await browser.contextMenus.removeAll();
  browser.contextMenus.create({ id: LOOKUP_MENU_ID, title: menuTitle(settings), contexts: ['selection'] }, () => {
    void browser.runtime.lastError; // read it so Chrome does not log "Unchecked runtime.lastError"
  });
}

/** Opens the lookup page for `text` right after the tab it came from; the text goes by token, not in the URL. */
export async function openLookup(text: string, from?: { id?: number; index?: number }): Promise<void> {
  const url = browser.runtime.getURL(LOOKUP_PAGE) + lookupTokenHash(await storeLookupText(text));
  await browser.tabs.create({
    url,
    ...(from?.index !== undefined ? { index: from.index + 1 } : {}),
    ...(from?.id !== undefined && from.id >= 0 ? { openerTabId: from.id } : {}),
  });
}

export function registerLookupMenu(): void {
  void createMenu().catch((error) => console.error('[yuanwen] context menu', error));
  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (info.menuItemId !== LOOKUP_MENU_ID || !info.selectionText?.trim()) return;
    void openLookup(info.selectionText, tab).catch((error) => console.error('[yuanwen] lookup', error));
  });
  watchSettings(({ settings }) => {
    void Promise.resolve(browser.contextMenus.update(LOOKUP_MENU_ID, { title: menuTitle(settings) })).catch(() => {});
  });
}
