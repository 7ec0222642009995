import { describe, expect, it } from 'vitest';
import {
  buildItems,
  CONTEXT_CHARS,
  citationInput,
  diffSegments,
  groupBySection,
  NO_ANSWER_MS,
  type PhaseInput,
  pageOrder,
  passageContext,
  popupPhase,
  shortenHeading,
  siteOf,
  summariseDiff,
} from '../../components/popup/popup-model';
import { getCorpus } from '../../lib/corpus';
import type { DiffOp } from '../../lib/match/types';
import type { PageMatch, TabResults } from '../../lib/messages';
import { DEFAULT_SETTINGS } from '../../lib/settings/defaults';

const corpus = getCorpus();
const text = corpus.text;

/** A match of `phrase` at its n-th occurrence in the speech, reported at page offset `start`. */
function matchOf(phrase: string, start: number, extra: Partial<PageMatch> = {}, occurrence = 0): PageMatch {
  let at = -1;
  for (let i = 0; i <= occurrence; i++) at = text.indexOf(phrase, at + 1);
  if (at < 0) throw new Error(`not in the speech: ${phrase}`);
  return {
    id: `0:${start}`,
    quote: phrase,
    kind: 'passage',
    start,
    end: start + phrase.length,
    speechStart: at,
    speechEnd: at + phrase.length,
    similarity: 1,
    diff: null,
    rule: 'quoted-slogan',
    distinctiveness: 1,
    ...extra,
  };
}

describe('buildItems', () => {
  it('gives each match its section, paragraph and the speech text of its span', () => {
    const [item] = buildItems([matchOf('持续深入打好蓝天、碧水、净土保卫战', 10)], corpus);
    expect(item?.section).toEqual({
      index: 2,
      label: '第二部分',
      heading: '切实增强落实污染防治的思想自觉，以更高标准打好蓝天、碧水、净土保卫战',
      shortHeading: '切实增强落实污染防治的思想自觉…',
    });
    expect(item?.paragraph).toBe(4);
    expect(item?.context.matched).toBe('持续深入打好蓝天、碧水、净土保卫战');
    expect(item?.nearVerbatim).toBe(false);
    expect(item?.diff).toBeNull();
  });

  it('locates the closing and the opening as sections without a heading', () => {
    const items = buildItems(
      [matchOf('让绿水青山永远成为最鲜明的特征', 5), matchOf('生态文明建设是关系中华民族永续发展的根本大计', 50)],
      corpus,
    );
    expect(items.map((i) => [i.section?.label, i.section?.heading, i.paragraph])).toEqual([
      ['开篇', null, 2],
      ['结语', null, 6],
    ]);
  });

  it('lists matches in page order (as the frame reports them) and numbers them', () => {
    const items = buildItems([matchOf('坚持以人民为中心', 20), matchOf('红线', 300, { kind: 'slogan' })], corpus);
    expect(items.map((i) => [i.quote, i.order])).toEqual([
      ['坚持以人民为中心', 0],
      ['红线', 1],
    ]);
  });

  it('marks a near-verbatim quote and summarises its diff', () => {
    const diff: DiffOp[] = [
      { op: 'equal', page: '牢固树立', speech: '牢固树立' },
      { op: 'insert', page: '并', speech: '' },
      { op: 'equal', page: '践行绿水青山', speech: '践行绿水青山' },
      { op: 'replace', page: '是', speech: '就是' },
      { op: 'equal', page: '金山银山的', speech: '金山银山的' },
      { op: 'delete', page: '', speech: '理念' },
    ];
    const m = matchOf('牢固树立和践行绿水青山就是金山银山的理念', 0, {
      similarity: 0.87,
      diff,
      quote: '牢固树立并践行绿水青山是金山银山的',
    });
    const [item] = buildItems([m], corpus);
    expect(item?.nearVerbatim).toBe(true);
    // Edits, not characters: one insertion (并), one change (就是→是), one omission (理念).
    expect(item?.diffSummary).toEqual({ inserted: 1, dropped: 1, changed: 1 });
    expect(item?.diff?.map((s) => s.type)).toEqual(['same', 'inserted', 'same', 'changed', 'same', 'dropped']);
  });

  it('does not treat an all-equal diff as near-verbatim', () => {
    const m = matchOf('坚持以人民为中心', 0, {
      diff: [{ op: 'equal', page: '坚持以人民为中心', speech: '坚持以人民为中心' }],
    });
    expect(buildItems([m], corpus)[0]?.nearVerbatim).toBe(false);
  });
});

describe('passageContext', () => {
  it('splits the sentence around the span and adds the neighbouring sentences of the paragraph', () => {
    const phrase = '传达学习了习近平总书记在全国生态环境保护大会上的重要讲话精神';
    const start = text.indexOf(phrase);
    const c = passageContext(corpus, start, start + phrase.length);
    const sentence = corpus.locate(start)?.sentence;
    expect(c.lead + c.matched + c.tail).toBe(sentence?.text);
    expect(c.matched).toBe(phrase);
    expect(c.lead).toBe('刚才，');
    // The previous sentence is long: only its end, marked as cut.
    const prev = corpus.sentences[(sentence?.index ?? 0) - 1];
    expect(prev?.text.endsWith(c.before)).toBe(true);
    expect(c.before.length).toBe(CONTEXT_CHARS.neighbour);
    expect(c.clippedStart).toBe(true);
    const next = corpus.sentences[(sentence?.index ?? 0) + 1];
    expect(next?.text.startsWith(c.after)).toBe(true);
    expect(c.after.length).toBeGreaterThan(0);
  });

  it('has no neighbour before the first sentence of a paragraph', () => {
    const start = text.indexOf('生态文明建设是关系中华民族永续发展的根本大计');
    const c = passageContext(corpus, start, start + 10);
    expect(c.before).toBe('');
    expect(c.lead).toBe('');
  });

  it('cuts a very long sentence on either side of the span and says so', () => {
    // This sentence of part one runs for hundreds of characters around 淘汰落后产能.
    const start = text.indexOf('淘汰落后产能');
    const sentence = corpus.locate(start)?.sentence;
    expect((sentence?.text.length ?? 0) > 2 * CONTEXT_CHARS.sentence).toBe(true);
    const c = passageContext(corpus, start, start + 6);
    expect(c.lead.length).toBeLessThanOrEqual(CONTEXT_CHARS.sentence);
    expect(c.tail.length).toBeLessThanOrEqual(CONTEXT_CHARS.sentence);
    expect(text.slice(start - c.lead.length, start + 6 + c.tail.length)).toBe(c.lead + c.matched + c.tail);
    expect(c.clippedStart || c.clippedEnd).toBe(true);
  });

  it('spans several sentences when the match does', () => {
    const start = text.indexOf('根本大计。党的二十大');
    const c = passageContext(corpus, start, start + 10);
    expect(c.matched).toBe('根本大计。党的二十大');
    expect(c.lead.startsWith('生态文明建设')).toBe(true);
    expect(c.tail.endsWith('。”')).toBe(true);
  });

  it('survives a span outside the body (the title line)', () => {
    const c = passageContext(corpus, 0, 6);
    expect(c).toMatchObject({ lead: '', matched: text.slice(0, 6), tail: '' });
  });
});

describe('pageOrder and groupBySection', () => {
  it('keeps frames in the order listed and each frame in the order it reports (document order)', () => {
    const ms = [
      { id: 'top:1', start: 10, end: 12 },
      { id: 'f2:1', start: 3, end: 9 },
      { id: 'top:2', start: 50, end: 52 },
      { id: 'f2:2', start: 1, end: 2 },
    ];
    expect(pageOrder(ms).map((m) => m.id)).toEqual(['top:1', 'top:2', 'f2:1', 'f2:2']);
  });

  it('does not order by offset: a paragraph appended after load counts from its own block', () => {
    // The frame lists the late paragraph last (document order), at offset 12 of its block.
    const items = buildItems(
      [matchOf('深入推进环境污染防治', 152), matchOf('严守生态底线', 610), matchOf('像保护眼睛一样保护生态环境', 12)],
      corpus,
    );
    expect(items.map((i) => [i.quote, i.order])).toEqual([
      ['深入推进环境污染防治', 0],
      ['严守生态底线', 1],
      ['像保护眼睛一样保护生态环境', 2],
    ]);
  });

  it('groups by section in speech order, page order within each group', () => {
    const items = buildItems(
      [
        matchOf('像保护眼睛一样保护生态环境', 0), // closing
        matchOf('推动企业落实环境治理主体责任', 10), // part 3
        matchOf('深入推进环境污染防治', 20), // part 2
        matchOf('严守生态底线', 30), // part 3
      ],
      corpus,
    );
    const groups = groupBySection(items);
    expect(groups.map((g) => g.section?.label)).toEqual(['第二部分', '第三部分', '结语']);
    expect(groups[1]?.items.map((i) => i.quote)).toEqual(['推动企业落实环境治理主体责任', '严守生态底线']);
  });
});

describe('diffSegments', () => {
  it('merges neighbours of one kind and drops empty ops', () => {
    const segs = diffSegments([
      { op: 'equal', page: '甲', speech: '甲' },
      { op: 'equal', page: '乙', speech: '乙' },
      { op: 'insert', page: '', speech: '' },
      { op: 'replace', page: 'x', speech: '丙' },
      { op: 'replace', page: 'y', speech: '丁' },
      { op: 'delete', page: '', speech: '戊' },
    ]);
    expect(segs).toEqual([
      { type: 'same', text: '甲乙' },
      { type: 'changed', from: '丙丁', to: 'xy' },
      { type: 'dropped', text: '戊' },
    ]);
    expect(summariseDiff(segs)).toEqual({ inserted: 0, dropped: 1, changed: 1 });
  });
});

describe('siteOf', () => {
  it('siteOf gives the stored form of the hostname, null without one', () => {
    expect(siteOf('https://News.Example.cn:8443/a')).toBe('news.example.cn');
    expect(siteOf('chrome://newtab')).toBeNull();
    expect(siteOf('not a url')).toBeNull();
  });
});

describe('popupPhase', () => {
  const tab = { url: 'https://news.example.cn/a.html' };
  const settings = DEFAULT_SETTINGS;
  const results = (over: Partial<TabResults> = {}): TabResults => ({
    tabId: 1,
    url: tab.url,
    title: 't',
    status: 'done',
    matches: [],
    ...over,
  });
  const phase = (over: Partial<PhaseInput>) => popupPhase({ tab, settings, results: undefined, waitedMs: 0, ...over });

  it('waits for the tab and settings', () => {
    expect(phase({ tab: undefined })).toEqual({ phase: 'loading' });
    expect(phase({ settings: undefined })).toEqual({ phase: 'loading' });
    expect(phase({ tab: null })).toEqual({ phase: 'no-tab' });
  });

  it('knows unscannable pages by their URL before asking', () => {
    expect(phase({ tab: { url: 'chrome://newtab/' } })).toEqual({ phase: 'cannot-scan', reason: 'browser-page' });
  });

  it('is scanning until the page reports, then says the page does not answer', () => {
    const noReport = results({ status: 'scanning', frames: [] });
    expect(phase({ results: undefined, waitedMs: NO_ANSWER_MS + 1 })).toEqual({ phase: 'scanning' });
    expect(phase({ results: null, waitedMs: NO_ANSWER_MS - 1 })).toEqual({ phase: 'scanning' });
    expect(phase({ results: noReport, waitedMs: NO_ANSWER_MS - 1 })).toEqual({ phase: 'scanning' });
    expect(phase({ results: null, waitedMs: NO_ANSWER_MS })).toEqual({ phase: 'cannot-scan', reason: 'no-answer' });
    expect(phase({ results: noReport, waitedMs: NO_ANSWER_MS })).toEqual({ phase: 'cannot-scan', reason: 'no-answer' });
    // A frame reported and is still scanning: the page answers, however long it takes.
    const reporting = results({
      status: 'scanning',
      frames: [{ frameId: 0, url: tab.url, status: 'scanning', count: 0 }],
    });
    expect(phase({ results: reporting, waitedMs: 10 * NO_ANSWER_MS })).toEqual({ phase: 'scanning' });
  });

  it('shows paused for a paused site, or when paused everywhere', () => {
    const paused = { ...settings, pausedSites: ['news.example.cn'] };
    expect(phase({ settings: paused, results: results() })).toEqual({
      phase: 'paused',
      host: 'news.example.cn',
      everywhere: false,
    });
    expect(phase({ settings: { ...settings, enabled: false } })).toMatchObject({ phase: 'paused', everywhere: true });
    expect(phase({ results: results({ status: 'paused' }) })).toMatchObject({ phase: 'paused', everywhere: false });
  });

  it('lists results, flagged while the page is still scanning', () => {
    const one = [matchOf('坚持以人民为中心', 0)];
    expect(phase({ results: results({ status: 'scanning' }) })).toEqual({ phase: 'scanning' });
    expect(phase({ results: results({ status: 'scanning', matches: one }) })).toEqual({
      phase: 'results',
      scanning: true,
    });
    expect(phase({ results: results() })).toEqual({ phase: 'results', scanning: false });
    expect(phase({ results: results({ status: 'unsupported' }) })).toEqual({
      phase: 'cannot-scan',
      reason: 'unreadable',
    });
  });
});

describe('citations from the popup', () => {
  it('cites the page words and span, with the page as where it was seen', () => {
    const accessed = new Date(2026, 10, 28);
    expect(
      citationInput({ quote: '红线', speechStart: 5, speechEnd: 7 }, { title: 'T', url: 'https://x/' }, accessed),
    ).toEqual({
      quote: '红线',
      speechStart: 5,
      speechEnd: 7,
      seenAt: { title: 'T', url: 'https://x/', accessed },
    });
  });

  it('cites a near-verbatim quote in the speech’s own words, not the page’s', () => {
    const accessed = new Date(2026, 10, 28);
    const near = { quote: '红色底线', speechStart: 5, speechEnd: 7, nearVerbatim: true, context: { matched: '红线' } };
    const input = citationInput(
      near as Parameters<typeof citationInput>[0],
      { title: 'T', url: 'https://x/' },
      accessed,
    );
    expect(input.quote).toBe('红线');
    const exact = { ...near, nearVerbatim: false };
    expect(
      citationInput(exact as Parameters<typeof citationInput>[0], { title: 'T', url: 'https://x/' }, accessed).quote,
    ).toBe('红色底线');
  });

  it('carries the page’s author when it states one', () => {
    const accessed = new Date(2026, 10, 28);
    expect(
      citationInput(
        { quote: '红线', speechStart: 5, speechEnd: 7 },
        { title: 'T', url: 'https://x/', author: '李明' },
        accessed,
      ).seenAt,
    ).toEqual({ title: 'T', url: 'https://x/', accessed, author: '李明' });
  });

  it('shortens a heading at its first comma', () => {
    expect(shortenHeading('甲乙，丙丁')).toBe('甲乙…');
    expect(shortenHeading('甲乙')).toBe('甲乙');
  });
});
