/**
 * APA 7.
 * - No author: the title moves to the author position, before the date; the
 *   title of a standalone work (the speech, a web page) is in italics there and
 *   in the in-text citation (kept in rich text; see formatCitationHtml).
 * - A talk at a meeting: Title [Description]. (Year). Conference Name.;
 *   a non-English title keeps its script and adds an English translation in
 *   brackets, in sentence case.
 * - No page numbers: the locator is the section heading and paragraph
 *   number: (Title, 2023, Part 2, “Heading” section, para. 4).
 * - Seen in another work: the in-text citation says "as cited in" that
 *   work, and only that work goes in the reference list: a web page is
 *   "Author. (n.d.). Title. Site. Retrieved Month Day, Year, from URL" (the
 *   retrieval date because a news page can change; the site left out when it
 *   is the author; no author: the title leads; no title: [Web page]), with no
 *   period after the URL.
 */
import { assemble } from './assemble';
import { longDate } from './dates';
import { UNTITLED_PAGE, withPeriod } from './english';
import { englishSections, paragraphLocator } from './location';
import { type CitationSource, type CitedPage, italic, quoted } from './source';

function pageTitle(page: CitedPage): string {
  return page.title ? italic(page.title) : UNTITLED_PAGE;
}

function inText(src: CitationSource): string {
  const parts = [italic(src.title), src.year === null ? 'n.d.' : String(src.year)];
  if (src.location) {
    parts.push(
      englishSections(
        src.location,
        (i) => `Part ${i}, `,
        (h) => `“${h}” section`,
      ),
      paragraphLocator(src.location, 'para.', 'paras.'),
    );
  }
  if (src.seenAt) parts.push(`as cited in ${src.seenAt.author ?? pageTitle(src.seenAt)}, n.d.`);
  return `${quoted(src.quote)} (${parts.join(', ')})`;
}

function pageReference(page: CitedPage): string {
  const site = page.site && page.site !== page.author ? `${withPeriod(page.site)} ` : '';
  const lead = page.author
    ? `${withPeriod(page.author)} (n.d.). ${withPeriod(pageTitle(page))}`
    : `${withPeriod(pageTitle(page))} (n.d.).`;
  return `${lead} ${site}Retrieved ${longDate(page.accessed)}, from ${page.url}`;
}

function reference(src: CitationSource): string {
  if (src.seenAt) return pageReference(src.seenAt);
  const translated = src.titleEn ? ` [${src.titleEn.sentenceCase}]` : '';
  const speech = `${italic(src.title)}${translated} [Speech]`;
  // A named speaker leads; without one APA puts the title in the author's place.
  const year = src.year ?? 'n.d.';
  if (src.author) return `${withPeriod(src.author)} (${year}). ${speech}. ${withPeriod(src.occasion)}`;
  return `${speech}. (${year}). ${withPeriod(src.occasion)}`;
}

export function formatApa(srcs: CitationSource[]): string {
  return assemble([srcs.map(inText).join('\n')], srcs.map(reference));
}
