import { Window } from 'happy-dom';
import { describe, expect, it } from 'vitest';
import { pageAuthor } from '../../lib/dom/page-author';

function dom(head: string, body = '') {
  const window = new Window();
  window.document.write(`<!doctype html><html><head>${head}</head><body>${body}</body></html>`);
  return window.document as unknown as Document;
}

describe('pageAuthor', () => {
  it('reads <meta name="author"> first, whatever its case', () => {
    expect(pageAuthor(dom('<meta name="Author" content="  李明 ">', '<span itemprop="author">王五</span>'))).toBe(
      '李明',
    );
  });

  it('takes article:author only when it is a name, not a profile URL', () => {
    expect(pageAuthor(dom('<meta property="article:author" content="张三">'))).toBe('张三');
    expect(pageAuthor(dom('<meta property="article:author" content="https://x.cn/u/1">'))).toBeNull();
  });

  it('falls back to a byline marked up as one', () => {
    expect(pageAuthor(dom('', '<p itemprop="author"><span itemprop="name">赵六</span>，记者</p>'))).toBe('赵六');
    expect(pageAuthor(dom('', '<p>文：<a rel="author" href="/u/2">孙七</a></p>'))).toBe('孙七');
  });

  it('has none when the page states none, or states a paragraph', () => {
    expect(pageAuthor(dom('<title>T</title>', '<p>正文</p>'))).toBeNull();
    expect(pageAuthor(dom(`<meta name="author" content="${'长'.repeat(101)}">`))).toBeNull();
  });
});
