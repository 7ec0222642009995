/** Wires the reader's heat map to the ledger: how often each sentence was quoted, from IndexedDB. */
import { browser } from 'wxt/browser';
import { paintHeat, whenSpeechRendered } from '../../components/reader/heat-map';
import { allEntries, openLedger } from '../../extension/ledger-store';
import { getCorpus } from '../../lib/corpus';
import { ledgerLinkFor } from '../../lib/ledger/links';
import { sentenceHeat } from '../../lib/ledger/views';
import { SPEECH_DOCUMENT_ID } from '../../lib/library/types';

export async function showLedgerHeat(root: HTMLElement, lang: 'zh' | 'en'): Promise<void> {
  try {
    const corpus = getCorpus();
    const heat = sentenceHeat(await allEntries(await openLedger()), corpus);
    if (heat.size === 0) return;
    const label = (n: number) =>
      lang === 'zh' ? `${n} 个网页引用了这句话` : `Quoted by ${n} page${n === 1 ? '' : 's'}`;
    whenSpeechRendered(root, () =>
      paintHeat(
        root,
        corpus,
        heat,
        (start, end) =>
          void browser.tabs.create({
            url: browser.runtime.getURL(ledgerLinkFor(SPEECH_DOCUMENT_ID, start, end) as '/ledger.html'),
          }),
        label,
      ),
    );
  } catch (error) {
    console.warn(
      `Yuanwen: no heat map (the ledger could not be read): ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}
