/**
 * MLA 9.
 * - No author: the entry begins with the title, the title
 *   of a speech in quotation marks, a translation in brackets after it.
 * - A speech: “Title.” Event, Date. Speech. (the descriptor last).
 * - In-text: the (shortened) title in quotation marks and the locator with
 *   MLA's abbreviations: pt. for part, par. for paragraph.
 * - Seen in another source: "qtd. in" that source in the parenthesis, and that
 *   source in Works Cited: “Page Title.” URL without http(s)://. Accessed
 *   28 Nov. 2026. (months longer than four letters abbreviated).
 */
import { mlaDate } from './dates';
import { withPeriod } from './english';
import { englishSections, paragraphLocator } from './location';
import { type CitationSource, nestQuotes, quoted } from './source';

export function formatMla(src: CitationSource): string {
  let paren = `“${src.title}”`;
  if (src.location) {
    const sections = englishSections(
      src.location,
      (i) => `pt. ${i}, `,
      (h) => `“${h},”`,
    );
    // American punctuation: the comma after a title sits inside its quotation marks.
    paren = `“${src.title},” ${sections}${sections.endsWith('”') ? ' ' : ', '}${paragraphLocator(src.location, 'par.', 'pars.')}`;
  }
  if (src.seenAt) paren += `; qtd. in ${quoted(src.seenAt.title)}`;
  const inText = `${quoted(src.quote)} (${paren}).`;
  const entry = src.seenAt
    ? `“${nestQuotes(withPeriod(src.seenAt.title))}” ${withoutProtocol(src.seenAt.url)}. Accessed ${mlaDate(src.seenAt.accessed)}.`
    : `${quotedTitle(src)} ${src.occasion}, ${src.year}. Speech.`;
  return `${inText}\n\n${entry}`;
}

/** “Title” [Translation]. or “Title.” */
function quotedTitle(src: CitationSource): string {
  return src.titleEn ? `“${src.title}” [${src.titleEn}].` : `“${withPeriod(src.title)}”`;
}

/** MLA 9 recommends leaving out http:// and https://. */
function withoutProtocol(url: string): string {
  return url.replace(/^https?:\/\//, '');
}
