import derived from '../../data/derived/speech.json';

/**
 * What scripts/generate-data.ts derives from data/speech.txt: the text itself
 * (so every runtime, Node or extension, imports the speech the same way) and
 * the jieba word boundaries. tests/unit/derived-data.test.ts fails when stale.
 */
export interface DerivedSpeechData {
  /** sha256 of data/speech.txt, hex. */
  sourceSha256: string;
  text: string;
  /** Word boundaries from jieba (slogans added as words): ascending end offsets of every word. */
  wordEnds: number[];
}

export const speechData: DerivedSpeechData = derived as DerivedSpeechData;
