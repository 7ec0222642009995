/** The browser's clipboard in e2e tests. */
import type { ExtensionSession } from '../../scripts/browser';

/**
 * The browser's clipboard, read from a page on the loopback server: Chromium
 * cannot grant clipboard-read to an extension origin, and the clipboard is the
 * same for every page.
 */
export async function readClipboard(session: ExtensionSession): Promise<string>;
export async function readClipboard(session: ExtensionSession, type: 'text/html'): Promise<string | null>;
export async function readClipboard(session: ExtensionSession, type?: 'text/html'): Promise<string | null> {
  session.server.route('/clipboard.html', '<!doctype html><title>clipboard</title>');
  await session.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: session.server.baseUrl });
  const reader = await session.context.newPage();
  try {
    await reader.goto(`${session.server.baseUrl}/clipboard.html`);
    await reader.bringToFront();
    if (!type) return await reader.evaluate(() => navigator.clipboard.readText());
    return await reader.evaluate(async (t) => {
      const [item] = await navigator.clipboard.read();
      return item?.types.includes(t) ? await (await item.getType(t)).text() : null;
    }, type);
  } finally {
    await reader.close();
  }
}
