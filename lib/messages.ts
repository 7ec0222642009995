/**
 * The one message protocol between content script, background and extension
 * pages. Every receiver calls parseMessage() on what arrives and ignores
 * anything that does not validate: a message is data from another context,
 * never trusted as typed.
 */
import type { DiffOp, Match, MatchKind } from './match/types';

/** A match as the content script reports it: the engine's match plus the page's words. */
export interface PageMatch extends Match {
  /** Stable within one scan of one frame: `${frameKey}:${start}`. */
  id: string;
  /** The page's text of the match, as it appears. */
  quote: string;
}

export type ScanStatus = 'scanning' | 'done' | 'paused' | 'unsupported';

export interface FrameReport {
  url: string;
  title: string;
  status: ScanStatus;
  matches: PageMatch[];
}

export type Message =
  /** content → background: the frame's current results (replaces earlier ones of that frame). */
  | { type: 'frame-report'; report: FrameReport }
  /** popup/reader → background: the results of a tab. */
  | { type: 'get-tab-results'; tabId: number }
  /** popup → content: scroll a match into view and flash it. */
  | { type: 'jump-to-match'; matchId: string }
  /** background → content: highlights on/off on this page (keyboard command). */
  | { type: 'toggle-highlights' };

export type MessageType = Message['type'];

export interface TabResults {
  tabId: number;
  url: string;
  title: string;
  status: ScanStatus;
  matches: PageMatch[];
}

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null;
const isString = (x: unknown): x is string => typeof x === 'string';
const isInt = (x: unknown): x is number => Number.isSafeInteger(x);
const isNonNegInt = (x: unknown): x is number => isInt(x) && (x as number) >= 0;
const STATUSES: readonly ScanStatus[] = ['scanning', 'done', 'paused', 'unsupported'];
const KINDS: readonly MatchKind[] = ['slogan', 'passage'];
const OPS: readonly DiffOp['op'][] = ['equal', 'insert', 'delete', 'replace'];
const MAX_MATCHES = 10_000;

function isDiffOp(x: unknown): x is DiffOp {
  return isObject(x) && OPS.includes(x.op as DiffOp['op']) && isString(x.page) && isString(x.speech);
}

export function isPageMatch(x: unknown): x is PageMatch {
  if (!isObject(x)) return false;
  return (
    isString(x.id) &&
    isString(x.quote) &&
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
    (x.diff === null || (Array.isArray(x.diff) && x.diff.every(isDiffOp)))
  );
}

function isFrameReport(x: unknown): x is FrameReport {
  return (
    isObject(x) &&
    isString(x.url) &&
    isString(x.title) &&
    STATUSES.includes(x.status as ScanStatus) &&
    Array.isArray(x.matches) &&
    x.matches.length <= MAX_MATCHES &&
    x.matches.every(isPageMatch)
  );
}

/** Returns the message if it is one of ours and well-formed, else null. */
export function parseMessage(x: unknown): Message | null {
  if (!isObject(x) || !isString(x.type)) return null;
  switch (x.type) {
    case 'frame-report':
      return isFrameReport(x.report) ? { type: x.type, report: x.report } : null;
    case 'get-tab-results':
      return isNonNegInt(x.tabId) ? { type: x.type, tabId: x.tabId } : null;
    case 'jump-to-match':
      return isString(x.matchId) ? { type: x.type, matchId: x.matchId } : null;
    case 'toggle-highlights':
      return { type: x.type };
    default:
      return null;
  }
}
