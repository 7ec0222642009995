/**
 * The selection of a lookup, handed from the background to the lookup page
 * through session storage under a random token, so the text never appears
 * in a tab URL. The page takes the entry once and deletes it; anything left
 * behind goes when the browser session ends.
 */
import { browser } from 'wxt/browser';
import { lookupText, lookupTokenKey } from '../lib/page-links';

/** Stores `text` (trimmed, capped) and returns the token that names it. */
export async function storeLookupText(text: string): Promise<string> {
  const token = crypto.randomUUID();
  await browser.storage.session.set({ [lookupTokenKey(token)]: lookupText(text) });
  return token;
}

/** The text stored under `token`, removed as it is read; '' when there is none (already taken, or expired). */
export async function takeLookupText(token: string): Promise<string> {
  const key = lookupTokenKey(token);
  try {
    const stored = await browser.storage.session.get(key);
    await browser.storage.session.remove(key);
    const value = stored[key];
    return typeof value === 'string' ? lookupText(value) : '';
  } catch {
    return ''; // session storage unavailable: an empty search box, nothing lost that the reader cannot retype
  }
}
