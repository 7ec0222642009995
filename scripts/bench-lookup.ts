/**
 * Selection lookup cost, in Node with jieba's node build: the one-off costs
 * (jieba's dictionary, the word index) and per-lookup time against a baseline
 * measured in the same run, the matcher's scan of the same text alone (a
 * lookup runs that scan, then segmentation and BM25 over 36 sentences).
 *
 *   npx tsx scripts/bench-lookup.ts
 */
import { add_word, cut } from 'jieba-wasm';
import { getCorpus } from '../lib/corpus';
import { speechData } from '../lib/corpus/speech-data';
import { buildWordIndex, getOccurrenceFinder, getSimplifier, lookupSelection, sloganWords } from '../lib/lookup';
import { createSpeechMatcher } from '../lib/match';

const speechMatcher = createSpeechMatcher();

const QUERIES = {
  'altered sentence':
    '保护好生态环境，是我们党践行使命宗旨、密切党和人民群众之间血肉联系的重要举措，关系着党能否兑现对人民的承诺',
  keywords: '危险废物 重金属 土壤污染',
  slogan: '绿水青山就是金山银山',
  'long selection (2000 chars)': getCorpus().text.slice(1000, 3000),
};
const ROUNDS = 200;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] as number;
}

function time(fn: () => void, rounds = ROUNDS): number {
  const samples: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const t0 = performance.now();
    fn();
    samples.push(performance.now() - t0);
  }
  return median(samples);
}

const corpus = getCorpus();
let t0 = performance.now();
for (const w of sloganWords(corpus.slogans)) add_word(w, 100000, 'n');
cut('预热', true);
const jiebaMs = performance.now() - t0;
t0 = performance.now();
const index = buildWordIndex(corpus, speechData.wordEnds);
const indexMs = performance.now() - t0;
const matcher = speechMatcher;
matcher.scan('预热'); // the matcher's own index, built on first use
t0 = performance.now();
const occurrences = getOccurrenceFinder();
const occurrencesMs = performance.now() - t0;
const deps = { index, matcher, segment: (t: string) => cut(t, true), simplify: getSimplifier(), occurrences };

console.log(`jieba load + first cut: ${jiebaMs.toFixed(0)} ms (once per extension page)`);
console.log(`word index of ${index.docs.length} sentences: ${indexMs.toFixed(1)} ms (once per page)`);
console.log(`word-for-word search of the speech: ${occurrencesMs.toFixed(1)} ms (once per page)`);
console.log(`median of ${ROUNDS} rounds:`);
for (const [name, text] of Object.entries(QUERIES)) {
  const scanMs = time(() => matcher.scan(text, { nearVerbatim: true, minPassageLength: 6, traditional: true }));
  const lookupMs = time(() => lookupSelection(text, deps));
  console.log(
    `  ${name.padEnd(28)} lookup ${lookupMs.toFixed(3)} ms  baseline scan ${scanMs.toFixed(3)} ms  ratio ${(lookupMs / scanMs).toFixed(1)}×`,
  );
}
