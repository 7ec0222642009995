/** Strings of the settings UI (options page, quick settings), the selection lookup and its context menu. */
import type { CitationFormatId } from '../citations/types';
import type { ColourKind, Sensitivity, SettingsField, UiLanguage } from '../settings/types';
import type { Lang } from './index';

export interface OptionsStrings {
  lang: Lang;
  pageTitle: string;
  saved: string;
  saveFailed: (reason: string) => string;
  // notice about stored settings
  noticeTitle: string;
  noticeUnreadable: string;
  noticeReset: (fields: string[]) => string;
  noticeUnknown: (keys: string[]) => string;
  noticeRepair: string;
  noticeResetAll: string;
  fieldName: Record<SettingsField, string>;
  // on/off and sites
  generalHeading: string;
  enabled: string;
  enabledHint: string;
  sitesHeading: string;
  sitesHint: string;
  noPausedSites: string;
  addSiteLabel: string;
  addSite: string;
  removeSite: (host: string) => string;
  badHostname: (input: string) => string;
  // sensitivity
  sensitivityHeading: string;
  sensitivity: Record<Sensitivity, { label: string; hint: string }>;
  minPassageLength: string;
  minPassageLengthHint: (min: number, max: number) => string;
  /** Shown instead of the hint while the field holds a value that is not stored. */
  minPassageLengthInvalid: (min: number, max: number) => string;
  traditional: string;
  traditionalHint: string;
  stockPhrases: string;
  stockPhrasesHint: string;
  quiet: string;
  quietHint: string;
  // colours
  coloursHeading: string;
  coloursHint: string;
  colourKind: Record<ColourKind, string>;
  colourLabel: (kind: string) => string;
  opacityLabel: (kind: string) => string;
  onLightPage: string;
  onDarkPage: string;
  contrast: (light: number, dark: number) => string;
  contrastLow: string;
  tooFaint: string;
  resetColours: string;
  sample: string;
  // citations and language
  citationHeading: string;
  citationFormat: string;
  citationFormatName: Record<CitationFormatId, string>;
  languageHeading: string;
  language: string;
  languageName: Record<UiLanguage, string>;
  // shortcuts
  shortcutsHeading: string;
  shortcutsHint: string;
  shortcutUnset: string;
  commandName: (name: string, description: string | undefined) => string;
  resetAll: string;
  resetAllConfirm: string;
  // quick settings (popup)
  quickHeading: string;
  pauseThisSite: (host: string) => string;
  moreSettings: string;
  // context menu and lookup
  menuFindInLibrary: string;
  lookupTitle: string;
  lookupLabel: string;
  lookupPlaceholder: string;
  lookupButton: string;
  lookupLoading: string;
  lookupFailed: (reason: string) => string;
  lookupEmpty: string;
  lookupNoHits: string;
  lookupWords: (words: string[]) => string;
  lookupCount: (n: number) => string;
  /** The folded list of passages that only share a word or two. */
  lookupWeakHits: (n: number) => string;
  hitKind: Record<'exact' | 'near-verbatim' | 'slogan' | 'words', string>;
  similarity: (percent: number) => string;
  section: (index: number, title: string) => string;
  paragraph: (n: number) => string;
  openInReader: string;
  sharedWords: (words: string[]) => string;
}

const SECTION_ZH = ['开篇', '第一部分', '第二部分', '第三部分', '结语'];
const SECTION_EN = ['Opening', 'Part 1', 'Part 2', 'Part 3', 'Closing'];

const FORMAT_NAMES_ZH: Record<CitationFormatId, string> = {
  gbt7714: 'GB/T 7714—2025',
  'gbt7714-web': 'GB/T 7714—2025（网页在先 [EB/OL]）',
  'gbt7714-2015': 'GB/T 7714—2015',
  'gbt7714-2015-web': 'GB/T 7714—2015（网页在先 [EB/OL]）',
  apa: 'APA 第7版',
  mla: 'MLA 第9版',
  chicago: '芝加哥格式',
  'zh-note': '中文脚注（转引自）',
  bibtex: 'BibTeX',
  ris: 'RIS',
  'csl-json': 'CSL-JSON',
  markdown: 'Markdown 引文',
  plain: '纯文本',
};
const FORMAT_NAMES_EN: Record<CitationFormatId, string> = {
  gbt7714: 'GB/T 7714—2025',
  'gbt7714-web': 'GB/T 7714—2025 (web page first, [EB/OL])',
  'gbt7714-2015': 'GB/T 7714—2015',
  'gbt7714-2015-web': 'GB/T 7714—2015 (web page first, [EB/OL])',
  apa: 'APA 7',
  mla: 'MLA 9',
  chicago: 'Chicago',
  'zh-note': 'Chinese footnote (转引自)',
  bibtex: 'BibTeX',
  ris: 'RIS',
  'csl-json': 'CSL-JSON',
  markdown: 'Markdown quote',
  plain: 'Plain text',
};

const zh: OptionsStrings = {
  lang: 'zh',
  pageTitle: '原文 · 设置',
  saved: '已保存，已打开的页面立即生效',
  saveFailed: (r) => `未能保存：${r}`,
  noticeTitle: '已保存的设置有问题',
  noticeUnreadable: '已保存的设置无法读取，现使用全部默认值。',
  noticeReset: (f) => `以下设置的值无效，已改用默认值：${f.join('、')}。`,
  noticeUnknown: (k) => `忽略了无法识别的项目：${k.join('、')}。`,
  noticeRepair: '保留有效项并修复',
  noticeResetAll: '全部恢复默认',
  fieldName: {
    enabled: '启用',
    pausedSites: '暂停的网站',
    sensitivity: '灵敏度',
    minPassageLength: '最短段落长度',
    traditional: '繁体匹配',
    stockPhrases: '套话段落',
    quiet: '安静模式',
    quietAsked: '安静模式的首次询问',
    colours: '高亮颜色',
    citationFormat: '默认引用格式',
    language: '界面语言',
    ledger: '引文记录',
  },
  generalHeading: '开关',
  enabled: '在所有网站上启用原文',
  enabledHint: '关闭后不再扫描任何页面，已有高亮立即移除。',
  sitesHeading: '暂停的网站',
  sitesHint: '在这些网站（按主机名）上不扫描、不高亮。',
  noPausedSites: '没有暂停的网站。',
  addSiteLabel: '网站主机名或网址',
  addSite: '暂停此网站',
  removeSite: (h) => `在 ${h} 上恢复`,
  badHostname: (i) => `“${i}”不是有效的主机名或网址。`,
  sensitivityHeading: '灵敏度',
  sensitivity: {
    slogans: { label: '仅标语', hint: '只标出讲话中用引号强调的提法。' },
    passages: { label: '标语和段落', hint: '另外标出逐字引用的段落。' },
    'near-verbatim': { label: '另含近似引用', hint: '另外标出略有改动的引用，并显示差异。' },
  },
  minPassageLength: '最短段落长度（字）',
  minPassageLengthHint: (min, max) => `单独报告的段落至少这么多字（${min}–${max}）。`,
  minPassageLengthInvalid: (min, max) => `未保存：请输入 ${min} 到 ${max} 之间的整数。`,
  traditional: '匹配繁体字页面',
  traditionalHint: '把繁体字当作对应的简体字来比较。',
  stockPhrases: '也显示按讲话语序出现的常用套话',
  stockPhrasesHint: '十字以上、与讲话逐字相同但多为常用表述的段落，以较浅的样式显示；关闭后只显示有区分度的引用。',
  quiet: '安静模式：只在弹出窗口和图标上列出匹配，不在网页上高亮',
  quietHint:
    '网页自己的脚本看不到任何高亮或样式，因而无从得知本扩展在运行、标出了什么；需要时可在弹出窗口中或用快捷键在该网页上显示高亮。',
  coloursHeading: '高亮颜色',
  coloursHint: '半透明底色保留网页原有文字颜色；下方示例分别显示在浅色和深色网页上的效果。',
  colourKind: { slogan: '标语', passage: '段落', nearVerbatim: '近似引用' },
  colourLabel: (k) => `${k}颜色`,
  opacityLabel: (k) => `${k}不透明度`,
  onLightPage: '浅色网页',
  onDarkPage: '深色网页',
  contrast: (l, d) => `文字对比度：浅色 ${l.toFixed(1)}:1，深色 ${d.toFixed(1)}:1`,
  contrastLow: '对比度低于 4.5:1，部分网页上文字可能难以辨认。',
  tooFaint: '颜色太淡，可能看不出高亮。',
  resetColours: '恢复默认颜色',
  sample: '绿水青山就是金山银山',
  citationHeading: '引用',
  citationFormat: '默认引用格式',
  citationFormatName: FORMAT_NAMES_ZH,
  languageHeading: '语言',
  language: '界面语言',
  languageName: { auto: '跟随浏览器', zh: '中文', en: 'English' },
  shortcutsHeading: '快捷键',
  shortcutsHint: '可在浏览器的扩展程序快捷键设置中修改。',
  shortcutUnset: '未设置',
  commandName: (name, description) =>
    name === '_execute_action' ? '打开弹出窗口' : name === 'toggle-highlights' ? '开关本页高亮' : (description ?? name),
  resetAll: '全部恢复默认',
  resetAllConfirm: '确定把所有设置恢复为默认值吗？',
  quickHeading: '快捷设置',
  pauseThisSite: (h) => `在 ${h} 上暂停`,
  moreSettings: '更多设置…',
  menuFindInLibrary: '在原文中查找',
  lookupTitle: '在原文中查找',
  lookupLabel: '要查找的文字',
  lookupPlaceholder: '粘贴或输入一段文字、几个关键词…',
  lookupButton: '查找',
  lookupLoading: '正在加载分词词典…',
  lookupFailed: (r) => `查找失败：${r}`,
  lookupEmpty: '输入文字后查找。',
  lookupNoHits: '讲话中没有找到相关段落。',
  lookupWords: (w) => (w.length ? `关键词：${w.join('、')}` : '没有可用于查找的关键词'),
  lookupCount: (n) => `找到 ${n} 个段落`,
  lookupWeakHits: (n) => `另有 ${n} 个段落只有个别词语相同`,
  hitKind: { exact: '逐字引用', 'near-verbatim': '近似引用', slogan: '含同一标语', words: '用词相关' },
  similarity: (p) => `相似度 ${p}%`,
  section: (i, t) => `${SECTION_ZH[i] ?? ''}${t && t !== SECTION_ZH[i] ? ` · ${t}` : ''}`,
  paragraph: (n) => `第 ${n} 段`,
  openInReader: '在阅读页中打开',
  sharedWords: (w) => `共有词语：${w.join('、')}`,
};

const en: OptionsStrings = {
  lang: 'en',
  pageTitle: 'Yuanwen · Settings',
  saved: 'Saved; open pages update at once',
  saveFailed: (r) => `Could not save: ${r}`,
  noticeTitle: 'Your saved settings had problems',
  noticeUnreadable: 'The saved settings could not be read; all defaults are in use.',
  noticeReset: (f) => `These settings had invalid values and use their defaults: ${f.join(', ')}.`,
  noticeUnknown: (k) => `Ignored unrecognised entries: ${k.join(', ')}.`,
  noticeRepair: 'Keep the valid ones and repair',
  noticeResetAll: 'Reset everything',
  fieldName: {
    enabled: 'On/off',
    pausedSites: 'Paused sites',
    sensitivity: 'Sensitivity',
    minPassageLength: 'Minimum passage length',
    traditional: 'Traditional script',
    stockPhrases: 'Stock phrasing',
    quiet: 'Quiet mode',
    quietAsked: 'Quiet mode question answered',
    colours: 'Highlight colours',
    citationFormat: 'Default citation format',
    language: 'Language',
    ledger: 'Quotation ledger',
  },
  generalHeading: 'On/off',
  enabled: 'Run Yuanwen on all sites',
  enabledHint: 'When off, no page is scanned and existing highlights go away at once.',
  sitesHeading: 'Paused sites',
  sitesHint: 'Yuanwen neither scans nor highlights on these sites (by hostname).',
  noPausedSites: 'No paused sites.',
  addSiteLabel: 'Site hostname or URL',
  addSite: 'Pause this site',
  removeSite: (h) => `Resume on ${h}`,
  badHostname: (i) => `"${i}" is not a valid hostname or URL.`,
  sensitivityHeading: 'Sensitivity',
  sensitivity: {
    slogans: { label: 'Slogans only', hint: 'Only the phrases the speech sets in quotation marks.' },
    passages: { label: 'Slogans and passages', hint: 'Also passages quoted verbatim.' },
    'near-verbatim': { label: 'Also near-verbatim', hint: 'Also quotes with small edits, showing what differs.' },
  },
  minPassageLength: 'Minimum passage length (characters)',
  minPassageLengthHint: (min, max) => `A passage is reported on its own from this many characters (${min}–${max}).`,
  minPassageLengthInvalid: (min, max) => `Not saved: enter a whole number from ${min} to ${max}.`,
  traditional: 'Match pages in traditional script',
  traditionalHint: 'Compare traditional characters as their simplified forms.',
  stockPhrases: 'Also show stock phrasing in the speech’s order',
  stockPhrasesHint:
    'Runs of ten or more characters word for word from the speech but made of stock official phrasing, shown in a quieter style. Off: distinctive quotes only.',
  quiet: 'Quiet mode: list matches in the popup and on the badge, but do not highlight them on the page',
  quietHint:
    'The page’s own scripts then see no highlight and no stylesheet, so they cannot tell that Yuanwen runs or what it marked. Show the highlights on a page from the popup or with the shortcut when you want them.',
  coloursHeading: 'Highlight colours',
  coloursHint: 'Translucent fills keep the page’s own text colour; the samples show them on light and dark pages.',
  colourKind: { slogan: 'Slogan', passage: 'Passage', nearVerbatim: 'Near-verbatim' },
  colourLabel: (k) => `${k} colour`,
  opacityLabel: (k) => `${k} opacity`,
  onLightPage: 'Light page',
  onDarkPage: 'Dark page',
  contrast: (l, d) => `Text contrast: light ${l.toFixed(1)}:1, dark ${d.toFixed(1)}:1`,
  contrastLow: 'Contrast below 4.5:1: text may be hard to read on some pages.',
  tooFaint: 'Too faint: the highlight may go unnoticed.',
  resetColours: 'Default colours',
  sample: '绿水青山就是金山银山',
  citationHeading: 'Citations',
  citationFormat: 'Default citation format',
  citationFormatName: FORMAT_NAMES_EN,
  languageHeading: 'Language',
  language: 'Interface language',
  languageName: { auto: 'Browser default', zh: '中文', en: 'English' },
  shortcutsHeading: 'Keyboard shortcuts',
  shortcutsHint: 'Change them in your browser’s extension shortcut settings.',
  shortcutUnset: 'Not set',
  commandName: (name, description) =>
    name === '_execute_action'
      ? 'Open the popup'
      : name === 'toggle-highlights'
        ? 'Toggle highlights on this page'
        : (description ?? name),
  resetAll: 'Reset all settings',
  resetAllConfirm: 'Reset every setting to its default?',
  quickHeading: 'Quick settings',
  pauseThisSite: (h) => `Pause on ${h}`,
  moreSettings: 'More settings…',
  menuFindInLibrary: 'Find in the reference texts',
  lookupTitle: 'Find in the reference texts',
  lookupLabel: 'Text to look up',
  lookupPlaceholder: 'Paste or type a passage or a few keywords…',
  lookupButton: 'Find',
  lookupLoading: 'Loading the word segmenter…',
  lookupFailed: (r) => `Lookup failed: ${r}`,
  lookupEmpty: 'Type some text to look it up.',
  lookupNoHits: 'No related passage in the speech.',
  lookupWords: (w) => (w.length ? `Keywords: ${w.join(', ')}` : 'No keywords to look up'),
  lookupCount: (n) => `${n} passage${n === 1 ? '' : 's'} found`,
  lookupWeakHits: (n) => `${n} more passage${n === 1 ? '' : 's'} sharing only a word or two`,
  hitKind: { exact: 'Quoted verbatim', 'near-verbatim': 'Near-verbatim', slogan: 'Same slogan', words: 'Shared words' },
  similarity: (p) => `${p}% similar`,
  section: (i, t) => `${SECTION_EN[i] ?? ''}${t && t !== SECTION_ZH[i] ? ` · ${t}` : ''}`,
  paragraph: (n) => `¶ ${n}`,
  openInReader: 'Open in the reader',
  sharedWords: (w) => `Shared words: ${w.join(', ')}`,
};

export function optionsStrings(lang: Lang): OptionsStrings {
  return lang === 'zh' ? zh : en;
}
