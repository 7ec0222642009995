/**
 * Citations of a quote from the speech. Plain TypeScript, no browser APIs, no
 * dependencies: safe for the popup's first paint and for any extension page.
 *
 * Stable API (the popup and the reader call these):
 *
 *   CITATION_FORMATS: CitationFormat[]        // menu order; ids are CitationFormatId
 *   formatCitation(id, input, options?): string   // synchronous, for one-click copy
 *     input:   { quote, speechStart, speechEnd,
 *                seenAt?: { title, url, accessed: Date, author?, site?, published?: Date } }
 *              (speechStart/End: the [start, end) span of speech.txt; section and
 *              paragraph are derived from it)
 *     options: { lang?: 'zh' | 'en' }  words of the markdown and plain formats (default 'zh')
 *     throws CitationInputError for an empty quote, a span outside the speech,
 *     a seenAt without URL or with an invalid date (a page without a title is
 *     described, never named by its URL).
 *   formatCitations(id, inputs, options?): string  // copy all: one entry per
 *     distinct source, unique keys and ids, each quote's place in the notes
 *     or in-text parts
 *   formatCitationHtml(id, input, options?): string | null
 *     the same citation as HTML for the clipboard's text/html (APA's and MLA's
 *     italics survive a paste into a word processor); null when the format
 *     has no formatting (copy the text alone)
 *   isCitationFormatId(value): value is CitationFormatId   // for stored settings
 *   sectionHeading(section): '第二部分 · 切实增强落实污染防治的思想自觉…'
 *     (a view's one-line label; citations carry the whole heading)
 *
 * Every format carries the quoted words, the speech's title, the section
 * (label and whole heading) and paragraph, and, when given, the page where the
 * quote was seen with its URL and access date. Why each format looks as it
 * does is written at the top of its module.
 */

import type { Lang } from '../i18n';
import { formatApa } from './apa';
import { formatChicago } from './chicago';
import { formatBibtex, formatCslJson, formatRis } from './data-formats';
import { formatGbt7714, formatGbt7714Many, type GbtEdition } from './gbt7714';
import { formatMarkdown } from './markdown';
import { formatMla } from './mla';
import { formatPlain } from './plain';
import {
  CitationInputError,
  type CitationSource,
  citationSource,
  ITALIC_CLOSE,
  ITALIC_OPEN,
  stripMarkers,
} from './source';
import type { CitationFormat, CitationFormatId, CitationInput, CitationOptions } from './types';
import { formatZhNote } from './zh-note';

export { sectionHeading } from './location';
export type * from './types';
export { CitationInputError };

export const CITATION_FORMATS: CitationFormat[] = [
  {
    id: 'gbt7714',
    label: 'GB/T 7714—2025',
    description: {
      zh: '国家标准 GB/T 7714—2025：讲话 [Z]；在网页上见到时另列该网页 [EB/OL]',
      en: 'Chinese national standard GB/T 7714—2025: the speech [Z]; seen on a page, that page too [EB/OL]',
    },
  },
  {
    id: 'gbt7714-web',
    label: 'GB/T 7714—2025 [EB/OL]',
    description: {
      zh: 'GB/T 7714—2025：先列引用它的网页 [EB/OL]，再列讲话 [Z]',
      en: 'GB/T 7714—2025: the web page quoting it first [EB/OL], then the speech [Z]',
    },
  },
  {
    id: 'gbt7714-2015',
    label: 'GB/T 7714—2015',
    description: {
      zh: '旧版 GB/T 7714—2015（仍要求旧版的期刊）：讲话 [Z]',
      en: 'The former GB/T 7714—2015 (for journals that still ask for it): the speech [Z]',
    },
  },
  {
    id: 'gbt7714-2015-web',
    label: 'GB/T 7714—2015 [EB/OL]',
    description: {
      zh: '旧版 GB/T 7714—2015：先列引用它的网页 [EB/OL]',
      en: 'The former GB/T 7714—2015: the web page quoting it first [EB/OL]',
    },
  },
  {
    id: 'apa',
    label: 'APA 7',
    description: {
      zh: 'APA 第7版（方括号内的英文题名为译文）',
      en: 'APA, 7th edition (the bracketed English title is a translation)',
    },
  },
  {
    id: 'mla',
    label: 'MLA 9',
    description: {
      zh: 'MLA 第9版（方括号内的英文题名为译文）',
      en: 'MLA, 9th edition (the bracketed English title is a translation)',
    },
  },
  {
    id: 'chicago',
    label: 'Chicago',
    description: {
      zh: '芝加哥格式（注释—书目；方括号内的英文题名为译文）',
      en: 'Chicago, notes and bibliography (the bracketed English title is a translation)',
    },
  },
  {
    id: 'zh-note',
    label: '中文脚注（转引自）',
    labels: { zh: '中文脚注（转引自）', en: 'Chinese footnote (转引自)' },
    description: {
      zh: '综合性期刊文献引证技术规范式脚注：在网页上见到时“转引自”该网页',
      en: 'Chinese footnote (综合性期刊文献引证技术规范): seen on a page, “转引自” (quoted in) that page',
    },
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
  {
    id: 'plain',
    label: 'Plain text',
    labels: { zh: '纯文本', en: 'Plain text' },
    description: { zh: '纯文本', en: 'Plain text' },
  },
];

/** The id the settings default to: the current Chinese national standard. */
export const DEFAULT_CITATION_FORMAT: CitationFormatId = 'gbt7714';

export { formatLabel } from './label';

type Formatter = (srcs: CitationSource[], lang: Lang) => string;

function gbt(edition: GbtEdition, pageFirst: boolean): Formatter {
  return (srcs) =>
    srcs.length === 1 && srcs[0]
      ? formatGbt7714(srcs[0], edition, pageFirst)
      : formatGbt7714Many(srcs, edition, pageFirst);
}

/** Formats whose entries are the quote and its source together: several are simply listed. */
function eachQuote(format: (src: CitationSource, lang: Lang) => string): Formatter {
  return (srcs, lang) => srcs.map((s) => format(s, lang)).join('\n\n');
}

const FORMATTERS: Record<CitationFormatId, Formatter> = {
  gbt7714: gbt(2025, false),
  'gbt7714-web': gbt(2025, true),
  'gbt7714-2015': gbt(2015, false),
  'gbt7714-2015-web': gbt(2015, true),
  apa: formatApa,
  mla: formatMla,
  chicago: formatChicago,
  'zh-note': formatZhNote,
  bibtex: formatBibtex,
  ris: formatRis,
  'csl-json': formatCslJson,
  markdown: eachQuote(formatMarkdown),
  plain: eachQuote(formatPlain),
};

export function isCitationFormatId(value: unknown): value is CitationFormatId {
  return typeof value === 'string' && Object.hasOwn(FORMATTERS, value);
}

function formatRaw(id: CitationFormatId, inputs: readonly CitationInput[], options: CitationOptions): string {
  const format = FORMATTERS[id];
  if (!format) throw new RangeError(`unknown citation format: ${String(id)}`);
  if (inputs.length === 0) throw new CitationInputError('there is nothing to cite');
  return format(
    inputs.map((input) => citationSource(input)),
    options.lang ?? 'zh',
  );
}

export function formatCitation(id: CitationFormatId, input: CitationInput, options: CitationOptions = {}): string {
  return stripMarkers(formatRaw(id, [input], options));
}

/**
 * Several quotes as one text (copy all): each distinct source once, under one
 * key or id, with every quote's place in the notes or in-text parts. The
 * inputs are quotes of the speech seen on one page (the first input's page
 * stands for all).
 */
export function formatCitations(
  id: CitationFormatId,
  inputs: readonly CitationInput[],
  options: CitationOptions = {},
): string {
  return stripMarkers(formatRaw(id, inputs, options));
}

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };

export function formatCitationHtml(
  id: CitationFormatId,
  input: CitationInput,
  options: CitationOptions = {},
): string | null {
  const raw = formatRaw(id, [input], options);
  if (!raw.includes(ITALIC_OPEN)) return null;
  return raw
    .replace(/[&<>"]/g, (c) => HTML_ESCAPES[c] as string)
    .replaceAll(ITALIC_OPEN, '<i>')
    .replaceAll(ITALIC_CLOSE, '</i>')
    .split('\n\n')
    .map((block) => `<p>${block.replaceAll('\n', '<br>')}</p>`)
    .join('');
}
