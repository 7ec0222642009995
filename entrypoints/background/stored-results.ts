/**
 * How the background stores a tab's frame reports in storage.session,
 * compactly: its quota is shared by every tab, and a page of thousands of
 * quotes stored as plain reports repeats the same words over and over. Per
 * frame, the match ids' common prefix (the frame key) is kept once; each
 * match is a tuple; a quote that reads exactly as the speech's text at its
 * offsets is not stored (the speech supplies it), nor a diff's speech side
 * where it equals the page's. Decoding gives the reports back as they were.
 *
 * Also the policy when storage is full: which tabs' stored results go first.
 */
import { type DiffOp, MATCH_RULES, type MatchKind } from '../../lib/match/types';
import type { FrameReport, PageMatch, ScanStatus, ScanTimings } from '../../lib/messages';

/** One frame's last report, and when it came (to tell reports of the new page from the old). */
export interface StoredFrame {
  frameId: number;
  report: FrameReport;
  receivedAt: number;
}

/** Most a tab's encoded results may take in storage (UTF-8 bytes); a tab over it is kept by its page only. */
export const TAB_BUDGET_BYTES = 1_000_000;

const KINDS: readonly MatchKind[] = ['slogan', 'passage'];
const OPS: readonly DiffOp['op'][] = ['equal', 'insert', 'delete', 'replace'];

/** [op, page, speech or 0 when it reads as the page]. */
type CompactOp = [number, string, string | 0];
/**
 * [id after the frame's prefix, kind, start, end, speechStart, speechEnd, similarity, rule, distinctiveness,
 * quote or 0, diff?].
 */
type CompactMatch = [string, number, number, number, number, number, number, number, number, string | 0, CompactOp[]?];

interface CompactFrame {
  f: number;
  at: number;
  u: string;
  t: string;
  s: ScanStatus;
  /** The prefix every match id of the frame starts with. */
  k: string;
  m: CompactMatch[];
  tm?: ScanTimings;
  /** The page's author, when it states one. */
  a?: string;
}

export interface EncodedTab {
  v: 2;
  frames: CompactFrame[];
}

function commonIdPrefix(matches: readonly PageMatch[]): string {
  const first = matches[0]?.id;
  if (first === undefined) return '';
  const colon = first.lastIndexOf(':');
  const prefix = colon < 0 ? '' : first.slice(0, colon + 1);
  return matches.every((m) => m.id.startsWith(prefix)) ? prefix : '';
}

function encodeMatch(m: PageMatch, prefix: string, speech: string): CompactMatch {
  const quote = m.quote === speech.slice(m.speechStart, m.speechEnd) ? 0 : m.quote;
  const out: CompactMatch = [
    m.id.slice(prefix.length),
    KINDS.indexOf(m.kind),
    m.start,
    m.end,
    m.speechStart,
    m.speechEnd,
    m.similarity,
    MATCH_RULES.indexOf(m.rule),
    m.distinctiveness,
    quote,
  ];
  if (m.diff) out.push(m.diff.map((d): CompactOp => [OPS.indexOf(d.op), d.page, d.speech === d.page ? 0 : d.speech]));
  return out;
}

function decodeMatch(c: CompactMatch, prefix: string, speech: string): PageMatch {
  const [id, kind, start, end, speechStart, speechEnd, similarity, rule, distinctiveness, quote, diff] = c;
  return {
    id: prefix + id,
    quote: quote === 0 ? speech.slice(speechStart, speechEnd) : quote,
    kind: KINDS[kind] ?? 'passage',
    start,
    end,
    speechStart,
    speechEnd,
    similarity,
    rule: MATCH_RULES[rule] ?? (KINDS[kind] === 'slogan' ? 'quoted-slogan' : 'verbatim'),
    distinctiveness,
    diff: diff ? diff.map(([op, page, s]) => ({ op: OPS[op] ?? 'equal', page, speech: s === 0 ? page : s })) : null,
  };
}

/** A tab's frames as stored. `speech`: the speech's text (quotes that read as it are left out). */
export function encodeTab(frames: readonly StoredFrame[], speech: string): EncodedTab {
  return {
    v: 2,
    frames: frames.map(({ frameId, report, receivedAt }) => {
      const k = commonIdPrefix(report.matches);
      const frame: CompactFrame = {
        f: frameId,
        at: receivedAt,
        u: report.url,
        t: report.title,
        s: report.status,
        k,
        m: report.matches.map((m) => encodeMatch(m, k, speech)),
      };
      if (report.timings) frame.tm = report.timings;
      if (report.author) frame.a = report.author;
      return frame;
    }),
  };
}

/** The frames back from what encodeTab() stored; null for anything else (an older format, damage). */
export function decodeTab(x: unknown, speech: string): StoredFrame[] | null {
  if (typeof x !== 'object' || x === null || (x as EncodedTab).v !== 2) return null;
  const frames = (x as EncodedTab).frames;
  if (!Array.isArray(frames)) return null;
  try {
    return frames.map((c) => {
      const report: FrameReport = {
        url: c.u,
        title: c.t,
        status: c.s,
        matches: c.m.map((m) => decodeMatch(m, c.k, speech)),
      };
      if (c.tm) report.timings = c.tm;
      if (c.a) report.author = c.a;
      return { frameId: c.f, report, receivedAt: c.at };
    });
  } catch {
    return null;
  }
}

/** The bytes a value takes as storage counts it: its JSON, in UTF-8. */
export function storedBytes(value: unknown): number {
  return new TextEncoder().encode(JSON.stringify(value)).length;
}

/**
 * The order in which other tabs' stored results are dropped to make room
 * for `writer`'s: tabs stored before this worker started first (they are
 * older than anything it saved), then the others oldest first. `savedAt`:
 * when this worker last stored each tab.
 */
export function evictionOrder(
  stored: readonly number[],
  savedAt: ReadonlyMap<number, number>,
  writer: number,
): number[] {
  const others = stored.filter((id) => id !== writer);
  const unknown = others.filter((id) => !savedAt.has(id)).sort((a, b) => a - b);
  const known = others
    .filter((id) => savedAt.has(id))
    .sort((a, b) => (savedAt.get(a) as number) - (savedAt.get(b) as number));
  return [...unknown, ...known];
}
