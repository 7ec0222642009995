import type { Lang } from '../i18n';

export type CitationFormatId =
  | 'gbt7714'
  | 'gbt7714-web'
  | 'apa'
  | 'mla'
  | 'chicago'
  | 'bibtex'
  | 'ris'
  | 'csl-json'
  | 'markdown'
  | 'plain';

/** Where the quote was seen: the page, as an electronic resource. */
export interface SeenAt {
  title: string;
  url: string;
  /** Access date (local calendar date of the user). */
  accessed: Date;
}

/** Everything a citation of a quote needs; the speech's metadata comes from the corpus. */
export interface CitationInput {
  /** The quoted words (the page's words, or the speech's span when citing from the reader). */
  quote: string;
  /** [start, end) of the quoted span in speech.txt; section and paragraph are derived from it. */
  speechStart: number;
  speechEnd: number;
  /** Optional: the page where the quote was seen. */
  seenAt?: SeenAt;
}

export interface CitationFormat {
  id: CitationFormatId;
  /** Short label for menus, e.g. 'GB/T 7714', 'APA 7'. */
  label: string;
  /** What the format is, for a menu's tooltip or a settings list. */
  description: { zh: string; en: string };
}

export interface CitationOptions {
  /**
   * Language of the connecting words in the formats that have no style guide of
   * their own (markdown, plain). The style-guide formats ignore it: GB/T 7714 is
   * Chinese, APA/MLA/Chicago English, BibTeX/RIS/CSL-JSON data. Default 'zh'.
   */
  lang?: Lang;
}
