/** The reader page's strings in Chinese and English. The speech itself is always shown in Chinese. */
import type { Section } from '../corpus/types';
import type { LinkProblem } from '../page-links';
import type { Lang } from './index';

export interface ReaderStrings {
  lang: Lang;
  /** <html lang> for the UI. */
  htmlLang: string;
  documentTitle: (speechTitle: string) => string;
  appName: string;
  skipToText: string;
  meta: (year: number, occasion: string) => string;
  speakerUnnamed: string;
  toc: string;
  section: (section: Section) => string;
  paragraph: (n: number) => string;
  paragraphLink: (n: number) => string;
  target: string;
  clearTarget: string;
  selection: (chars: number) => string;
  shortcutHint: string;
  copyCitation: (format: string) => string;
  moreFormats: string;
  /** The selection toolbar's buttons: named apart from the linked passage's. */
  copySelection: (format: string) => string;
  moreFormatsSelection: string;
  loading: string;
  copied: (format: string) => string;
  copyFailed: string;
  citeInvalid: string;
  /** What was wrong with a link the reader cannot follow. */
  linkProblem: (problem: LinkProblem) => string;
  /** Where the reader is instead: the passage still marked, or the start of the speech. */
  linkInstead: (where: string | null) => string;
  dismiss: string;
  /** A #doc= link to a document the library does not have (deleted, or from another browser). */
  missingDocument: string;
  missingDocumentHelp: string;
  openSpeech: string;
  /** The search box's title over a library document (the speech's is the lookup's own). */
  searchDocument: string;
}

const zh: ReaderStrings = {
  lang: 'zh',
  htmlLang: 'zh-CN',
  documentTitle: (title) => `${title} · 原文`,
  appName: '原文 Yuanwen',
  skipToText: '跳到正文',
  meta: (year, occasion) => `${year} 年 · ${occasion}`,
  speakerUnnamed: '讲话人未署名',
  toc: '目录',
  section: (s) => s.label,
  paragraph: (n) => `第${n}段`,
  paragraphLink: (n) => `第${n}段（链接到此段）`,
  target: '已定位',
  clearTarget: '取消高亮',
  selection: (n) => `已选 ${n} 字`,
  shortcutHint: '按 Alt+C 用键盘到达“复制引用”',
  copyCitation: (format) => (format ? `复制引用 · ${format}` : '复制引用'),
  moreFormats: '其他引用格式',
  copySelection: (format) => (format ? `复制所选文字的引用 · ${format}` : '复制所选文字的引用'),
  moreFormatsSelection: '所选文字的其他引用格式',
  loading: '正在载入…',
  copied: (format) => `已复制 ${format} 引用`,
  copyFailed: '复制失败：浏览器未允许写入剪贴板',
  citeInvalid: '无法为这段文字生成引用',
  linkProblem: (p) =>
    p.reason === 'no-paragraph'
      ? `链接指向第${p.number}段，但讲话只有${p.paragraphs}段。`
      : p.reason === 'span-outside'
        ? `链接指向第${p.start}–${p.end}字，但讲话只有${p.length}字。`
        : p.reason === 'span-empty'
          ? `链接的范围 ${p.start}–${p.end} 是空的：结尾须在开头之后。`
          : `无法读懂链接 ${p.hash}：应为 #p=段号 或 #span=起-止。`,
  linkInstead: (where) => (where ? `仍显示：${where}。` : '现在显示讲话开头。'),
  missingDocument: '找不到这篇文档',
  missingDocumentHelp: '这个链接指向的文档不在您的文档库中：可能已被删除，或链接来自另一个浏览器。',
  openSpeech: '打开讲话原文',
  searchDocument: '在本文档中查找',
  dismiss: '关闭',
};

const en: ReaderStrings = {
  lang: 'en',
  htmlLang: 'en',
  documentTitle: (title) => `${title} · Yuanwen reader`,
  appName: '原文 Yuanwen',
  skipToText: 'Skip to the text',
  meta: (year, occasion) => `${year} · ${occasion}`,
  speakerUnnamed: 'Speaker not named',
  toc: 'Contents',
  section: (s) => (s.title === s.label ? (s.index === 0 ? 'Opening' : 'Closing') : `Part ${s.index}`),
  paragraph: (n) => `Paragraph ${n}`,
  paragraphLink: (n) => `Paragraph ${n} (link to it)`,
  target: 'Linked passage',
  clearTarget: 'Clear highlight',
  selection: (n) => `${n} characters selected`,
  shortcutHint: 'Press Alt+C to reach "Copy citation" from the keyboard',
  copyCitation: (format) => (format ? `Copy citation · ${format}` : 'Copy citation'),
  moreFormats: 'Other citation formats',
  copySelection: (format) =>
    format ? `Copy the selection as a citation · ${format}` : 'Copy the selection as a citation',
  moreFormatsSelection: 'Other citation formats for the selection',
  loading: 'Loading…',
  copied: (format) => `Copied the ${format} citation`,
  copyFailed: 'Copy failed: the browser did not allow writing to the clipboard',
  citeInvalid: 'Cannot cite this text',
  linkProblem: (p) =>
    p.reason === 'no-paragraph'
      ? `The link points at paragraph ${p.number}, but the speech has ${p.paragraphs} paragraphs.`
      : p.reason === 'span-outside'
        ? `The link points at characters ${p.start}–${p.end}, but the speech has ${p.length}.`
        : p.reason === 'span-empty'
          ? `The link's range ${p.start}–${p.end} is empty: its end must come after its start.`
          : `The link ${p.hash} cannot be read: it should be #p=PARAGRAPH or #span=START-END.`,
  linkInstead: (where) => (where ? `Still showing ${where}.` : 'Showing the start of the speech.'),
  missingDocument: 'Document not found',
  missingDocumentHelp:
    'This link points to a document that is not in your library: it may have been deleted, or the link comes from another browser.',
  openSpeech: 'Open the speech',
  searchDocument: 'Find in this document',
  dismiss: 'Dismiss',
};

export const READER_STRINGS: Record<Lang, ReaderStrings> = { zh, en };
