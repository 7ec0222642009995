/** The ledger page's strings in Chinese and English. Page titles and quotes are shown as recorded. */
import type { MatchKind } from '../match/types';
import type { Lang } from './index';

export interface LedgerStrings {
  lang: Lang;
  /** <html lang> for the UI. */
  htmlLang: string;
  heading: string;
  loading: string;
  /** While the whole ledger is read: the newest `shown` of `total` pages are listed. */
  loadingNewest: (shown: number) => { before: string; after: string };
  /** "N of TOTAL pages": the count before and after the total. */
  summary: (shown: number) => { before: string; after: string };
  openFailed: (error: string) => string;
  storageFull: (pruned: number) => string;
  ok: string;
  imported: (r: { total: number; added: number; updated: number }) => string;
  importRefused: (why: string) => string;
  importFailed: (why: string) => string;
  filters: string;
  search: string;
  document: string;
  allDocuments: string;
  kind: string;
  allKinds: string;
  kinds: Record<MatchKind, string>;
  site: string;
  allSites: string;
  from: string;
  to: string;
  editedOnly: string;
  starred: string;
  passageFilter: (start: number, end: number) => string;
  views: Record<'pages' | 'passages' | 'sites' | 'timeline', string>;
  showMore: (left: number) => string;
  perDay: string;
  perWeek: string;
  exportImport: string;
  exportCsv: string;
  exportJson: string;
  exportCsl: string;
  importJson: string;
  columns: {
    passage: string;
    pages: string;
    verbatim: string;
    edited: string;
    sites: string;
    lastSeen: string;
    site: string;
    quotes: string;
  };
  inReader: string;
  openAtSpot: string;
  star: string;
  unstar: string;
  note: string;
  /** A quote's kind, similarity and what changed, on its row. */
  quoteKind: (kind: MatchKind) => string;
  similarity: (percent: number) => string;
  timelineLabel: string;
  noQuotesInRange: string;
  settings: string;
  recordPages: string;
  keepFor: { before: string; after: string };
  retentionDays: string;
  recordQuiet: string;
  siteToForget: string;
  forgetPlaceholder: string;
  forgetSite: string;
  clearAll: string;
  confirmClear: string;
}

const zh: LedgerStrings = {
  lang: 'zh',
  htmlLang: 'zh-CN',
  heading: '原文 Yuanwen · 引文记录',
  loading: '正在读取……',
  loadingNewest: (shown) => ({ before: `先列出最近的 ${shown} 个网页，共 `, after: ' 个；正在读取其余网页以便筛选……' }),
  summary: (shown) => ({ before: `${shown} 个网页，共 `, after: ' 个' }),
  openFailed: (error) => `无法打开引文记录：${error}`,
  storageFull: (pruned) => `存储空间已满：已删除最早的 ${pruned} 条记录（先删超过保留期限的）。`,
  ok: '知道了',
  imported: ({ total, added, updated }) => `已导入 ${total} 个网页：新增 ${added} 个，合并 ${updated} 个。`,
  importRefused: (why) => `无法导入：${why}`,
  importFailed: (why) => `导入失败：${why}`,
  filters: '筛选',
  search: '搜索',
  document: '文献',
  allDocuments: '全部文献',
  kind: '类型',
  allKinds: '全部类型',
  kinds: { slogan: '提法', passage: '段落' },
  site: '网站',
  allSites: '全部网站',
  from: '起',
  to: '止',
  editedOnly: '仅看改动',
  starred: '已加星标',
  passageFilter: (start, end) => `段落 ${start}–${end} ✕`,
  views: { pages: '网页', passages: '按段落', sites: '按网站', timeline: '时间线' },
  showMore: (left) => `显示更多（还有 ${left} 个）`,
  perDay: '按日',
  perWeek: '按周',
  exportImport: '导出与导入',
  exportCsv: '导出 CSV',
  exportJson: '导出 JSON',
  exportCsl: '导出 CSL-JSON',
  importJson: '导入 JSON',
  columns: {
    passage: '段落',
    pages: '网页数',
    verbatim: '原文引用',
    edited: '有改动',
    sites: '网站',
    lastSeen: '最近一次',
    site: '网站',
    quotes: '引用数',
  },
  inReader: '在阅读页中打开',
  openAtSpot: '打开原处',
  star: '加星标',
  unstar: '取消星标',
  note: '备注',
  quoteKind: (kind) => zh.kinds[kind],
  similarity: (percent) => `相似度 ${percent}%`,
  timelineLabel: '引用随时间的变化',
  noQuotesInRange: '此范围内没有引用。',
  settings: '设置',
  recordPages: '在引文记录中记下网页',
  keepFor: { before: '记录保留', after: '天' },
  retentionDays: '保留天数',
  recordQuiet: '安静模式下的网页也记下',
  siteToForget: '要忘记的网站',
  forgetPlaceholder: '忘记一个网站……',
  forgetSite: '忘记此网站',
  clearAll: '全部清除',
  confirmClear: '删除引文记录中的全部条目？',
};

const en: LedgerStrings = {
  lang: 'en',
  htmlLang: 'en',
  heading: '原文 Yuanwen · Quotation ledger',
  loading: 'Loading…',
  loadingNewest: (shown) => ({ before: `The newest ${shown} of `, after: ' pages; reading the rest to filter them…' }),
  summary: (shown) => ({ before: `${shown} of `, after: ' pages' }),
  openFailed: (error) => `Could not open the ledger: ${error}`,
  storageFull: (pruned) =>
    `Storage was full: ${pruned} of the oldest entries were removed to make room (past the retention period first).`,
  ok: 'OK',
  imported: ({ total, added, updated }) => `Imported ${total} pages: ${added} new, ${updated} merged.`,
  importRefused: (why) => `Import refused: ${why}`,
  importFailed: (why) => `Import failed: ${why}`,
  filters: 'Filters',
  search: 'Search',
  document: 'Document',
  allDocuments: 'All documents',
  kind: 'Kind',
  allKinds: 'All kinds',
  kinds: { slogan: 'Slogans', passage: 'Passages' },
  site: 'Site',
  allSites: 'All sites',
  from: 'From',
  to: 'To',
  editedOnly: 'Edited only',
  starred: 'Starred',
  passageFilter: (start, end) => `Passage ${start}–${end} ✕`,
  views: { pages: 'Pages', passages: 'By passage', sites: 'By site', timeline: 'Timeline' },
  showMore: (left) => `Show more (${left})`,
  perDay: 'Per day',
  perWeek: 'Per week',
  exportImport: 'Export and import',
  exportCsv: 'Export CSV',
  exportJson: 'Export JSON',
  exportCsl: 'Export CSL-JSON',
  importJson: 'Import JSON',
  columns: {
    passage: 'Passage',
    pages: 'Pages',
    verbatim: 'Verbatim',
    edited: 'Edited',
    sites: 'Sites',
    lastSeen: 'Last seen',
    site: 'Site',
    quotes: 'Quotes',
  },
  inReader: 'In the reader',
  openAtSpot: 'Open at the spot',
  star: 'Star',
  unstar: 'Unstar',
  note: 'Note',
  quoteKind: (kind) => kind,
  similarity: (percent) => `${percent}%`,
  timelineLabel: 'Quotes over time',
  noQuotesInRange: 'No quotes in this range.',
  settings: 'Settings',
  recordPages: 'Record pages in the ledger',
  keepFor: { before: 'Keep entries for', after: 'days' },
  retentionDays: 'Retention in days',
  recordQuiet: 'Record pages in quiet mode too',
  siteToForget: 'Site to forget',
  forgetPlaceholder: 'Forget a site…',
  forgetSite: 'Forget this site',
  clearAll: 'Clear all',
  confirmClear: 'Delete every entry of the ledger?',
};

export function ledgerStrings(lang: Lang): LedgerStrings {
  return lang === 'zh' ? zh : en;
}
