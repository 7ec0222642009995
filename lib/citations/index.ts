/**
 * Citations of a quote from the speech. Plain TypeScript, no browser APIs, no
 * dependencies: safe for the popup's first paint and for any extension page.
 *
 * Stable API (the popup and the reader call these):
 *
 *   CITATION_FORMATS: CitationFormat[]        // menu order; ids are CitationFormatId
 *   formatCitation(id, input, options?): string   // synchronous, for one-click copy
 *     input:   { quote, speechStart, speechEnd, seenAt?: { title, url, accessed: Date } }
 *              (speechStart/End: the [start, end) span of speech.txt; section and
 *              paragraph are derived from it)
 *     options: { lang?: 'zh' | 'en' }  words of the markdown and plain formats (default 'zh')
 *     throws CitationInputError for an empty quote, a span outside the speech,
 *     a seenAt without URL or with an invalid date (a page without a title is
 *     cited by its URL).
 *   formatCitationHtml(id, input, options?): string | null
 *     the same citation as HTML for the clipboard's text/html (italics that
 *     APA requires survive a paste into a word processor); null when the format
 *     has no formatting (copy the text alone)
 *   isCitationFormatId(value): value is CitationFormatId   // for stored settings
 *   sectionHeading(section): '第二部分 · 切实增强落实污染防治的思想自觉…'
 *
 * Every format carries the quoted words, the speech's title, the section
 * (label and heading) and paragraph, and, when given, the page where the
 * quote was seen with its URL and access date. Why each format looks as it
 * does is written at the top of its module.
 */
import { formatApa } from './apa';
import { formatChicago } from './chicago';
import { formatBibtex, formatCslJson, formatRis } from './data-formats';
import { formatGbt7714, formatGbt7714Web } from './gbt7714';
import { formatMarkdown } from './markdown';
import { formatMla } from './mla';
import { formatPlain } from './plain';
import { type CitationSource, citationSource, ITALIC_CLOSE, ITALIC_OPEN, stripMarkers } from './source';
import type { CitationFormat, CitationFormatId, CitationInput, CitationOptions } from './types';

export { sectionHeading } from './location';
export { CitationInputError } from './source';
export type * from './types';

export const CITATION_FORMATS: CitationFormat[] = [
  {
    id: 'gbt7714',
    label: 'GB/T 7714',
    description: { zh: '国家标准 GB/T 7714-2015：讲话', en: 'Chinese national standard GB/T 7714-2015: the speech' },
  },
  {
    id: 'gbt7714-web',
    label: 'GB/T 7714 [EB/OL]',
    description: { zh: 'GB/T 7714-2015：引用它的网页 [EB/OL]', en: 'GB/T 7714-2015: the web page quoting it [EB/OL]' },
  },
  { id: 'apa', label: 'APA 7', description: { zh: 'APA 第7版', en: 'APA, 7th edition' } },
  { id: 'mla', label: 'MLA 9', description: { zh: 'MLA 第9版', en: 'MLA, 9th edition' } },
  {
    id: 'chicago',
    label: 'Chicago',
    description: { zh: '芝加哥格式（注释—书目）', en: 'Chicago, notes and bibliography' },
  },
  { id: 'bibtex', label: 'BibTeX', description: { zh: 'BibTeX（LaTeX 文献库）', en: 'BibTeX (LaTeX bibliographies)' } },
  {
    id: 'ris',
    label: 'RIS',
    description: { zh: 'RIS（EndNote、Zotero 等导入）', en: 'RIS (EndNote, Zotero and others)' },
  },
  {
    id: 'csl-json',
    label: 'CSL-JSON',
    description: { zh: 'CSL-JSON（Zotero、Pandoc）', en: 'CSL-JSON (Zotero, Pandoc)' },
  },
  { id: 'markdown', label: 'Markdown', description: { zh: 'Markdown 引用块', en: 'Markdown blockquote' } },
  { id: 'plain', label: '纯文本 / Plain text', description: { zh: '纯文本', en: 'Plain text' } },
];

const FORMATTERS: Record<CitationFormatId, (src: CitationSource, options: Required<CitationOptions>) => string> = {
  gbt7714: formatGbt7714,
  'gbt7714-web': formatGbt7714Web,
  apa: formatApa,
  mla: formatMla,
  chicago: formatChicago,
  bibtex: formatBibtex,
  ris: formatRis,
  'csl-json': formatCslJson,
  markdown: (src, o) => formatMarkdown(src, o.lang),
  plain: (src, o) => formatPlain(src, o.lang),
};

export function isCitationFormatId(value: unknown): value is CitationFormatId {
  return typeof value === 'string' && Object.hasOwn(FORMATTERS, value);
}

function formatRaw(id: CitationFormatId, input: CitationInput, options: CitationOptions): string {
  const format = FORMATTERS[id];
  if (!format) throw new RangeError(`unknown citation format: ${String(id)}`);
  return format(citationSource(input), { lang: options.lang ?? 'zh' });
}

export function formatCitation(id: CitationFormatId, input: CitationInput, options: CitationOptions = {}): string {
  return stripMarkers(formatRaw(id, input, options));
}

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };

export function formatCitationHtml(
  id: CitationFormatId,
  input: CitationInput,
  options: CitationOptions = {},
): string | null {
  const raw = formatRaw(id, input, options);
  if (!raw.includes(ITALIC_OPEN)) return null;
  return raw
    .replace(/[&<>"]/g, (c) => HTML_ESCAPES[c] as string)
    .replaceAll(ITALIC_OPEN, '<i>')
    .replaceAll(ITALIC_CLOSE, '</i>')
    .split('\n\n')
    .map((block) => `<p>${block.replaceAll('\n', '<br>')}</p>`)
    .join('');
}
