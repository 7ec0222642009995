/** Plain text: the quote and its source on one line, to paste anywhere. Words follow options.lang. */

import type { Lang } from '../i18n';
import { isoDate } from './dates';
import { locationEn, locationZh } from './location';
import { type CitationSource, quoted } from './source';

export function formatPlain(src: CitationSource, lang: Lang): string {
  if (lang === 'zh') {
    let text = `${quoted(src.quote)}——《${src.title}》（${src.year}）`;
    if (src.location) text += `，${locationZh(src.location)}`;
    text += '。';
    if (src.seenAt)
      text += `转引自《${src.seenAt.title}》（${src.seenAt.url}），${isoDate(src.seenAt.accessed)} 访问。`;
    return text;
  }
  let text = `${quoted(src.quote)} — ${src.title} (${src.year})`;
  if (src.location) text += `, ${locationEn(src.location)}`;
  text += '.';
  if (src.seenAt)
    text += ` Quoted in: ${src.seenAt.title}, ${src.seenAt.url}, accessed ${isoDate(src.seenAt.accessed)}.`;
  return text;
}
