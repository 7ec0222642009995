/**
 * MLA 9.
 * - No author: the entry begins with the title, the title
 *   of a speech in quotation marks, a translation in brackets after it, in title case.
 * - A speech: “Title.” Event, Date. Speech. (the descriptor last).
 * - In-text: the title in quotation marks and the locator with
 *   MLA's abbreviations: pt. for part, par. for paragraph.
 * - Seen in another source: "qtd. in" that source in the parenthesis, and that
 *   source in Works Cited: Author. “Page Title.” *Site*, URL without
 *   http(s)://. Accessed 28 Nov. 2026. (months longer than four letters
 *   abbreviated). A page without a title is cited as its website (*Site*), or
 *   described (Web page) when the site is not known either.
 */
import { assemble } from './assemble';
import { mlaDate } from './dates';
import { withPeriod } from './english';
import { englishLocator } from './location';
import { type CitationSource, type CitedPage, italic, nestQuotes, quoted } from './source';

/** How the page is named: its title in quotation marks, else its site in italics, else a description. */
function pageName(page: CitedPage): string {
  if (page.title) return quoted(page.title);
  return page.site ? italic(page.site) : 'Web page';
}

function inText(src: CitationSource): string {
  let paren = `“${src.title}”`;
  // American punctuation: the comma after a title sits inside its quotation marks.
  if (src.location) paren = `“${src.title},” ${englishLocator(src.location, ['par.', 'pars.'])}`;
  if (src.seenAt) paren += `; qtd. in ${src.seenAt.author ?? pageName(src.seenAt)}`;
  return `${quoted(src.quote)} (${paren}).`;
}

function pageEntry(page: CitedPage): string {
  const author = page.author ? `${withPeriod(page.author)} ` : '';
  const where = `${withoutProtocol(page.url)}. Accessed ${mlaDate(page.accessed)}.`;
  if (!page.title) return `${author}${page.site ? `${italic(page.site)},` : 'Web page.'} ${where}`;
  const title = `“${nestQuotes(withPeriod(page.title))}”`;
  return `${author}${title} ${page.site ? `${italic(page.site)}, ` : ''}${where}`;
}

function entry(src: CitationSource): string {
  if (src.seenAt) return pageEntry(src.seenAt);
  const title = src.titleEn ? `“${src.title}” [${src.titleEn.titleCase}].` : `“${withPeriod(src.title)}”`;
  const author = src.author ? `${withPeriod(src.author)} ` : '';
  // MLA leaves an unknown date out.
  const dated = src.year === null ? '' : `, ${src.year}`;
  return `${author}${title} ${src.occasion}${dated}. Speech.`;
}

export function formatMla(srcs: CitationSource[]): string {
  return assemble([srcs.map(inText).join('\n')], srcs.map(entry));
}

/** MLA 9 recommends leaving out http:// and https://. */
function withoutProtocol(url: string): string {
  return url.replace(/^https?:\/\//, '');
}
