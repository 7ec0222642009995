/**
 * Derives data/derived/speech.json from data/speech.txt: the text and its
 * jieba word boundaries, with the speech's slogans taught to jieba as words.
 * Also derives data/derived/match.json for the matcher: the traditional →
 * simplified pairs whose target occurs in the speech (from opencc-js's tables,
 * a few KB instead of shipping opencc-js), and one substance weight per jieba
 * word (rule in lib/match/substance.ts).
 * Deterministic; run `npm run gen` after changing the speech. The unit test
 * tests/unit/derived-data.test.ts regenerates in memory and fails when stale.
 *
 *   npm run gen            write the file
 *   npm run gen -- --check exit 1 if the committed file is stale
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { add_word, tag, tokenize } from 'jieba-wasm';
import HKVariantsRev from 'opencc-js/dict/HKVariantsRev';
import TSCharacters from 'opencc-js/dict/TSCharacters';
import TWVariantsRev from 'opencc-js/dict/TWVariantsRev';
import { parseSpeech } from '../lib/corpus/parse';
import type { DerivedSpeechData } from '../lib/corpus/speech-data';
import type { DerivedMatchData } from '../lib/match/derived';
import { wordWeight } from '../lib/match/substance';

export const SPEECH_PATH = fileURLToPath(new URL('../data/speech.txt', import.meta.url));
export const DERIVED_PATH = fileURLToPath(new URL('../data/derived/speech.json', import.meta.url));
export const MATCH_DATA_PATH = fileURLToPath(new URL('../data/derived/match.json', import.meta.url));

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

/** opencc-js dictionaries are "from to[ to…]|from to…" strings: first target of each entry. */
function parseOpenccDict(dict: string): Map<string, string> {
  const map = new Map<string, string>();
  for (const entry of dict.split('|')) {
    const [from, to] = entry.split(' ');
    if (from && to && [...from].length === 1 && [...to].length === 1) map.set(from, to);
  }
  return map;
}

/**
 * Traditional → simplified pairs onto the speech's characters, as one string
 * "綠绿銀银…" sorted by source. Regional variants (台 臺, 為 爲 …) are folded
 * to OpenCC's standard traditional first, so Taiwan and Hong Kong forms map too.
 */
export function deriveT2s(text: string): string {
  const speechChars = new Set([...text].filter((ch) => /\p{Script=Han}/u.test(ch)));
  const ts = parseOpenccDict(TSCharacters);
  const variants = new Map([...parseOpenccDict(HKVariantsRev), ...parseOpenccDict(TWVariantsRev)]);
  const pairs = new Map<string, string>();
  const consider = (from: string, standard: string) => {
    const simplified = ts.get(standard) ?? standard;
    if (from !== simplified && speechChars.has(simplified) && !speechChars.has(from)) pairs.set(from, simplified);
  };
  for (const from of ts.keys()) consider(from, from);
  for (const [from, standard] of variants) consider(from, standard);
  return [...pairs]
    .filter(([from]) => from.length === 1)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([from, to]) => from + to)
    .join('');
}

export function deriveMatchData(text: string, speech: DerivedSpeechData = deriveSpeechData(text)): DerivedMatchData {
  const words: string[] = [];
  let prev = 0;
  for (const end of speech.wordEnds) {
    // Words are cut per paragraph: a gap before a paragraph (title, line break) is not part of its first word.
    const from = Math.max(prev, text.lastIndexOf('\n', end - 1) + 1);
    words.push(text.slice(from, end));
    prev = end;
  }
  const counts = new Map<string, number>();
  for (const w of words) counts.set(w, (counts.get(w) ?? 0) + 1);
  const wordWeights = words.map((w) => {
    const tags = /\p{Script=Han}/u.test(w) ? tag(w, true) : [];
    const pos = tags.length === 1 ? (tags[0]?.tag ?? 'n') : 'n';
    return wordWeight(w, pos, counts.get(w) ?? 0);
  });
  return { sourceSha256: speech.sourceSha256, t2s: deriveT2s(text), wordWeights };
}

export function serialise(data: DerivedSpeechData | DerivedMatchData): string {
  return `${JSON.stringify(data)}\n`;
}

function main(): void {
  const text = readFileSync(SPEECH_PATH, 'utf8');
  const speech = deriveSpeechData(text);
  const outputs: [string, string][] = [
    [DERIVED_PATH, serialise(speech)],
    [MATCH_DATA_PATH, serialise(deriveMatchData(text, speech))],
  ];
  if (process.argv.includes('--check')) {
    let stale = false;
    for (const [path, fresh] of outputs) {
      let committed = '';
      try {
        committed = readFileSync(path, 'utf8');
      } catch {}
      if (committed !== fresh) {
        console.error(`${path} is stale: run \`npm run gen\``);
        stale = true;
      }
    }
    if (stale) process.exit(1);
    console.log('derived data is up to date');
    return;
  }
  for (const [path, fresh] of outputs) {
    writeFileSync(path, fresh);
    console.log(`wrote ${path}`);
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main();
