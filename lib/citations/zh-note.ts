/**
 * A Chinese footnote in the style of 综合性期刊文献引证技术规范, the note
 * style Chinese humanities journals use, which has a rule GB/T 7714 lacks:
 * a work read through another is cited "转引自" that other work, e.g.
 * 章太炎：《在长沙晨光学校演说》，1925年；转引自汤志钧：《章太炎年谱长编》下册，北京：中华书局，1979年，第823页。
 * - The speech: no speaker is named, so the note begins with the title in
 *   《》 (a library document's author leads when known, 作者：); then the year
 *   (left out when unknown) and the place in the speech (its part, whole heading and paragraph).
 * - Seen on a page: “；转引自” the page: author：《title》，site，URL，access date 访问。
 *   A page without a title is named by its site, else described (网页).
 * The output is the quote and the note; several quotes (copy all) each get their note.
 */
import { assemble } from './assemble';
import { locationZh } from './location';
import { type CitationSource, type CitedPage, quoted } from './source';

function zhDate(d: Date): string {
  return `${d.getFullYear()}年${d.getMonth() + 1}月${d.getDate()}日`;
}

function page(seen: CitedPage): string {
  const author = seen.author ? `${seen.author}：` : '';
  const title = seen.title ? `《${seen.title}》，` : '';
  const site = seen.site ? `${seen.site}，` : seen.title ? '' : '网页，';
  return `${author}${title}${site}${seen.url}，${zhDate(seen.accessed)}访问`;
}

function note(src: CitationSource): string {
  const where = src.location ? `，${locationZh(src.location)}` : '';
  const via = src.seenAt ? `；转引自${page(src.seenAt)}` : '';
  const author = src.author ? `${src.author}：` : '';
  const year = src.year === null ? '' : `，${src.year}年`;
  return `${quoted(src.quote)}\n\n${author}《${src.title}》${year}${where}${via}。`;
}

export function formatZhNote(srcs: CitationSource[]): string {
  return assemble(srcs.map(note), []);
}
