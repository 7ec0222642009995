/**
 * The page's author as a citation names it: `<meta name="author">`, else an
 * article:author that is a name (not a profile URL), else a byline marked up
 * as one (itemprop="author", rel="author"). Reads the document; changes nothing.
 */
import { MAX_AUTHOR_LENGTH } from '../limits';

function clean(text: string | null | undefined): string | null {
  const name = (text ?? '').replace(/\s+/g, ' ').trim();
  // Longer than the limit is not a name but a sentence the page put there.
  if (name === '' || name.length > MAX_AUTHOR_LENGTH || /^[a-z][a-z+.-]*:\/\//i.test(name)) return null;
  return name;
}

export function pageAuthor(doc: Document): string | null {
  const metas = [...doc.querySelectorAll<HTMLMetaElement>('meta[name], meta[property]')];
  // Attribute names of <meta> are matched without regard to case, as browsers do for name="Author".
  const meta = (attr: 'name' | 'property', value: string) =>
    clean(metas.find((m) => m.getAttribute(attr)?.toLowerCase() === value)?.content);
  const byline = doc.querySelector('[itemprop="author"]');
  return (
    meta('name', 'author') ??
    meta('property', 'article:author') ??
    clean(byline?.getAttribute('content')) ??
    clean(byline?.querySelector('[itemprop="name"]')?.textContent) ??
    clean(byline?.textContent) ??
    clean(doc.querySelector('a[rel~="author"]')?.textContent)
  );
}
