import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { getCorpus } from '../../lib/corpus';
import { createSpeechIndex } from '../../lib/match';
import {
  DERIVED_PATH,
  deriveMatchData,
  deriveSpeechData,
  deriveT2s,
  MATCH_DATA_PATH,
  SPEECH_PATH,
  serialise,
} from '../../scripts/generate-data';

describe('derived speech data', () => {
  it('is up to date with data/speech.txt (run `npm run gen` if this fails)', () => {
    const fresh = serialise(deriveSpeechData(readFileSync(SPEECH_PATH, 'utf8')));
    expect(readFileSync(DERIVED_PATH, 'utf8')).toBe(fresh);
  });

  it('is deterministic', () => {
    const text = readFileSync(SPEECH_PATH, 'utf8');
    expect(serialise(deriveSpeechData(text))).toBe(serialise(deriveSpeechData(text)));
  });

  it('keeps every slogan whole: no word boundary inside a run of its Han characters', () => {
    const { wordEnds } = deriveSpeechData(readFileSync(SPEECH_PATH, 'utf8'));
    const boundaries = new Set(wordEnds);
    const corpus = getCorpus();
    for (const slogan of corpus.slogans) {
      for (const occ of slogan.occurrences) {
        const text = corpus.text.slice(occ.start, occ.end);
        for (let i = 1; i < text.length; i++) {
          const insideHanRun = /\p{Script=Han}/u.test(text[i - 1]!) && /\p{Script=Han}/u.test(text[i]!);
          if (insideHanRun) expect(boundaries.has(occ.start + i), `${slogan.text} split at ${i}`).toBe(false);
        }
      }
    }
  });

  it('match data (t2s table, word weights) is up to date (run `npm run gen` if this fails)', () => {
    const text = readFileSync(SPEECH_PATH, 'utf8');
    expect(readFileSync(MATCH_DATA_PATH, 'utf8')).toBe(serialise(deriveMatchData(text)));
  });

  it('maps traditional characters only onto characters of the speech, and stays small', () => {
    const text = readFileSync(SPEECH_PATH, 'utf8');
    const t2s = deriveT2s(text);
    expect(t2s.length % 2).toBe(0);
    for (let i = 0; i < t2s.length; i += 2) {
      expect(text.includes(t2s[i + 1]!), t2s.slice(i, i + 2)).toBe(true);
      expect(text.includes(t2s[i]!), t2s.slice(i, i + 2)).toBe(false);
    }
    expect(t2s).toContain('綠绿');
    expect(t2s).toContain('銀银');
    expect(Buffer.byteLength(t2s, 'utf8')).toBeLessThan(8_000);
  });

  it('gives one weight per word, zero for stock vocabulary and function words', () => {
    const { wordEnds } = deriveSpeechData(readFileSync(SPEECH_PATH, 'utf8'));
    const { wordWeights } = deriveMatchData(readFileSync(SPEECH_PATH, 'utf8'));
    expect(wordWeights).toHaveLength(wordEnds.length);
    const text = createSpeechIndex().text;
    const weightOf = (word: string) => {
      const k = wordEnds.findIndex((end) => text.slice(end - word.length, end) === word);
      return wordWeights[k];
    };
    expect(weightOf('生态环境')).toBe(0);
    expect(weightOf('的')).toBe(0);
    expect(weightOf('大计')).toBe(2);
  });
});
