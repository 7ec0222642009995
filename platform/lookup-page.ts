/**
 * Where a selection lookup is shown: lookup.html with the text in the hash
 * (`#q=…`). The hash never leaves the browser, and a hand-edited one is just
 * another query.
 */
import { MAX_SELECTION } from '../lib/lookup';

export const LOOKUP_PAGE = '/lookup.html';

export function lookupHash(text: string): string {
  return `#q=${encodeURIComponent(text.trim().slice(0, MAX_SELECTION))}`;
}

/** The query in a lookup hash; '' when there is none or it is malformed. */
export function parseLookupHash(hash: string): string {
  const m = /^#q=(.*)$/s.exec(hash);
  if (!m) return '';
  try {
    return decodeURIComponent(m[1] ?? '').slice(0, MAX_SELECTION);
  } catch {
    return '';
  }
}
