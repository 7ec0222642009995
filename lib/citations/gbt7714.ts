/**
 * GB/T 7714-2015 (信息与文献 参考文献著录规则).
 * - The speech: no speaker is named, so 主要责任者 is 佚名; it was
 *   delivered at a meeting and is not published, so its type code is [Z]
 *   (其他未说明的文献类型); the place inside the work (引文页码 position, ": ")
 *   is the section and paragraph, since the speech has no pages.
 * - The page where the quote was seen: an electronic resource, [EB/OL], with
 *   the citing date in brackets and the access path; its author
 *   is unknown too, hence 佚名; no update date is known, so the (更新或修改日期)
 *   element is left out.
 * Punctuation follows the standard's descriptive symbols: ". " between
 * elements, ": " before the location.
 */
import { isoDate } from './dates';
import { locationZh } from './location';
import { type CitationSource, quoted } from './source';
import type { SeenAt } from './types';

export function gbtSpeechEntry(src: CitationSource): string {
  const where = src.location ? `: ${locationZh(src.location)}` : '';
  return `佚名. ${src.title}[Z]. ${src.year}${where}.`;
}

export function gbtWebEntry(seen: SeenAt): string {
  return `佚名. ${seen.title}[EB/OL]. [${isoDate(seen.accessed)}]. ${seen.url}.`;
}

/** The speech as the reference; the page, when known, as where it was quoted from (转引自). */
export function formatGbt7714(src: CitationSource): string {
  const lines = [`${quoted(src.quote)}`, '', gbtSpeechEntry(src)];
  if (src.seenAt) lines.push(`转引自：${gbtWebEntry(src.seenAt)}`);
  return lines.join('\n');
}

/**
 * The page as the reference ([EB/OL]), followed by the speech it quotes (原文).
 * Without a page there is no electronic resource to cite: the speech entry alone.
 */
export function formatGbt7714Web(src: CitationSource): string {
  if (!src.seenAt) return formatGbt7714(src);
  return [`${quoted(src.quote)}`, '', gbtWebEntry(src.seenAt), `原文：${gbtSpeechEntry(src)}`].join('\n');
}
