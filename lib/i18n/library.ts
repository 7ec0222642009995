/** Strings of the Library page and of the document chips elsewhere, zh and en. */
import type { ImportFailure } from '../library/errors';
import type { DocumentMeta } from '../library/types';
import type { Lang } from './index';

export type MetaField = Exclude<keyof DocumentMeta, 'language'>;

export interface LibraryStrings {
  lang: Lang;
  pageTitle: string;
  importHeading: string;
  pasteLabel: string;
  pasteTitleLabel: string;
  previewPaste: string;
  fileLabel: string;
  fileHint: string;
  reading: (name: string) => string;
  previewHeading: string;
  save: string;
  cancel: string;
  saved: (title: string) => string;
  structure: (headings: number, paragraphs: number, sentences: number, chars: number) => string;
  contents: string;
  noHeadings: string;
  keyPhrases: string;
  keyPhrasesHint: string;
  noKeyPhrases: string;
  metaField: Record<MetaField, string>;
  listHeading: string;
  empty: string;
  builtin: string;
  enabled: string;
  colour: (title: string) => string;
  edit: string;
  done: string;
  open: string;
  remove: string;
  removed: (title: string) => string;
  undo: string;
  select: (title: string) => string;
  chars: (n: number) => string;
  storage: (bytes: string, docs: number) => string;
  indexBuilding: (done: number, total: number) => string;
  indexReady: (docs: number) => string;
  indexFailed: (why: string) => string;
  exportHeading: string;
  exportAll: string;
  exportSelected: (n: number) => string;
  importLibraryLabel: string;
  importedLibrary: (added: number, skipped: number) => string;
  pageArticle: (title: string) => string;
  pageUnreadable: string;
  error: (failure: ImportFailure) => string;
  badLibraryFile: (why: string) => string;
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

const zh: LibraryStrings = {
  lang: 'zh',
  pageTitle: '文献库 · 原文',
  importHeading: '导入文献',
  pasteLabel: '粘贴文本',
  pasteTitleLabel: '标题（可选）',
  previewPaste: '预览',
  fileLabel: '选择文件',
  fileHint: '支持 .txt（UTF-8、UTF-16、GBK/GB18030）、.md、.html、.docx、.pdf',
  reading: (name) => `正在读取 ${name}…`,
  previewHeading: '预览：保存前请核对结构与著录信息',
  save: '保存到文献库',
  cancel: '取消',
  saved: (title) => `已保存《${title}》`,
  structure: (h, p, s, c) => `${h} 个标题，${p} 段，${s} 句，${c.toLocaleString('zh')} 字`,
  contents: '目录',
  noHeadings: '未识别出标题',
  keyPhrases: '提法',
  keyPhrasesHint: '每行一个；可增删',
  noKeyPhrases: '未识别出提法',
  metaField: {
    title: '标题',
    englishTitle: '英文标题',
    author: '讲话人/作者',
    date: '日期',
    occasion: '场合',
    publisher: '来源/出版者',
    url: '网址',
  },
  listHeading: '文献',
  empty: '文献库中还没有导入的文献。',
  builtin: '内置',
  enabled: '启用',
  colour: (t) => `《${t}》的颜色`,
  edit: '编辑',
  done: '完成',
  open: '在阅读页打开',
  remove: '删除',
  removed: (t) => `已删除《${t}》`,
  undo: '撤销',
  select: (t) => `选择《${t}》`,
  chars: (n) => `${n.toLocaleString('zh')} 字`,
  storage: (b, n) => `已用存储 ${b}（${n} 篇文献）`,
  indexBuilding: (d, t) => `正在建立索引：${d}/${t}`,
  indexReady: (n) => `索引就绪：${n} 篇启用的文献`,
  indexFailed: (w) => `索引建立失败：${w}`,
  exportHeading: '导出与导入',
  exportAll: '导出整个文献库',
  exportSelected: (n) => `导出所选（${n}）`,
  importLibraryLabel: '导入文献库文件（JSON）',
  importedLibrary: (a, s) => `已导入 ${a} 篇，跳过 ${s} 篇重复`,
  pageArticle: (t) => `来自网页：${t}`,
  pageUnreadable: '无法读取该网页的正文（浏览器不允许扩展读取此页，或页面已关闭）。文献库未改变。',
  error: (f) => {
    switch (f.code) {
      case 'empty':
        return '内容为空，没有可导入的文字。文献库未改变。';
      case 'binary':
        return '这不是文本文件（看起来是二进制数据）。文献库未改变。';
      case 'undecodable':
        return '无法识别文件的编码（不是 UTF-8、UTF-16 或 GBK/GB18030）。文献库未改变。';
      case 'too-large':
        return f.unit === 'bytes'
          ? `文件过大：上限为 ${mb(f.limit)}。文献库未改变。`
          : `文献过长：${f.size.toLocaleString('zh')} 字，上限为 ${f.limit.toLocaleString('zh')} 字。文献库未改变。`;
      case 'corrupt':
        return `无法读取这个 .${f.format} 文件（文件已损坏或不是 ${f.format.toUpperCase()}）。文献库未改变。`;
      case 'unsupported':
        return `不支持的文件类型：${f.fileName}。文献库未改变。`;
      case 'duplicate':
        return `文献库中已有这篇文献：《${f.title}》。文献库未改变。`;
      case 'near-duplicate':
        return `这篇文献有 ${Math.round(f.overlap * 100)}% 与《${f.title}》重合。文献库未改变。`;
    }
  },
  badLibraryFile: (w) => `无法导入这个文献库文件：${w}。文献库未改变。`,
};

const en: LibraryStrings = {
  lang: 'en',
  pageTitle: 'Library · Yuanwen',
  importHeading: 'Import a document',
  pasteLabel: 'Paste text',
  pasteTitleLabel: 'Title (optional)',
  previewPaste: 'Preview',
  fileLabel: 'Choose a file',
  fileHint: '.txt (UTF-8, UTF-16, GBK/GB18030), .md, .html, .docx, .pdf',
  reading: (name) => `Reading ${name}…`,
  previewHeading: 'Preview: check the structure and details before saving',
  save: 'Save to the library',
  cancel: 'Cancel',
  saved: (title) => `Saved “${title}”`,
  structure: (h, p, s, c) => `${h} headings, ${p} paragraphs, ${s} sentences, ${c.toLocaleString('en')} characters`,
  contents: 'Contents',
  noHeadings: 'No headings found',
  keyPhrases: 'Key phrases',
  keyPhrasesHint: 'One per line; add or remove',
  noKeyPhrases: 'No key phrases found',
  metaField: {
    title: 'Title',
    englishTitle: 'English title',
    author: 'Speaker/author',
    date: 'Date',
    occasion: 'Occasion',
    publisher: 'Publisher/source',
    url: 'URL',
  },
  listHeading: 'Documents',
  empty: 'No imported documents yet.',
  builtin: 'built in',
  enabled: 'Enabled',
  colour: (t) => `Colour of “${t}”`,
  edit: 'Edit',
  done: 'Done',
  open: 'Open in the reader',
  remove: 'Delete',
  removed: (t) => `Deleted “${t}”`,
  undo: 'Undo',
  select: (t) => `Select “${t}”`,
  chars: (n) => `${n.toLocaleString('en')} characters`,
  storage: (b, n) => `Storage used: ${b} (${n} documents)`,
  indexBuilding: (d, t) => `Building the index: ${d}/${t}`,
  indexReady: (n) => `Index ready: ${n} enabled documents`,
  indexFailed: (w) => `The index could not be built: ${w}`,
  exportHeading: 'Export and import',
  exportAll: 'Export the whole library',
  exportSelected: (n) => `Export selected (${n})`,
  importLibraryLabel: 'Import a library file (JSON)',
  importedLibrary: (a, s) => `Imported ${a}, skipped ${s} duplicates`,
  pageArticle: (t) => `From the page: ${t}`,
  pageUnreadable:
    "The page's text could not be read (the browser does not let extensions read it, or it was closed). The library is unchanged.",
  error: (f) => `${f.message[0]?.toUpperCase()}${f.message.slice(1)}. The library is unchanged.`,
  badLibraryFile: (w) => `This library file cannot be imported: ${w}. The library is unchanged.`,
};

export function libraryStrings(lang: Lang): LibraryStrings {
  return lang === 'zh' ? zh : en;
}

/** Bytes as KB or MB, one decimal. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** The popup's words about documents: the filter, the chips, "Add this page to the library". */
export interface PopupLibraryStrings {
  documentFilter: string;
  allDocuments: string;
  alsoIn: string;
  addPage: string;
  openLibrary: string;
}

export function popupLibraryStrings(lang: Lang): PopupLibraryStrings {
  return lang === 'zh'
    ? {
        documentFilter: '文献',
        allDocuments: '全部文献',
        alsoIn: '亦见于',
        addPage: '将本页加入文献库',
        openLibrary: '文献库',
      }
    : {
        documentFilter: 'Document',
        allDocuments: 'All documents',
        alsoIn: 'Also in',
        addPage: 'Add this page to the library',
        openLibrary: 'Library',
      };
}
