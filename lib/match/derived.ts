import derived from '../../data/derived/match.json';

/** What scripts/generate-data.ts derives for the matcher (data/derived/match.json). */
export interface DerivedMatchData {
  /** sha256 of data/speech.txt, hex: must equal speech.json's. */
  sourceSha256: string;
  /** Traditional → simplified pairs onto the speech's characters, concatenated: "綠绿銀银…". */
  t2s: string;
  /** One substance weight per jieba word of the speech, in the order of speech.json's wordEnds. */
  wordWeights: number[];
}

export const matchData: DerivedMatchData = derived as DerivedMatchData;
