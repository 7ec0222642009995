/**
 * Instruments one page for the hostile-page tests and the browser benchmark:
 * what the extension did to the page's DOM, what it highlighted, and what
 * errors the page saw. The cost on the page's thread is not measured here: the
 * tests read the scanner's own slice timings, the benchmark adds a trace
 * (scripts/profile/probed-page.ts).
 *
 * Everything the probe runs in the page lives in its own isolated world
 * (CDP `Page.addScriptToEvaluateOnNewDocument` with a world name), so a
 * hostile page that overrides `Node.prototype`, `Range` or `MutationObserver`
 * cannot fool it, and the probe adds nothing to the page's DOM.
 *
 * DOM: serialised at DOMContentLoaded and again at the end; a MutationObserver
 * records every mutation after DOMContentLoaded, and every attribute change
 * before it (the parser makes none; a document_start content script could),
 * except inside elements the page itself declares it mutates
 * (`data-page-mutates`).
 */
import type { CDPSession, Page } from 'playwright-core';
import type { ExtensionSession } from './browser';

const WORLD = 'yuanwen-page-probe';
/** Runs at document start in the probe's isolated world. Plain JS source: it must not depend on bundler helpers. */
export const PROBE_URL = 'yuanwen-page-probe.js';

const PROBE_SOURCE = `//# sourceURL=${PROBE_URL}
(() => {
  const state = { mutations: [], before: null, dcl: false };
  globalThis.__ywProbe = state;

  const FORM = 'INPUT,TEXTAREA,SELECT';
  // Iterative: a hostile page nests thousands of elements deep.
  const serialise = (root) => {
    const out = [];
    const stack = [root];
    while (stack.length) {
      const node = stack.pop();
      if (typeof node === 'string') { out.push(node); continue; }
      switch (node.nodeType) {
        case 3: out.push(JSON.stringify(node.data)); continue;
        case 8: out.push('<!--' + JSON.stringify(node.data) + '-->'); continue;
        case 10: out.push('<!doctype>'); continue;
        case 1: {
          const el = node;
          out.push('<' + el.tagName);
          for (const a of Array.from(el.attributes)) out.push(' ' + a.name + '=' + JSON.stringify(a.value));
          if (el.matches(FORM)) {
            out.push(' .value=' + JSON.stringify(el.value));
            if ('checked' in el) out.push(' .checked=' + el.checked);
            try { out.push(' .sel=' + el.selectionStart + ',' + el.selectionEnd + ',' + el.selectionDirection); } catch {}
          }
          out.push('>');
          stack.push('</' + el.tagName + '>');
          break;
        }
      }
      const children = [];
      if (node.nodeType === 1 && node.shadowRoot) children.push('#shadow(', node.shadowRoot, ')');
      for (let c = node.firstChild; c; c = c.nextSibling) children.push(c);
      for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]);
    }
    const active = document.activeElement;
    out.push('|active=' + (active ? active.tagName + '#' + active.id : 'none'));
    out.push('|scroll=' + scrollX + ',' + scrollY);
    const sel = getSelection();
    out.push('|selection=' + (sel ? sel.rangeCount + ':' + sel.toString() : 'none'));
    return out.join('');
  };
  state.serialise = () => serialise(document);

  // A target no longer in the document was removed since (by the page, in its
  // own region): its records cannot be placed, and the final DOM comparison
  // covers anything lasting.
  const pageOwned = (node) => {
    if (!node.isConnected) return true;
    const el = node.nodeType === 1 ? node : node.parentElement;
    return !!(el && el.closest('[data-page-mutates]'));
  };
  const describe = (r) => {
    const t = r.target;
    const name = t.nodeType === 1 ? t.tagName : t.nodeName;
    return r.type + ' on ' + name + (r.attributeName ? ' @' + r.attributeName : '') +
      (r.addedNodes.length ? ' +' + Array.from(r.addedNodes).map((n) => n.nodeName).join(',') : '') +
      (r.removedNodes.length ? ' -' + Array.from(r.removedNodes).map((n) => n.nodeName).join(',') : '');
  };
  // Before DOMContentLoaded the parser is still inserting nodes, so only attribute changes
  // (which parsing never produces) are watched: a document_start content script that sets one shows up.
  const early = new MutationObserver(() => {});
  early.observe(document, { subtree: true, attributes: true });
  document.addEventListener('DOMContentLoaded', () => {
    for (const r of early.takeRecords()) if (!pageOwned(r.target)) state.mutations.push('before DOMContentLoaded: ' + describe(r));
    early.disconnect();
    state.before = serialise(document);
    new MutationObserver((records) => {
      for (const r of records) {
        if (pageOwned(r.target)) continue;
        if (state.mutations.length < 50) state.mutations.push(describe(r));
        else state.mutationsDropped = (state.mutationsDropped || 0) + 1;
      }
    }).observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
    state.dcl = true;
  }, { once: true });
})()`;

/** A highlighted range as the page sees it. */
export interface Highlights {
  ranges: HighlightedRange[];
  /** Highlighted characters joined in document text order, one string per uninterrupted stretch. */
  runs: string[];
}

export interface HighlightedRange {
  /** Name in CSS.highlights. */
  name: string;
  text: string;
  /** The range starts or ends inside a form field or a contenteditable region. */
  inEditable: boolean;
  /** A boundary splits a surrogate pair. */
  splitsSurrogate: boolean;
}

/**
 * Reads every range of every highlight in CSS.highlights (the registry is
 * shared by all worlds of a document), and the highlighted runs: maximal
 * stretches of highlighted characters in document text order, so a quote
 * painted as one range per text node still reads as one quote.
 */
const READ_HIGHLIGHTS = `(() => {
  const ranges = [];
  const marks = new Map();
  const editable = (node) => {
    const el = node.nodeType === 1 ? node : node.parentElement;
    return !!el && (el.isContentEditable || !!el.closest('input,textarea,select,[contenteditable]'));
  };
  const splits = (node, offset) => {
    if (node.nodeType !== 3 || offset <= 0 || offset >= node.data.length) return false;
    const a = node.data.charCodeAt(offset - 1), b = node.data.charCodeAt(offset);
    return a >= 0xd800 && a <= 0xdbff && b >= 0xdc00 && b <= 0xdfff;
  };
  const mark = (node, s, e) => { if (e > s) { const list = marks.get(node) || []; list.push([s, e]); marks.set(node, list); } };
  for (const [name, highlight] of CSS.highlights) {
    for (const r of highlight) {
      let text = '';
      try {
        const live = document.createRange();
        live.setStart(r.startContainer, r.startOffset);
        live.setEnd(r.endContainer, r.endOffset);
        text = live.toString();
        const root = live.commonAncestorContainer;
        if (root.nodeType === 3) mark(root, live.startOffset, live.endOffset);
        else {
          const w = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
          for (let n = w.nextNode(); n; n = w.nextNode()) {
            if (!live.intersectsNode(n)) continue;
            mark(n, n === live.startContainer ? live.startOffset : 0, n === live.endContainer ? live.endOffset : n.data.length);
          }
        }
      } catch (e) { text = '<invalid range: ' + e + '>'; }
      ranges.push({ name, text, inEditable: editable(r.startContainer) || editable(r.endContainer),
        splitsSurrogate: splits(r.startContainer, r.startOffset) || splits(r.endContainer, r.endOffset) });
    }
  }
  const runs = [];
  let run = '';
  const end = () => { if (run) runs.push(run); run = ''; };
  const stack = [document];
  while (stack.length) {
    const node = stack.pop();
    if (node.nodeType === 3) {
      const list = marks.get(node);
      if (!list) { if (node.data.length) end(); continue; }
      const on = new Uint8Array(node.data.length);
      for (const [s, e] of list) on.fill(1, s, e);
      for (let i = 0; i < on.length; i++) { if (on[i]) run += node.data[i]; else end(); }
      continue;
    }
    const children = [];
    if (node.nodeType === 1 && node.shadowRoot) children.push(node.shadowRoot);
    for (let c = node.firstChild; c; c = c.nextSibling) children.push(c);
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]);
  }
  end();
  return { ranges, runs };
})()`;

export interface PageProbeReport {
  /** The DOM (with field values, focus, selection, scroll) at DOMContentLoaded vs now: null when identical. */
  domDiff: string | null;
  /** Mutations after DOMContentLoaded outside the page's own `data-page-mutates` regions. */
  mutations: string[];
  highlights: Highlights;
  /** Uncaught errors and console errors seen on the page (all worlds, the content script's included). */
  errors: string[];
}

export interface PageProbe {
  page: Page;
  cdp: CDPSession;
  goto(url: string): Promise<void>;
  /** Evaluates a JS expression in the probe's isolated world and returns its JSON value. */
  evaluate<T>(expression: string): Promise<T>;
  highlights(): Promise<Highlights>;
  /** Gathers the report. Call once, when the extension has finished. */
  finish(): Promise<PageProbeReport>;
  /** Closes the page. */
  dispose(): Promise<void>;
}

export async function openPageProbe(session: ExtensionSession): Promise<PageProbe> {
  const page = await session.context.newPage();
  const cdp = await session.context.newCDPSession(page);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.stack ?? e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console.error: ${m.text()} (${m.location().url})`);
  });

  const frameTree = (await cdp.send('Page.getFrameTree')) as { frameTree: { frame: { id: string } } };
  const mainFrameId = frameTree.frameTree.frame.id;
  let probeContextId: number | undefined;
  cdp.on(
    'Runtime.executionContextCreated',
    (e: { context: { id: number; name: string; auxData?: { frameId?: string } } }) => {
      if (e.context.name === WORLD && e.context.auxData?.frameId === mainFrameId) probeContextId = e.context.id;
    },
  );
  await cdp.send('Page.enable');
  await cdp.send('Runtime.enable');
  await cdp.send('Page.addScriptToEvaluateOnNewDocument', { source: PROBE_SOURCE, worldName: WORLD });

  const evaluate = async <T>(expression: string): Promise<T> => {
    if (probeContextId === undefined) throw new Error('the probe world does not exist yet: navigate first');
    const result = (await cdp.send('Runtime.evaluate', {
      expression: `//# sourceURL=${PROBE_URL}\n(${expression})`,
      contextId: probeContextId,
      returnByValue: true,
      awaitPromise: true,
    })) as { result: { value: T }; exceptionDetails?: { text: string; exception?: { description?: string } } };
    if (result.exceptionDetails)
      throw new Error(
        `probe evaluation failed: ${result.exceptionDetails.exception?.description ?? result.exceptionDetails.text}`,
      );
    return result.result.value;
  };

  let finished = false;
  return {
    page,
    cdp,
    async goto(url) {
      await page.goto(url, { waitUntil: 'domcontentloaded', timeout: 60_000 });
      // Polled from the probe's world: the page's own world may be hostile.
      const deadline = Date.now() + 60_000;
      for (;;) {
        const state = await evaluate<string>('document.readyState').catch(() => 'no probe world yet');
        if (state === 'complete') break;
        if (Date.now() > deadline) throw new Error(`${url} never finished loading (${state})`);
        await new Promise((ok) => setTimeout(ok, 50));
      }
    },
    evaluate,
    async dispose() {
      await page.close().catch(() => undefined);
    },
    highlights: () => evaluate<Highlights>(READ_HIGHLIGHTS),
    async finish() {
      if (finished) throw new Error('finish() called twice');
      finished = true;
      const state = await evaluate<{ mutations: string[]; mutationsDropped?: number; domDiff: string | null }>(
        `(() => { const s = globalThis.__ywProbe; const after = s.serialise();
        let domDiff = null;
        if (!s.dcl) domDiff = 'the probe never saw DOMContentLoaded';
        else if (after !== s.before) { let i = 0; while (i < after.length && after[i] === s.before[i]) i++;
          domDiff = 'first difference at ' + i + ': before …' + s.before.slice(Math.max(0, i - 80), i + 120) + '… after …' + after.slice(Math.max(0, i - 80), i + 120) + '…'; }
        return { mutations: s.mutations, mutationsDropped: s.mutationsDropped, domDiff }; })()`,
      );
      const highlights = await evaluate<Highlights>(READ_HIGHLIGHTS);
      const mutations = [...state.mutations];
      if (state.mutationsDropped) mutations.push(`… and ${state.mutationsDropped} more`);
      return { domDiff: state.domDiff, mutations, highlights, errors: [...errors] };
    },
  };
}

/** Human-readable summary of a report, for assertion messages. */
export function describeReport(r: PageProbeReport): string {
  return JSON.stringify(
    {
      domDiff: r.domDiff,
      mutations: r.mutations,
      errors: r.errors,
      highlightedRuns: r.highlights.runs.slice(0, 30),
    },
    null,
    2,
  );
}
