// Code passed to page.evaluate()/serviceWorker.evaluate() runs in the browser, where `chrome` exists.
declare const chrome: typeof import('wxt/browser').browser;
