/**
 * An in-memory PopupPlatform for component tests: a tab, the background's
 * results, settings, and records of what the popup asked the browser to do.
 * The citation formatter is the real lib/citations one.
 */
import { vi } from 'vitest';
import type { CitationApi, JumpOutcome, PopupPlatform, TabInfo } from '../../components/popup/platform';
import { CITATION_FORMATS, formatCitation, formatCitations } from '../../lib/citations';
import { getCorpus } from '../../lib/corpus';
import type { PageMatch, TabResults } from '../../lib/messages';
import { DEFAULT_SETTINGS } from '../../lib/settings/defaults';
import type { Settings } from '../../lib/settings/types';

export const PAGE = { url: 'https://news.example.cn/2023/07/eco.html', title: '生态文明建设工作会议召开' };
/** The extension's own origin in the fake. */
export const OWN_ORIGIN = 'chrome-extension://yuanwenyuanwenyuanwenyuanwenyu/';
export const ACCESSED = new Date(2026, 10, 28, 10, 0, 0);

/** A match of `phrase` as the speech has it (n-th occurrence), at page offset `start`. */
export function speechMatch(phrase: string, start: number, extra: Partial<PageMatch> = {}, occurrence = 0): PageMatch {
  const text = getCorpus().text;
  let at = -1;
  for (let i = 0; i <= occurrence; i++) at = text.indexOf(phrase, at + 1);
  if (at < 0) throw new Error(`not in the speech: ${phrase}`);
  const kind = extra.kind ?? 'passage';
  const similarity = extra.similarity ?? 1;
  return {
    id: `f1:${start}`,
    quote: phrase,
    kind,
    start,
    end: start + phrase.length,
    speechStart: at,
    speechEnd: at + phrase.length,
    similarity,
    diff: null,
    rule: kind === 'slogan' ? 'quoted-slogan' : similarity < 1 ? 'near' : 'verbatim',
    distinctiveness: 1,
    ...extra,
  };
}

/** The background's answer. A frame reports its matches in document order: here, by `start`. */
export function tabResults(matches: PageMatch[], over: Partial<TabResults> = {}): TabResults {
  return {
    tabId: 7,
    url: PAGE.url,
    title: PAGE.title,
    status: 'done',
    matches: [...matches].sort((a, b) => a.start - b.start),
    frames: [{ frameId: 0, url: PAGE.url, status: 'done', count: matches.length }],
    ...over,
  };
}

export interface FakeOptions {
  tab?: TabInfo | null;
  results?: TabResults | null;
  settings?: Partial<Settings>;
  browserLanguage?: string;
  jumpOutcome?: JumpOutcome;
  /** Advance the fake clock by this much on each now() call. */
  clockStep?: number;
  /** Run the idle task at once (default) or keep it for the test to run. */
  idle?: 'now' | 'manual';
  view?: 'page' | 'section';
  /** The tab is still loading. */
  loading?: boolean;
  /** What the page answers to show-highlights (default: it showed them). */
  showHighlightsAnswer?: boolean;
}

export function fakePlatform(options: FakeOptions = {}) {
  // A reader who has answered the first-run question, unless a test says otherwise.
  let settings: Settings = { ...DEFAULT_SETTINGS, quietAsked: true, ...options.settings };
  let results = options.results === undefined ? tabResults([]) : options.results;
  const watchers = new Set<(s: Settings) => void>();
  const resultWatchers = new Set<(r: TabResults | null) => void>();
  const idleTasks: (() => void)[] = [];
  let clock = ACCESSED.getTime();
  let loading = options.loading ?? false;
  const citationApi: CitationApi = { formats: CITATION_FORMATS, format: formatCitation, formatAll: formatCitations };
  const platform = {
    getTab: vi.fn(
      async (): Promise<TabInfo | null> => (options.tab === undefined ? { id: 7, ...PAGE, loading } : options.tab),
    ),
    watchResults: vi.fn((_tabId: number, cb: (r: TabResults | null) => void) => {
      resultWatchers.add(cb);
      queueMicrotask(() => resultWatchers.has(cb) && cb(results));
      return () => resultWatchers.delete(cb);
    }),
    getSettings: vi.fn(async () => settings),
    watchSettings: vi.fn((cb: (s: Settings) => void) => {
      watchers.add(cb);
      return () => watchers.delete(cb);
    }),
    setSitePaused: vi.fn(async (host: string, paused: boolean) => {
      const without = settings.pausedSites.filter((h) => h !== host);
      settings = { ...settings, pausedSites: paused ? [...without, host] : without };
      for (const w of watchers) w(settings);
    }),
    setQuiet: vi.fn(async (quiet: boolean) => {
      settings = { ...settings, quiet, quietAsked: true };
      for (const w of watchers) w(settings);
    }),
    showHighlights: vi.fn(async (_tabId: number, _shown: boolean) => options.showHighlightsAnswer ?? true),
    jump: vi.fn(async (_tabId: number, _matchId: string) => options.jumpOutcome ?? ('ok' as JumpOutcome)),
    openReader: vi.fn(),
    openLookup: vi.fn(),
    reloadTab: vi.fn(),
    copyText: vi.fn(async (_text: string) => {}),
    download: vi.fn((_name: string, _mime: string, _text: string) => {}),
    loadCitations: vi.fn(async () => citationApi),
    loadView: vi.fn(() => options.view ?? null),
    saveView: vi.fn((_view: 'page' | 'section') => {}),
    browserLanguage: options.browserLanguage ?? 'zh-CN',
    ownOrigin: OWN_ORIGIN,
    now: () => {
      const d = new Date(clock);
      clock += options.clockStep ?? 0;
      return d;
    },
    whenIdle: (task: () => void) => {
      if (options.idle === 'manual') idleTasks.push(task);
      else task();
    },
  } satisfies PopupPlatform;
  return {
    platform,
    /** The background pushes new results. */
    setResults(next: TabResults | null) {
      results = next;
      for (const w of resultWatchers) w(next);
    },
    setLoading(next: boolean) {
      loading = next;
    },
    runIdle() {
      for (const t of idleTasks.splice(0)) t();
    },
  };
}
