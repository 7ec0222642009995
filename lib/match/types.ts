/** One edit of a near-verbatim quote against the speech, in original characters. */
export interface DiffOp {
  op: 'equal' | 'insert' | 'delete' | 'replace';
  /** The page's characters for this op ('' for delete). */
  page: string;
  /** The speech's characters for this op ('' for insert). */
  speech: string;
}

export type MatchKind = 'slogan' | 'passage';

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
}
