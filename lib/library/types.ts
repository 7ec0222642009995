/**
 * The library's document model: a reference document is its text, the
 * structure detected in it, and what a citation needs to name it. The
 * bundled speech is the first document (id 'speech'); imported documents
 * follow the same shape, so every view, the matcher and the citations treat
 * them alike. Offsets are [start, end) into `text`, in UTF-16 code units.
 */
import type { Span } from '../corpus/types';

/** The built-in speech's document id. */
export const SPEECH_DOCUMENT_ID = 'speech';

/** What a citation says of a document; a field nobody knows stays null. */
export interface DocumentMeta {
  title: string;
  englishTitle: string | null;
  /** Speaker or author, as the document names them. */
  author: string | null;
  /** ISO 8601: YYYY, YYYY-MM or YYYY-MM-DD. */
  date: string | null;
  occasion: string | null;
  /** Publisher or source (a newspaper, a ministry's site). */
  publisher: string | null;
  url: string | null;
  /** BCP 47, e.g. 'zh-CN'. */
  language: string;
}

/** A heading found on import: 一、 （一） 1. 第一， 第X部分 第X章 第X条, Markdown or HTML headings. */
export interface Heading extends Span {
  /** 1 the outermost level found in this document. */
  level: number;
  /** The marker as written: 一、 （一） 第三章 …; '' for a Markdown/HTML heading. */
  label: string;
  /** The heading's words without its marker. */
  title: string;
}

export interface DocumentSlogan {
  text: string;
  occurrences: Span[];
}

export interface DocumentStructure {
  /** In text order. */
  headings: Heading[];
  paragraphs: Span[];
  sentences: Span[];
  /** The document's own short quoted phrases, by the speech's slogan rules. */
  slogans: DocumentSlogan[];
}

/** The reader's edits to a document's key phrases, applied over the detected slogans. */
export interface KeyPhraseEdits {
  added: string[];
  removed: string[];
}

export type DocumentOrigin =
  | { kind: 'builtin' }
  | { kind: 'paste' }
  | { kind: 'file'; fileName: string; format: 'txt' | 'md' | 'html' | 'docx' | 'pdf'; encoding?: string }
  | { kind: 'page'; url: string };

export interface ReferenceDocument {
  /** SPEECH_DOCUMENT_ID for the speech; otherwise derived from the text, so one text has one id. */
  id: string;
  /** Line breaks normalised to \n. */
  text: string;
  meta: DocumentMeta;
  structure: DocumentStructure;
  keyPhrases: KeyPhraseEdits;
  enabled: boolean;
  /** CSS colour of the document's highlights and chips. */
  colour: string;
  origin: DocumentOrigin;
  /** Milliseconds since the epoch. */
  importedAt: number;
}
