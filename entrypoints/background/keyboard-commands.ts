/**
 * Keyboard commands (manifest `commands`): `toggle-highlights` tells the
 * current tab's content scripts to hide or show their highlights.
 * `_execute_action` (open the popup) is handled by the browser itself.
 */
import { browser } from 'wxt/browser';
import type { Message } from '../../lib/messages';

export const TOGGLE_HIGHLIGHTS_COMMAND = 'toggle-highlights';

/** Sends the toggle to `tabId` (all its frames); false when the page has no content script (chrome://, store pages). */
export async function toggleHighlightsIn(tabId: number): Promise<boolean> {
  const message: Message = { type: 'toggle-highlights' };
  try {
    await browser.tabs.sendMessage(tabId, message);
    return true;
  } catch {
    return false;
  }
}

export async function handleCommand(command: string, tab?: { id?: number }): Promise<boolean> {
  if (command !== TOGGLE_HIGHLIGHTS_COMMAND) return false;
  const tabId = tab?.id ?? (await browser.tabs.query({ active: true, currentWindow: true }))[0]?.id;
  if (tabId === undefined || tabId < 0) return false;
  return toggleHighlightsIn(tabId);
}

export function registerKeyboardCommands(): void {
  browser.commands.onCommand.addListener((command, tab) => {
    void handleCommand(command, tab);
  });
}
