/** The lookup page: lookup.html#q=<selection>, opened by the context menu 「在讲话中查找」. */
import { createRoot } from 'react-dom/client';
import { browser } from 'wxt/browser';
import { LookupView } from '../../components/lookup/LookupView';
import '../../components/options/options.css';
import '../../components/lookup/lookup.css';
import { loadSegmenter } from '../../extension/jieba';
import { readSettings } from '../../extension/settings';
import { resolveLanguage } from '../../lib/i18n';
import { optionsStrings } from '../../lib/i18n/options';
import { lookupHash, parseLookupHash, READER_PAGE, readerHash } from '../../lib/page-links';

async function main(root: HTMLElement): Promise<void> {
  const { settings } = await readSettings();
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
        initialQuery={parseLookupHash(location.hash)}
        loadSegmenter={loadSegmenter}
        passageHref={(span) => readerUrl + readerHash({ kind: 'span', span })}
        onSearch={(query) => history.replaceState(null, '', lookupHash(query))}
      />
    </main>,
  );
}

const root = document.getElementById('root');
if (root) void main(root);
