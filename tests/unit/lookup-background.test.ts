/**
 * The background's lookup and keyboard modules against fakeBrowser: the
 * context menu (title in the UI language, opens the lookup page with the
 * selection handed over in session storage), and the toggle-highlights
 * command. The link codec is tested in page-links.test.ts.
 * fakeBrowser has no contextMenus/tabs.sendMessage, so those calls are spied.
 */

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { LOOKUP_MENU_ID, openLookup, registerLookupMenu } from '../../entrypoints/background/context-menu';
import { handleCommand, TOGGLE_HIGHLIGHTS_COMMAND } from '../../entrypoints/background/keyboard-commands';
import { storeLookupText, takeLookupText } from '../../extension/lookup-handoff';
import { updateSettings } from '../../extension/settings';
import { MAX_SELECTION } from '../../lib/lookup';
import { lookupTokenKey, parseLookupLink } from '../../lib/page-links';

beforeEach(() => {
  fakeBrowser.reset();
  vi.stubGlobal('navigator', { language: 'en-US' });
});
afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

/** The token in a lookup URL, or a failure naming the URL. */
function tokenOf(url: string): string {
  const link = parseLookupLink(new URL(url).hash);
  if (link.kind !== 'token') throw new Error(`no lookup token in ${url}`);
  return link.token;
}

describe('the lookup hand-off', () => {
  it('stores the text under a fresh token, and the page takes it once', async () => {
    const a = await storeLookupText('  保护好生态环境 ');
    const b = await storeLookupText('保护好生态环境');
    expect(a).not.toBe(b);
    expect(await takeLookupText(a)).toBe('保护好生态环境');
    expect(await takeLookupText(a)).toBe('');
    expect(await fakeBrowser.storage.session.get(lookupTokenKey(a))).toEqual({});
    expect(await takeLookupText(b)).toBe('保护好生态环境');
  });
  it('caps the stored text, and reads an unknown token or a foreign value as nothing', async () => {
    expect(await takeLookupText(await storeLookupText('字'.repeat(MAX_SELECTION + 50)))).toHaveLength(MAX_SELECTION);
    expect(await takeLookupText(crypto.randomUUID())).toBe('');
    const token = crypto.randomUUID();
    await fakeBrowser.storage.session.set({ [lookupTokenKey(token)]: { not: 'text' } });
    expect(await takeLookupText(token)).toBe('');
  });
});

describe('openLookup', () => {
  it('opens lookup.html next to its tab with a token, never the text, in the URL', async () => {
    const create = vi.spyOn(fakeBrowser.tabs, 'create');
    await openLookup('保护好生态环境', { id: 7, index: 2 });
    const props = create.mock.calls[0]?.[0];
    expect(props).toMatchObject({ index: 3, openerTabId: 7 });
    const url = props?.url ?? '';
    expect(url.startsWith(`${fakeBrowser.runtime.getURL('/lookup.html')}#t=`)).toBe(true);
    expect(url).not.toContain(encodeURIComponent('保护'));
    expect(await takeLookupText(tokenOf(url))).toBe('保护好生态环境');
  });
});

describe('the context menu', () => {
  function stubMenus() {
    const created: { id?: string | number; title?: string; contexts?: string[] }[] = [];
    const titles: string[] = [];
    let clicked:
      | ((info: { menuItemId: string | number; selectionText?: string }, tab?: { id?: number; index?: number }) => void)
      | undefined;
    vi.spyOn(fakeBrowser.contextMenus, 'removeAll').mockImplementation(async () => {
      created.length = 0;
    });
    vi.spyOn(fakeBrowser.contextMenus, 'create').mockImplementation((props) => {
      created.push(props as (typeof created)[number]);
      return props.id ?? 0;
    });
    vi.spyOn(fakeBrowser.contextMenus, 'update').mockImplementation(async (_id, props) => {
      if (props.title) titles.push(props.title);
    });
    vi.spyOn(fakeBrowser.contextMenus.onClicked, 'addListener').mockImplementation((cb) => {
      clicked = cb as typeof clicked;
    });
    return { created, titles, click: (...args: Parameters<NonNullable<typeof clicked>>) => clicked?.(...args) };
  }

  it('adds 「在原文中查找」 on selections in Chinese, and follows the language setting', async () => {
    await updateSettings({ language: 'zh' });
    const menus = stubMenus();
    registerLookupMenu();
    await vi.waitFor(() => expect(menus.created).toHaveLength(1));
    expect(menus.created[0]).toEqual({ id: LOOKUP_MENU_ID, title: '在原文中查找', contexts: ['selection'] });
    await updateSettings({ language: 'en' });
    await vi.waitFor(() => expect(menus.titles).toContain('Find in the reference texts'));
  });

  it('opens the lookup page for a click with a selection, and ignores anything else', async () => {
    const menus = stubMenus();
    const create = vi.spyOn(fakeBrowser.tabs, 'create');
    registerLookupMenu();
    menus.click({ menuItemId: 'other', selectionText: 'x' });
    menus.click({ menuItemId: LOOKUP_MENU_ID, selectionText: '   ' });
    menus.click({ menuItemId: LOOKUP_MENU_ID, selectionText: '蓝天、碧水、净土保卫战' }, { id: 3, index: 0 });
    await vi.waitFor(() => expect(create).toHaveBeenCalledTimes(1));
    expect(await takeLookupText(tokenOf(create.mock.calls[0]?.[0].url ?? ''))).toBe('蓝天、碧水、净土保卫战');
  });
});

describe('keyboard command toggle-highlights', () => {
  it('sends the toggle to the tab the command came from', async () => {
    const send = vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockResolvedValue({ ok: true });
    expect(await handleCommand(TOGGLE_HIGHLIGHTS_COMMAND, { id: 12 })).toBe(true);
    expect(send).toHaveBeenCalledWith(12, { type: 'toggle-highlights' });
  });

  it('falls back to the active tab of the current window', async () => {
    // fakeBrowser cannot activate a tab, so the query is answered here.
    const query = vi
      .spyOn(fakeBrowser.tabs, 'query')
      .mockResolvedValue([
        { id: 21, index: 0, windowId: 0, active: true } as Awaited<ReturnType<typeof fakeBrowser.tabs.query>>[number],
      ]);
    const send = vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockResolvedValue({ ok: true });
    expect(await handleCommand(TOGGLE_HIGHLIGHTS_COMMAND)).toBe(true);
    expect(query).toHaveBeenCalledWith({ active: true, currentWindow: true });
    expect(send).toHaveBeenCalledWith(21, { type: 'toggle-highlights' });
  });

  it('does nothing without a tab', async () => {
    vi.spyOn(fakeBrowser.tabs, 'query').mockResolvedValue([]);
    const send = vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockResolvedValue({ ok: true });
    expect(await handleCommand(TOGGLE_HIGHLIGHTS_COMMAND)).toBe(false);
    expect(send).not.toHaveBeenCalled();
  });

  it('reports false, without throwing, on a page with no content script', async () => {
    vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockRejectedValue(new Error('Receiving end does not exist.'));
    expect(await handleCommand(TOGGLE_HIGHLIGHTS_COMMAND, { id: 4 })).toBe(false);
  });

  it('ignores other commands', async () => {
    const send = vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockResolvedValue({ ok: true });
    expect(await handleCommand('_execute_action', { id: 4 })).toBe(false);
    expect(send).not.toHaveBeenCalled();
  });
});
