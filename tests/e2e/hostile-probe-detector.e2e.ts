/**
 * Proves the hostile-page checks can fail: a throwaway extension misbehaves in
 * one way per page (a DOM change, a long task resumed from an await, a
 * highlight inside an editor, an uncaught error) and the probe must catch each
 * one, while its well-behaved run passes every check.
 *
 * The content tests' long-task check (content-helpers.ts) and the trace
 * attribution under both (scripts/profile/extension-tasks.ts) get the same treatment: the
 * extension must be charged with a long task of its own, with a task its share
 * made long and with a restyle it forced, and not with the page's own long
 * task or the parser's work around its document_start script.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ExtensionSession, launchWithExtension } from '../../scripts/browser';
import { LONG_TASK_MS, worstTask } from '../../scripts/profile/extension-tasks';
import { openStatusReader } from '../../scripts/scan-status';
import { installProbe, longTasksOfExtension, openWithExtension } from './content-helpers';
import { expectUnharmed, type HostileBrowser, visitHostilePage } from './hostile-run';
import { watchExtensionNetwork } from './network';

const MANIFEST = {
  manifest_version: 3,
  name: 'misbehaving test extension',
  version: '1',
  background: { service_worker: 'sw.js' },
  permissions: ['tabs'],
  content_scripts: [
    // Does next to nothing, early and at DOMContentLoaded: in the parser's tasks, as Yuanwen's script does.
    { matches: ['http://127.0.0.1/*'], js: ['early.js'], run_at: 'document_start' },
    { matches: ['http://127.0.0.1/*'], js: ['cs.js'], run_at: 'document_idle' },
  ],
};

// Answers get-tab-results like Yuanwen's background, so the shared course of a visit can run.
const WORKER = `chrome.runtime.onMessage.addListener((m, sender, reply) => {
  if (m && m.type === 'get-tab-results') {
    chrome.tabs.get(m.tabId).then((tab) => reply({ tabId: m.tabId, url: tab.url, title: tab.title, status: 'done', matches: [] }));
    return true;
  }
});`;

// Highlights the first paragraph's text, then misbehaves as the page's title says.
const CONTENT = `(async () => {
  const how = document.title;
  if (how === 'quiet') return;
  const sheet = new CSSStyleSheet();
  sheet.replaceSync('::highlight(test){background-color:yellow}');
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
  const range = new Range();
  range.selectNodeContents(document.querySelector('p').firstChild);
  const highlight = new Highlight(range);
  CSS.highlights.set('test', highlight);
  await new Promise((resolve) => scheduler.postTask(resolve));
  if (how === 'mutate') document.body.setAttribute('data-touched', '1');
  if (how === 'longtask') { const t = performance.now(); while (performance.now() - t < 150) {} }
  if (how === 'forced') { const s = new CSSStyleSheet(); s.replaceSync('p{letter-spacing:1px}'); document.adoptedStyleSheets = [...document.adoptedStyleSheets, s]; void document.body.offsetHeight; }
  if (how === 'observer') new MutationObserver(() => { const t = performance.now(); while (performance.now() - t < 40) {} }).observe(document.body, { childList: true });
  if (how === 'editable') { const r = new Range(); r.selectNodeContents(document.querySelector('[contenteditable]').firstChild); highlight.add(r); }
  if (how === 'error') setTimeout(() => { throw new Error('misbehaving content script'); }, 0);
})();`;

const PAGE = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>t</title></head>
<body><p>绿水青山就是金山银山</p><div contenteditable="true">一张蓝图绘到底</div></body></html>`;

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'yuanwen-misbehaving-ext-'));
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify(MANIFEST));
  writeFileSync(join(dir, 'sw.js'), WORKER);
  writeFileSync(join(dir, 'cs.js'), CONTENT);
  writeFileSync(
    join(dir, 'early.js'),
    "document.addEventListener('DOMContentLoaded', () => { globalThis.__ready = 1; }, { once: true });",
  );
  writeFileSync(join(dir, 'page.html'), '<!doctype html><meta charset="utf-8"><title>messenger</title>');
});
afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('the hostile-page checks', () => {
  let session: ExtensionSession;
  let browser: HostileBrowser;

  beforeAll(async () => {
    session = await launchWithExtension({ extensionDir: dir });
    browser = {
      session,
      status: await openStatusReader(session, 'page.html'),
      network: watchExtensionNetwork(session.context),
      close: async () => undefined,
    };
  });
  afterAll(async () => {
    await browser?.status.close();
    await browser?.network.stop();
    await session?.close();
  });

  const visit = async (how: string) => {
    const v = await visitHostilePage(browser, `misbehave-${how}`, PAGE.replace('<title>t', `<title>${how}`), {
      expectHighlighted: ['绿水青山就是金山银山'],
    });
    await v.probe.page.close();
    return v.report;
  };

  it('pass a well-behaved content script', async () => {
    expectUnharmed(await visit('nothing'));
  });

  it('catch a DOM change', async () => {
    const report = await visit('mutate');
    expect(report.domDiff).toMatch(/data-touched/);
    expect(report.mutations).toEqual(['attributes on BODY @data-touched']);
    expect(() => expectUnharmed(report)).toThrow(/DOM changed/);
  });

  it('catch a long task, even one resumed from an await (no FunctionCall names it)', async () => {
    const report = await visit('longtask');
    expect(worstTask(report.extensionTasks)?.scriptCpuMs).toBeGreaterThan(LONG_TASK_MS);
    expect(report.stallsDuringExtension.length).toBeGreaterThan(0);
    expect(() => expectUnharmed(report)).toThrow(/took over 50 ms of CPU/);
  });

  it('catch a highlight inside an editor', async () => {
    const report = await visit('editable');
    expect(report.highlights.ranges.filter((r) => r.inEditable).map((r) => r.text)).toEqual(['一张蓝图绘到底']);
    expect(() => expectUnharmed(report)).toThrow(/form field or contenteditable/);
  });

  it('catch an error thrown into the page', async () => {
    const report = await visit('error');
    expect(report.errors.join('\n')).toMatch(/misbehaving content script/);
    expect(() => expectUnharmed(report)).toThrow(/errors on the page/);
  });
});

/** A large page: parsing it, and restyling it, each take well over 50 ms. */
const PARAGRAPHS = '<p>生态环境保护和经济发展是辩证统一、相辅相成的。</p>\n'.repeat(40_000);

describe('the content tests’ long-task check', () => {
  let session: ExtensionSession;
  beforeAll(async () => {
    session = await launchWithExtension({ extensionDir: dir });
    await installProbe(session.context);
  });
  afterAll(async () => {
    await session?.close();
  });

  /** Opens `body` (its title tells the extension how to behave) and attributes its long tasks after `waitMs`. */
  const longTasks = async (name: string, how: string, body: string, waitMs: number) => {
    session.server.route(
      `/${name}.html`,
      PAGE.replace('<title>t', `<title>${how}`).replace('</body>', `${body}</body>`),
    );
    const run = await openWithExtension(session, `${session.server.baseUrl}/${name}.html`);
    await new Promise((ok) => setTimeout(ok, waitMs));
    const result = await longTasksOfExtension(run);
    await run.page.close();
    return result;
  };

  it('charges the extension with a long task of its own', async () => {
    const { charged, all } = await longTasks('lt-own', 'longtask', '', 1500);
    expect(charged.length, JSON.stringify(all)).toBe(1);
    expect(charged[0]?.extensionCpuMs).toBeGreaterThan(LONG_TASK_MS);
  });

  it('does not charge it with the page’s own long task', async () => {
    // After load, the page's own script runs 150 ms; the extension does nothing more.
    const busy =
      '<script>addEventListener("load", () => setTimeout(() => { const t = performance.now(); while (performance.now() - t < 150) {} }, 300));</script>';
    const { charged, all, tasks } = await longTasks('lt-page', 'nothing', busy, 1500);
    expect(all.filter((t) => t.duration >= 150).length, JSON.stringify(all)).toBeGreaterThan(0);
    expect(tasks.length, 'the extension ran').toBeGreaterThan(0);
    expect(charged).toEqual([]);
  });

  it('does not charge it with the parser’s task on a large page, which its document_start script ran in', async () => {
    const { tasks } = await longTasks('lt-parse', 'quiet', PARAGRAPHS, 1500);
    expect(tasks.length, 'the extension ran').toBeGreaterThan(0);
    expect(worstTask(tasks)?.scriptCpuMs, JSON.stringify(worstTask(tasks))).toBeLessThan(LONG_TASK_MS);
  });

  it('charges it with the style and layout its own code forced, on the same page', async () => {
    const { tasks } = await longTasks('lt-forced', 'forced', PARAGRAPHS, 2000);
    expect(worstTask(tasks)?.scriptCpuMs, JSON.stringify(worstTask(tasks))).toBeGreaterThan(LONG_TASK_MS);
  });

  it('charges it with a task that its share made long', async () => {
    // The page works 25 ms and appends a node, five times; the extension's observer then works 40 ms in the
    // same task: neither part is long alone, the task is.
    const page =
      '<script>addEventListener("load", () => { let n = 0; const id = setInterval(() => { const t = performance.now(); while (performance.now() - t < 25) {} document.body.append("x"); if (++n === 5) clearInterval(id); }, 300); });</script>';
    const { charged, all } = await longTasks('lt-shared', 'observer', page, 2500);
    expect(charged.length, JSON.stringify(all)).toBeGreaterThan(0);
    expect(
      charged.some((t) => t.extensionCpuMs < LONG_TASK_MS),
      JSON.stringify(charged),
    ).toBe(true);
  });
});
