import { Window } from 'happy-dom';
import { describe, expect, it } from 'vitest';
import { frameHasHan, mutationsBringHan, waitForHan } from '../../entrypoints/content/han-gate';

/** The DOM's Window type (happy-dom's `Window` shadows the name here). */
type DomWindow = Parameters<typeof waitForHan>[0];

function page(body: string) {
  const window = new Window();
  window.document.write(`<!doctype html><html><head></head><body>${body}</body></html>`);
  return { win: window as unknown as DomWindow, doc: window.document as unknown as Document };
}

describe('frameHasHan', () => {
  it('says no for a frame without Han characters, whatever else it holds', () => {
    const { doc } = page('<p>Hello, world — こんにちは 안녕하세요 ١٢٣ 🙂</p><script>var x = "ok";</script>');
    expect(frameHasHan(doc)).toBe(false);
  });

  it('says yes for Han text anywhere in the frame: visible, hidden or in a script (the scan then reads only what shows)', () => {
    expect(frameHasHan(page('<p>绿水青山</p>').doc)).toBe(true);
    expect(frameHasHan(page('<p hidden>綠水青山</p>').doc)).toBe(true);
    expect(frameHasHan(page('<script>var s = "生态";</script>').doc)).toBe(true);
  });

  it('finds Han text past the first few hundred text nodes, and none where there is none', () => {
    const many = '<p>English <b>text</b> here.</p>'.repeat(400);
    expect(frameHasHan(page(`${many}<p>最后一段：时时放心不下</p>`).doc)).toBe(true);
    const { doc } = page(`${many}<p>The last paragraph.</p>`);
    const read = { chars: 0 };
    expect(frameHasHan(doc, read)).toBe(false);
    expect(read.chars).toBe(doc.body.textContent?.length);
  });

  it('looks into open shadow roots, nested ones included', () => {
    const { doc } = page('<p>English only</p><div id="host"></div>');
    const outer = (doc.getElementById('host') as HTMLElement).attachShadow({ mode: 'open' });
    outer.innerHTML = '<section><span id="inner">still English</span></section>';
    expect(frameHasHan(doc)).toBe(false);
    const inner = (outer.getElementById('inner') as HTMLElement).attachShadow({ mode: 'open' });
    inner.innerHTML = '<b>抓生态就是抓发展</b>';
    expect(frameHasHan(doc)).toBe(true);
  });
});

describe('waiting for Han text', () => {
  it('resolves once added nodes or changed text bring Han characters, not before', async () => {
    const { win, doc } = page('<p id="p">English</p>');
    const wait = waitForHan(win, doc);
    let arrived: boolean | undefined;
    void wait.arrived.then((v) => {
      arrived = v;
    });
    const p = doc.getElementById('p') as HTMLElement;
    p.append(doc.createTextNode(' more English'));
    (p.firstChild as Text).data = 'Still English';
    await new Promise((r) => setTimeout(r, 20));
    expect(arrived).toBeUndefined();
    (p.firstChild as Text).data = '时时放心不下';
    expect(await wait.arrived).toBe(true);
  });

  it('resolves for a subtree added with Han text deep inside', async () => {
    const { win, doc } = page('<main></main>');
    const wait = waitForHan(win, doc);
    const article = doc.createElement('article');
    article.innerHTML = '<div><p>News</p><p><em>生态文明建设</em></p></div>';
    (doc.querySelector('main') as HTMLElement).append(article);
    expect(await wait.arrived).toBe(true);
  });

  it('resolves false when cancelled, and stops watching', async () => {
    const { win, doc } = page('<p>English</p>');
    const wait = waitForHan(win, doc);
    wait.cancel();
    expect(await wait.arrived).toBe(false);
  });

  it('reads mutation records of each kind', () => {
    const { doc } = page('<p>x</p>');
    const text = doc.createTextNode('金山银山');
    const han = [{ type: 'childList', addedNodes: [text], target: doc.body }] as unknown as MutationRecord[];
    const none = [
      { type: 'childList', addedNodes: [doc.createTextNode('gold')], target: doc.body },
      { type: 'characterData', addedNodes: [], target: doc.createTextNode('silver') },
    ] as unknown as MutationRecord[];
    expect(mutationsBringHan(han)).toBe(true);
    expect(mutationsBringHan(none)).toBe(false);
    expect(
      mutationsBringHan([{ type: 'characterData', addedNodes: [], target: text }] as unknown as MutationRecord[]),
    ).toBe(true);
  });
});
