import { toUnicode } from 'punycode/punycode.es6.js';

/**
 * Hostnames as stored in the paused-sites list. Users type them by hand or
 * paste a URL, so both are accepted and reduced to the lower-case hostname.
 */

const HOST_RE =
  /^(?=.{1,253}$)(?:[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9])?)(?:\.[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9])?)*$/;
const IPV6_RE = /^\[[0-9a-f:.]+\]$/;

/** The hostname in `input` (a hostname or a URL), lower case, without port or trailing dot; null if none. */
export function normaliseHostname(input: string): string | null {
  let s = input.trim().toLowerCase();
  if (s === '') return null;
  if (/^[a-z][a-z0-9+.-]*:\/\//.test(s)) {
    try {
      s = new URL(s).hostname;
    } catch {
      return null;
    }
  } else {
    s = s.replace(/[/?#].*$/, ''); // "example.com/path" → "example.com"
    if (!s.startsWith('[')) s = s.replace(/:\d+$/, '');
  }
  s = s.replace(/\.$/, '');
  // Punycode-encode internationalised names the way the browser reports location.hostname.
  if (/[^ -~]/.test(s)) {
    try {
      s = new URL(`http://${s}`).hostname;
    } catch {
      return null;
    }
  }
  return HOST_RE.test(s) || IPV6_RE.test(s) ? s : null;
}

/**
 * A stored hostname as people read it: an internationalised name in its own
 * script (xn--fiqs8s.cn → 中国.cn). Stored names stay in the browser's ASCII
 * form, the form location.hostname has, so pausing compares like with like.
 */
export function displayHostname(host: string): string {
  try {
    return toUnicode(host) || host;
  } catch {
    return host;
  }
}
