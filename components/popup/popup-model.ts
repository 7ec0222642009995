/**
 * The popup's view model: turns the matches a tab reports into what the popup
 * shows (section, paragraph, the original sentence with the matched span and
 * some context, the diff of a near-verbatim quote), in page order or grouped
 * by section. Pure: no browser APIs, so it is unit-tested in Node.
 */
import type { CitationInput } from '../../lib/citations/types';
import type { Corpus, Section } from '../../lib/corpus/types';
import { type DiffOp, type MatchKind, type MatchRule, STOCK_BELOW } from '../../lib/match/types';
import type { PageMatch, TabResults } from '../../lib/messages';
import { type CannotScanReason, pageSupport } from '../../lib/page-support';
import { normaliseHostname } from '../../lib/settings/hostname';

/** Context shown on either side of the matched span, in characters. */
export const CONTEXT_CHARS = { sentence: 48, neighbour: 24 } as const;

export interface SectionRef {
  /** 0 the opening, 1–3 the parts, 4 the closing (see lib/corpus). */
  index: number;
  /** 开篇, 第一部分 … 结语, as the corpus names them. */
  label: string;
  /** The part's heading (its first clause), null for the opening and closing. */
  heading: string | null;
  /** The heading up to its first comma, with … when cut: fits one line of the popup. */
  shortHeading: string | null;
}

/** The original passage around a match: [before][lead][matched][tail][after]. */
export interface PassageContext {
  /** End of the previous sentence of the same paragraph ('' when none). */
  before: string;
  /** The sentence's text before the matched span. */
  lead: string;
  /** The speech's own characters of the match. */
  matched: string;
  /** The sentence's text after the matched span. */
  tail: string;
  /** Start of the next sentence of the same paragraph ('' when none). */
  after: string;
  /** True where text was cut (the view shows …). */
  clippedStart: boolean;
  clippedEnd: boolean;
}

export interface PopupItem {
  id: string;
  kind: MatchKind;
  /** The page's words. */
  quote: string;
  /** Position in page order (0-based), kept when grouped. */
  order: number;
  speechStart: number;
  speechEnd: number;
  /** null when the span is outside the body (the title line). */
  section: SectionRef | null;
  /** 1-based paragraph number (¶), null outside the body. */
  paragraph: number | null;
  context: PassageContext;
  similarity: number;
  /** True for a near-verbatim quote: similarity below 1 with a diff. */
  nearVerbatim: boolean;
  /** The rule that accepted the match, shown as the reason it was marked. */
  rule: MatchRule;
  /** Stock phrasing in the speech's order (distinctiveness below STOCK_BELOW): shown quietly. */
  stock: boolean;
  diff: DiffSegment[] | null;
  diffSummary: DiffSummary | null;
}

export type DiffSegment =
  | { type: 'same'; text: string }
  /** Characters the page adds that the speech does not have. */
  | { type: 'inserted'; text: string }
  /** Characters of the speech the page leaves out. */
  | { type: 'dropped'; text: string }
  /** Characters the page changes: the speech's `from`, the page's `to`. */
  | { type: 'changed'; from: string; to: string };

export interface DiffSummary {
  /** Counts of edits (runs of characters added, dropped or changed), not of characters. */
  inserted: number;
  dropped: number;
  changed: number;
}

export interface SectionGroup {
  section: SectionRef | null;
  items: PopupItem[];
}

export function sectionRef(section: Section): SectionRef {
  const heading = section.titleSpan ? section.title : null;
  return { index: section.index, label: section.label, heading, shortHeading: heading && shortenHeading(heading) };
}

/** 切实增强落实污染防治的思想自觉，以更高标准… → 切实增强落实污染防治的思想自觉… */
export function shortenHeading(heading: string): string {
  const comma = heading.search(/[，,；;]/);
  return comma > 0 ? `${heading.slice(0, comma)}…` : heading;
}

/** Diff ops → segments for display, merging neighbours of the same type. */
export function diffSegments(ops: readonly DiffOp[]): DiffSegment[] {
  const out: DiffSegment[] = [];
  for (const op of ops) {
    const seg: DiffSegment | null =
      op.op === 'equal'
        ? op.page || op.speech
          ? { type: 'same', text: op.speech || op.page }
          : null
        : op.op === 'insert'
          ? op.page
            ? { type: 'inserted', text: op.page }
            : null
          : op.op === 'delete'
            ? op.speech
              ? { type: 'dropped', text: op.speech }
              : null
            : op.page || op.speech
              ? { type: 'changed', from: op.speech, to: op.page }
              : null;
    if (!seg) continue;
    const last = out[out.length - 1];
    if (last && last.type === seg.type) {
      if (last.type === 'changed' && seg.type === 'changed') {
        last.from += seg.from;
        last.to += seg.to;
      } else if (last.type !== 'changed' && seg.type !== 'changed') {
        last.text += seg.text;
      }
    } else {
      out.push(seg);
    }
  }
  return out;
}

export function summariseDiff(segments: readonly DiffSegment[]): DiffSummary {
  const sum: DiffSummary = { inserted: 0, dropped: 0, changed: 0 };
  for (const s of segments) {
    if (s.type === 'inserted') sum.inserted++;
    else if (s.type === 'dropped') sum.dropped++;
    else if (s.type === 'changed') sum.changed++;
  }
  return sum;
}

/** The sentence(s) holding [speechStart, speechEnd) with the span split out, plus the neighbours in the paragraph. */
export function passageContext(corpus: Corpus, speechStart: number, speechEnd: number): PassageContext {
  const text = corpus.text;
  const start = Math.max(0, Math.min(speechStart, text.length));
  const end = Math.max(start, Math.min(speechEnd, text.length));
  const first = corpus.locate(start);
  // The last character of the span decides the last sentence (end is exclusive).
  const last = corpus.locate(Math.max(start, end - 1)) ?? first;
  if (!first || !last) {
    return {
      before: '',
      lead: '',
      matched: text.slice(start, end),
      tail: '',
      after: '',
      clippedStart: false,
      clippedEnd: false,
    };
  }
  const s0 = first.sentence;
  const s1 = last.sentence;
  let lead = text.slice(s0.start, start);
  let tail = text.slice(end, s1.end);
  let clippedStart = false;
  let clippedEnd = false;
  if (lead.length > CONTEXT_CHARS.sentence) {
    lead = lead.slice(lead.length - CONTEXT_CHARS.sentence);
    clippedStart = true;
  }
  if (tail.length > CONTEXT_CHARS.sentence) {
    tail = tail.slice(0, CONTEXT_CHARS.sentence);
    clippedEnd = true;
  }
  let before = '';
  let after = '';
  if (!clippedStart) {
    const prev = corpus.sentences[s0.index - 1];
    if (prev && prev.paragraph === s0.paragraph) {
      before = prev.text;
      if (before.length > CONTEXT_CHARS.neighbour) {
        before = before.slice(before.length - CONTEXT_CHARS.neighbour);
        clippedStart = true;
      }
    }
  }
  if (!clippedEnd) {
    const next = corpus.sentences[s1.index + 1];
    if (next && next.paragraph === s1.paragraph) {
      after = next.text;
      if (after.length > CONTEXT_CHARS.neighbour) {
        after = after.slice(0, CONTEXT_CHARS.neighbour);
        clippedEnd = true;
      }
    }
  }
  return { before, lead, matched: text.slice(start, end), tail, after, clippedStart, clippedEnd };
}

/** The frame part of a match id (`${frameKey}:${start}`). */
function frameKeyOf(id: string): string {
  const i = id.lastIndexOf(':');
  return i > 0 ? id.slice(0, i) : '';
}

/**
 * Page order: frames in the order the background lists them, and within a
 * frame in the order the frame reports its matches, which is document order.
 * Offsets cannot order them: a block re-scanned after load (text appended
 * later) counts its offsets from its own start, and frames are not comparable.
 */
export function pageOrder<T extends Pick<PageMatch, 'id'>>(matches: readonly T[]): T[] {
  const frameRank = new Map<string, number>();
  for (const m of matches) {
    const key = frameKeyOf(m.id);
    if (!frameRank.has(key)) frameRank.set(key, frameRank.size);
  }
  return matches
    .map((m, i) => ({ m, i, rank: frameRank.get(frameKeyOf(m.id)) ?? 0 }))
    .sort((a, b) => a.rank - b.rank || a.i - b.i)
    .map((x) => x.m);
}

export function buildItems(matches: readonly PageMatch[], corpus: Corpus): PopupItem[] {
  return pageOrder(matches).map((m, order) => {
    const loc = corpus.locate(m.speechStart);
    const diff = m.diff?.some((op) => op.op !== 'equal') ? diffSegments(m.diff) : null;
    return {
      id: m.id,
      kind: m.kind,
      quote: m.quote,
      order,
      speechStart: m.speechStart,
      speechEnd: m.speechEnd,
      section: loc ? sectionRef(loc.section) : null,
      paragraph: loc ? loc.paragraph.number : null,
      context: passageContext(corpus, m.speechStart, m.speechEnd),
      similarity: m.similarity,
      nearVerbatim: m.similarity < 1 && diff !== null,
      rule: m.rule,
      stock: m.distinctiveness < STOCK_BELOW,
      diff,
      diffSummary: diff && summariseDiff(diff),
    };
  });
}

/** Grouped by speech section, sections in speech order, items in page order within each; the title line last. */
export function groupBySection(items: readonly PopupItem[]): SectionGroup[] {
  const groups = new Map<number, SectionGroup>();
  for (const item of items) {
    const key = item.section?.index ?? Number.MAX_SAFE_INTEGER;
    let group = groups.get(key);
    if (!group) {
      group = { section: item.section, items: [] };
      groups.set(key, group);
    }
    group.items.push(item);
  }
  return [...groups.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([, g]) => ({ section: g.section, items: [...g.items].sort((a, b) => a.order - b.order) }));
}

/** The hostname the pause toggle applies to (as the settings store it), or null for URLs without one. */
export function siteOf(url: string): string | null {
  try {
    const { protocol, hostname } = new URL(url);
    return protocol === 'http:' || protocol === 'https:' ? normaliseHostname(hostname) : null;
  } catch {
    return null;
  }
}

/** How long the popup waits for a first report from the page before saying the page does not answer. */
export const NO_ANSWER_MS = 4000;

export type PopupPhase =
  | { phase: 'loading' }
  | { phase: 'no-tab' }
  | { phase: 'cannot-scan'; reason: CannotScanReason }
  | { phase: 'paused'; host: string | null; everywhere: boolean }
  /** Nothing to list yet. */
  | { phase: 'scanning' }
  /** The list (possibly empty when done); `scanning` while the page still reports. */
  | { phase: 'results'; scanning: boolean };

export interface PhaseInput {
  /** undefined while the tab is being looked up, null when there is none. */
  tab: { url: string } | null | undefined;
  /** undefined while loading. */
  settings: { enabled: boolean; pausedSites: readonly string[] } | undefined;
  /** undefined before the first answer, null when the background did not answer. */
  results: TabResults | null | undefined;
  /** Time since the popup started asking. */
  waitedMs: number;
  /** The extension's own origin (chrome-extension://id/), to recognise its own pages. */
  ownOrigin?: string;
}

/**
 * Whether any frame of the tab has reported. The background answers for every
 * tab ('scanning' with no frames before a first report); a content script that
 * never reports is not running there (a tab opened before the install, a page
 * the browser protects).
 */
export function hasReport(results: TabResults): boolean {
  if (results.frames) return results.frames.length > 0;
  return results.status !== 'scanning' || results.matches.length > 0;
}

/** Which state the popup is in; pure so each state is unit-tested. */
export function popupPhase({ tab, settings, results, waitedMs, ownOrigin }: PhaseInput): PopupPhase {
  if (tab === null) return { phase: 'no-tab' };
  if (tab === undefined || settings === undefined) return { phase: 'loading' };
  const support = pageSupport(results?.url || tab.url, ownOrigin);
  if (!support.scannable) return { phase: 'cannot-scan', reason: support.reason };
  const host = siteOf(results?.url || tab.url);
  if (!settings.enabled || (host !== null && settings.pausedSites.includes(host))) {
    return { phase: 'paused', host, everywhere: !settings.enabled };
  }
  if (results?.status === 'paused') return { phase: 'paused', host, everywhere: false };
  if (results?.status === 'unsupported') return { phase: 'cannot-scan', reason: 'unreadable' };
  if (!results || !hasReport(results)) {
    return waitedMs >= NO_ANSWER_MS && results !== undefined
      ? { phase: 'cannot-scan', reason: 'no-answer' }
      : { phase: 'scanning' };
  }
  if (results.status === 'scanning' && results.matches.length === 0) return { phase: 'scanning' };
  return { phase: 'results', scanning: results.status === 'scanning' };
}

/** Whether the page has no Chinese text at all (every frame that reported says so): no quote could be there. */
export function pageHasNoChinese(results: TabResults | null | undefined): boolean {
  const frames = results?.frames;
  return !!frames && frames.length > 0 && frames.every((f) => f.noChinese === true);
}

/** The page as a citation names it: its title and URL, and its author when the page states one. */
export interface CitedPageInfo {
  title: string;
  url: string;
  author?: string;
}

/**
 * What a citation of a popup item needs: the quoted words, the speech span,
 * and the page as where it was seen. A near-verbatim quote is cited in the
 * speech's own words (its context's matched span): the page's wording differs
 * from the speech, and quotation marks before the speech's reference would
 * say the speech said it.
 */
export function citationInput(
  item: Pick<PopupItem, 'quote' | 'speechStart' | 'speechEnd'> & Partial<Pick<PopupItem, 'nearVerbatim' | 'context'>>,
  page: CitedPageInfo,
  accessed: Date,
): CitationInput {
  const speechWords = item.nearVerbatim ? item.context?.matched : undefined;
  return {
    quote: speechWords || item.quote,
    speechStart: item.speechStart,
    speechEnd: item.speechEnd,
    seenAt: { title: page.title, url: page.url, accessed, ...(page.author ? { author: page.author } : {}) },
  };
}
