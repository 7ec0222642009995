/// <reference types="vite/client" />
/**
 * jieba-wasm's web build, for extension pages (lookup page, reader search).
 * Never imported by a content script: the dictionary costs ~60 MB and a
 * quarter second to load. The .wasm is emitted as an asset through the
 * `jieba-wasm-web-wasm` alias in wxt.config.ts (the package's exports hide it).
 */
import wasmUrl from 'jieba-wasm-web-wasm?url';
import init, { add_word, cut } from 'jieba-wasm/web';
import { getCorpus } from '../lib/corpus';
import { type Segmenter, sloganWords } from '../lib/lookup';

let ready: Promise<Segmenter> | undefined;

/** The segmenter, loaded once per page; taught the speech's slogans as the build-time segmentation was. */
export function loadSegmenter(): Promise<Segmenter> {
  ready ??= (async () => {
    await init({ module_or_path: wasmUrl });
    for (const word of sloganWords(getCorpus().slogans)) add_word(word, 100000, 'n');
    return (text: string) => cut(text, true);
  })();
  ready.catch(() => {
    ready = undefined; // let a later call retry
  });
  return ready;
}
