import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Window } from 'happy-dom';
import { describe, expect, it } from 'vitest';
import { createExtraction, extractText } from '../../lib/dom/extract';
import { displayQuote } from '../../lib/dom/quote';
import { rangesForOffsets, spansForOffsets } from '../../lib/dom/ranges';

function dom(html: string) {
  const window = new Window();
  window.document.write(`<!doctype html><html><head><meta charset="utf-8"></head><body>${html}</body></html>`);
  return window.document as unknown as Document;
}

/** The extracted text with separators collapsed, for readable expectations. */
function textOf(html: string): string {
  return extractText(dom(html).body).text;
}

describe('extractText', () => {
  it('joins inline elements into one run and separates blocks and <br>', () => {
    expect(textOf('<p>绿水青山<b>就是</b>金山银山</p><p>第二段<br>下一行</p>')).toBe(
      '绿水青山就是金山银山\n第二段\n下一行\n',
    );
    expect(textOf('<div><span>抓生态</span><a href="#">就是</a><em>抓发展</em></div>')).toBe('抓生态就是抓发展\n');
  });

  it('never puts two separators in a row, nor one at the start', () => {
    expect(textOf('<div><div><p>甲</p></div></div><ul><li>乙</li><li>丙</li></ul>')).toBe('甲\n乙\n丙\n');
  });

  it('skips scripts, styles, templates, svg, form fields, ruby annotations', () => {
    const text = textOf(
      '<p>可见</p><script>var a="脚本"</script><style>p{}</style><noscript>无脚本</noscript>' +
        '<template><p>模板</p></template><svg><text>图形</text></svg><textarea>文本框</textarea>' +
        '<input value="输入"><select><option>选项</option></select><ruby>汉<rt>hàn</rt><rp>(</rp></ruby>',
    );
    expect(text).toBe('可见\n汉\n');
  });

  it('skips hidden and editable content judged from attributes', () => {
    const text = textOf(
      '<p hidden>隐藏属性</p><p style="display: none">行内隐藏</p><p style="visibility:hidden">不可见</p>' +
        '<div contenteditable="true">可编辑</div><div contenteditable>也可编辑</div><div contenteditable="false">不可编辑</div><p>可见</p>',
    );
    expect(text).toBe('不可编辑\n可见\n');
  });

  it('reads open shadow roots where they render, slots included', () => {
    const doc = dom('<p>前</p><div id="host"><span>投影内容</span></div><p>后</p>');
    const host = doc.getElementById('host') as HTMLElement;
    const shadow = host.attachShadow({ mode: 'open' });
    shadow.innerHTML = '<p>影子里：<slot></slot>。</p>';
    const result = extractText(doc.body);
    expect(result.text).toBe('前\n影子里：投影内容。\n后\n');
    expect(result.shadowRoots).toEqual([shadow]);
  });

  it('reads the shadow tree of a custom element host', () => {
    const doc = dom('<p>前</p><quote-card><span>卡片外</span></quote-card>');
    const host = doc.querySelector('quote-card') as HTMLElement;
    const shadow = host.attachShadow({ mode: 'open' });
    shadow.innerHTML = '<div>卡片里：<slot></slot></div>';
    const result = extractText(doc.body);
    expect(result.text).toBe('前\n卡片里：卡片外\n');
    expect(result.shadowRoots).toEqual([shadow]);
  });

  it('keeps the offset map in parallel arrays that agree with the chunks', () => {
    const result = extractText(dom('<p>绿水青山<b>就是</b>金山银山</p><p>二</p>').body);
    expect(result.nodes.map((n) => n.data)).toEqual(['绿水青山', '就是', '金山银山', '二']);
    expect(result.starts).toEqual([0, 4, 6, 11]);
    expect(result.chunks.map((c) => [c.node, c.start])).toEqual(result.nodes.map((n, i) => [n, result.starts[i]]));
    const start = result.text.indexOf('青山');
    const end = result.text.indexOf('银');
    expect(rangesForOffsets(result, start, end).map((r) => r.toString())).toEqual(['青山', '就是', '金山']);
    expect(rangesForOffsets(result.chunks, start, end).map((r) => r.toString())).toEqual(['青山', '就是', '金山']);
  });

  it('maps every chunk back to its text node', () => {
    const { text, chunks } = extractText(dom('<p>绿水青山<b>就是</b>金山银山</p><p>二</p>').body);
    for (const chunk of chunks)
      expect(text.slice(chunk.start, chunk.start + chunk.node.data.length)).toBe(chunk.node.data);
    expect(chunks.map((c) => c.node.data)).toEqual(['绿水青山', '就是', '金山银山', '二']);
  });

  it('tells whether there is any Han character', () => {
    expect(extractText(dom('<p>Only English here.</p>').body).hasHan).toBe(false);
    expect(extractText(dom('<p>English, then 中文.</p>').body).hasHan).toBe(true);
    expect(extractText(dom('<script>var s="中文"</script><p>English</p>').body).hasHan).toBe(false);
  });

  it('resumes where it stopped and gives the same result as one pass', () => {
    const html = Array.from({ length: 300 }, (_, i) => `<p>第${i}段<b>加粗</b>文字</p>`).join('');
    const whole = extractText(dom(html).body);
    const extraction = createExtraction(dom(html).body);
    let calls = 0;
    while (!extraction.step(() => true)) calls++;
    expect(calls).toBeGreaterThan(1);
    expect(extraction.result().text).toBe(whole.text);
    expect(extraction.result().chunks.length).toBe(whole.chunks.length);
  });

  /** Every node's text stands at its start in the extracted text: the offset map is right. */
  /** 600 paragraphs, the walk paused after its first step (the snapshot taken, most of the page still ahead). */
  function pausedExtraction() {
    const doc = dom(Array.from({ length: 600 }, (_, i) => `<p>第${i}段<b>加粗</b>文字</p>`).join(''));
    const extraction = createExtraction(doc.body);
    expect(extraction.step(() => true)).toBe(false);
    return { doc, extraction };
  }

  function expectMapHolds(result: ReturnType<typeof extractText>) {
    result.nodes.forEach((node, i) => {
      const start = result.starts[i] as number;
      expect(result.text.slice(start, start + node.data.length)).toBe(node.data);
    });
  }

  it('reads the light tree from one snapshot, stepping over what it leaves out', () => {
    const doc = dom(
      '<p>前言<script>var a="脚本里的字"</script>正文</p><div hidden>隐藏<b>的</b>字</div><textarea>框里</textarea>' +
        '<p>绿水青山<b>就是</b>金山银山</p><div id="host">宿主的字</div><p>后记</p>',
    );
    const host = doc.getElementById('host') as HTMLElement;
    host.attachShadow({ mode: 'open' }).innerHTML = '<span>影子</span>';
    const result = extractText(doc.body);
    expect(result.fromSnapshot).toBe(true);
    expect(result.text).toBe('前言正文\n绿水青山就是金山银山\n影子\n后记\n');
    expectMapHolds(result);
  });

  it('reads the rest node by node when the page changed during a pause', () => {
    const { doc, extraction } = pausedExtraction();
    // While the walk pauses, the page replaces text ahead of it and adds a paragraph at the end.
    const later = doc.body.children[500] as HTMLElement;
    later.textContent = '改写过的段落';
    doc.body.insertAdjacentHTML('beforeend', '<p>新加的一段</p>');
    extraction.domChanged();
    while (!extraction.step(() => false));
    const result = extraction.result();
    expect(result.fromSnapshot).toBe(false);
    expect(result.text).toBe(extractText(doc.body).text);
    expectMapHolds(result);
  });

  it('starts over node by node when the snapshot and the walk disagree', () => {
    const { doc, extraction } = pausedExtraction();
    // A change nobody reported (no domChanged): the lengths no longer add up at the end.
    (doc.body.children[550] as HTMLElement).append('多出来的字');
    while (!extraction.step(() => false));
    const result = extraction.result();
    expect(result.fromSnapshot).toBe(false);
    expect(result.text).toBe(extractText(doc.body).text);
    expect(result.text).toContain('第550段加粗文字多出来的字');
    expectMapHolds(result);
  });

  it('reads every fixture page the same from the snapshot as node by node', () => {
    const dirs = ['tests/fixtures/eval', 'tests/fixtures/pages'];
    const files = dirs.flatMap((d) =>
      readdirSync(d)
        .filter((f) => f.endsWith('.html'))
        .map((f) => join(d, f)),
    );
    expect(files.length).toBeGreaterThan(30);
    for (const file of files) {
      const doc = dom(readFileSync(file, 'utf8'));
      const fast = extractText(doc.body);
      const slow = createExtraction(doc.body);
      slow.domChanged(); // before the first step: every node read on its own
      slow.step();
      const byNodes = slow.result();
      expect(fast.fromSnapshot, file).toBe(true);
      expect(byNodes.fromSnapshot, file).toBe(false);
      expect(fast.text, file).toBe(byNodes.text);
      expect(fast.starts, file).toEqual(byNodes.starts);
      expect(fast.nodes, file).toEqual(byNodes.nodes);
      expectMapHolds(fast);
    }
  });

  it('walks a 5,000-deep nesting without running out of stack', () => {
    const doc = dom('');
    let parent: Element = doc.body;
    for (let i = 0; i < 5000; i++) {
      const child = doc.createElement(i % 2 ? 'span' : 'div');
      parent.appendChild(child);
      parent = child;
    }
    parent.textContent = '深处的绿水青山';
    expect(extractText(doc.body).text).toBe('深处的绿水青山\n');
  });
});

describe('offsets back to Ranges', () => {
  it('a span across inline elements becomes one Range per text node', () => {
    const doc = dom('<p>他说绿水青山<b>就是</b>金山银山。</p>');
    const { text, chunks } = extractText(doc.body);
    const start = text.indexOf('绿水青山');
    const end = text.indexOf('。');
    const ranges = rangesForOffsets(chunks, start, end);
    expect(ranges.map((r) => r.toString())).toEqual(['绿水青山', '就是', '金山银山']);
    expect(ranges[0]?.startOffset).toBe(2);
  });

  it('a span across a block boundary skips the separator', () => {
    const { text, chunks } = extractText(dom('<p>甲乙</p><p>丙丁</p>').body);
    expect(
      spansForOffsets(chunks, text.indexOf('乙'), text.indexOf('丁')).map((s) => s.node.data.slice(s.start, s.end)),
    ).toEqual(['乙', '丙']);
  });

  it('clamps to text that shrank since extraction and ignores empty spans', () => {
    const doc = dom('<p>绿水青山就是金山银山</p>');
    const { chunks } = extractText(doc.body);
    (chunks[0] as { node: Text }).node.data = '绿水';
    expect(rangesForOffsets(chunks, 0, 10).map((r) => r.toString())).toEqual(['绿水']);
    expect(rangesForOffsets(chunks, 5, 5)).toEqual([]);
  });
});

describe('displayQuote', () => {
  it('drops source line breaks between CJK characters and collapses other whitespace', () => {
    expect(displayQuote('时时放心\n     不下')).toBe('时时放心不下');
    expect(displayQuote('  像保护眼睛一样保护生态环境，\n    像对待生命一样 ')).toBe(
      '像保护眼睛一样保护生态环境，像对待生命一样',
    );
    expect(displayQuote('绿水青山 and\n\n  金山银山')).toBe('绿水青山 and 金山银山');
  });
});
