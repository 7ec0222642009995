/** Plain text: the quote and its source on one line, to paste anywhere. Words follow options.lang. */

import type { Lang } from '../i18n';
import { isoDate } from './dates';
import { locationEn, locationZh } from './location';
import { pageName } from './markdown';
import { type CitationSource, quoted } from './source';

export function formatPlain(src: CitationSource, lang: Lang): string {
  const seen = src.seenAt;
  if (lang === 'zh') {
    const author = src.author ? `${src.author}：` : '';
    let text = `${quoted(src.quote)}——${author}《${src.title}》${src.year === null ? '' : `（${src.year}）`}`;
    if (src.location) text += `，${locationZh(src.location)}`;
    text += '。';
    if (seen) {
      const name = seen.title ? `《${seen.title}》` : (seen.site ?? '网页');
      text += `见于${seen.author ? `${seen.author}：` : ''}${name}（${seen.url}），${isoDate(seen.accessed)} 访问。`;
    }
    return text;
  }
  const author = src.author ? `${src.author}, ` : '';
  let text = `${quoted(src.quote)} — ${author}${src.title}${src.year === null ? '' : ` (${src.year})`}`;
  if (src.location) text += `, ${locationEn(src.location)}`;
  text += '.';
  if (seen) {
    const author = seen.author ? `${seen.author}, ` : '';
    text += ` Quoted in: ${author}${pageName(seen, 'a web page')}, ${seen.url}, accessed ${isoDate(seen.accessed)}.`;
  }
  return text;
}
