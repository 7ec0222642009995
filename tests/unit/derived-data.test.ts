import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { getCorpus } from '../../lib/corpus';
import { DERIVED_PATH, deriveSpeechData, SPEECH_PATH, serialise } from '../../scripts/generate-data';

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
});
