import { Window } from 'happy-dom';
import { describe, expect, it } from 'vitest';
import { compareDocumentOrder, containsFlat, dirtyRoot, enclosingBlock, outermostRoots } from '../../lib/dom/blocks';
import { createAsyncWindowedScan, createWindowedScan } from '../../lib/dom/scan-windows';
import { createVisibilityCache, isTextRendered } from '../../lib/dom/visibility';

function dom(body: string, head = '') {
  const window = new Window();
  window.document.write(`<!doctype html><html><head>${head}</head><body>${body}</body></html>`);
  return window.document as unknown as Document;
}

const textIn = (doc: Document, id: string) => (doc.getElementById(id) as HTMLElement).firstChild as Text;

describe('isTextRendered (computed style, asked per matched node)', () => {
  it('hides text under display:none and visibility:hidden from stylesheets, shows the rest', () => {
    const doc = dom(
      '<div class="folded"><p><span id="a">折叠</span></p></div><p class="ghost" id="b">隐形</p>' +
        '<p class="ghost"><span id="c" style="visibility: visible">又可见</span></p><p id="d">可见</p>',
      '<style>.folded{display:none}.ghost{visibility:hidden}</style>',
    );
    const cache = createVisibilityCache();
    expect(isTextRendered(textIn(doc, 'a'), cache)).toBe(false);
    expect(isTextRendered(textIn(doc, 'b'), cache)).toBe(false);
    expect(isTextRendered(textIn(doc, 'c'), cache)).toBe(true);
    expect(isTextRendered(textIn(doc, 'd'), cache)).toBe(true);
  });

  it('asks Element.checkVisibility once per parent where there is one, and confirms a false by styles', () => {
    const doc = dom('<p id="a">可见</p><div style="display: contents"><span id="b">盒子之外</span></div>');
    const calls: Element[] = [];
    const proto = (doc.defaultView as unknown as { Element: { prototype: { checkVisibility?: unknown } } }).Element
      .prototype;
    const had = Object.hasOwn(proto, 'checkVisibility');
    const saved = proto.checkVisibility;
    // Like Chromium: false for an element without a box of its own (display: contents), true otherwise.
    proto.checkVisibility = function (this: Element) {
      calls.push(this);
      return this.id !== 'b' && this.parentElement?.getAttribute('style') !== 'display: contents';
    };
    try {
      const cache = createVisibilityCache();
      expect(isTextRendered(textIn(doc, 'a'), cache)).toBe(true);
      expect(isTextRendered(textIn(doc, 'a'), cache)).toBe(true); // cached: no second call
      expect(isTextRendered(textIn(doc, 'b'), cache)).toBe(true); // false, but the styles say it paints
      expect(calls.map((e) => e.id)).toEqual(['a', 'b']);
    } finally {
      if (had) proto.checkVisibility = saved;
      else delete proto.checkVisibility;
    }
  });
});

describe('live-page helpers', () => {
  it('a change is re-read at the nearest block; changes in head, scripts and form fields are not', () => {
    const doc = dom(
      '<article id="art"><p id="p">段落<b id="b">加粗</b></p><textarea id="t">x</textarea><script id="s">1</script></article>',
      '<title id="title">标题</title>',
    );
    const el = (id: string) => doc.getElementById(id) as HTMLElement;
    expect(dirtyRoot(textIn(doc, 'b'))).toBe(el('p'));
    expect(dirtyRoot(el('p'))).toBe(el('p'));
    expect(dirtyRoot(textIn(doc, 't'))).toBeNull();
    expect(dirtyRoot(el('s'))).toBeNull();
    expect(dirtyRoot(textIn(doc, 'title'))).toBeNull();
    expect(enclosingBlock(el('b'))).toBe(el('p'));
  });

  it('keeps only the outermost of nested roots', () => {
    const doc = dom('<div id="a"><p id="b">一</p></div><p id="c">二</p>');
    const [a, b, c] = ['a', 'b', 'c'].map((id) => doc.getElementById(id) as HTMLElement);
    expect(outermostRoots([b as Node, a as Node, c as Node, b as Node])).toEqual([a, c]);
  });

  it('orders nodes across shadow roots by their hosts', () => {
    const doc = dom('<p id="first">一</p><div id="host"></div><p id="last">三</p>');
    const host = doc.getElementById('host') as HTMLElement;
    const shadow = host.attachShadow({ mode: 'open' });
    shadow.innerHTML = '<p id="inner">二</p>';
    const inner = shadow.getElementById('inner') as HTMLElement;
    const first = doc.getElementById('first') as HTMLElement;
    const last = doc.getElementById('last') as HTMLElement;
    expect(compareDocumentOrder(first, inner)).toBeLessThan(0);
    expect(compareDocumentOrder(inner, last)).toBeLessThan(0);
    expect(compareDocumentOrder(last, inner)).toBeGreaterThan(0);
    expect(containsFlat(doc.body, inner.firstChild as Node)).toBe(true);
    expect(containsFlat(first, inner)).toBe(false);
  });
});

describe('createWindowedScan', () => {
  const findAll =
    (needle: string, kind = 'x') =>
    (s: string) => {
      const out: { start: number; end: number; kind: string }[] = [];
      for (let i = s.indexOf(needle); i >= 0; i = s.indexOf(needle, i + 1))
        out.push({ start: i, end: i + needle.length, kind });
      return out;
    };

  it('finds the same matches as one scan, whatever the window size', () => {
    const text = Array.from(
      { length: 400 },
      (_, i) => `${i % 7 === 0 ? '绿水青山就是金山银山' : '其他文字内容'}\n`,
    ).join('');
    const whole = findAll('绿水青山就是金山银山')(text);
    for (const size of [50, 333, 1000, 100_000]) {
      const scan = createWindowedScan(text, findAll('绿水青山就是金山银山'), 100);
      let steps = 0;
      while (!scan.step(size)) steps++;
      expect(scan.matches(), `window ${size}`).toEqual(whole);
      if (size < text.length) expect(steps).toBeGreaterThan(0);
    }
  });

  it('the async variant (a matcher in another context) gives the same matches', async () => {
    const text = Array.from({ length: 300 }, (_, i) => `${i % 9 === 0 ? '绿水青山就是金山银山' : '其他文字'}\n`).join(
      '',
    );
    const scan = createAsyncWindowedScan(text, async (s) => findAll('绿水青山就是金山银山')(s), 100);
    while (!(await scan.step(200)));
    expect(scan.matches()).toEqual(findAll('绿水青山就是金山银山')(text));
    expect(scan.position()).toBe(text.length);
  });

  it('cuts at line breaks, so a match within a line is never split', () => {
    const text = `${'甲'.repeat(90)}\n乙乙绿水青山就是金山银山丙丙\n${'丁'.repeat(90)}`;
    const scan = createWindowedScan(text, findAll('绿水青山就是金山银山'), 5);
    while (!scan.step(100));
    expect(scan.matches()).toEqual(findAll('绿水青山就是金山银山')(text));
  });

  it('drops the tail of a match seen again after a cut, but keeps other kinds inside it', () => {
    const text = `${'甲'.repeat(50)}ABCDEFGHIJ${'乙'.repeat(50)}`;
    // "ABCDEFGHIJ" is a passage; after a cut inside it the next window sees only "FGHIJ".
    const scan = createWindowedScan(
      text,
      (s) => [...findAll('ABCDEFGHIJ', 'passage')(s), ...findAll('FGHIJ', 'passage')(s), ...findAll('GH', 'slogan')(s)],
      20,
    );
    while (!scan.step(55));
    expect(scan.matches().map((m) => `${m.kind}:${text.slice(m.start, m.end)}`)).toEqual([
      'passage:ABCDEFGHIJ',
      'slogan:GH',
    ]);
  });
});
