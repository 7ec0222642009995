/**
 * The Library page's browser side: files through the engine's importers
 * (pdf.js loaded on the first .pdf only, with its worker), the background's
 * index status and change notices, downloads, and a tab's article read by the
 * injected page-article script.
 */
import { browser } from 'wxt/browser';
import type { LibraryPlatform } from '../../components/library/platform';
import { isIndexStatus } from '../../extension/library/index-status';
import type { LibraryStore } from '../../extension/library/store';
import type { PageArticle } from '../../lib/library/import';
import { formatOf, importFile } from '../../lib/library/import';
import type { PdfJs } from '../../lib/library/pdf';
import type { Message } from '../../lib/messages';

let pdfjs: Promise<PdfJs> | null = null;

/** pdf.js and its worker, on first use. */
function loadPdfjs(): Promise<PdfJs> {
  pdfjs ??= (async () => {
    const [lib, worker] = await Promise.all([import('pdfjs-dist'), import('pdfjs-dist/build/pdf.worker.min.mjs?url')]);
    lib.GlobalWorkerOptions.workerSrc = worker.default;
    return lib as unknown as PdfJs;
  })();
  return pdfjs;
}

function isArticle(x: unknown): x is PageArticle {
  const a = x as PageArticle;
  return (
    typeof a === 'object' &&
    a !== null &&
    typeof a.text === 'string' &&
    typeof a.title === 'string' &&
    typeof a.url === 'string'
  );
}

export function createBrowserLibraryPlatform(store: LibraryStore): LibraryPlatform {
  return {
    store,
    async importFile(fileName, bytes, colour) {
      if (formatOf(fileName) === 'pdf') {
        const [{ importPdf }, lib] = await Promise.all([import('../../lib/library/pdf'), loadPdfjs()]);
        return importPdf(lib, fileName, bytes, { colour });
      }
      return importFile(fileName, bytes, { colour });
    },
    notifyChanged() {
      const message: Message = { type: 'library-changed' };
      void browser.runtime.sendMessage(message).catch(() => undefined);
    },
    async indexStatus() {
      const message: Message = { type: 'get-library-status' };
      try {
        const reply: unknown = await browser.runtime.sendMessage(message);
        return isIndexStatus(reply) ? reply : null;
      } catch {
        return null;
      }
    },
    readerUrl: (id) => browser.runtime.getURL(`/reader.html#doc=${encodeURIComponent(id)}`),
    download(fileName, text) {
      const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
      const a = document.createElement('a');
      a.href = url;
      a.download = fileName;
      a.click();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    },
    async readPageArticle(tabId) {
      try {
        const [first] = await browser.scripting.executeScript({ target: { tabId }, files: ['/page-article.js'] });
        return isArticle(first?.result) ? first.result : null;
      } catch {
        return null;
      }
    },
  };
}
