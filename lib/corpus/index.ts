/** The speech as data (lib/corpus/types.ts): parsed from the bundled text once, with the parser for tests. */
import { parseSpeech } from './parse';
import { speechData } from './speech-data';
import type { Corpus } from './types';

export { CorpusFormatError, parseSpeech } from './parse';
export type * from './types';

let cached: Corpus | undefined;

/** The bundled speech, parsed once per process/page. */
export function getCorpus(): Corpus {
  cached ??= parseSpeech(speechData.text);
  return cached;
}
