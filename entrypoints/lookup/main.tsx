/** The lookup page: lookup.html#q=<selection>, opened by the context menu 「在讲话中查找」. */
import { createRoot } from 'react-dom/client';
import { browser } from 'wxt/browser';
import { LookupView } from '../../components/lookup/LookupView';
import '../../components/options/options.css';
import '../../components/lookup/lookup.css';
import { resolveLanguage } from '../../lib/i18n';
import { optionsStrings } from '../../lib/i18n/options';
import { readerHash } from '../../lib/reader-link';
import { loadSegmenter } from '../../platform/lookup-jieba';
import { lookupHash, parseLookupHash } from '../../platform/lookup-page';
import { getSettings } from '../../platform/settings';

async function main(root: HTMLElement): Promise<void> {
  const settings = await getSettings();
  const lang = resolveLanguage(settings.language, navigator.language);
  document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
  document.title = `${optionsStrings(lang).lookupTitle} · 原文 Yuanwen`;
  const readerUrl = browser.runtime.getURL('/reader.html');
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
