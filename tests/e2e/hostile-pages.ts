/**
 * Hostile pages, generated: each is deterministic (a seeded generator, fixed
 * timings counted in work done rather than wall time) so a run can be compared
 * with itself, and each carries real quotes of the speech outside anything the
 * extension must leave alone, so a test can prove the extension ran.
 */
import { pick, rng } from '../../scripts/seeded-random';

/** Quotes of the speech (data/speech.txt) used on the pages. */
export const SLOGAN = '绿水青山就是金山银山';
export const SLOGAN_2 = '一张蓝图绘到底';
export const SLOGAN_3 = '功成不必在我';
/** A whole sentence of the speech. */
export const SENTENCE = '坚持以人民为中心，牢固树立和践行绿水青山就是金山银山的理念，坚定不移实施生态先行战略';

// Everyday news phrases that quote nothing of the speech.
const WORDS = [
  '记者',
  '今天',
  '上午',
  '市民',
  '公园',
  '天气',
  '晴朗',
  '街道',
  '社区',
  '学校',
  '医院',
  '地铁',
  '线路',
  '开通',
  '游客',
  '假期',
  '景区',
  '票价',
  '菜市场',
  '价格',
  '稳定',
  '农民',
  '丰收',
  '小麦',
  '水稻',
  '工厂',
  '订单',
  '增长',
  '图书馆',
  '读者',
  '展览',
  '开幕',
  '足球',
  '比赛',
  '冠军',
  '志愿者',
  '服务',
  '老人',
  '孩子',
  '家长',
  '老师',
  '考试',
];

const word = (rand: () => number): string => pick(rand, WORDS);

function page(title: string, body: string, head = ''): string {
  return `<!doctype html>
<html lang="zh-CN">
<head><meta charset="utf-8"><link rel="icon" href="data:,"><title>${title}</title>${head}</head>
<body>
${body}
</body>
</html>`;
}

/** 1,000 paragraphs of 100 one-word spans each (100k text nodes), quotes whole and split across spans. */
export function manyTextNodesPage(): string {
  const rand = rng(1);
  const paragraphs: string[] = [];
  for (let p = 0; p < 1000; p += 1) {
    const spans: string[] = [];
    for (let s = 0; s < 100; s += 1) spans.push(`<span>${word(rand)}</span>`);
    if (p === 10) spans[50] = `<span>${SLOGAN}</span>`;
    if (p === 500) spans.splice(40, 3, '<span>绿水青山</span>', '<span>就是</span>', '<span>金山银山</span>');
    if (p === 990) spans[20] = `<span>${SLOGAN_2}</span>`;
    paragraphs.push(`<p>${spans.join('')}</p>`);
  }
  return page('十万个文本节点', `<article>${paragraphs.join('\n')}</article>`);
}

/**
 * A quote nested 5,000 elements deep. The HTML parser caps nesting at 512, so
 * the page builds the chain with a parser-blocking script: it is all there
 * before DOMContentLoaded. Spans, not divs: Chromium's renderer itself crashes
 * laying out a few thousand nested blocks, with or without any extension.
 */
export function deepNestingPage(depth = 5000): string {
  return page(
    '五千层嵌套',
    `<p>开头一段：${SLOGAN}。</p>
<div id="deep"></div>
<script>
(() => {
  let el = document.getElementById('deep');
  for (let i = 0; i < ${depth}; i += 1) {
    const child = document.createElement('span');
    if (i % 500 === 0) child.append('第' + i + '层的文字。');
    el.appendChild(child);
    el = child;
  }
  el.append('最深处写着：${SLOGAN_3}。');
})();
</script>`,
  );
}

/**
 * Mutates the text of its live region 1,000 times a second for `seconds`
 * (counted in mutations done, catching up after late timers), then restores
 * the region exactly and sets `window.__mutationsDone`. Half the variants
 * carry a quote, so the extension has real work on every batch.
 */
export function mutatingPage(seconds = 10): string {
  const rand = rng(3);
  const lines = Array.from({ length: 20 }, (_, i) =>
    i === 7 ? `<p>不变的一句：${SLOGAN_2}。</p>` : `<p>${word(rand)}${word(rand)}${word(rand)}，第${i}条快讯。</p>`,
  );
  return page(
    '每秒变化一千次',
    `<article>
<h1>实时快讯</h1>
<p>静态段落：要牢固树立${SLOGAN}的理念。</p>
<div id="live" data-page-mutates>${lines.join('')}</div>
<p>页尾。</p>
</article>
<script>
(() => {
  const live = document.getElementById('live');
  const original = live.innerHTML;
  const variants = ['市场行情平稳', '要坚持${SLOGAN}', '天气转晴', '${SLOGAN_3}，久久为功', '地铁延长运营'];
  const total = ${seconds} * 1000;
  let done = 0;
  let start = 0;
  const mutateOnce = (i) => {
    const ps = live.children;
    const p = ps[i % ps.length];
    if (i % 10 === 9) {
      // Structure changes too: add a paragraph, or take the added one away.
      if (live.lastElementChild && live.lastElementChild.dataset.added) live.lastElementChild.remove();
      else { const n = document.createElement('p'); n.dataset.added = '1'; n.textContent = variants[i % variants.length]; live.append(n); }
    } else if (p && p.firstChild) {
      p.firstChild.data = variants[i % variants.length] + i;
    }
  };
  const tick = () => {
    const due = Math.min(total, Math.floor(performance.now() - start));
    while (done < due) mutateOnce(done++);
    if (done < total) { setTimeout(tick, 1); return; }
    live.innerHTML = original;
    window.__mutationsDone = done;
  };
  document.addEventListener('DOMContentLoaded', () => { start = performance.now(); tick(); });
})();
</script>`,
  );
}

/**
 * Form fields and contenteditable regions full of quotes, one field focused
 * with a selection, next to paragraphs that quote the speech for real.
 */
export function formsPage(speechParagraph: string): string {
  return page(
    '表单与可编辑区域',
    `<article>
<h1>读者来信</h1>
<p id="real-1">正文引用：${SLOGAN}。</p>
<form>
  <label>标题 <input id="title" value="${SLOGAN}，${SLOGAN_2}"></label>
  <label>搜索 <input type="search" value="${SLOGAN_3}"></label>
  <input type="hidden" name="q" value="${SLOGAN}">
  <textarea id="body" rows="6">${speechParagraph}</textarea>
  <select><option>${SLOGAN}</option><option selected>${SLOGAN_2}</option></select>
</form>
<div id="editor" contenteditable="true"><p>编辑器里：${SLOGAN}。</p><p>${SENTENCE}。</p><ul><li>${SLOGAN_2}</li></ul></div>
<div contenteditable="plaintext-only">纯文本编辑：${SLOGAN_3}，${SLOGAN}</div>
<p>段落里的<span contenteditable="true">可编辑片段${SLOGAN}</span>结束。</p>
<p id="real-2">另一处引用：${SLOGAN_2}。</p>
</article>
<script>
// Before DOMContentLoaded: the focus and selection are part of the page as loaded.
const body = document.getElementById('body');
body.focus();
body.setSelectionRange(3, 12);
</script>`,
  );
}

/**
 * Text the way hostile or sloppy pages write it: unpaired surrogates right
 * against quotes, astral characters, zero-width and bidi controls inside
 * quotes, NUL, a long run of lone surrogates. Built by script: lone surrogates
 * cannot travel in UTF-8 HTML.
 */
export function strangeTextPage(): string {
  const interleave = (s: string, sep: string[]) =>
    [...s].map((ch, i) => ch + (i < s.length - 1 ? (sep[i % sep.length] as string) : '')).join('');
  const texts = {
    loneSurrogates: `\uD800${SLOGAN}\uDC00`,
    astral: `😀${SLOGAN_2}𠀀`,
    zeroWidth: interleave(SLOGAN_3, ['\u200B', '\u200C', '\u200D', '\uFEFF', '\u2060']),
    bidi: `\u202E${interleave(SLOGAN, ['\u200F', '\u200E'])}\u202C`,
    garbage: `${'\uDC00'.repeat(5000)}\u0000\uFFFE${'\uD83D'.repeat(100)}末尾`,
    combining: `绿\u0301水\u0302青山就是金山银山`,
  };
  return page(
    '奇怪的字符',
    `<article id="strange"><h1>字符测试</h1><p id="plain">普通引用：${SLOGAN}。</p></article>
<script>
(() => {
  const texts = ${JSON.stringify(texts)};
  const article = document.getElementById('strange');
  for (const [id, text] of Object.entries(texts)) {
    const p = document.createElement('p');
    p.id = id;
    p.appendChild(document.createTextNode(text));
    article.appendChild(p);
  }
})();
</script>`,
  );
}

/**
 * A page that fights back. Before anything else it replaces DOM methods and
 * accessors the extension could use (Node, Element, CharacterData, Range,
 * Document, TreeWalker, MutationObserver, Highlight, CSS.highlights, timers)
 * with traps that record the call and throw. Then it impersonates the
 * extension: it posts messages and dispatches CustomEvents shaped like
 * Yuanwen's messages and, given the extension's id, forges WXT's "content
 * script started" signal under it (which WXT's own context takes as the order
 * to shut down) while listening for any such signal it did not send. Finally it appends a paragraph with a new quote: if the extension is still
 * alive, that quote gets highlighted.
 *
 * It reports on its console, since its own world is too hostile to be
 * evaluated in (Playwright's injected script trips the traps too): a
 * `hostile-trap <name>` line per trapped call, `hostile-announced …` per
 * signal it did not send, `hostile-forged <n>` and `hostile-done` once the late
 * paragraph is in.
 */
export function fightingScriptsPage(
  options: {
    traps?: boolean;
    fakeMessages?: boolean;
    /** An extension id: forge WXT's start-up signal under it, and log any such signal the page did not send. */
    forgeWxtFor?: string;
  } = {},
): string {
  const { traps = true, fakeMessages = true, forgeWxtFor = '' } = options;
  return page(
    '恶意脚本',
    `<article>
<h1>页面脚本</h1>
<p>正文：${SLOGAN}。</p>
<div id="late" data-page-mutates></div>
</article>
<script>
(() => {
  const log = console.log.bind(console);
  // The page keeps what it needs for itself before setting the traps.
  const append = Node.prototype.appendChild;
  const createElement = Document.prototype.createElement;
  const setText = Object.getOwnPropertyDescriptor(Node.prototype, 'textContent').set;
  const getById = Document.prototype.getElementById;
  const later = window.setTimeout.bind(window);
  const post = window.postMessage.bind(window);
  const dispatch = EventTarget.prototype.dispatchEvent;
  const listen = EventTarget.prototype.addEventListener;
  const trap = (owner, name, label) => {
    const desc = Object.getOwnPropertyDescriptor(owner, name);
    if (!desc) return;
    const fail = () => { log('hostile-trap ' + label); throw new Error('hostile trap: ' + label); };
    if (typeof desc.value === 'function') Object.defineProperty(owner, name, { ...desc, value: fail });
    else if (desc.get) Object.defineProperty(owner, name, { ...desc, get: fail, set: desc.set ? fail : undefined });
  };
  const methods = {
    Node: ['appendChild', 'insertBefore', 'removeChild', 'replaceChild', 'cloneNode', 'contains', 'normalize', 'compareDocumentPosition', 'getRootNode',
      'textContent', 'childNodes', 'firstChild', 'lastChild', 'nextSibling', 'previousSibling', 'parentNode', 'parentElement', 'nodeType', 'nodeName', 'ownerDocument', 'isConnected'],
    Element: ['getAttribute', 'setAttribute', 'hasAttribute', 'removeAttribute', 'closest', 'matches', 'querySelector', 'querySelectorAll',
      'getBoundingClientRect', 'getClientRects', 'scrollIntoView', 'attachShadow', 'checkVisibility', 'tagName', 'shadowRoot', 'attributes', 'children'],
    CharacterData: ['data', 'length', 'substringData', 'appendData', 'replaceData'],
    Text: ['splitText', 'wholeText'],
    Range: ['setStart', 'setEnd', 'setStartBefore', 'setEndAfter', 'selectNode', 'selectNodeContents', 'collapse', 'toString', 'getBoundingClientRect',
      'getClientRects', 'intersectsNode', 'comparePoint', 'cloneRange', 'surroundContents', 'insertNode', 'deleteContents'],
    Document: ['createRange', 'createTreeWalker', 'createNodeIterator', 'createElement', 'createTextNode', 'getElementById', 'querySelector',
      'querySelectorAll', 'elementFromPoint', 'getSelection', 'body', 'documentElement', 'title'],
    TreeWalker: ['nextNode', 'previousNode', 'firstChild', 'parentNode', 'nextSibling', 'currentNode'],
    MutationObserver: ['observe', 'disconnect', 'takeRecords'],
    HighlightRegistry: ['set', 'get', 'delete', 'has', 'clear', 'forEach'],
    Highlight: ['add', 'delete', 'clear', 'has'],
    EventTarget: ['removeEventListener'],
    HTMLElement: ['isContentEditable', 'hidden', 'innerText', 'offsetParent', 'focus', 'blur'],
  };
  if (${traps}) for (const [iface, names] of Object.entries(methods)) {
    const proto = window[iface] && window[iface].prototype;
    if (proto) for (const name of names) trap(proto, name, iface + '.' + name);
  }
  if (${traps}) for (const name of ['getComputedStyle', 'requestIdleCallback', 'requestAnimationFrame', 'queueMicrotask', 'setInterval'])
    trap(window, name, 'window.' + name);
  if (${traps} && window.scheduler) trap(Object.getPrototypeOf(window.scheduler), 'postTask', 'scheduler.postTask');
  // Fake extension globals, in case anything looks for them in the page's world.
  window.chrome = { runtime: { id: 'hostile', sendMessage() { log('hostile-trap chrome.runtime.sendMessage'); }, onMessage: { addListener() {} } } };
  window.browser = window.chrome;

  const fakeMatch = { id: 'fake:0', quote: '伪造的引文', kind: 'passage', start: 0, end: 5, speechStart: 0, speechEnd: 5, similarity: 1, diff: null };
  const fakes = [
    { type: 'frame-report', report: { url: location.href, title: 'fake', status: 'done', matches: [fakeMatch, fakeMatch, fakeMatch] } },
    { type: 'toggle-highlights' },
    { type: 'jump-to-match', matchId: 'fake:0' },
    { type: 'get-tab-results', tabId: 1 },
  ];
  // WXT's start-up signal under the real id, in both forms WXT has used (a document event, a window message):
  // it stops the content script WXT's own context runs. Any such signal the page did not send itself would be
  // the extension announcing itself to the page.
  const wxtSignal = ${JSON.stringify(forgeWxtFor ? `${forgeWxtFor}:content:wxt:content-script-started` : '')};
  let forged = 0;
  const forgeWxt = () => {
    if (!wxtSignal) return;
    forged += 1;
    const detail = { contentScriptName: 'content', messageId: 'hostile-' + forged };
    dispatch.call(document, new CustomEvent(wxtSignal, { detail }));
    post({ type: wxtSignal, ...detail }, '*');
  };
  if (wxtSignal) {
    listen.call(document, wxtSignal, (event) => {
      const id = event.detail && event.detail.messageId;
      if (typeof id !== 'string' || !id.startsWith('hostile-')) log('hostile-announced event ' + JSON.stringify(event.detail));
    }, true);
    listen.call(window, 'message', (event) => {
      const d = event.data;
      if (d && typeof d.type === 'string' && d.type.includes('wxt') && !String(d.messageId).startsWith('hostile-'))
        log('hostile-announced message ' + JSON.stringify(d));
    });
    forgeWxt();
  }
  let round = 0;
  const impersonate = () => {
    forgeWxt();
    if (${fakeMessages}) for (const fake of fakes) {
      post(fake, '*');
      post(JSON.stringify(fake), '*');
      for (const name of [fake.type, 'yuanwen', 'yuanwen:' + fake.type, 'wxt:' + fake.type])
        for (const target of [document, window]) dispatch.call(target, new CustomEvent(name, { detail: fake }));
    }
    round += 1;
    if (round < 20) later(impersonate, 100);
    else {
      const p = createElement.call(document, 'p');
      setText.call(p, '后来添加：${SLOGAN_2}。');
      append.call(getById.call(document, 'late'), p);
      if (wxtSignal) log('hostile-forged ' + forged);
      log('hostile-done');
    }
  };
  listen.call(document, 'DOMContentLoaded', () => later(impersonate, 0));
})();
</script>`,
    // The traps go in first, in the head: before the body and before any content script.
    '',
  );
}
