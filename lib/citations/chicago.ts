/**
 * Chicago Manual of Style, notes and bibliography.
 * - An unpublished speech: “Title” (speech, Meeting, Year) in the note;
 *   “Title.” Speech, Meeting, Year. in the bibliography. With no speaker the title leads.
 * - A non-English title keeps its script with a translation in brackets.
 * - The locator: pt. 2, “Heading,” para. 4.
 * - Quoted from another source: the note adds "quoted in" that
 *   source; an undated web page gets its access date.
 * The output is the quote, the note (without its number: the word processor
 * numbers notes) and the bibliography entry.
 */
import { longDate } from './dates';
import { withPeriod } from './english';
import { englishSections, paragraphLocator } from './location';
import { type CitationSource, nestQuotes, quoted } from './source';

export function formatChicago(src: CitationSource): string {
  const translated = src.titleEn ? ` [${src.titleEn}]` : '';
  let note = `“${src.title}”${translated} (speech, ${src.occasion}, ${src.year})`;
  if (src.location) {
    const sections = englishSections(
      src.location,
      (i) => `pt. ${i}, `,
      (h) => `“${h},”`,
    );
    note += `, ${sections}${sections.endsWith('”') ? ' ' : ', '}${paragraphLocator(src.location, 'para.', 'paras.')}`;
  }
  let bibliography: string;
  if (src.seenAt) {
    const accessed = longDate(src.seenAt.accessed);
    note += `, quoted in “${nestQuotes(src.seenAt.title)},” accessed ${accessed}, ${src.seenAt.url}`;
    bibliography = `“${nestQuotes(withPeriod(src.seenAt.title))}” Accessed ${accessed}. ${src.seenAt.url}.`;
  } else {
    bibliography = src.titleEn
      ? `“${src.title}” [${src.titleEn}]. Speech, ${src.occasion}, ${src.year}.`
      : `“${withPeriod(src.title)}” Speech, ${src.occasion}, ${src.year}.`;
  }
  return `${quoted(src.quote)}\n\n${note}.\n\n${bibliography}`;
}
