// @vitest-environment happy-dom
/**
 * The Library page against the real store (fake-indexeddb) and the engine's
 * real importers: every bad input says why and leaves the library unchanged;
 * a good one is previewed, saved, switched, recoloured, edited, deleted and
 * restored; a library file round-trips and merges without duplicates.
 */
import { IDBFactory } from 'fake-indexeddb';
import 'fake-indexeddb/auto';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { LibraryPage } from '../../components/library/LibraryPage';
import type { LibraryPlatform } from '../../components/library/platform';
import { type LibraryStore, openLibraryStore } from '../../extension/library/store';
import { importFile } from '../../lib/library/import';

const REPORT = [
  '关于推进生态文明建设的工作报告',
  '',
  '一、过去一年的工作',
  '我们坚持绿水青山就是金山银山的理念，全面推进美丽中国建设，生态环境质量持续改善。',
  '二、今年的主要任务',
  '要深入打好污染防治攻坚战，坚持精准治污、科学治污、依法治污，推动“双碳”工作取得新进展。',
].join('\n');

let store: LibraryStore;
let downloads: { name: string; text: string }[];
let notified: number;

function platform(): LibraryPlatform {
  return {
    store,
    importFile: (name, bytes, colour) => importFile(name, bytes, { colour }),
    notifyChanged: () => {
      notified++;
    },
    indexStatus: async () => ({ phase: 'ready', done: 1, total: 1, documents: 1, source: 'built' }),
    readerUrl: (id) => `reader.html#doc=${id}`,
    download: (name, text) => downloads.push({ name, text }),
    readPageArticle: async () => null,
  };
}

beforeEach(async () => {
  globalThis.indexedDB = new IDBFactory();
  store = await openLibraryStore();
  downloads = [];
  notified = 0;
});
afterEach(() => {
  cleanup();
  store.close();
});

async function renderPage(extra: Partial<Parameters<typeof LibraryPage>[0]> = {}) {
  const user = userEvent.setup();
  render(<LibraryPage platform={platform()} lang="zh" pollMs={60_000} {...extra} />);
  await screen.findByText(/在讲话上的讲话|讲话/, { selector: '.yw-doc__title' });
  return user;
}

function chooseFile(label: string | RegExp, name: string, bytes: Uint8Array | string) {
  const file = new File([bytes as BlobPart], name);
  fireEvent.change(screen.getByLabelText(label), { target: { files: [file] } });
}

async function pasteAndSave(user: ReturnType<typeof userEvent.setup>, text: string) {
  fireEvent.change(screen.getByLabelText('粘贴文本'), { target: { value: text } });
  await user.click(screen.getByRole('button', { name: '预览' }));
  const preview = await screen.findByRole('region', { name: /预览/ });
  await user.click(within(preview).getByRole('button', { name: '保存到文献库' }));
}

describe('import', () => {
  it('previews the structure and metadata of pasted text, then saves it', async () => {
    const user = await renderPage();
    fireEvent.change(screen.getByLabelText('粘贴文本'), { target: { value: REPORT } });
    await user.click(screen.getByRole('button', { name: '预览' }));
    const preview = await screen.findByRole('region', { name: /预览/ });
    expect(within(preview).getByText(/2 个标题/)).toBeTruthy();
    expect(within(preview).getByText('一、 过去一年的工作')).toBeTruthy();
    expect((within(preview).getByLabelText('标题') as HTMLInputElement).value).toBe('关于推进生态文明建设的工作报告');
    expect(await store.list()).toEqual([]); // nothing stored before saving
    fireEvent.change(within(preview).getByLabelText('讲话人/作者'), { target: { value: '某部' } });
    await user.click(within(preview).getByRole('button', { name: '保存到文献库' }));
    await screen.findByText('已保存《关于推进生态文明建设的工作报告》');
    const [saved] = await store.list();
    expect(saved?.meta).toMatchObject({ title: '关于推进生态文明建设的工作报告', author: '某部' });
    expect(notified).toBe(1);
    expect(screen.getByText('关于推进生态文明建设的工作报告', { selector: '.yw-doc__title' })).toBeTruthy();
    expect(screen.getByText(/已用存储/).textContent).toMatch(/KB/);
  });

  it('reads a GBK text file', async () => {
    await renderPage();
    const gbk = new Uint8Array(
      await import('node:fs/promises').then((fs) => fs.readFile('tests/fixtures/library/report-gbk.txt')),
    );
    chooseFile('选择文件', 'report-gbk.txt', gbk);
    const preview = await screen.findByRole('region', { name: /预览/ });
    expect((within(preview).getByLabelText('标题') as HTMLInputElement).value).toBe('政府工作报告');
  });

  const bad: [string, () => Promise<void>, RegExp][] = [
    [
      'empty text',
      async () => {
        fireEvent.change(screen.getByLabelText('粘贴文本'), { target: { value: '   \n ' } });
        fireEvent.click(screen.getByRole('button', { name: '预览' }));
      },
      /内容为空/,
    ],
    ['an empty file', async () => chooseFile('选择文件', 'a.txt', new Uint8Array()), /内容为空/],
    [
      'a binary file',
      async () =>
        chooseFile(
          '选择文件',
          'a.txt',
          Uint8Array.from({ length: 4096 }, (_, i) => (i * 37) % 256),
        ),
      /二进制|编码/,
    ],
    [
      'a file over the size limit',
      async () => chooseFile('选择文件', 'big.txt', new Uint8Array(21 * 1024 * 1024).fill(0x61)),
      /文件过大：上限为 20 MB/,
    ],
    [
      'a corrupt .docx',
      async () => chooseFile('选择文件', 'broken.docx', new TextEncoder().encode('PK not really a zip')),
      /无法读取这个 \.docx 文件/,
    ],
    ['an unsupported type', async () => chooseFile('选择文件', 'slides.pptx', 'x'), /不支持的文件类型/],
  ];
  for (const [what, act, message] of bad) {
    it(`refuses ${what}, saying why, and leaves the library unchanged`, async () => {
      await renderPage();
      await act();
      const alert = await screen.findByRole('alert', {}, { timeout: 10_000 });
      expect(alert.textContent).toMatch(message);
      expect(alert.textContent).toMatch(/文献库未改变/);
      expect(screen.queryByRole('region', { name: /预览/ })).toBeNull();
      expect(await store.list()).toEqual([]);
      expect(notified).toBe(0);
    });
  }

  it('refuses an exact duplicate and a near-duplicate, naming the document', async () => {
    const user = await renderPage();
    await pasteAndSave(user, REPORT);
    await screen.findByText(/已保存/);
    await pasteAndSave(user, REPORT);
    expect((await screen.findByRole('alert')).textContent).toMatch(/已有这篇文献：《关于推进生态文明建设的工作报告》/);
    await pasteAndSave(user, `${REPORT}\n三、附记\n新增一句。`);
    expect((await screen.findByRole('alert')).textContent).toMatch(/\d+% 与《关于推进生态文明建设的工作报告》重合/);
    expect((await store.list()).length).toBe(1);
  });
});

describe('the list', () => {
  it('switches, recolours, edits key phrases, deletes and undoes', async () => {
    const user = await renderPage();
    await pasteAndSave(user, REPORT);
    const row = await waitFor(() => {
      const el = document.querySelector('.yw-doc[data-document-id]:not([data-document-id="speech"])');
      if (!el) throw new Error('no row');
      return el as HTMLElement;
    });
    const id = row.dataset.documentId as string;
    await user.click(within(row).getByRole('checkbox', { name: '启用' }));
    await waitFor(async () => expect((await store.get(id))?.enabled).toBe(false));
    fireEvent.change(within(row).getByLabelText(/的颜色/), { target: { value: '#00aa00' } });
    await waitFor(async () => expect((await store.get(id))?.colour).toBe('#00aa00'));
    await user.click(within(row).getByRole('button', { name: '编辑' }));
    const phrases = within(row).getByRole('textbox', { name: /提法/ }) as HTMLTextAreaElement;
    expect(phrases.value).toContain('双碳');
    fireEvent.change(phrases, { target: { value: '精准治污' } });
    await user.click(within(row).getByRole('button', { name: '完成' }));
    await waitFor(async () =>
      expect((await store.get(id))?.keyPhrases).toEqual({ added: ['精准治污'], removed: ['双碳'] }),
    );
    expect(within(row).getByRole('link', { name: '在阅读页打开' }).getAttribute('href')).toBe(`reader.html#doc=${id}`);

    await user.click(within(row).getByRole('button', { name: '删除' }));
    await screen.findByText(/已删除《/);
    expect(await store.list()).toEqual([]);
    await user.click(screen.getByRole('button', { name: '撤销' }));
    await waitFor(async () => expect((await store.list()).map((d) => d.id)).toEqual([id]));
    expect((await store.get(id))?.keyPhrases.added).toEqual(['精准治污']);
  });

  it('turns the built-in speech off and on', async () => {
    const user = await renderPage();
    const row = document.querySelector('.yw-doc[data-document-id="speech"]') as HTMLElement;
    await user.click(within(row).getByRole('checkbox', { name: '启用' }));
    await waitFor(async () => expect((await store.speechChoice()).enabled).toBe(false));
  });
});

describe('export and import', () => {
  it('exports chosen documents as one file that a fresh library imports, skipping duplicates', async () => {
    const user = await renderPage();
    await pasteAndSave(user, REPORT);
    await screen.findByText(/已保存/);
    await pasteAndSave(user, '另一份文件\n\n完全不同的内容，讨论农业农村现代化与乡村振兴战略的具体安排。');
    await screen.findByText(/已保存《另一份文件》/);
    const [first] = await store.list();
    await user.click(screen.getByRole('checkbox', { name: `选择《${first?.meta.title}》` }));
    await user.click(screen.getByRole('button', { name: '导出所选（1）' }));
    await user.click(screen.getByRole('button', { name: '导出整个文献库' }));
    expect(downloads).toHaveLength(2);
    expect(JSON.parse(downloads[0]?.text ?? '').documents).toHaveLength(1);
    const whole = downloads[1]?.text ?? '';
    expect(JSON.parse(whole).documents).toHaveLength(2);

    // A colleague: a fresh profile imports the whole file.
    cleanup();
    store.close();
    globalThis.indexedDB = new IDBFactory();
    store = await openLibraryStore();
    await renderPage();
    chooseFile('导入文献库文件（JSON）', 'lib.json', whole);
    await screen.findByText('已导入 2 篇，跳过 0 篇重复');
    expect((await store.list()).map((d) => d.meta.title).sort()).toEqual(
      ['关于推进生态文明建设的工作报告', '另一份文件'].sort(),
    );
    chooseFile('导入文献库文件（JSON）', 'lib.json', whole);
    await screen.findByText('已导入 0 篇，跳过 2 篇重复');
    expect((await store.list()).length).toBe(2);
  });

  it('refuses a file that is not a library, leaving the library unchanged', async () => {
    await renderPage();
    chooseFile('导入文献库文件（JSON）', 'x.json', '{"hello": 1}');
    expect((await screen.findByRole('alert')).textContent).toMatch(/无法导入这个文献库文件/);
    chooseFile('导入文献库文件（JSON）', 'x.json', 'not json');
    await waitFor(() => expect(screen.getByRole('alert').textContent).toMatch(/无法导入/));
    expect(await store.list()).toEqual([]);
  });
});

describe('a page from the popup', () => {
  it('previews the article of the tab and says so when the page cannot be read', async () => {
    const read = vi.fn(async () => ({
      text: REPORT,
      title: '网页上的报告',
      url: 'https://example.cn/a.html',
      byline: '记者 王某',
    }));
    const p = { ...platform(), readPageArticle: read };
    const user = userEvent.setup();
    render(<LibraryPage platform={p} lang="zh" pollMs={60_000} pageTabId={7} />);
    const preview = await screen.findByRole('region', { name: /预览/ });
    expect(read).toHaveBeenCalledWith(7);
    expect((within(preview).getByLabelText('网址') as HTMLInputElement).value).toBe('https://example.cn/a.html');
    await user.click(within(preview).getByRole('button', { name: '保存到文献库' }));
    await waitFor(async () =>
      expect((await store.list())[0]?.origin).toEqual({ kind: 'page', url: 'https://example.cn/a.html' }),
    );
    cleanup();
    render(<LibraryPage platform={platform()} lang="zh" pollMs={60_000} pageTabId={8} />);
    expect((await screen.findByRole('alert')).textContent).toMatch(/无法读取该网页的正文/);
  });
});
