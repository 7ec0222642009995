import type { CitationFormat } from './types';

/**
 * A format's label in the UI language: a name (APA 7, BibTeX) reads the same in both, a word (纯文本,
 * Plain text) does not. Its own module, so the popup names formats without loading the formatters.
 */
export function formatLabel(format: CitationFormat, lang: 'zh' | 'en'): string {
  return format.labels?.[lang] ?? format.label;
}
