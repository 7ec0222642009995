/**
 * The content script when the background goes away under it: a scan request
 * that fails is retried (never read as "no matches") and the frame says it is
 * incomplete meanwhile; reports are sent until acknowledged; re-scans of a
 * burst of changes join into one pass; changes without Han text are not
 * re-scanned at all.
 */
import { Window } from 'happy-dom';
import { describe, expect, it } from 'vitest';
import { scanForContent } from '../../entrypoints/background/scan';
import { MAX_RETRY_MS, retryDelayMs } from '../../entrypoints/content/backoff';
import type { Highlighter } from '../../entrypoints/content/highlighter';
import { LiveWatcher } from '../../entrypoints/content/live';
import { createReporter, type ReportTransport } from '../../entrypoints/content/reporter';
import { FrameScanner } from '../../entrypoints/content/scanner';
import type { ScanOptions } from '../../lib/match';
import type { FrameReport } from '../../lib/messages';
import { DEFAULT_SETTINGS } from '../../lib/settings/defaults';
import { scanOptionsFor } from '../../lib/settings/scan-options';

function page(body: string) {
  const window = new Window({ url: 'https://news.example/a' });
  window.document.write(`<!doctype html><html><head><title>测试</title></head><body>${body}</body></html>`);
  return { window, doc: window.document as unknown as Document };
}

const noHighlights = {
  add() {},
  delete() {},
  commit() {},
  clear() {},
  addScope() {},
} as unknown as Highlighter;

const QUOTES = '<p>会议要求牢固树立“绿水青山就是金山银山”的理念。</p><p>要以“时时放心不下”的责任感抓好工作。</p>';

function scannerWith(
  doc: Document,
  scan: (text: string, options: ScanOptions) => Promise<ReturnType<typeof scanForContent>>,
) {
  const reports: FrameReport[] = [];
  const waits: number[] = [];
  const scanner = new FrameScanner({
    doc,
    frameKey: 'k1',
    highlighter: noHighlights,
    options: () => scanOptionsFor(DEFAULT_SETTINGS),
    scan,
    report: (r) => reports.push(r),
    shadowRoot: () => {},
    wait: async (ms) => {
      waits.push(ms);
    },
  });
  return { scanner, reports, waits };
}

describe('a scan request that fails', () => {
  it('is retried until answered: the full result, and "scanning" (not done) meanwhile', async () => {
    const { doc } = page(QUOTES);
    const truth = scannerWith(doc, async (t, o) => scanForContent(t, o));
    await truth.scanner.scanAll();
    const expected = truth.reports.at(-1)?.matches.map((m) => m.quote);
    expect(expected?.length).toBeGreaterThanOrEqual(2);

    let failures = 3;
    const { scanner, reports, waits } = scannerWith(doc, async (t, o) => {
      if (failures-- > 0) throw new Error('The message port closed before a response was received.');
      return scanForContent(t, o);
    });
    await scanner.scanAll();
    expect(waits).toEqual([retryDelayMs(0), retryDelayMs(1), retryDelayMs(2)]);
    // Every report before the last says the result is not final, and none is 'done' with fewer matches.
    expect(reports.slice(0, -1).every((r) => r.status === 'scanning')).toBe(true);
    expect(reports.at(-1)?.status).toBe('done');
    expect(reports.at(-1)?.matches.map((m) => m.quote)).toEqual(expected);
  });

  it('marks a finished frame as scanning again while a re-scan waits for the worker', async () => {
    const { doc } = page(QUOTES);
    let fail = false;
    const { scanner, reports } = scannerWith(doc, async (t, o) => {
      if (fail) {
        fail = false;
        throw new Error('Could not establish connection. Receiving end does not exist.');
      }
      return scanForContent(t, o);
    });
    await scanner.scanAll();
    const before = reports.length;
    fail = true;
    const p = doc.createElement('p');
    p.textContent = '要牢固树立“抓生态就是抓发展、抓生态就是抓民生”的理念。';
    doc.body.appendChild(p);
    await scanner.rescan([p]);
    expect(reports.slice(before).map((r) => r.status)).toEqual(['scanning', 'done']);
    expect(
      reports
        .at(-1)
        ?.matches.map((m) => m.quote)
        .join('|'),
    ).toContain('抓生态就是抓发展');
  });

  it('stops retrying when a newer pass or a stop takes over', async () => {
    const { doc } = page(QUOTES);
    let calls = 0;
    const { scanner, reports } = scannerWith(doc, async () => {
      calls++;
      if (calls === 2) scanner.stop('paused');
      throw new Error('gone');
    });
    await scanner.scanAll();
    expect(calls).toBe(2);
    expect(reports.at(-1)?.status).toBe('paused');
  });
});

describe('retryDelayMs', () => {
  it('starts small, doubles, and is capped', () => {
    expect(retryDelayMs(0)).toBeLessThan(retryDelayMs(1));
    expect(retryDelayMs(1)).toBe(2 * retryDelayMs(0));
    expect(retryDelayMs(100)).toBe(MAX_RETRY_MS);
  });
});

describe('re-scans', () => {
  it('asked for while one waits in the queue, join it: one pass for a burst', async () => {
    const { doc } = page(`<div id="a">${QUOTES}</div><div id="b">${QUOTES}</div>`);
    const texts: string[] = [];
    const { scanner, reports } = scannerWith(doc, async (t, o) => {
      texts.push(t);
      return scanForContent(t, o);
    });
    await scanner.scanAll();
    texts.length = 0;
    const a = doc.getElementById('a') as HTMLElement;
    const b = doc.getElementById('b') as HTMLElement;
    // Asked for in one burst: the three join one queued pass, over the outermost roots a and b.
    const first = scanner.rescan([a]);
    const second = scanner.rescan([b]);
    const third = scanner.rescan([a.firstChild as Node]);
    expect(second).toBe(first);
    expect(third).toBe(first);
    await first;
    expect(texts).toHaveLength(1); // both blocks in one request
    expect(reports.at(-1)?.status).toBe('done');
    // Once that pass has started, a new re-scan is a pass of its own.
    const running = scanner.rescan([a]);
    await Promise.resolve();
    await new Promise((ok) => setTimeout(ok, 0));
    expect(scanner.rescan([b])).not.toBe(running);
  });
});

describe('changed blocks scanned in one request', () => {
  it('find in each block what a scan of that block alone finds, and nothing across blocks', async () => {
    // Each block a quote edge to edge; b and c together would read as one longer passage of the speech.
    const blocks = [
      '绿水青山就是金山银山',
      '生态环境是关系党的使命宗旨的重大政治问题',
      '也是关系民生的重大社会问题',
      '今天天气晴朗。',
      '要以“时时放心不下”的责任感抓好工作。',
    ];
    const { doc } = page(blocks.map((b, i) => `<p id="b${i}">${b}</p>`).join(''));
    const roots = blocks.map((_, i) => doc.getElementById(`b${i}`) as HTMLElement);
    const alone: string[] = [];
    for (const root of roots) {
      const one = scannerWith(doc, async (t, o) => scanForContent(t, o));
      await one.scanner.rescan([root]);
      alone.push(...(one.reports.at(-1)?.matches.map((m) => m.quote) ?? []));
    }
    const texts: string[] = [];
    const all = scannerWith(doc, async (t, o) => {
      texts.push(t);
      return scanForContent(t, o);
    });
    await all.scanner.rescan(roots);
    expect(texts).toHaveLength(1);
    expect(all.reports.at(-1)?.matches.map((m) => m.quote)).toEqual(alone);
    expect(alone.length).toBeGreaterThanOrEqual(3);
  });
});

describe('LiveWatcher and Han text', () => {
  it('does not re-scan for changes that neither bring nor take away Han text', async () => {
    const { window, doc } = page(
      '<p id="p">会议要求牢固树立“绿水青山就是金山银山”的理念。<span id="clock">12:00:00</span></p>',
    );
    const batches: (Node[] | null)[] = [];
    const watcher = new LiveWatcher(window as unknown as ConstructorParameters<typeof LiveWatcher>[0], {
      changed: (roots) => batches.push(roots),
      removed: () => {},
      navigated: () => {},
    });
    watcher.start();
    const clock = doc.getElementById('clock') as HTMLElement;
    for (let i = 0; i < 5; i++) {
      (clock.firstChild as Text).data = `12:00:0${i}`;
      doc.body.appendChild(doc.createElement('img'));
      doc.body.appendChild(doc.createElement('span')).textContent = `tick ${i}`;
    }
    await new Promise((ok) => setTimeout(ok, 400));
    expect(batches).toEqual([]);
    // Han text replaced by Latin, and Latin by Han: both count.
    (clock.firstChild as Text).data = '十二点';
    await new Promise((ok) => setTimeout(ok, 400));
    (clock.firstChild as Text).data = 'noon';
    await new Promise((ok) => setTimeout(ok, 400));
    watcher.stop();
    expect(batches).toEqual([[doc.getElementById('p')], [doc.getElementById('p')]]);
  });
});

describe('createReporter', () => {
  function transport(replies: (unknown | Error)[]) {
    const sent: FrameReport[] = [];
    const waits: number[] = [];
    let alive = true;
    const t: ReportTransport & { sent: FrameReport[]; waits: number[]; kill(): void } = {
      sent,
      waits,
      kill: () => {
        alive = false;
      },
      async send(report) {
        sent.push(report);
        const reply = replies.length > 0 ? replies.shift() : { ok: true };
        if (reply instanceof Error) throw reply;
        return reply;
      },
      alive: () => alive,
      async wait(ms) {
        waits.push(ms);
      },
    };
    return t;
  }
  const report = (n: number): FrameReport => ({ url: `https://x/${n}`, title: '', status: 'done', matches: [] });
  const settle = () => new Promise((ok) => setTimeout(ok, 20));

  it('sends a report again until the background acknowledges it', async () => {
    const t = transport([new Error('port closed'), undefined, { ok: true }]);
    const r = createReporter(t);
    r.send(report(1));
    await settle();
    expect(t.sent.map((x) => x.url)).toEqual(['https://x/1', 'https://x/1', 'https://x/1']);
    expect(t.waits).toEqual([retryDelayMs(0), retryDelayMs(1)]);
    expect(r.last()?.url).toBe('https://x/1');
  });

  it('one in flight; the newest report replaces older ones not yet sent', async () => {
    const t = transport([]);
    const r = createReporter(t);
    r.send(report(1));
    r.send(report(2));
    r.send(report(3));
    await settle();
    expect(t.sent.map((x) => x.url)).toEqual(['https://x/1', 'https://x/3']);
    expect(r.last()?.url).toBe('https://x/3');
  });

  it('gives up when the runtime is gone', async () => {
    const t = transport([new Error('Extension context invalidated.')]);
    t.kill();
    const r = createReporter(t);
    r.send(report(1));
    await settle();
    expect(t.sent).toHaveLength(1);
    expect(t.waits).toEqual([]);
  });
});
