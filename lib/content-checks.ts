/**
 * The content script's checks of what it receives, by hand: the schemas of
 * lib/messages.ts would put the schema library in every page. What reaches
 * the content script comes from the extension only (the background, the
 * popup): messages addressed to it, and replies to messages it sent. A page
 * can reach none of it (the content script never listens to the page's
 * postMessage or events), so these checks guard against a bug or an old
 * worker, not an attacker: shape only, the types come from lib/messages.ts.
 */
import type { FrameSite, Message, ReportAck, ScanReply } from './messages';

/** The messages a content script answers. */
export type ContentMessage = Extract<
  Message,
  { type: 'jump-to-match' | 'toggle-highlights' | 'show-highlights' | 'resend-report' }
>;

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null;
const isCount = (x: unknown): x is number => Number.isSafeInteger(x) && (x as number) >= 0;
const isTime = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x) && x >= 0;

export function parseContentMessage(x: unknown): ContentMessage | null {
  if (!isObject(x)) return null;
  switch (x.type) {
    case 'jump-to-match':
      return typeof x.matchId === 'string' ? { type: x.type, matchId: x.matchId } : null;
    case 'show-highlights':
      return typeof x.shown === 'boolean' ? { type: x.type, shown: x.shown } : null;
    case 'toggle-highlights':
    case 'resend-report':
      return { type: x.type };
    default:
      return null;
  }
}

function isMatchShape(x: unknown): boolean {
  return (
    isObject(x) &&
    typeof x.kind === 'string' &&
    typeof x.rule === 'string' &&
    isCount(x.start) &&
    isCount(x.end) &&
    (x.end as number) >= (x.start as number) &&
    isCount(x.speechStart) &&
    isCount(x.speechEnd) &&
    typeof x.similarity === 'number' &&
    typeof x.distinctiveness === 'number' &&
    (x.diff === null || Array.isArray(x.diff))
  );
}

export function isScanReply(x: unknown): x is ScanReply {
  return isObject(x) && Array.isArray(x.matches) && x.matches.every(isMatchShape) && isTime(x.ms) && isTime(x.initMs);
}

export function isReportAck(x: unknown): x is ReportAck {
  return isObject(x) && x.ok === true;
}

export function isFrameSite(x: unknown): x is FrameSite {
  return isObject(x) && typeof x.host === 'string';
}
