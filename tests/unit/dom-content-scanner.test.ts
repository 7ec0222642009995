/**
 * The content script's core on happy-dom: a full scan, re-scans of changed
 * blocks (other matches keep their ids), removals, stop; the live watcher's
 * mapping of mutations to blocks; the highlight stylesheet's handling of
 * stored colours. The browser-only parts (CSS.highlights) are covered by the
 * e2e tests; here a recording stand-in takes the Ranges.
 */
import { readFileSync } from 'node:fs';
import { Window } from 'happy-dom';
import { describe, expect, it } from 'vitest';
import { scanForContent } from '../../entrypoints/background/scan';
import type { Highlighter, HighlightKind } from '../../entrypoints/content/highlighter';
import { highlightCss } from '../../entrypoints/content/highlighter';
import { LiveWatcher } from '../../entrypoints/content/live';
import { FrameScanner, highlightKind } from '../../entrypoints/content/scanner';
import type { ScanOptions } from '../../lib/match';
import type { FrameReport } from '../../lib/messages';
import { DEFAULT_SETTINGS } from '../../lib/settings/defaults';
import { scanOptionsFor } from '../../lib/settings/scan-options';

function page(body: string) {
  const window = new Window({ url: 'https://news.example/a' });
  window.document.write(`<!doctype html><html><head><title>测试</title></head><body>${body}</body></html>`);
  return { window, doc: window.document as unknown as Document };
}

/** Records what would be painted. */
function recorder() {
  const live = new Map<HighlightKind, Set<Range>>();
  const fake = {
    add(kind: HighlightKind, ranges: readonly Range[]) {
      const set = live.get(kind) ?? new Set();
      for (const r of ranges) set.add(r);
      live.set(kind, set);
    },
    delete(kind: HighlightKind, ranges: readonly Range[]) {
      for (const r of ranges) live.get(kind)?.delete(r);
    },
    commit() {},
    clear() {
      live.clear();
    },
    addScope() {},
  };
  const texts = () => [...live.values()].flatMap((set) => [...set].map((r) => r.toString()));
  return { highlighter: fake as unknown as Highlighter, texts };
}

function scannerFor(doc: Document) {
  const { highlighter, texts } = recorder();
  const reports: FrameReport[] = [];
  const scanner = new FrameScanner({
    doc,
    frameKey: 'k1',
    highlighter,
    options: () => scanOptionsFor(DEFAULT_SETTINGS),
    // What the background does for scan-text (entrypoints/background/scan.ts), called directly.
    scan: async (text: string, options: ScanOptions) => scanForContent(text, options),
    report: (r) => reports.push(r),
    shadowRoot: () => {},
  });
  return { scanner, reports, texts, last: () => reports[reports.length - 1] as FrameReport };
}

describe('FrameScanner', () => {
  it('scans the frame, highlights each match and reports it with timings', async () => {
    const { doc } = page('<p>会议要求牢固树立“绿水青山<b>就是</b>金山银山”的理念。</p><p>今天天气晴朗。</p>');
    const { scanner, texts, last } = scannerFor(doc);
    await scanner.scanAll();
    expect(last().status).toBe('done');
    const quotes = last().matches.map((m) => m.quote);
    expect(quotes.some((q) => q.includes('绿水青山就是金山银山'))).toBe(true);
    expect(texts().join('')).toContain('绿水青山就是金山银山');
    expect(last().matches.every((m) => m.id.startsWith('k1:'))).toBe(true);
    expect(last().timings?.chars).toBeGreaterThan(0);
    expect(last().url).toBe('https://news.example/a');
  });

  it('re-scans a changed block only: its old matches go, the others keep their ids', async () => {
    const { doc } = page(
      '<p id="a">要以“时时放心不下”的责任感抓好工作。</p><p id="b">牢固树立“绿水青山就是金山银山”的理念。</p>',
    );
    const { scanner, texts, last } = scannerFor(doc);
    await scanner.scanAll();
    const keep = last().matches.find((m) => m.quote.includes('时时放心不下'));
    expect(keep).toBeDefined();
    const b = doc.getElementById('b') as HTMLElement;
    b.textContent = '要牢固树立“抓生态就是抓发展、抓生态就是抓民生”的理念。';
    await scanner.rescan([b]);
    const quotes = last()
      .matches.map((m) => m.quote)
      .join('|');
    expect(quotes).toContain('抓生态就是抓发展、抓生态就是抓民生');
    expect(quotes).not.toContain('绿水青山');
    expect(last().matches.map((m) => m.id)).toContain(keep?.id);
    expect(texts().join('|')).not.toContain('绿水青山');
    expect(last().timings?.chars).toBeLessThan(60);
  });

  it('keeps document order when a re-scan adds matches before others', async () => {
    const { doc } = page('<p id="a">今天天气晴朗。</p><p id="b">要以“时时放心不下”的责任感抓好工作。</p>');
    const { scanner, last } = scannerFor(doc);
    await scanner.scanAll();
    const a = doc.getElementById('a') as HTMLElement;
    a.textContent = '牢固树立“绿水青山就是金山银山”的理念。';
    await scanner.rescan([a]);
    const quotes = last().matches.map((m) => m.quote);
    expect(quotes.findIndex((q) => q.includes('绿水青山'))).toBeLessThan(
      quotes.findIndex((q) => q.includes('时时放心不下')),
    );
  });

  it('drops matches whose text left the page, and reports paused with nothing when stopped', async () => {
    const { doc } = page('<p id="a">要以“时时放心不下”的责任感抓好工作。</p>');
    const { scanner, texts, last } = scannerFor(doc);
    await scanner.scanAll();
    expect(scanner.count).toBe(1);
    (doc.getElementById('a') as HTMLElement).remove();
    expect(scanner.prune()).toBe(true);
    expect(scanner.count).toBe(0);
    await scanner.scanAll();
    scanner.stop('paused');
    expect(last()).toMatchObject({ status: 'paused', matches: [] });
    expect(texts()).toEqual([]);
  });

  it('never calls the matcher on a page without Han characters', async () => {
    const { doc } = page('<p>The council approved a plan.</p>');
    const { scanner, last } = scannerFor(doc);
    await scanner.scanAll();
    expect(last().status).toBe('done');
    expect(last().timings?.scanMs).toBe(0);
  });

  it('labels near-verbatim passages apart from verbatim ones', () => {
    const base = { start: 0, end: 4, speechStart: 0, speechEnd: 4, diff: null, distinctiveness: 1 } as const;
    expect(highlightKind({ ...base, kind: 'slogan', similarity: 1, rule: 'quoted-slogan' })).toBe('slogan');
    expect(highlightKind({ ...base, kind: 'passage', similarity: 1, rule: 'verbatim' })).toBe('passage');
    expect(highlightKind({ ...base, kind: 'passage', similarity: 0.9, rule: 'near' })).toBe('near');
  });
});

describe('LiveWatcher', () => {
  it('turns mutations into the blocks around them, ignoring scripts, after a quiet moment', async () => {
    const { window, doc } = page('<main id="feed"><p id="p">第一段</p></main>');
    const batches: (Node[] | null)[] = [];
    const watcher = new LiveWatcher(window as unknown as ConstructorParameters<typeof LiveWatcher>[0], {
      changed: (roots) => batches.push(roots),
      removed: () => {},
      navigated: () => {},
    });
    watcher.start();
    const feed = doc.getElementById('feed') as HTMLElement;
    const added = doc.createElement('p');
    added.textContent = '新的一段';
    feed.appendChild(added);
    (doc.getElementById('p') as HTMLElement).appendChild(doc.createElement('b')).textContent = '加粗';
    feed.appendChild(doc.createElement('script')).textContent = 'var x = "脚本"';
    await new Promise((ok) => setTimeout(ok, 400));
    watcher.stop();
    expect(batches).toHaveLength(1);
    expect(batches[0]).toEqual([added, doc.getElementById('p')]);
  });
});

describe('LiveWatcher navigation', () => {
  it('reports a History API route change, not a fragment change', async () => {
    const { window } = page('<p>正文</p>');
    const routes: string[] = [];
    const watcher = new LiveWatcher(window as unknown as ConstructorParameters<typeof LiveWatcher>[0], {
      changed: () => {},
      removed: () => {},
      navigated: (url) => routes.push(url),
    });
    watcher.start();
    window.history.pushState({}, '', '/a#comments');
    await new Promise((ok) => setTimeout(ok, 700));
    window.history.pushState({}, '', '/b');
    await new Promise((ok) => setTimeout(ok, 700));
    watcher.stop();
    expect(routes).toEqual(['https://news.example/b']);
  });
});

describe('highlightCss', () => {
  it('matches the manifest stylesheet in the default colours', () => {
    const file = readFileSync(new URL('../../entrypoints/content/highlights.css', import.meta.url), 'utf8');
    const norm = (css: string) =>
      css
        .replace(/\/\*[\s\S]*?\*\//g, '')
        .replace(/\s*([{};])\s*/g, '$1')
        .replace(/:\s+/g, ':')
        .trim();
    expect(norm(file)).toBe(norm(highlightCss(DEFAULT_SETTINGS.colours)));
  });

  it('uses stored colours that are plain hex, and falls back for anything else', () => {
    const css = highlightCss({ slogan: '#112233', passage: 'red;}body{display:none', nearVerbatim: '#abc' });
    expect(css).toContain('::highlight(yuanwen-slogan){background-color:#112233');
    expect(css).not.toContain('display:none');
    expect(css).toContain(`background-color:${DEFAULT_SETTINGS.colours.passage}`);
    expect(css).toContain('::highlight(yuanwen-near){background-color:#abc');
    expect(css).toContain('::highlight(yuanwen-flash)');
  });
});
