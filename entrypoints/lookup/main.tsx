/**
 * The lookup page, opened by the context menu 「在原文中查找」 as lookup.html#t=<token>: the selection
 * waits in session storage under that token (a hand-typed #q=<text> works too). The query then lives only
 * in the page: the hash is dropped once read and typing never writes the URL, so no tab URL, history
 * entry or restored session holds what the reader looked up.
 */
import { createRoot } from 'react-dom/client';
import { browser } from 'wxt/browser';
import { LookupView } from '../../components/lookup/LookupView';
import '../../components/options/options.css';
import '../../components/lookup/lookup.css';
import { loadSegmenter } from '../../extension/jieba';
import { libraryLookupDocuments } from '../../extension/library/lookup-documents';
import { takeLookupText } from '../../extension/lookup-handoff';
import { readSettings } from '../../extension/settings';
import { resolveLanguage } from '../../lib/i18n';
import { optionsStrings } from '../../lib/i18n/options';
import { documentHash } from '../../lib/library/doc-link';
import { parseLookupLink, READER_PAGE } from '../../lib/page-links';

/** The query the link brings; the hash is removed from the URL once read. */
async function linkedQuery(): Promise<string> {
  const link = parseLookupLink(location.hash);
  if (location.hash) history.replaceState(null, '', location.pathname + location.search);
  if (link.kind === 'token') return takeLookupText(link.token);
  return link.kind === 'query' ? link.query : '';
}

async function main(root: HTMLElement): Promise<void> {
  const [{ settings }, initialQuery] = await Promise.all([readSettings(), linkedQuery()]);
  const lang = resolveLanguage(settings.language, navigator.language);
  document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
  document.title = `${optionsStrings(lang).lookupTitle} · 原文 Yuanwen`;
  const readerUrl = browser.runtime.getURL(READER_PAGE);
  createRoot(root).render(
    <main className="yw-options">
      <LookupView
        lang={lang}
        headingLevel={1}
        autoFocus
        initialQuery={initialQuery}
        loadSegmenter={loadSegmenter}
        loadDocuments={libraryLookupDocuments()}
        passageHref={(span, documentId) => readerUrl + documentHash(documentId, span)}
      />
    </main>,
  );
}

const root = document.getElementById('root');
if (root) void main(root);
