/**
 * Proves the page probe's checks can fail: a throwaway extension misbehaves in
 * one way per page (a DOM change, a highlight inside an editor, an uncaught
 * error) and the probe must catch each one, while its well-behaved run passes
 * every check. (The page-thread check reads Yuanwen's own slice timings,
 * page-thread.ts; what can make it fail is the slicer's unit test.)
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ExtensionSession, launchWithExtension } from '../../scripts/browser';
import { openStatusReader } from '../../scripts/scan-status';
import { expectPageUnharmed, type HostileBrowser, visitHostilePage } from './hostile-run';
import { watchExtensionNetwork } from './network';
import { WALL_CLOCK } from './wall-clock';

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

describe('the hostile-page checks', WALL_CLOCK, () => {
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
    expectPageUnharmed(await visit('nothing'));
  });

  it('catch a DOM change', async () => {
    const report = await visit('mutate');
    expect(report.domDiff).toMatch(/data-touched/);
    expect(report.mutations).toEqual(['attributes on BODY @data-touched']);
    expect(() => expectPageUnharmed(report)).toThrow(/DOM changed/);
  });

  it('catch a highlight inside an editor', async () => {
    const report = await visit('editable');
    expect(report.highlights.ranges.filter((r) => r.inEditable).map((r) => r.text)).toEqual(['一张蓝图绘到底']);
    expect(() => expectPageUnharmed(report)).toThrow(/form field or contenteditable/);
  });

  it('catch an error thrown into the page', async () => {
    const report = await visit('error');
    expect(report.errors.join('\n')).toMatch(/misbehaving content script/);
    expect(() => expectPageUnharmed(report)).toThrow(/errors on the page/);
  });
});
