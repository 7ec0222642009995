/**
 * The content script's cost in a real browser, against a baseline measured in
 * the same run and the same page (issue 4, item 8).
 *
 *   npx tsx scripts/bench-browser.ts      readable lines, then one JSON object on the LAST line
 *   (and `npm run bench -- --browser`, which merges benchBrowser() into the engine's JSON)
 *
 * Builds the extension into its own folder (YUANWEN_OUT_DIR, default
 * .output-bench; YUANWEN_SKIP_BUILD=1 reuses a build there), loads it in
 * Debian's Chromium, and serves generated, deterministic Chinese news pages
 * (header, navigation, an article with inline links and emphasis, sidebars of
 * headlines, a footer) with quotes of the speech — slogans in “”, whole
 * sentences — every few paragraphs.
 *
 * Keys (milliseconds unless named otherwise; best of RUNS fresh page loads):
 *   content_ms_1mb, content_ms_5mb   the content script's own report of its
 *       full scan (timings.totalMs: extraction + matching + ranges + highlight
 *       registration, time inside its slices only, waits between slices
 *       excluded), read from the background (get-tab-results → frames[].timings)
 *   bare_read_ms_1mb, bare_read_ms_5mb   the baseline: a bare TreeWalker over
 *       the same page's text nodes joining their data, run as a content script
 *       runs, in an isolated world (created over CDP, as Chromium creates one
 *       for each extension's content scripts), as the FIRST script to read the
 *       page's text, at DOMContentLoaded, on its own fresh load of the page in
 *       the same browser. It is the least any content script pays to read the
 *       page: an isolated world pays for each node and string it touches (a
 *       wrapper of its own), which the page's own scripts do not.
 *       The first read of a freshly parsed page costs about twice any later
 *       read, in any world (measured on the 5 MB page: 83–153 ms first, 33–63
 *       ms after another world had read it), so a baseline read after the
 *       content script would hand the baseline the warm-up it paid.
 *   bare_read_main_ms_1mb/_5mb   the same first read in the page's own world
 *       (the baseline until 2026-11-29), and ratio_to_bare_read_main_* against it
 *   bare_read_after_ms_1mb/_5mb   the page-world walk once the extension is
 *       done (the second reader of the page), for reference
 *   bare_read_warm_ms_1mb/_5mb   that walk repeated (best of 3), for reference
 *   ratio_to_bare_read_1mb/_5mb   content / bare read; ratio_to_bare_read
 *       is the larger of the two (target ≤ 2); ratio_to_bare_read_after_* the
 *       same against the page world's second read
 *       Since the matcher moved to the background (scan-text messages), this is
 *       the page thread's share only: matching is content_scan_ms_*.
 *   content_extract_ms_*, content_send_ms_*, content_highlight_ms_*   the same
 *       run's breakdown on the page's thread (text extraction; handing the text
 *       to the background, which the browser serialises; Ranges + highlights);
 *       content_scan_ms_* the matcher's time as the background reports it (off
 *       the page's thread; its one-off index build is matcher_init_ms_* when
 *       reported); content_elapsed_ms_* wall time from start to report, waits
 *       included; content_slices_* the tasks the page-side work took
 *   page_bytes_1mb/_5mb, page_chars_1mb/_5mb, matches_1mb/_5mb   what was measured
 *   max_slice_ms_5mb   the longest slice the content script reports on 5 MB
 *   highlight_ms_1000   timings.highlightMs on a page with 1,000 quotes
 *       (matches → Ranges, visibility checks, Highlight registration), with
 *       highlight_matches (the count actually found) and content_ms_1000
 *   highlight_render_ms_1000   style recalculation and layout the browser ran
 *       because of the content script on that page (trace events whose
 *       schedule stack names content.js, e.g. after it adopts its stylesheet):
 *       work the content script's own clock cannot see
 *   no_han_cpu_ms   CPU time of the content script (traced, as the hostile-page
 *       tests count it, scripts/profile/extension-tasks.ts: its injection with its
 *       isolated world's creation, its calls, and tasks sampled in its code,
 *       in every frame on the page's thread; not the browser's own parsing
 *       and rendering in the same tasks, which until 2026-11-29 counted too)
 *       over one load of an English page, median of RUNS loads: what every
 *       page without Chinese pays
 *   no_han_frames_cpu_ms   the same for an English page holding ten English
 *       iframes: frames other than the top one set nothing up until they
 *       show Chinese (entrypoints/content/han-gate.ts)
 *   content_script_gz_kb   gzip -9 size of content-scripts/content.js (target ≤ 50)
 *   content_script_kb      its raw size
 *   content_script_has_wasm   1 when the bundle references WebAssembly or a .wasm file (target 0)
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import type { ScanTimings, TabResults } from '../lib/messages';
import { type ExtensionSession, launchWithExtension, ROOT } from './browser';
import { WHO as ALL_WHO, WHEN } from './news-vocabulary';
import { openProbedPage } from './profile/probed-page';
import { openStatusReader, type StatusReader } from './scan-status';
import { pick, rng } from './seeded-random';

const RUNS = 5;
const MB = 1024 * 1024;

// The pages' generator picks from the first ten (their seeded content stays as it was measured).
const WHO = ALL_WHO.slice(0, 10);
const DID = [
  '召开专题会议，研究部署下一阶段重点工作',
  '完成老旧小区改造项目二十余个',
  '新增城市绿地面积约三百公顷',
  '推动重点行业企业开展节能改造',
  '组织开展河道清淤和岸线整治',
  '发布促进消费的若干措施',
  '举办招商推介会，签约项目十二个',
  '持续推进农村人居环境整治提升',
  '加快建设一批公共充电设施',
  '开展安全生产大检查，排查隐患四百余处',
];
const SO = [
  '群众满意度明显提升',
  '生态环境质量持续改善',
  '全市经济运行总体平稳',
  '为高质量发展提供有力支撑',
  '受到社会各界广泛关注',
  '相关工作取得阶段性成效',
];
const HEADLINES = [
  '地铁新线开通试运营',
  '秋粮收购工作全面展开',
  '城市更新项目集中开工',
  '全民健身运动会开幕',
  '新能源汽车销量增长',
];

/** The speech's slogans (“…”, longer than 3 characters) and its sentences of 12–60 characters. */
function speechQuotes(): { slogans: string[]; sentences: string[] } {
  const text = readFileSync(join(ROOT, 'data/speech.txt'), 'utf8');
  const slogans = [...new Set([...text.matchAll(/“([^”]{4,})”/g)].map((m) => m[1] as string))];
  const sentences = text
    .split(/[。！？\n]/)
    .map((s) => s.trim())
    .filter((s) => s.length >= 12 && s.length <= 60 && !s.includes('“'));
  return { slogans, sentences };
}

function sentence(r: () => number): string {
  return `${pick(r, WHEN)}，${pick(r, WHO)}${pick(r, DID)}，${pick(r, SO)}。`;
}

/** A paragraph of news prose with some inline markup; `quote` (if any) set inside it. */
function paragraph(r: () => number, quote: string | null): string {
  const parts: string[] = [];
  const n = 3 + Math.floor(r() * 4);
  for (let i = 0; i < n; i += 1) {
    const s = sentence(r);
    const style = r();
    parts.push(style < 0.1 ? `<strong>${s}</strong>` : style < 0.2 ? `<a href="#n${i}">${s}</a>` : s);
  }
  if (quote) parts.splice(1 + Math.floor(r() * (n - 1)), 0, quote);
  return `<p>${parts.join('')}</p>`;
}

/**
 * A news page of at least `targetBytes` of UTF-8 HTML. Every `quoteEvery`-th
 * paragraph quotes the speech (alternately a slogan in “” and a whole sentence).
 */
export function newsPage(targetBytes: number, seed: number, quoteEvery = 12): string {
  const r = rng(seed);
  const { slogans, sentences } = speechQuotes();
  const nav = Array.from({ length: 30 }, (_, i) => `<li><a href="/c/${i}">${pick(r, HEADLINES)}</a></li>`).join('');
  const head = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>新闻 ${seed}</title>
<style>body{font:16px/1.7 sans-serif;margin:0}main{display:flex;gap:24px}article{flex:3}aside{flex:1}</style></head>
<body><header><h1>本地新闻网</h1><nav><ul>${nav}</ul></nav></header><main><article><h1>${pick(r, HEADLINES)}</h1><p class="meta">来源：本报记者 · 2023年</p>\n`;
  const tail = `</article><aside><h2>相关新闻</h2><ul>${Array.from({ length: 20 }, () => `<li><a href="#">${pick(r, HEADLINES)}</a></li>`).join('')}</ul></aside></main><footer><p>版权所有 本地新闻网</p></footer></body></html>`;
  const body: string[] = [];
  let bytes = Buffer.byteLength(head + tail);
  let quotes = 0;
  for (let i = 1; bytes < targetBytes; i += 1) {
    let quote: string | null = null;
    if (i % quoteEvery === 0) {
      quotes += 1;
      quote = quotes % 2 ? `要坚持“${pick(r, slogans)}”，` : `${pick(r, sentences)}。`;
    }
    const p = paragraph(r, quote) + (i % 40 === 0 ? `\n<h2>${pick(r, HEADLINES)}</h2>\n` : '\n');
    body.push(p);
    bytes += Buffer.byteLength(p);
  }
  return head + body.join('') + tail;
}

/** 1,000 short paragraphs, each quoting one slogan of the speech once. */
export function thousandQuotesPage(): string {
  const r = rng(1000);
  const { slogans } = speechQuotes();
  const long = slogans.filter((s) => s.length >= 6);
  const ps = Array.from(
    { length: 1000 },
    (_, i) => `<p>${sentence(r)}会议指出，“${long[i % long.length]}”。${sentence(r)}</p>`,
  );
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>一千处引用</title></head><body><article>${ps.join('\n')}</article></body></html>`;
}

// Plain JS source, evaluated in the page's own world (no bundler helpers can leak in).
const BARE_READ = `(() => {
  const t0 = performance.now();
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const parts = [];
  for (let n = walker.nextNode(); n; n = walker.nextNode()) parts.push(n.data);
  const text = parts.join('');
  return { ms: performance.now() - t0, chars: text.length };
})()`;

/** Init script: the bare read as the page's first reader, at DOMContentLoaded (the content script scans later, when idle). */
const BARE_READ_FIRST = `document.addEventListener('DOMContentLoaded', () => { window.__bareReadFirst = ${BARE_READ}; }, { once: true });`;

/** The isolated world the content-script baseline reads from (what Chromium gives every content script). */
const BARE_WORLD = 'yuanwen-bench-bare-read';

interface PageRun {
  timings: ScanTimings;
  matches: number;
  bareFirstMs: number;
  bareIsolatedMs: number;
  bareColdMs: number;
  bareWarmMs: number;
  chars: number;
}

function topFrameTimings(r: TabResults): ScanTimings | undefined {
  return (r.frames ?? []).find((f) => f.frameId === 0)?.timings;
}

let served = 0;

/** Loads `html` in a fresh tab, waits for the content script's finished report, then times the bare read. */
async function runPage(session: ExtensionSession, status: StatusReader, name: string, html: string): Promise<PageRun> {
  served += 1;
  const path = `/bench-${name}-${served}.html`;
  session.server.route(path, html);
  const url = `${session.server.baseUrl}${path}`;
  const page: Page = await session.context.newPage();
  try {
    await page.goto(url, { waitUntil: 'load', timeout: 120_000 });
    const results = await status.waitForDone(url, (r) => topFrameTimings(r) !== undefined, 180_000);
    const timings = topFrameTimings(results) as ScanTimings;
    const cold = await page.evaluate<{ ms: number; chars: number }>(BARE_READ);
    let warm = Number.POSITIVE_INFINITY;
    for (let i = 0; i < 3; i += 1) warm = Math.min(warm, (await page.evaluate<{ ms: number }>(BARE_READ)).ms);
    const first = await bareReadFirst(session, status, name, html, 'page');
    const isolated = await bareReadFirst(session, status, name, html, 'isolated');
    return {
      timings,
      matches: results.matches.length,
      bareFirstMs: first,
      bareIsolatedMs: isolated,
      bareColdMs: cold.ms,
      bareWarmMs: warm,
      chars: cold.chars,
    };
  } finally {
    await page.close();
  }
}

/**
 * The bare read as the first reader of a fresh load of `html` (see BARE_READ_FIRST), in the page's own
 * world or in an isolated world, as a content script reads: Chromium runs each extension's content
 * scripts in one, and an isolated world pays for DOM access a page's own scripts do not (each node and
 * string it touches gets a wrapper of that world; measured on the 5 MB page: 38–64 ms against 29–36 ms).
 */
async function bareReadFirst(
  session: ExtensionSession,
  status: StatusReader,
  name: string,
  html: string,
  world: 'page' | 'isolated',
): Promise<number> {
  served += 1;
  const path = `/bench-${name}-first-${world}-${served}.html`;
  session.server.route(path, html);
  const url = `${session.server.baseUrl}${path}`;
  const page: Page = await session.context.newPage();
  const cdp = world === 'isolated' ? await session.context.newCDPSession(page) : null;
  try {
    let read: () => Promise<{ ms: number; chars: number } | undefined>;
    if (cdp) {
      let contextId: number | undefined;
      cdp.on('Runtime.executionContextCreated', (e: { context: { id: number; name: string } }) => {
        if (e.context.name === BARE_WORLD) contextId = e.context.id;
      });
      await cdp.send('Runtime.enable');
      await cdp.send('Page.enable');
      await cdp.send('Page.addScriptToEvaluateOnNewDocument', { source: BARE_READ_FIRST, worldName: BARE_WORLD });
      read = async () => {
        if (contextId === undefined) throw new Error(`no isolated world ${BARE_WORLD} on ${url}`);
        const reply = (await cdp.send('Runtime.evaluate', {
          expression: 'window.__bareReadFirst',
          contextId,
          returnByValue: true,
        })) as { result: { value?: { ms: number; chars: number } } };
        return reply.result.value;
      };
    } else {
      await page.addInitScript(BARE_READ_FIRST);
      read = () => page.evaluate<{ ms: number; chars: number } | undefined>('window.__bareReadFirst');
    }
    await page.goto(url, { waitUntil: 'load', timeout: 120_000 });
    const first = await read();
    if (!first) throw new Error(`the first bare read (${world} world) did not run on ${url}`);
    // Let the extension finish here too, so its work does not overlap the next measured load.
    await status.waitForDone(url, (r) => topFrameTimings(r) !== undefined, 180_000);
    return first.ms;
  } finally {
    await cdp?.detach().catch(() => undefined);
    await page.close();
  }
}

/** Best of RUNS: the smallest content time, and the smallest bare read, each over fresh page loads. */
async function bestOf(session: ExtensionSession, status: StatusReader, name: string, html: string) {
  const runs: PageRun[] = [];
  for (let i = 0; i < RUNS; i += 1) runs.push(await runPage(session, status, name, html));
  const best = runs.reduce((a, b) => (b.timings.totalMs < a.timings.totalMs ? b : a));
  return {
    best: best.timings,
    contentMs: best.timings.totalMs,
    highlightMs: Math.min(...runs.map((r) => r.timings.highlightMs)),
    maxSliceMs: Math.min(...runs.map((r) => r.timings.maxSliceMs ?? Number.NaN)),
    bareFirstMs: Math.min(...runs.map((r) => r.bareFirstMs)),
    bareIsolatedMs: Math.min(...runs.map((r) => r.bareIsolatedMs)),
    bareColdMs: Math.min(...runs.map((r) => r.bareColdMs)),
    bareWarmMs: Math.min(...runs.map((r) => r.bareWarmMs)),
    matches: best.matches,
    chars: best.chars,
  };
}

/** Style and layout work the browser did because of the content script, on one load of `html` (traced). */
async function renderingCost(session: ExtensionSession, status: StatusReader, html: string): Promise<number> {
  served += 1;
  const path = `/bench-render-${served}.html`;
  session.server.route(path, html);
  const url = `${session.server.baseUrl}${path}`;
  const probe = await openProbedPage(session);
  try {
    await probe.goto(url);
    await status.waitForDone(url, (r) => topFrameTimings(r) !== undefined, 180_000);
    await new Promise((ok) => setTimeout(ok, 1000)); // the recalculation runs in the next frames
    const report = await probe.finish();
    return report.extensionTasks.filter((t) => t.kind === 'rendering').reduce((sum, t) => sum + t.scriptWallMs, 0);
  } finally {
    await probe.dispose();
  }
}

/** An English page: paragraphs with inline markup, no Han character anywhere. */
function englishPage(title: string, paragraphs: number, extra = ''): string {
  const p =
    '<p>The council met on Tuesday to <b>review</b> the budget, and <a href="#more">the minutes</a> follow.</p>';
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>${title}</title></head><body>${p.repeat(paragraphs)}${extra}</body></html>`;
}

/** Median CPU of the content script over RUNS loads of `html` (see no_han_cpu_ms). */
async function noHanCpu(session: ExtensionSession, status: StatusReader, html: string): Promise<number> {
  const costs: number[] = [];
  for (let run = 0; run < RUNS; run += 1) {
    served += 1;
    const url = `${session.server.baseUrl}/bench-english-${served}.html`;
    session.server.route(`/bench-english-${served}.html`, html);
    const probe = await openProbedPage(session);
    try {
      await probe.goto(url);
      await status.waitForDone(url, (r) => topFrameTimings(r) !== undefined, 60_000);
      await new Promise((ok) => setTimeout(ok, 1500)); // the frames' own first looks run after the top frame's report
      const report = await probe.finish();
      costs.push(report.extensionTasks.filter((t) => t.kind === 'script').reduce((sum, t) => sum + t.scriptCpuMs, 0));
    } finally {
      await probe.dispose();
    }
  }
  return costs.sort((a, b) => a - b)[costs.length >> 1] as number;
}

function bundleFigures(extensionDir: string): Record<string, number> {
  const file = join(extensionDir, 'content-scripts/content.js');
  const code = readFileSync(file);
  const text = code.toString('utf8');
  // A WebAssembly API call, a .wasm file, or a module inlined raw or as base64 ("\0asm" → "AGFzbQ").
  const hasWasm = /WebAssembly\s*\.|\.wasm\b|AGFzbQ/.test(text) || code.includes(Buffer.from([0x00, 0x61, 0x73, 0x6d]));
  return {
    content_script_kb: round(code.length / 1024),
    content_script_gz_kb: round(gzipSync(code, { level: 9 }).length / 1024),
    content_script_has_wasm: hasWasm ? 1 : 0,
  };
}

const round = (x: number) => Math.round(x * 10) / 10;

export async function benchBrowser(): Promise<Record<string, number>> {
  const outDir = process.env.YUANWEN_OUT_DIR ?? '.output-bench';
  if (process.env.YUANWEN_SKIP_BUILD !== '1')
    execFileSync('npx', ['wxt', 'build'], {
      cwd: ROOT,
      env: { ...process.env, YUANWEN_OUT_DIR: outDir },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
  const extensionDir = resolve(ROOT, outDir, 'chrome-mv3');
  const results: Record<string, number> = bundleFigures(extensionDir);

  const session = await launchWithExtension({ extensionDir });
  const status = await openStatusReader(session);
  try {
    for (const [label, bytes, seed] of [
      ['1mb', 1 * MB, 1],
      ['5mb', 5 * MB, 5],
    ] as const) {
      const html = newsPage(bytes, seed);
      const m = await bestOf(session, status, label, html);
      results[`page_bytes_${label}`] = Buffer.byteLength(html);
      results[`page_chars_${label}`] = m.chars;
      results[`matches_${label}`] = m.matches;
      results[`content_ms_${label}`] = round(m.contentMs);
      results[`bare_read_ms_${label}`] = round(m.bareIsolatedMs);
      results[`bare_read_main_ms_${label}`] = round(m.bareFirstMs);
      results[`bare_read_after_ms_${label}`] = round(m.bareColdMs);
      results[`bare_read_warm_ms_${label}`] = round(m.bareWarmMs);
      results[`ratio_to_bare_read_${label}`] = round(m.contentMs / m.bareIsolatedMs);
      results[`ratio_to_bare_read_main_${label}`] = round(m.contentMs / m.bareFirstMs);
      results[`ratio_to_bare_read_after_${label}`] = round(m.contentMs / m.bareColdMs);
      // Where the content script's time went, in the same (best) run.
      results[`content_extract_ms_${label}`] = round(m.best.extractMs);
      results[`content_scan_ms_${label}`] = round(m.best.scanMs);
      results[`content_send_ms_${label}`] = round(m.best.sendMs ?? 0);
      results[`content_highlight_ms_${label}`] = round(m.best.highlightMs);
      results[`content_elapsed_ms_${label}`] = round(m.best.elapsedMs);
      results[`content_slices_${label}`] = m.best.slices;
      const init = (m.best as ScanTimings & { matcherInitMs?: number }).matcherInitMs;
      if (init !== undefined) results[`matcher_init_ms_${label}`] = round(init);
      if (label === '5mb') results.max_slice_ms_5mb = round(m.maxSliceMs);
    }
    results.ratio_to_bare_read = Math.max(
      results.ratio_to_bare_read_1mb as number,
      results.ratio_to_bare_read_5mb as number,
    );
    results.ratio_to_bare_read_main = Math.max(
      results.ratio_to_bare_read_main_1mb as number,
      results.ratio_to_bare_read_main_5mb as number,
    );
    const thousand = thousandQuotesPage();
    const h = await bestOf(session, status, '1000', thousand);
    results.highlight_ms_1000 = round(h.highlightMs);
    results.highlight_matches = h.matches;
    results.content_ms_1000 = round(h.contentMs);
    results.highlight_render_ms_1000 = round(await renderingCost(session, status, thousand));
    results.no_han_cpu_ms = round(await noHanCpu(session, status, englishPage('Council news', 200)));
    session.server.route('/bench-english-frame.html', englishPage('Widget', 20));
    const frames = Array.from(
      { length: 10 },
      (_, k) => `<iframe src="/bench-english-frame.html?${k}" width="300" height="80" title="widget ${k}"></iframe>`,
    ).join('');
    results.no_han_frames_cpu_ms = round(
      await noHanCpu(session, status, englishPage('Council news with widgets', 50, frames)),
    );
  } finally {
    await status.close().catch(() => undefined);
    await session.close();
  }
  return results;
}

async function main(): Promise<void> {
  const r = await benchBrowser();
  const f = (k: string) => (r[k] === undefined ? '-' : (r[k] as number).toLocaleString('en-US'));
  for (const size of ['1mb', '5mb'])
    console.log(
      `${size}: ${f(`page_bytes_${size}`)} bytes, ${f(`page_chars_${size}`)} chars, ${f(`matches_${size}`)} matches — content ${f(`content_ms_${size}`)} ms (extract ${f(`content_extract_ms_${size}`)}, send ${f(`content_send_ms_${size}`)}, highlight ${f(`content_highlight_ms_${size}`)}; background scan ${f(`content_scan_ms_${size}`)}; ${f(`content_slices_${size}`)} slices over ${f(`content_elapsed_ms_${size}`)} ms), bare read as a content script ${f(`bare_read_ms_${size}`)} ms, ratio ${f(`ratio_to_bare_read_${size}`)}; in the page's world ${f(`bare_read_main_ms_${size}`)} ms, ratio ${f(`ratio_to_bare_read_main_${size}`)} (${f(`bare_read_after_ms_${size}`)} after the extension, warm ${f(`bare_read_warm_ms_${size}`)})`,
    );
  console.log(
    `ratio_to_bare_read ${f('ratio_to_bare_read')} (target ≤ 2; against the page's own world ${f('ratio_to_bare_read_main')}); longest slice on 5 MB ${f('max_slice_ms_5mb')} ms`,
  );
  console.log(
    `1,000 quotes: ${f('highlight_matches')} found, highlight ${f('highlight_ms_1000')} ms, content ${f('content_ms_1000')} ms, browser style/layout caused ${f('highlight_render_ms_1000')} ms`,
  );
  console.log(
    `a page without Chinese: content script CPU ${f('no_han_cpu_ms')} ms per load; with ten iframes without Chinese ${f('no_han_frames_cpu_ms')} ms`,
  );
  console.log(
    `content.js ${f('content_script_kb')} KB, gzip ${f('content_script_gz_kb')} KB (target ≤ 50), wasm ${f('content_script_has_wasm')} (target 0)`,
  );
  console.log(JSON.stringify(r));
}

if (process.argv[1]?.endsWith('bench-browser.ts'))
  void main().catch((error) => {
    console.error(`bench-browser: ${(error as Error)?.stack ?? error}`);
    process.exitCode = 1;
  });
