/**
 * Derives data/derived/speech.json from data/speech.txt: the text and its
 * jieba word boundaries, with the speech's slogans taught to jieba as words.
 * Deterministic; run `npm run gen` after changing the speech. The unit test
 * tests/unit/derived-data.test.ts regenerates in memory and fails when stale.
 *
 *   npm run gen            write the file
 *   npm run gen -- --check exit 1 if the committed file is stale
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { add_word, tokenize } from 'jieba-wasm';
import { parseSpeech } from '../lib/corpus/parse';
import type { DerivedSpeechData } from '../lib/corpus/speech-data';

export const SPEECH_PATH = fileURLToPath(new URL('../data/speech.txt', import.meta.url));
export const DERIVED_PATH = fileURLToPath(new URL('../data/derived/speech.json', import.meta.url));

/** Han runs of each slogan: jieba never joins across punctuation, so each run is taught separately. */
export function sloganWords(text: string): string[] {
  const corpus = parseSpeech(text);
  const words = new Set<string>();
  for (const slogan of corpus.slogans) {
    for (const run of slogan.text.split(/[^\p{Script=Han}]+/u)) if (run.length > 1) words.add(run);
  }
  return [...words].sort();
}

export function deriveSpeechData(text: string): DerivedSpeechData {
  for (const word of sloganWords(text)) add_word(word, 100000, 'n');
  const corpus = parseSpeech(text);
  const wordEnds: number[] = [];
  for (const p of corpus.paragraphs) {
    for (const token of tokenize(p.text, 'default', true)) wordEnds.push(p.start + token.end);
  }
  return {
    sourceSha256: createHash('sha256').update(text, 'utf8').digest('hex'),
    text,
    wordEnds,
  };
}

export function serialise(data: DerivedSpeechData): string {
  return `${JSON.stringify(data)}\n`;
}

function main(): void {
  const text = readFileSync(SPEECH_PATH, 'utf8');
  const fresh = serialise(deriveSpeechData(text));
  if (process.argv.includes('--check')) {
    const committed = readFileSync(DERIVED_PATH, 'utf8');
    if (committed !== fresh) {
      console.error(`${DERIVED_PATH} is stale: run \`npm run gen\``);
      process.exit(1);
    }
    console.log('derived data is up to date');
    return;
  }
  writeFileSync(DERIVED_PATH, fresh);
  console.log(`wrote ${DERIVED_PATH}`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main();
