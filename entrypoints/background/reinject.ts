/**
 * After the extension is installed, updated or reloaded, the content scripts
 * already running in open tabs are cut off from it (Chrome does not let an
 * orphaned content script reach the new extension), and the browser injects
 * the new ones only into pages loaded from then on. So the new background
 * injects its content script (and its stylesheet) into every open web tab
 * that has no live Yuanwen content script: the pages regain their
 * highlights and badges without a reload.
 *
 * A tab is skipped when one of its frames answers resend-report (a content
 * script of this extension already runs there), when it is discarded (it
 * loads afresh when shown), and where the browser refuses (a page the
 * extension may not script); those failures are logged.
 */
import { browser } from 'wxt/browser';
import type { Message } from '../../lib/messages';

async function hasLiveContentScript(tabId: number): Promise<boolean> {
  const message: Message = { type: 'resend-report' };
  try {
    return (await browser.tabs.sendMessage(tabId, message, { frameId: 0 })) !== undefined;
  } catch {
    return false;
  }
}

/** Injects the manifest's content script into one tab's frames. */
async function inject(tabId: number): Promise<void> {
  for (const entry of browser.runtime.getManifest().content_scripts ?? []) {
    const target = { tabId, allFrames: entry.all_frames ?? false };
    if (entry.css?.length) await browser.scripting.insertCSS({ target, files: entry.css });
    // The manifest names the built files: they are the extension's public paths.
    if (entry.js?.length) await browser.scripting.executeScript({ target, files: entry.js as never[] });
  }
}

export async function injectIntoOpenTabs(): Promise<void> {
  const tabs = await browser.tabs.query({ url: ['http://*/*', 'https://*/*'] });
  for (const tab of tabs) {
    if (tab.id === undefined || tab.discarded) continue;
    if (await hasLiveContentScript(tab.id)) continue;
    try {
      await inject(tab.id);
    } catch (error) {
      console.warn(`Yuanwen: could not start in tab ${tab.id}: ${error instanceof Error ? error.message : error}`);
    }
  }
}

export function registerReinjection(): void {
  browser.runtime.onInstalled.addListener(({ reason }) => {
    if (reason === 'install' || reason === 'update') void injectIntoOpenTabs();
  });
}
