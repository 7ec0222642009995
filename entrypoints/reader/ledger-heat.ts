/**
 * Wires the reader's heat map to the ledger: how often each sentence of the shown document was quoted,
 * from IndexedDB (read once per page, painted for each document the reader shows).
 */
import { browser } from 'wxt/browser';
import { paintHeat, whenSpeechRendered } from '../../components/reader/heat-map';
import type { ReaderDecoration } from '../../components/reader/ReaderApp';
import { allEntries, openLedger } from '../../extension/ledger-store';
import type { Corpus } from '../../lib/corpus/types';
import { ledgerLinkFor } from '../../lib/ledger/links';
import type { LedgerEntry } from '../../lib/ledger/types';
import { sentenceHeat } from '../../lib/ledger/views';

export function ledgerHeat(lang: 'zh' | 'en'): (documentId: string, corpus: Corpus) => ReaderDecoration {
  let entries: Promise<LedgerEntry[]> | undefined;
  const label = (n: number) => (lang === 'zh' ? `${n} 个网页引用了这句话` : `Quoted by ${n} page${n === 1 ? '' : 's'}`);
  return (documentId, corpus) => (root) => {
    let gone = false;
    let erase: (() => void) | undefined;
    entries ??= openLedger().then(allEntries);
    entries.then(
      (list) => {
        const heat = sentenceHeat(list, corpus, documentId);
        if (gone || heat.size === 0) return;
        whenSpeechRendered(root, () => {
          if (gone) return;
          erase = paintHeat(
            root,
            corpus,
            heat,
            (start, end) =>
              void browser.tabs.create({
                url: browser.runtime.getURL(ledgerLinkFor(documentId, start, end) as '/ledger.html'),
              }),
            label,
          );
        });
      },
      (error: unknown) =>
        console.warn(
          `Yuanwen: no heat map (the ledger could not be read): ${error instanceof Error ? error.message : String(error)}`,
        ),
    );
    return () => {
      gone = true;
      erase?.();
    };
  };
}
