/**
 * Chicago Manual of Style, notes and bibliography.
 * - An unpublished speech: “Title” (speech, Meeting, Year) in the note;
 *   “Title.” Speech, Meeting, Year. in the bibliography. With no speaker the title leads.
 * - A non-English title keeps its script with a translation in brackets, in
 *   sentence case.
 * - The locator: pt. 2, “Heading,” para. 4.
 * - Quoted from another source (CMOS 14.260): the note adds "quoted in" that
 *   source, and the bibliography cites the speech "Quoted in" it; an undated
 *   web page gets its access date. The page: Author, “Title,” Site; a page
 *   without a title is described, [Web page].
 * The output is the quote, the note (without its number: the word processor
 * numbers notes) and the bibliography entry.
 */
import { assemble } from './assemble';
import { longDate } from './dates';
import { UNTITLED_PAGE, withPeriod } from './english';
import { englishLocator } from './location';
import { type CitationSource, type CitedPage, nestQuotes, quoted } from './source';

function translated(src: CitationSource): string {
  return src.titleEn ? ` [${src.titleEn.sentenceCase}]` : '';
}

/** In a note: Author, “Title,” Site, accessed November 28, 2026, URL */
function pageInNote(page: CitedPage): string {
  const author = page.author ? `${page.author}, ` : '';
  // American punctuation: the comma after a title sits inside its quotation marks.
  const title = page.title ? `“${nestQuotes(page.title)},” ` : `${UNTITLED_PAGE}, `;
  const site = page.site ? `${page.site}, ` : '';
  return `${author}${title}${site}accessed ${longDate(page.accessed)}, ${page.url}`;
}

/** In the bibliography: Author. “Title.” Site. Accessed November 28, 2026. URL. */
function pageInBibliography(page: CitedPage): string {
  const parts = [
    page.author ? withPeriod(page.author) : null,
    page.title ? `“${nestQuotes(withPeriod(page.title))}”` : `${UNTITLED_PAGE}.`,
    page.site ? withPeriod(page.site) : null,
    `Accessed ${longDate(page.accessed)}.`,
    `${page.url}.`,
  ];
  return parts.filter((p) => p !== null).join(' ');
}

function note(src: CitationSource): string {
  let text = `${src.author ? `${src.author}, ` : ''}“${src.title}”${translated(src)} (speech, ${src.occasion}, ${src.year ?? 'n.d.'})`;
  if (src.location) text += `, ${englishLocator(src.location, ['para.', 'paras.'])}`;
  if (src.seenAt) text += `, quoted in ${pageInNote(src.seenAt)}`;
  return `${text}.`;
}

function bibliography(src: CitationSource): string {
  const speech = src.titleEn
    ? `“${src.title}”${translated(src)}. Speech, ${src.occasion}, ${src.year ?? 'n.d.'}.`
    : `“${withPeriod(src.title)}” Speech, ${src.occasion}, ${src.year ?? 'n.d.'}.`;
  const byAuthor = src.author ? `${withPeriod(src.author)} ${speech}` : speech;
  return src.seenAt ? `${byAuthor} Quoted in ${pageInBibliography(src.seenAt)}` : byAuthor;
}

export function formatChicago(srcs: CitationSource[]): string {
  return assemble(
    srcs.map((s) => `${quoted(s.quote)}\n\n${note(s)}`),
    srcs.map(bibliography),
  );
}
