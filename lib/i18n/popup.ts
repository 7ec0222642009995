/** The popup's strings in Chinese and English. */

import type { MatchRule } from '../match/types';
import type { CannotScanReason } from '../page-support';
import type { Lang } from './index';

export interface PopupStrings {
  lang: Lang;
  /** Follows a label read out to screen readers. */
  colon: string;
  appName: string;
  matchesHeading: (n: number) => string;
  viewLabel: string;
  pageOrder: string;
  bySection: string;
  scanning: string;
  /** The tab's results could not be kept in the browser's storage (they are kept by the page). */
  unstored: string;
  /** The page held more text or frames than Yuanwen reads (lib/limits.ts): part of it was left out. */
  limited: string;
  noMatches: string;
  noMatchesHint: string;
  /** The page has no Chinese text: the sensitivity would change nothing. */
  noChinese: string;
  noChineseHint: string;
  /** The empty state's ways on. */
  openSpeech: string;
  openLookup: string;
  cannotScan: string;
  cannotScanReason: Record<CannotScanReason, string>;
  reloadPage: string;
  paused: string;
  pausedHint: string;
  pausedEverywhere: string;
  pauseOnSite: (host: string) => string;
  noTab: string;
  section: (index: number) => string;
  titleLine: string;
  paragraph: (n: number) => string;
  kind: Record<'slogan' | 'passage' | 'nearVerbatim', string>;
  /** Why a match was marked: the rule that accepted it (lib/match/rules.ts), as a tooltip. */
  rule: Record<MatchRule, string>;
  /** Added to the rule's tooltip for stock phrasing. */
  stock: string;
  pageWords: string;
  original: string;
  similarity: (percent: number) => string;
  diffLabel: string;
  diffSummary: (s: { inserted: number; dropped: number; changed: number }) => string;
  inserted: string;
  dropped: string;
  changedFrom: string;
  changedTo: string;
  jump: string;
  /** Accessible names of a card's buttons: which quote they act on. */
  jumpTo: (quote: string) => string;
  openPassageOf: (quote: string) => string;
  jumpFailed: Record<'paused' | 'gone' | 'no-answer', string>;
  openPassage: string;
  copyCitation: (format: string) => string;
  moreFormats: string;
  citationFormats: string;
  copied: (format: string) => string;
  copiedAll: (n: number) => string;
  copyFailed: string;
  copyAll: (format: string) => string;
  exportJson: string;
  exportCsv: string;
  exported: (name: string) => string;
  pageActions: string;
  groupCount: (n: number) => string;
  loadingFormats: string;
  settings: string;
  showMore: (left: number) => string;
  /** Quiet mode: the popup's toggle, and its "show them on this page" / "hide again" buttons. */
  quietMode: string;
  showHighlights: string;
  hideHighlights: string;
  highlightsFailed: string;
  /** The first-run question: highlights on pages, or quiet mode. */
  quietOfferTitle: string;
  quietOfferText: string;
  quietOfferHighlight: string;
  quietOfferQuiet: string;
}

const DIGITS = ['开篇', '第一部分', '第二部分', '第三部分', '结语'];

const zh: PopupStrings = {
  lang: 'zh',
  colon: '：',
  appName: '原文',
  matchesHeading: (n) => `本页引用 ${n} 处`,
  viewLabel: '排列方式',
  pageOrder: '按页面顺序',
  bySection: '按讲话部分',
  scanning: '正在查找本页引用的原文…',
  unstored: '浏览器的存储空间已满，本页结果未能保存；页面仍保留这些结果，需要时会重新读取。',
  limited: '本页的文字或框架超出了原文扫描的上限，超出的部分没有查找。',
  noMatches: '本页没有找到讲话的引文。',
  noMatchesHint: '可在设置中调整灵敏度。',
  noChinese: '本页没有中文。',
  noChineseHint: '原文只在中文文字中查找讲话的引文。',
  openSpeech: '阅读讲话全文',
  openLookup: '在原文中查找',
  cannotScan: '无法检查此页面',
  cannotScanReason: {
    'browser-page': '浏览器自带的页面不允许扩展读取。',
    'pdf-viewer': 'PDF 查看器中的文档无法检查。',
    'web-store': '扩展商店的页面不允许扩展读取。',
    'extension-page': '其他扩展的页面无法检查。',
    'own-page': '这是原文自己的页面，显示的就是讲话本身，无需检查。',
    'local-file': '本地文件无法检查。',
    'no-answer': '页面没有响应。它可能在安装原文之前就已打开，重新加载后再试。',
    unreadable: '此页面的内容无法读取。',
  },
  reloadPage: '重新加载页面',
  paused: '已在此网站暂停',
  pausedHint: '恢复后会重新检查本页。',
  pausedEverywhere: '原文已在所有网站暂停，可在设置中开启。',
  pauseOnSite: (host) => `在 ${host} 上暂停`,
  noTab: '找不到要显示的标签页。',
  section: (i) => DIGITS[i] ?? `第${i}部分`,
  titleLine: '标题',
  paragraph: (n) => `第 ${n} 段`,
  kind: { slogan: '提法', passage: '逐字引用', nearVerbatim: '近似引用' },
  rule: {
    'quoted-slogan': '页面用引号引用了讲话中的提法。',
    'bare-slogan': '页面未加引号，但完整使用了讲话中的提法。',
    'misquoted-slogan': '页面改动了讲话提法中的字词：请核对差异。',
    verbatim: '页面与讲话逐字相同（忽略标点、空格和繁简）。',
    near: '页面与讲话的句子基本相同，但有增删或改动：请核对差异。',
  },
  stock: '这段多为常用套话，只是按讲话的语序出现，所以以较浅的样式显示。',
  pageWords: '页面原话',
  original: '讲话原文',
  similarity: (p) => `相似度 ${p}%`,
  diffLabel: '与讲话的差异',
  diffSummary: ({ inserted, dropped, changed }) =>
    [inserted && `多出 ${inserted} 处`, dropped && `缺少 ${dropped} 处`, changed && `改动 ${changed} 处`]
      .filter(Boolean)
      .join('，'),
  inserted: '页面多出：',
  dropped: '页面缺少：',
  changedFrom: '讲话作：',
  changedTo: '，页面改为：',
  jump: '定位',
  jumpTo: (q) => `定位“${q}”`,
  openPassageOf: (q) => `阅读全文：“${q}”`,
  jumpFailed: {
    paused: '此网站已暂停，无法定位。',
    gone: '这处引用已不在页面上。',
    'no-answer': '页面没有响应，无法定位。',
  },
  openPassage: '阅读全文',
  copyCitation: (f) => (f ? `复制引文（${f}）` : '复制引文'),
  moreFormats: '更多引文格式',
  citationFormats: '引文格式',
  copied: (f) => `已复制 ${f} 引文`,
  copiedAll: (n) => `已复制 ${n} 条引文`,
  copyFailed: '复制失败',
  copyAll: (f) => (f ? `复制全部引文（${f}）` : '复制全部引文'),
  exportJson: '导出 JSON',
  exportCsv: '导出 CSV',
  exported: (name) => `已导出 ${name}`,
  pageActions: '本页操作',
  groupCount: (n) => `${n} 处`,
  loadingFormats: '正在载入…',
  settings: '设置',
  showMore: (n) => `显示更多（还有 ${n} 处）`,
  quietMode: '安静模式（不在网页上高亮）',
  showHighlights: '在此页显示高亮',
  hideHighlights: '隐藏',
  highlightsFailed: '此页没有响应，无法显示或隐藏高亮。',
  quietOfferTitle: '在网页上高亮，还是安静模式？',
  quietOfferText:
    '网页自己的脚本能读到原文的高亮：它能知道你在用原文，以及哪些文字被标出。安静模式只在这里列出引用，你要求时才在该页显示。以后可在下方或设置中更改。',
  quietOfferHighlight: '在网页上高亮',
  quietOfferQuiet: '使用安静模式',
};

const en: PopupStrings = {
  lang: 'en',
  colon: ': ',
  appName: 'Yuanwen',
  matchesHeading: (n) => (n === 1 ? '1 quote on this page' : `${n} quotes on this page`),
  viewLabel: 'Order',
  pageOrder: 'Page order',
  bySection: 'By section',
  scanning: 'Looking for quotes of the speech…',
  unstored:
    "The browser's storage is full: this page's results could not be saved. The page keeps them and they are read again when needed.",
  limited: 'This page has more text or frames than Yuanwen scans: the rest was not searched.',
  noMatches: 'No quotes of the speech on this page.',
  noMatchesHint: 'You can change the sensitivity in the settings.',
  noChinese: 'This page has no Chinese text.',
  noChineseHint: 'Yuanwen looks for quotes of the speech in Chinese text only.',
  openSpeech: 'Read the whole speech',
  openLookup: 'Find in the reference texts',
  cannotScan: 'This page cannot be checked',
  cannotScanReason: {
    'browser-page': 'The browser does not let extensions read its own pages.',
    'pdf-viewer': 'Documents in the PDF viewer cannot be checked.',
    'web-store': 'The extension store does not let extensions read its pages.',
    'extension-page': 'Pages of other extensions cannot be checked.',
    'own-page': "This is one of Yuanwen's own pages: it shows the speech itself, so there is nothing to check.",
    'local-file': 'Local files cannot be checked.',
    'no-answer':
      'The page did not answer. It may have been open before Yuanwen was installed: reload it and try again.',
    unreadable: 'The content of this page cannot be read.',
  },
  reloadPage: 'Reload page',
  paused: 'Paused on this site',
  pausedHint: 'Resuming checks this page again.',
  pausedEverywhere: 'Yuanwen is paused everywhere; turn it on in the settings.',
  pauseOnSite: (host) => `Pause on ${host}`,
  noTab: 'No tab to show.',
  section: (i) => ['Opening', 'Part 1', 'Part 2', 'Part 3', 'Closing'][i] ?? `Part ${i}`,
  titleLine: 'Title',
  paragraph: (n) => `¶${n}`,
  kind: { slogan: 'Slogan', passage: 'Passage', nearVerbatim: 'Near-verbatim' },
  rule: {
    'quoted-slogan': 'The page sets one of the speech’s slogans in quotation marks.',
    'bare-slogan': 'The page uses one of the speech’s slogans whole, without quotation marks.',
    'misquoted-slogan': 'The page changes a word of one of the speech’s slogans: check the differences.',
    verbatim: 'The page has the speech’s words verbatim (punctuation, spacing and script aside).',
    near: 'The page quotes a sentence of the speech with words added, dropped or changed: check the differences.',
  },
  stock: 'Mostly stock official phrasing that happens to follow the speech’s order, so it is shown more quietly.',
  pageWords: 'On the page',
  original: 'In the speech',
  similarity: (p) => `${p}% similar`,
  diffLabel: 'Differences from the speech',
  diffSummary: ({ inserted, dropped, changed }) =>
    [
      inserted && `${inserted} ${inserted === 1 ? 'addition' : 'additions'}`,
      dropped && `${dropped} ${dropped === 1 ? 'omission' : 'omissions'}`,
      changed && `${changed} ${changed === 1 ? 'change' : 'changes'}`,
    ]
      .filter(Boolean)
      .join(', '),
  inserted: 'added on the page: ',
  dropped: 'dropped on the page: ',
  changedFrom: 'the speech has ',
  changedTo: ', the page has ',
  jump: 'Jump',
  jumpTo: (q) => `Jump to “${q}”`,
  openPassageOf: (q) => `Full passage of “${q}”`,
  jumpFailed: {
    paused: 'Yuanwen is paused on this site; cannot jump.',
    gone: 'This quote is no longer on the page.',
    'no-answer': 'The page did not answer; cannot jump.',
  },
  openPassage: 'Full passage',
  copyCitation: (f) => (f ? `Copy ${f}` : 'Copy citation'),
  moreFormats: 'More citation formats',
  citationFormats: 'Citation formats',
  copied: (f) => `Copied ${f} citation`,
  copiedAll: (n) => (n === 1 ? 'Copied 1 citation' : `Copied ${n} citations`),
  copyFailed: 'Could not copy',
  copyAll: (f) => (f ? `Copy all (${f})` : 'Copy all citations'),
  exportJson: 'Export JSON',
  exportCsv: 'Export CSV',
  exported: (name) => `Exported ${name}`,
  pageActions: 'Page actions',
  groupCount: (n) => (n === 1 ? '1 quote' : `${n} quotes`),
  loadingFormats: 'Loading…',
  settings: 'Settings',
  showMore: (n) => `Show more (${n} left)`,
  quietMode: 'Quiet mode (no highlights on pages)',
  showHighlights: 'Show highlights on this page',
  hideHighlights: 'Hide again',
  highlightsFailed: 'The page did not answer: its highlights could not be shown or hidden.',
  quietOfferTitle: 'Highlights on pages, or quiet mode?',
  quietOfferText:
    'A page’s own scripts can read Yuanwen’s highlights: they learn that you use it and which text it marked. Quiet mode lists the quotes here only, and shows them on a page when you ask. You can change this later below or in the settings.',
  quietOfferHighlight: 'Highlight on pages',
  quietOfferQuiet: 'Use quiet mode',
};

export function popupStrings(lang: Lang): PopupStrings {
  return lang === 'zh' ? zh : en;
}
