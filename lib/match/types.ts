/** One edit of a near-verbatim quote against the speech, in original characters. */
export interface DiffOp {
  op: 'equal' | 'insert' | 'delete' | 'replace';
  /** The page's characters for this op ('' for delete). */
  page: string;
  /** The speech's characters for this op ('' for insert). */
  speech: string;
}

export type MatchKind = 'slogan' | 'passage';

/**
 * Which rule accepted a match (lib/match/rules.ts states each with its reason):
 *   - 'quoted-slogan': a slogan the page sets in quotation marks;
 *   - 'bare-slogan': a slogan without quotation marks (a long one anywhere, a numbered formula standing alone);
 *   - 'misquoted-slogan': a slogan with a word or two changed (similarity below 1, with its diff);
 *   - 'verbatim': a run of the speech's text, verbatim up to normalisation;
 *   - 'near': a sentence of the speech quoted with small edits (similarity below 1, with its diff).
 */
export type MatchRule = 'quoted-slogan' | 'bare-slogan' | 'misquoted-slogan' | 'verbatim' | 'near';

export const MATCH_RULES: readonly MatchRule[] = [
  'quoted-slogan',
  'bare-slogan',
  'misquoted-slogan',
  'verbatim',
  'near',
];

/** A place where a text quotes the speech. Offsets are [start, end) into the scanned text and into speech.txt. */
export interface Match {
  kind: MatchKind;
  start: number;
  end: number;
  speechStart: number;
  speechEnd: number;
  /** 1 for a verbatim quote (up to normalisation); below 1 for a near-verbatim one. */
  similarity: number;
  /** For near-verbatim quotes: what differs from the speech. Null when verbatim. */
  diff: DiffOp[] | null;
  rule: MatchRule;
  /**
   * 0..1: how much the quoted words say beyond stock official phrasing (1 for a slogan). Below STOCK_BELOW a
   * match is stock phrasing in the speech's order: shown quietly, and hidden when the reader asks for
   * distinctive quotes only.
   */
  distinctiveness: number;
  /**
   * The reference document whose text speechStart/speechEnd index: 'speech' (lib/library/types.ts
   * SPEECH_DOCUMENT_ID) for the built-in speech. The speech's own engine leaves it out; the library matcher
   * (lib/library/matcher.ts) sets it on every match it returns (DocumentMatch).
   */
  documentId?: string;
  /** Other documents that have the same passage (a page quoting a line two documents share): one match, all listed. */
  alsoIn?: SharedPassage[];
}

/** Where another document has a match's passage. Offsets index that document's text. */
export interface SharedPassage {
  documentId: string;
  speechStart: number;
  speechEnd: number;
  similarity: number;
  /** The page span this document's own match covered (it may differ by a character or two at either end). */
  start: number;
  end: number;
}

/** A match that names its document: what the library matcher returns, for the speech and every other document. */
export type DocumentMatch = Match & { documentId: string; alsoIn: SharedPassage[] };

/** Matches less distinctive than this are stock phrasing (see Match.distinctiveness). */
export const STOCK_BELOW = 0.5;
