/**
 * The one message protocol between content script, background and extension
 * pages. Every receiver calls parseMessage() on what arrives and ignores
 * anything that does not validate: a message is data from another context,
 * never trusted as typed.
 *
 * Transport: browser.runtime / browser.tabs messaging only. The content script
 * never listens to window.postMessage, so a page's own scripts can neither
 * inject results nor read them.
 *
 * Replies (sendResponse):
 * - get-tab-results → TabResults (always; status 'unsupported' for a tab no
 *   content script can run in, 'scanning' before the first report).
 * - jump-to-match → JumpResult, from the frame that owns the match only.
 * - toggle-highlights → JumpResult-shaped {ok} (false when the page is paused).
 * - scan-text → ScanReply (from the background, to content scripts only).
 * - frame-report → ReportAck, once the background has recorded the report
 *   (no ack: the content script sends it again).
 * - resend-report → FrameReport: the frame's current report (the background
 *   rebuilding a tab's state it lost).
 * - get-ledger → LedgerReply (from the background, to extension pages only).
 */
import { parseLedgerQuery } from './ledger/query';
import type { LedgerEntry, LedgerQuery } from './ledger/types';
import type { ScanOptions } from './match';
import { type DiffOp, MATCH_RULES, type Match, type MatchKind, type MatchRule } from './match/types';

/** A match as the content script reports it: the engine's match plus the page's words. */
export interface PageMatch extends Match {
  /**
   * `${frameKey}:${n}`: unique in the tab, stable for as long as the match is
   * on the page (a re-scan of another block keeps it). The frame key is random
   * per frame document, so a jump reaches the one frame that owns the match.
   */
  id: string;
  /** The page's text of the match, as it reads (lib/dom/quote.ts: source line breaks between Chinese characters dropped). */
  quote: string;
}

export type ScanStatus = 'scanning' | 'done' | 'paused' | 'unsupported';

/** Where a frame's last scan spent its time, in milliseconds of work (waits between slices excluded). */
export interface ScanTimings {
  /** Reading the page's text, on the page's thread. */
  extractMs: number;
  /** The matcher's time, spent in the background (scan-text), not on the page's thread. */
  scanMs: number;
  /** Turning matches into Ranges and highlights, on the page's thread. */
  highlightMs: number;
  /** All the work on the page's thread: extraction, messages, Ranges, highlights, bookkeeping. */
  totalMs: number;
  /** Wall-clock time from the start of the scan to its report, waits between slices included. */
  elapsedMs: number;
  /** Characters of page text read. */
  chars: number;
  /** Tasks the work was split into. */
  slices: number;
  /** The longest of those tasks, in ms (wall clock: includes garbage collection and the machine stalling us). */
  maxSliceMs?: number;
  /** Time to build the matcher's index of the speech, in the pass that built it (once per page), in ms. */
  matcherInitMs?: number;
  /** Handing the text to the background (scan-text messages: the browser serialises it), on the page's thread. */
  sendMs?: number;
}

export interface FrameReport {
  url: string;
  title: string;
  /** The page's author (`<meta name="author">` or a byline), when it states one: citations name it. */
  author?: string;
  status: ScanStatus;
  matches: PageMatch[];
  /** Present once a scan has finished (status 'done'). */
  timings?: ScanTimings;
  /** The frame has no Chinese text (so nothing to compare with the speech, whatever the settings). */
  noChinese?: true;
}

/** One frame's part of a tab's results. */
export interface FrameSummary {
  frameId: number;
  url: string;
  status: ScanStatus;
  count: number;
  timings?: ScanTimings;
  noChinese?: true;
}

/** The reply to jump-to-match. */
export interface JumpResult {
  ok: boolean;
  /** Why not, when not ok. */
  reason?: 'paused' | 'gone';
}

export type Message =
  /** content → background: the frame's current results (replaces earlier ones of that frame). */
  | { type: 'frame-report'; report: FrameReport }
  /** popup/reader → background: the results of a tab. */
  | { type: 'get-tab-results'; tabId: number }
  /** popup → content: scroll a match into view and flash it. */
  | { type: 'jump-to-match'; matchId: string }
  /** background → content: highlights on/off on this page (keyboard command). */
  | { type: 'toggle-highlights' }
  /**
   * content → background: the matches in a piece of the page's text. The
   * matcher runs in the background, not in the page: its index of the speech
   * is built once per worker rather than once per page, and its work never
   * blocks the page. The text stays inside the browser. Reply: ScanReply.
   */
  | { type: 'scan-text'; text: string; options: ScanOptions }
  /** background → content (one frame): reply with the frame's current report (the background lost it). */
  | { type: 'resend-report' }
  /** extension page → background: the ledger's entries meeting the query (all when absent). Reply: LedgerReply. */
  | { type: 'get-ledger'; query: LedgerQuery };

/** The reply to get-ledger: the entries, most recently seen first. */
export interface LedgerReply {
  entries: LedgerEntry[];
}

/** The reply to frame-report: the background recorded it. */
export interface ReportAck {
  ok: true;
}

export function isReportAck(x: unknown): x is ReportAck {
  return isObject(x) && x.ok === true;
}

/** The reply to scan-text. */
export interface ScanReply {
  matches: Match[];
  /** Time the background spent scanning, in ms. */
  ms: number;
  /** Time it spent building the matcher first (0 when it was built already), in ms. */
  initMs: number;
}

/** The longest text one scan-text message carries (the content script sends windows well under it). */
export const MAX_SCAN_TEXT = 1 << 20;

export type MessageType = Message['type'];

/**
 * A tab's results, merged over its frames (top frame first, then by frame id).
 * `status` is the top frame's when it is paused or unsupported, else
 * 'scanning' while any frame still scans, else 'done'. `frames` (added by the
 * content-script work) lists each frame's status, count and timings.
 */
export interface TabResults {
  tabId: number;
  url: string;
  title: string;
  /** The top frame's author, when its page states one. */
  author?: string;
  status: ScanStatus;
  matches: PageMatch[];
  frames?: FrameSummary[];
  /**
   * Some of the tab's results could not be kept in storage (its quota is
   * full): the page holds them and re-sends them when asked, so they are
   * complete, but a notice says so.
   */
  unstored?: boolean;
}

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null;
const isString = (x: unknown): x is string => typeof x === 'string';
const isInt = (x: unknown): x is number => Number.isSafeInteger(x);
const isNonNegInt = (x: unknown): x is number => isInt(x) && (x as number) >= 0;
const STATUSES: readonly ScanStatus[] = ['scanning', 'done', 'paused', 'unsupported'];
const KINDS: readonly MatchKind[] = ['slogan', 'passage'];
const OPS: readonly DiffOp['op'][] = ['equal', 'insert', 'delete', 'replace'];
const MAX_MATCHES = 10_000;
/** A page author longer than this is refused with the report (lib/dom/page-author.ts never reads one). */
export const MAX_AUTHOR_LENGTH = 100;

function isDiffOp(x: unknown): x is DiffOp {
  return isObject(x) && OPS.includes(x.op as DiffOp['op']) && isString(x.page) && isString(x.speech);
}

export function isPageMatch(x: unknown): x is PageMatch {
  return isObject(x) && isString(x.id) && isString(x.quote) && isMatch(x);
}

/** Whether `x` is a well-formed engine Match. */
export function isMatch(x: unknown): x is Match {
  if (!isObject(x)) return false;
  return (
    KINDS.includes(x.kind as MatchKind) &&
    isNonNegInt(x.start) &&
    isNonNegInt(x.end) &&
    (x.end as number) >= (x.start as number) &&
    isNonNegInt(x.speechStart) &&
    isNonNegInt(x.speechEnd) &&
    (x.speechEnd as number) >= (x.speechStart as number) &&
    typeof x.similarity === 'number' &&
    x.similarity >= 0 &&
    x.similarity <= 1 &&
    (x.diff === null || (Array.isArray(x.diff) && x.diff.every(isDiffOp))) &&
    MATCH_RULES.includes(x.rule as MatchRule) &&
    typeof x.distinctiveness === 'number' &&
    x.distinctiveness >= 0 &&
    x.distinctiveness <= 1
  );
}

const TIMING_KEYS: readonly (keyof ScanTimings)[] = [
  'extractMs',
  'scanMs',
  'highlightMs',
  'totalMs',
  'elapsedMs',
  'chars',
  'slices',
];

const isNonNegNumber = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x) && x >= 0;

function isScanTimings(x: unknown): x is ScanTimings {
  return (
    isObject(x) &&
    TIMING_KEYS.every((k) => isNonNegNumber(x[k])) &&
    (x.maxSliceMs === undefined || isNonNegNumber(x.maxSliceMs)) &&
    (x.matcherInitMs === undefined || isNonNegNumber(x.matcherInitMs)) &&
    (x.sendMs === undefined || isNonNegNumber(x.sendMs))
  );
}

function isFrameReport(x: unknown): x is FrameReport {
  return (
    isObject(x) &&
    isString(x.url) &&
    isString(x.title) &&
    (x.author === undefined || (isString(x.author) && x.author.length <= MAX_AUTHOR_LENGTH)) &&
    STATUSES.includes(x.status as ScanStatus) &&
    Array.isArray(x.matches) &&
    x.matches.length <= MAX_MATCHES &&
    x.matches.every(isPageMatch) &&
    (x.timings === undefined || isScanTimings(x.timings)) &&
    (x.noChinese === undefined || x.noChinese === true)
  );
}

/** The most matches one frame reports (the rest are neither highlighted nor listed). */
export const MAX_FRAME_MATCHES = MAX_MATCHES;

/** Returns the message if it is one of ours and well-formed, else null. */
export function parseMessage(x: unknown): Message | null {
  if (!isObject(x) || !isString(x.type)) return null;
  switch (x.type) {
    case 'frame-report':
      return isFrameReport(x.report) ? { type: x.type, report: copyReport(x.report) } : null;
    case 'get-tab-results':
      return isNonNegInt(x.tabId) ? { type: x.type, tabId: x.tabId } : null;
    case 'jump-to-match':
      return isString(x.matchId) ? { type: x.type, matchId: x.matchId } : null;
    case 'toggle-highlights':
    case 'resend-report':
      return { type: x.type };
    case 'get-ledger': {
      const query = parseLedgerQuery(x.query);
      return query ? { type: x.type, query } : null;
    }
    case 'scan-text': {
      const options = parseScanOptions(x.options);
      return isString(x.text) && x.text.length <= MAX_SCAN_TEXT && options
        ? { type: x.type, text: x.text, options }
        : null;
    }
    default:
      return null;
  }
}

/** The report if `x` is a well-formed one (a copy with only the known fields), else null. */
export function parseFrameReport(x: unknown): FrameReport | null {
  return isFrameReport(x) ? copyReport(x) : null;
}

/** Only the known fields survive: extra properties a sender added are not carried on into storage. */
function copyReport(r: FrameReport): FrameReport {
  const report: FrameReport = {
    url: r.url,
    title: r.title,
    ...(r.author ? { author: r.author } : {}),
    status: r.status,
    matches: r.matches.map((m) => ({
      id: m.id,
      quote: m.quote,
      kind: m.kind,
      start: m.start,
      end: m.end,
      speechStart: m.speechStart,
      speechEnd: m.speechEnd,
      similarity: m.similarity,
      diff: m.diff ? m.diff.map((d) => ({ op: d.op, page: d.page, speech: d.speech })) : null,
      rule: m.rule,
      distinctiveness: m.distinctiveness,
    })),
  };
  if (r.timings) {
    const t = r.timings;
    report.timings = {
      extractMs: t.extractMs,
      scanMs: t.scanMs,
      highlightMs: t.highlightMs,
      totalMs: t.totalMs,
      elapsedMs: t.elapsedMs,
      chars: t.chars,
      slices: t.slices,
    };
    if (t.maxSliceMs !== undefined) report.timings.maxSliceMs = t.maxSliceMs;
    if (t.matcherInitMs !== undefined) report.timings.matcherInitMs = t.matcherInitMs;
    if (t.sendMs !== undefined) report.timings.sendMs = t.sendMs;
  }
  if (r.noChinese) report.noChinese = true;
  return report;
}

/** Whether a reply to jump-to-match is well-formed. */
export function isJumpResult(x: unknown): x is JumpResult {
  return (
    isObject(x) && typeof x.ok === 'boolean' && (x.reason === undefined || x.reason === 'paused' || x.reason === 'gone')
  );
}

function parseScanOptions(x: unknown): ScanOptions | null {
  if (!isObject(x)) return null;
  const out: ScanOptions = {};
  for (const key of ['slogans', 'passages', 'nearVerbatim', 'traditional'] as const) {
    if (x[key] === undefined) continue;
    if (typeof x[key] !== 'boolean') return null;
    out[key] = x[key] as boolean;
  }
  if (x.minPassageLength !== undefined) {
    if (!isNonNegInt(x.minPassageLength) || (x.minPassageLength as number) > 10_000) return null;
    out.minPassageLength = x.minPassageLength as number;
  }
  if (x.minDistinctiveness !== undefined) {
    const least = x.minDistinctiveness;
    if (typeof least !== 'number' || !(least >= 0 && least <= 1)) return null;
    out.minDistinctiveness = least;
  }
  return out;
}

/** Whether a reply to scan-text is well-formed. */
export function isScanReply(x: unknown): x is ScanReply {
  return (
    isObject(x) &&
    Array.isArray(x.matches) &&
    x.matches.every(isMatch) &&
    isNonNegNumber(x.ms) &&
    isNonNegNumber(x.initMs)
  );
}
