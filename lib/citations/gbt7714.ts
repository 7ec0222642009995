/**
 * GB/T 7714 (信息与文献 参考文献著录规则), the 2025 edition (in force since
 * 2026-07-01, the default) and the 2015 edition it replaced (kept for journals
 * that still ask for it).
 * - The speech: no speaker is named, so 主要责任者 is 佚名; it was delivered
 *   at a meeting and is not published, and neither edition has a code for a
 *   speech, so its type is [Z]; place and publisher are unknown and the entry
 *   says so, [出版地不详]: [出版者不详] (2015 requires it, 2025 allows it);
 *   the 引文页码 position holds the section and paragraph, since the speech
 *   has no pages.
 * - The page where the quote was seen: a web page, [EB/OL], with the citing
 *   date in brackets and the access path. Its 主要责任者 is its byline, else
 *   the site that published it, else 佚名; a page without a title gets a
 *   supplied one in brackets, [网页]. The (创建或修改日期) element is there
 *   when the page states its date.
 * - The standard has no "quoted in" (转引) rule: what was read is cited as
 *   itself. A quote seen on a page lists both entries, the page as [EB/OL] and
 *   the speech as [Z] (the popup shows the speech's own text); the -web forms
 *   put the page first.
 * Punctuation: 2015 uses half-width ". ", ": ", ", "; 2025 keeps ". " and "[ ]"
 * half-width and writes "，：（）" full-width, as its examples do.
 */

import { assemble } from './assemble';
import { isoDate } from './dates';
import { locationZh } from './location';
import { type CitationSource, type CitedPage, quoted } from './source';

export type GbtEdition = 2015 | 2025;

const MARKS: Record<GbtEdition, { colon: string; comma: string; open: string; close: string }> = {
  2015: { colon: ': ', comma: ', ', open: '(', close: ')' },
  2025: { colon: '：', comma: '，', open: '（', close: '）' },
};

/** The speech as a [Z] entry; `withLocation` puts the section and paragraph in the 引文页码 position. */
export function gbtSpeechEntry(src: CitationSource, edition: GbtEdition, withLocation = true): string {
  const { colon, comma } = MARKS[edition];
  const where = withLocation && src.location ? `${colon}${locationZh(src.location)}` : '';
  return `${src.author ?? '佚名'}. ${src.title}[Z]. [出版地不详]${colon}[出版者不详]${src.year === null ? '' : `${comma}${src.year}`}${where}.`;
}

export function gbtWebEntry(page: CitedPage, edition: GbtEdition): string {
  const { open, close } = MARKS[edition];
  const responsible = page.author ?? page.site ?? '佚名';
  const dated = page.published ? `${open}${isoDate(page.published)}${close}` : '';
  return `${responsible}. ${page.title ?? '[网页]'}[EB/OL]. ${dated}[${isoDate(page.accessed)}]. ${page.url}.`;
}

function references(src: CitationSource, edition: GbtEdition, pageFirst: boolean, withLocation: boolean): string[] {
  const speech = gbtSpeechEntry(src, edition, withLocation);
  if (!src.seenAt) return [speech];
  const page = gbtWebEntry(src.seenAt, edition);
  return pageFirst ? [page, speech] : [speech, page];
}

/** One quote: the quote, then the entries (the speech's with its section and paragraph). */
export function formatGbt7714(src: CitationSource, edition: GbtEdition, pageFirst: boolean): string {
  return assemble([quoted(src.quote)], references(src, edition, pageFirst, true));
}

/** Several quotes: each with its section and paragraph, then each entry once. */
export function formatGbt7714Many(srcs: CitationSource[], edition: GbtEdition, pageFirst: boolean): string {
  const { open, close } = MARKS[edition];
  const cites = srcs.map((s) => `${quoted(s.quote)}${s.location ? `${open}${locationZh(s.location)}${close}` : ''}`);
  return assemble(
    [cites.join('\n')],
    srcs.flatMap((s) => references(s, edition, pageFirst, false)),
  );
}
