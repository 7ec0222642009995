/**
 * Injected on request (scripting.executeScript from the Library page, for
 * "Add this page to the library"), never declared as a content script: it
 * reads the article's main text with Readability from a copy of the page's
 * document, so the page's own DOM is not changed. Its result is the value
 * executeScript returns.
 */
import { Readability } from '@mozilla/readability';
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';

export default defineUnlistedScript(() => {
  const copy = document.cloneNode(true) as Document;
  const article = new Readability(copy).parse();
  // Without an article, the page's rendered text (innerText leaves out scripts and hidden parts; textContent would not).
  // biome-ignore lint/performance/useDomNodeTextContent: the rendered text is what a reader sees
  const text = article?.textContent?.trim() ? article.textContent : (document.body?.innerText ?? '');
  return {
    text,
    title: article?.title || document.title,
    url: location.href,
    byline: article?.byline ?? null,
    siteName: article?.siteName ?? null,
    language: article?.lang ?? document.documentElement.lang ?? null,
  };
});
