/**
 * Hostile pages, generated: each is deterministic (a seeded generator, fixed
 * timings counted in work done rather than wall time) so a run can be compared
 * with itself, and each carries real quotes of the speech outside anything the
 * extension must leave alone, so a test can prove the extension ran.
 */

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

/** Deterministic pseudo-random generator (mulberry32). */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function word(rand: () => number): string {
  return WORDS[Math.floor(rand() * WORDS.length)] as string;
}

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
  const rand = seeded(1);
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
  const rand = seeded(3);
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
