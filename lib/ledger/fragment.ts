/**
 * Text fragment links (`#:~:text=start,end`) that reopen a page at a quote,
 * in browsers that support them; others open the page at its top.
 */

/** Percent-encodes a fragment term, including the characters the syntax reserves (`-`, `,`, `&`). */
function encodeTerm(s: string): string {
  return encodeURIComponent(s).replace(/-/g, '%2D').replace(/,/g, '%2C').replace(/&/g, '%26');
}

/** Short quotes are given whole; longer ones by their first and last few characters. */
const WHOLE_UP_TO = 24;
const EDGE = 8;

export function textFragmentLink(url: string, quote: string): string {
  const base = withoutHash(url);
  const text = quote.replace(/\s+/g, ' ').trim();
  if (text === '') return base;
  const chars = [...text];
  const directive =
    chars.length <= WHOLE_UP_TO
      ? encodeTerm(text)
      : `${encodeTerm(chars.slice(0, EDGE).join(''))},${encodeTerm(chars.slice(-EDGE).join(''))}`;
  return `${base}#:~:text=${directive}`;
}

export function withoutHash(url: string): string {
  const i = url.indexOf('#');
  return i < 0 ? url : url.slice(0, i);
}
