/**
 * The speech as structured data. Every unit carries [start, end) offsets into
 * `data/speech.txt` (UTF-16 code units, as JavaScript strings index it), so a
 * match, a citation and the reader page all point at the same characters.
 */
export interface Span {
  start: number;
  end: number;
}

export interface SpeechMeta {
  title: string;
  year: number;
  /** The meeting at which the speech was given. */
  occasion: string;
  /** The speech does not name its speaker; citations must say so per style. */
  speaker: null;
  language: 'zh-CN';
}

export interface Section extends Span {
  /** 0 the opening, 1–3 the numbered parts, 4 the closing. */
  index: number;
  /** 开篇, 第一部分 … 第三部分, 结语. */
  label: string;
  /** For a part, its first clause after 第X， (up to the first 。); otherwise the label. */
  title: string;
  /** Where the title stands in the text, for parts; null for the opening and closing. */
  titleSpan: Span | null;
}

export interface Paragraph extends Span {
  /** 1-based, numbered through the whole speech (the salutation 同志们： is ¶1). */
  number: number;
  section: number;
  text: string;
}

export interface Clause extends Span {
  text: string;
}

export interface Sentence extends Span {
  /** 0-based position in the speech. */
  index: number;
  paragraph: number;
  section: number;
  text: string;
  /** Split after ；, the separator kept; a sentence without ； has one clause. */
  clauses: Clause[];
}

export interface SloganOccurrence extends Span {
  section: number;
  paragraph: number;
}

/** A phrase the speech sets in “…”: its slogans. Text excludes the quotation marks. */
export interface Slogan {
  text: string;
  occurrences: SloganOccurrence[];
}

export interface Location {
  section: Section;
  paragraph: Paragraph;
  sentence: Sentence;
}

export interface Corpus {
  text: string;
  meta: SpeechMeta;
  sections: Section[];
  paragraphs: Paragraph[];
  sentences: Sentence[];
  slogans: Slogan[];
  /** The sentence, paragraph and section holding `offset`, or null outside the body (title, line breaks). O(log n). */
  locate(offset: number): Location | null;
}
