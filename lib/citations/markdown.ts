/**
 * A Markdown blockquote with its source on an attribution line, for notes
 * apps and chat. Not a style guide's format: the words follow options.lang.
 */

import type { Lang } from '../i18n';
import { isoDate } from './dates';
import { locationEn, locationZh } from './location';
import type { CitationSource, CitedPage } from './source';

export function formatMarkdown(src: CitationSource, lang: Lang): string {
  let source: string;
  if (lang === 'zh') {
    const author = src.author ? `${escapeMarkdown(src.author)}：` : '';
    source = `——${author}《${escapeMarkdown(src.title)}》${src.year === null ? '' : `（${src.year}）`}`;
    if (src.location) source += `，${escapeMarkdown(locationZh(src.location))}`;
    if (src.seenAt) {
      source += `；见于${link(pageName(src.seenAt, '网页'), src.seenAt.url)}，${isoDate(src.seenAt.accessed)} 访问`;
    }
  } else {
    const author = src.author ? `${escapeMarkdown(src.author)}, ` : '';
    source = `— ${author}*${escapeMarkdown(src.title)}*${src.year === null ? '' : ` (${src.year})`}`;
    if (src.location) source += `, ${escapeMarkdown(locationEn(src.location))}`;
    if (src.seenAt) {
      source += `; quoted in ${link(pageName(src.seenAt, 'a web page'), src.seenAt.url)}, accessed ${isoDate(src.seenAt.accessed)}`;
    }
  }
  return `> ${escapeMarkdown(src.quote)}\n>\n> ${source}`;
}

/** The page's title, else its site, else a description: never its URL twice. */
export function pageName(page: CitedPage, description: string): string {
  return page.title ?? page.site ?? description;
}

/** Characters that would turn page text into Markdown syntax. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_[\]<>#|]/g, (c) => `\\${c}`);
}

function link(title: string, url: string): string {
  // Parentheses and spaces would end the link destination early.
  const destination = url.replace(/[()\s]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
  return `[${escapeMarkdown(title)}](${destination})`;
}
