/**
 * APA 7.
 * - No author: the title moves to the author position, before the date; the
 *   title of a standalone work (the speech, a web page) is in italics there and
 *   in the in-text citation (kept in rich text; see formatCitationHtml).
 * - A talk at a meeting: Title [Description]. (Year). Conference Name.;
 *   a non-English title keeps its script and adds an English translation in
 *   brackets.
 * - No page numbers: the locator is the section heading and paragraph
 *   number: (Title, 2023, Part 2, “Heading” section, para. 4).
 * - Seen in another work: the in-text citation says "as cited in" that
 *   work, and only that work goes in the reference list: a web page with no
 *   author and no date is "Title. (n.d.). Retrieved Month Day, Year, from URL"
 *   (the retrieval date because a news page can change), with no period after
 *   the URL.
 */
import { longDate } from './dates';
import { withPeriod } from './english';
import { englishSections, paragraphLocator } from './location';
import { type CitationSource, italic, quoted } from './source';

export function formatApa(src: CitationSource): string {
  // A work with no author is cited by its title, in italics for a standalone work.
  const parts = [italic(src.title), String(src.year)];
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
  if (src.seenAt) parts.push(`as cited in ${italic(src.seenAt.title)}, n.d.`);
  const inText = `${quoted(src.quote)} (${parts.join(', ')})`;
  const reference = src.seenAt
    ? `${withPeriod(italic(src.seenAt.title))} (n.d.). Retrieved ${longDate(src.seenAt.accessed)}, from ${src.seenAt.url}`
    : `${italic(src.title)}${src.titleEn ? ` [${src.titleEn}]` : ''} [Speech]. (${src.year}). ${withPeriod(src.occasion)}`;
  return `${inText}\n\n${reference}`;
}
