/** lib/page-support.ts: which pages a content script can run on, and why not. */
import { describe, expect, it } from 'vitest';
import { pageSupport } from '../../lib/page-support';

describe('pageSupport', () => {
  it.each([
    ['chrome://extensions/', 'browser-page'],
    ['about:blank', 'browser-page'],
    ['edge://settings', 'browser-page'],
    ['view-source:https://example.com/', 'browser-page'],
    ['', 'browser-page'],
    ['chrome-extension://mhjfbmdgcfjbbpaeojofohoefgiehjai/index.html', 'pdf-viewer'],
    ['https://example.com/report.PDF', 'pdf-viewer'],
    ['chrome-extension://abcdefghijklmnopabcdefghijklmnop/popup.html', 'extension-page'],
    ['moz-extension://1234/popup.html', 'extension-page'],
    ['https://chromewebstore.google.com/detail/x/abc', 'web-store'],
    ['https://chrome.google.com/webstore/detail/abc', 'web-store'],
    ['https://addons.mozilla.org/zh-CN/firefox/', 'web-store'],
    ['file:///home/me/a.html', 'local-file'],
  ])('%s cannot be scanned (%s)', (url, reason) => {
    expect(pageSupport(url)).toEqual({ scannable: false, reason });
  });

  it('tells its own pages from other extensions', () => {
    const own = 'chrome-extension://abcdefghijklmnopabcdefghijklmnop/';
    expect(pageSupport(`${own}reader.html#p=3`, own)).toEqual({ scannable: false, reason: 'own-page' });
    expect(pageSupport('chrome-extension://zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz/x.html', own)).toEqual({
      scannable: false,
      reason: 'extension-page',
    });
  });

  it.each(['https://news.example.cn/2023/07/a.html', 'http://127.0.0.1:8080/x', 'https://chrome.google.com/search'])(
    '%s can be scanned',
    (url) => {
      expect(pageSupport(url)).toEqual({ scannable: true });
    },
  );
});
