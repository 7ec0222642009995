/** The reader's heat map counts, per sentence of the shown document, the ledger's pages quoting that document. */
import { describe, expect, it } from 'vitest';
import { getCorpus } from '../../lib/corpus';
import type { LedgerEntry, LedgerQuote } from '../../lib/ledger/types';
import { sentenceHeat } from '../../lib/ledger/views';
import { documentCorpus } from '../../lib/library/corpus-view';
import { createDocument } from '../../lib/library/document';

const made = createDocument({
  text: '某县政府工作报告\n\n一、总体要求\n坚持城乡融合发展。推动县域经济增长。\n\n二、生态\n打好污染防治攻坚战。',
  origin: { kind: 'paste' },
});
if (!made.ok) throw new Error(made.error.message);
const doc = made.value;
const corpus = documentCorpus(doc);
const speech = getCorpus();

function quote(documentId: string, text: string, words: string): LedgerQuote {
  const start = text.indexOf(words);
  return {
    documentId,
    start,
    end: start + words.length,
    kind: 'passage',
    rule: 'verbatim',
    similarity: 1,
    quote: words,
    diffSummary: '',
    link: '',
    firstSeen: 0,
    lastSeen: 0,
  } as LedgerQuote;
}

function entry(url: string, quotes: LedgerQuote[]): LedgerEntry {
  return { url, title: url, site: 'example.com', firstSeen: 0, lastSeen: 0, quotes, note: '', starred: false };
}

describe('sentenceHeat', () => {
  it("counts pages per sentence of the document, leaving other documents' quotes out", () => {
    const speechWords = speech.sentences[5]?.text.slice(0, 12) as string;
    const entries = [
      entry('https://a.example/1', [
        quote(doc.id, doc.text, '推动县域经济增长'),
        quote('speech', speech.text, speechWords),
      ]),
      entry('https://a.example/2', [
        quote(doc.id, doc.text, '推动县域经济增长'),
        quote(doc.id, doc.text, '打好污染防治攻坚战'),
      ]),
    ];
    const heat = sentenceHeat(entries, corpus, doc.id);
    const counts = new Map([...heat].map(([i, h]) => [corpus.sentences[i]?.text, h.count]));
    expect(counts).toEqual(
      new Map([
        ['推动县域经济增长。', 2],
        ['打好污染防治攻坚战。', 1],
      ]),
    );
    const inSpeech = sentenceHeat(entries, speech, 'speech');
    expect([...inSpeech.values()].map((h) => h.urls)).toEqual([['https://a.example/1']]);
  });
});
