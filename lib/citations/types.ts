/** The citation contract: format ids, what a citation is made from, and what a format produces. */
import type { Corpus } from '../corpus/types';
import type { Lang } from '../i18n';
import type { DocumentMeta } from '../library/types';

export type CitationFormatId =
  | 'gbt7714'
  | 'gbt7714-web'
  | 'gbt7714-2015'
  | 'gbt7714-2015-web'
  | 'apa'
  | 'mla'
  | 'chicago'
  | 'zh-note'
  | 'bibtex'
  | 'ris'
  | 'csl-json'
  | 'markdown'
  | 'plain';

/** Where the quote was seen: the page, as an electronic resource. */
export interface SeenAt {
  /** The page's title as it stands (a site suffix such as `--人民网` included); '' when it has none. */
  title: string;
  url: string;
  /** Access date (local calendar date of the user). */
  accessed: Date;
  /** The page's byline or `<meta name="author">`, when it has one. */
  author?: string;
  /** The site's name (e.g. og:site_name); when absent, a site suffix of the title names it. */
  site?: string;
  /**
   * The page's own date (published or last modified), when it states one:
   * GB/T 7714's (创建或修改日期) and CSL-JSON's issued; the English styles
   * keep n.d. and the access date.
   */
  published?: Date;
}

/** A document of the library other than the speech: its metadata and its corpus view (lib/library/corpus-view.ts). */
export interface CitedDocument {
  meta: DocumentMeta;
  corpus: Corpus;
}

/** Everything a citation of a quote needs; the speech's metadata comes from the corpus. */
export interface CitationInput {
  /** The library document quoted, when not the speech: its metadata names it and the span indexes its text. */
  document?: CitedDocument;
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
  /** The label in each UI language, where it is a word rather than a name (see formatLabel). */
  labels?: { zh: string; en: string };
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
