/**
 * The background's scan-text replies name each match's document even when the library's index is not
 * there (IndexedDB unavailable, as here): the speech's matches say 'speech', so no consumer needs a fallback.
 */
import { describe, expect, it } from 'vitest';
import { scanForContent } from '../../entrypoints/background/scan';
import { getCorpus } from '../../lib/corpus';

const SENTENCE = getCorpus().sentences.find((s) => s.text.length >= 24)?.text as string;

describe('scan-text without a library index', () => {
  it('names the speech on every match', async () => {
    expect(globalThis.indexedDB).toBeUndefined();
    const reply = await scanForContent(`记者从会上获悉：${SENTENCE}这是新闻的文字。`, {});
    expect(reply.matches.length).toBeGreaterThan(0);
    for (const m of reply.matches) {
      expect(m.documentId).toBe('speech');
      expect(m.alsoIn).toEqual([]);
    }
  });
});
