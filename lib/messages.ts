/**
 * The one message protocol between content script, background and extension
 * pages. Each message and reply is defined once, as a valibot schema; its
 * TypeScript type is inferred from it. A receiver parses what arrives and
 * ignores anything that does not validate: a message is data from another
 * context, never trusted as typed. Parsing keeps only the known fields.
 *
 * The content script does not import this module (the schema library would
 * weigh on every page): it receives only replies it asked for and messages
 * from the extension itself, and checks them by hand (lib/content-checks.ts).
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
 * - show-highlights → {ok}: quiet mode's "show them on this page" (or hide).
 * - scan-text → ScanReply (from the background, to content scripts only).
 * - frame-report → ReportAck, once the background has recorded the report
 *   (no ack: the content script sends it again).
 * - resend-report → FrameReport: the frame's current report (the background
 *   rebuilding a tab's state it lost).
 * - frame-site → FrameSite: the site a frame belongs to (its tab's top page),
 *   so pausing a site pauses its third-party frames too.
 * - get-ledger → LedgerReply (from the background, to extension pages only).
 */
import * as v from 'valibot';
import { parseLedgerQuery } from './ledger/query';
import type { LedgerEntry } from './ledger/types';
import {
  MAX_AUTHOR_LENGTH,
  MAX_DIFF_OPS,
  MAX_FRAME_MATCHES,
  MAX_MATCH_ID_LENGTH,
  MAX_QUOTE_LENGTH,
  MAX_SCAN_TEXT,
  MAX_TITLE_LENGTH,
  MAX_URL_LENGTH,
} from './limits';
import type { ScanOptions } from './match';
import { MATCH_RULES, type Match, type SharedPassage } from './match/types';

const nonNegInt = v.pipe(v.number(), v.safeInteger(), v.minValue(0));
const nonNegNumber = v.pipe(v.number(), v.finite(), v.minValue(0));
const unit = v.pipe(v.number(), v.minValue(0), v.maxValue(1));
const text = (max: number) => v.pipe(v.string(), v.maxLength(max));

const STATUSES = ['scanning', 'done', 'paused', 'unsupported'] as const;
const ScanStatusSchema = v.picklist(STATUSES);
export type ScanStatus = v.InferOutput<typeof ScanStatusSchema>;

const DiffOpSchema = v.object({
  op: v.picklist(['equal', 'insert', 'delete', 'replace']),
  page: text(MAX_QUOTE_LENGTH),
  speech: text(MAX_QUOTE_LENGTH),
});

/** A library document's id as a match names it (lib/library: 'speech' or derived from the text). */
const documentId = v.pipe(v.string(), v.minLength(1), v.maxLength(200));
/** The most other documents one match lists. */
const MAX_SHARED = 200;

const SharedPassageSchema = v.object({
  documentId,
  speechStart: nonNegInt,
  speechEnd: nonNegInt,
  similarity: unit,
  start: nonNegInt,
  end: nonNegInt,
});
// Compile-time: what the schema lets through is a SharedPassage.
const _shared: SharedPassage = {} as v.InferOutput<typeof SharedPassageSchema>;
void _shared;

const matchEntries = {
  kind: v.picklist(['slogan', 'passage']),
  start: nonNegInt,
  end: nonNegInt,
  speechStart: nonNegInt,
  speechEnd: nonNegInt,
  similarity: unit,
  diff: v.nullable(v.pipe(v.array(DiffOpSchema), v.maxLength(MAX_DIFF_OPS))),
  rule: v.picklist(MATCH_RULES),
  distinctiveness: unit,
  /** The document the match quotes ('speech' for the speech); absent in reports stored before the library. */
  documentId: v.optional(documentId),
  /** Other documents that have the same passage. */
  alsoIn: v.optional(v.pipe(v.array(SharedPassageSchema), v.maxLength(MAX_SHARED))),
};

/** An engine Match, as the background's scan-text reply carries it. */
const MatchSchema = v.pipe(
  v.object(matchEntries),
  v.check((m) => m.end >= m.start && m.speechEnd >= m.speechStart),
);
// Compile-time: what the schema lets through is an engine Match.
const _match: Match = {} as v.InferOutput<typeof MatchSchema>;
void _match;

const PageMatchSchema = v.pipe(
  v.object({
    ...matchEntries,
    /**
     * `${frameKey}:${n}`: unique in the tab, stable for as long as the match is
     * on the page (a re-scan of another block keeps it). The frame key is random
     * per frame document, so a jump reaches the one frame that owns the match.
     */
    id: text(MAX_MATCH_ID_LENGTH),
    /** The page's text of the match, as it reads (lib/dom/quote.ts: source line breaks between Chinese characters dropped). */
    quote: text(MAX_QUOTE_LENGTH),
    /**
     * The page the match was found in, when that is not the tab's top page (a quote inside an iframe):
     * citations cite that page. Set by the background from the frame's sender, never by the page.
     */
    frameUrl: v.optional(text(MAX_URL_LENGTH)),
    frameTitle: v.optional(text(MAX_TITLE_LENGTH)),
  }),
  v.check((m) => m.end >= m.start && m.speechEnd >= m.speechStart),
);
/** A match as the content script reports it: the engine's match plus the page's words. */
export type PageMatch = v.InferOutput<typeof PageMatchSchema>;

/** Where a frame's last scan spent its time, in milliseconds of work (waits between slices excluded). */
const ScanTimingsSchema = v.object({
  /** Reading the page's text, on the page's thread. */
  extractMs: nonNegNumber,
  /** The matcher's time, spent in the background (scan-text), not on the page's thread. */
  scanMs: nonNegNumber,
  /** Turning matches into Ranges and highlights, on the page's thread. */
  highlightMs: nonNegNumber,
  /** All the work on the page's thread: extraction, messages, Ranges, highlights, bookkeeping. */
  totalMs: nonNegNumber,
  /** Wall-clock time from the start of the scan to its report, waits between slices included. */
  elapsedMs: nonNegNumber,
  /** Characters of page text read. */
  chars: nonNegNumber,
  /** Tasks the work was split into. */
  slices: nonNegNumber,
  /** The longest of those tasks, in ms (wall clock: includes garbage collection and the machine stalling us). */
  maxSliceMs: v.optional(nonNegNumber),
  /** Time to build the matcher's index of the speech, in the pass that built it (once per page), in ms. */
  matcherInitMs: v.optional(nonNegNumber),
  /** Handing the text to the background (scan-text messages: the browser serialises it), on the page's thread. */
  sendMs: v.optional(nonNegNumber),
});
export type ScanTimings = v.InferOutput<typeof ScanTimingsSchema>;

const FrameReportSchema = v.object({
  /** The frame's URL as the page states it: the background replaces it with the sender's. */
  url: text(MAX_URL_LENGTH),
  title: text(MAX_TITLE_LENGTH),
  /** The page's author (`<meta name="author">` or a byline), when it states one: citations name it. */
  author: v.optional(text(MAX_AUTHOR_LENGTH)),
  status: ScanStatusSchema,
  matches: v.pipe(v.array(PageMatchSchema), v.maxLength(MAX_FRAME_MATCHES)),
  /** Present once a scan has finished (status 'done'). */
  timings: v.optional(ScanTimingsSchema),
  /** The frame has no Chinese text (so nothing to compare with the speech, whatever the settings). */
  noChinese: v.optional(v.literal(true)),
  /** The frame held more text than Yuanwen reads or scans (lib/limits.ts): part of it was left out. */
  limited: v.optional(v.literal(true)),
});
export type FrameReport = v.InferOutput<typeof FrameReportSchema>;

const ScanOptionsSchema = v.object({
  slogans: v.optional(v.boolean()),
  passages: v.optional(v.boolean()),
  nearVerbatim: v.optional(v.boolean()),
  traditional: v.optional(v.boolean()),
  minPassageLength: v.optional(v.pipe(nonNegInt, v.maxValue(10_000))),
  minDistinctiveness: v.optional(unit),
});

/** The ledger's filters, checked by the ledger's own parser (lib/ledger/query.ts: the page uses it too). */
const LedgerQuerySchema = v.pipe(
  v.unknown(),
  v.rawTransform(({ dataset, addIssue, NEVER }) => {
    const query = parseLedgerQuery(dataset.value);
    if (query) return query;
    addIssue({ message: 'not a ledger query' });
    return NEVER;
  }),
);

const MessageSchema = v.variant('type', [
  /** content → background: the frame's current results (replaces earlier ones of that frame). */
  v.object({ type: v.literal('frame-report'), report: FrameReportSchema }),
  /** popup/reader → background: the results of a tab. */
  v.object({ type: v.literal('get-tab-results'), tabId: nonNegInt }),
  /** popup → content: scroll a match into view and flash it. */
  v.object({ type: v.literal('jump-to-match'), matchId: text(MAX_MATCH_ID_LENGTH) }),
  /** background → content: highlights on/off on this page (keyboard command). */
  v.object({ type: v.literal('toggle-highlights') }),
  /** popup → content: quiet mode's "show on this page" (true) and "hide again" (false). */
  v.object({ type: v.literal('show-highlights'), shown: v.boolean() }),
  /**
   * content → background: the matches in a piece of the page's text. The
   * matcher runs in the background, not in the page: its index of the speech
   * is built once per worker rather than once per page, and its work never
   * blocks the page. The text stays inside the browser. Reply: ScanReply.
   */
  v.object({ type: v.literal('scan-text'), text: text(MAX_SCAN_TEXT), options: ScanOptionsSchema }),
  /** background → content (one frame): reply with the frame's current report (the background lost it). */
  v.object({ type: v.literal('resend-report') }),
  /** content → background: which site is this frame part of? Reply: FrameSite. */
  v.object({ type: v.literal('frame-site') }),
  /** Library page → background: the library's documents changed; rebuild the index. No reply. */
  v.object({ type: v.literal('library-changed') }),
  /** Library page → background: reply with the index's IndexStatus (extension/library/index-service.ts). */
  v.object({ type: v.literal('get-library-status') }),
  /** extension page → background: the ledger's entries meeting the query (all when absent). Reply: LedgerReply. */
  v.object({ type: v.literal('get-ledger'), query: v.optional(LedgerQuerySchema, () => ({})) }),
]);
export type Message = v.InferOutput<typeof MessageSchema>;

// Compile-time: the options the schema lets through are options the engine takes.
const _options: ScanOptions = {} as v.InferOutput<typeof ScanOptionsSchema>;
void _options;

/** The reply to get-ledger: the entries, most recently seen first. */
export interface LedgerReply {
  entries: LedgerEntry[];
}

/** The reply to frame-report: the background recorded it (or dropped it for good: no resending). */
const ReportAckSchema = v.object({ ok: v.literal(true) });
export type ReportAck = v.InferOutput<typeof ReportAckSchema>;

/** The reply to scan-text. */
const ScanReplySchema = v.object({
  matches: v.array(MatchSchema),
  /** Time the background spent scanning, in ms. */
  ms: nonNegNumber,
  /** Time it spent building the matcher first (0 when it was built already), in ms. */
  initMs: nonNegNumber,
  /** The frame or tab spent its scan budget (lib/limits.ts): this text was not scanned. */
  limited: v.optional(v.literal(true)),
});
export type ScanReply = v.InferOutput<typeof ScanReplySchema>;

/** The reply to jump-to-match (and toggle-highlights, show-highlights). */
const JumpResultSchema = v.object({
  ok: v.boolean(),
  /** Why not, when not ok. */
  reason: v.optional(v.picklist(['paused', 'gone'])),
});
export type JumpResult = v.InferOutput<typeof JumpResultSchema>;

/** The reply to frame-site: the host name of the tab's top page ('' when unknown). */
const FrameSiteSchema = v.object({ host: text(MAX_URL_LENGTH) });
export type FrameSite = v.InferOutput<typeof FrameSiteSchema>;

/** One frame's part of a tab's results. */
const FrameSummarySchema = v.object({
  frameId: nonNegInt,
  url: v.string(),
  status: ScanStatusSchema,
  count: nonNegInt,
  timings: v.optional(ScanTimingsSchema),
  noChinese: v.optional(v.literal(true)),
  limited: v.optional(v.literal(true)),
});
export type FrameSummary = v.InferOutput<typeof FrameSummarySchema>;

/**
 * A tab's results, merged over its frames (top frame first, then by frame id).
 * `status` is the top frame's when it is paused or unsupported, else
 * 'scanning' while any frame still scans, else 'done'. `frames` lists each
 * frame's status, count and timings.
 */
const TabResultsSchema = v.object({
  tabId: nonNegInt,
  url: v.string(),
  title: v.string(),
  /** The top frame's author, when its page states one. */
  author: v.optional(v.string()),
  status: ScanStatusSchema,
  matches: v.array(PageMatchSchema),
  frames: v.optional(v.array(FrameSummarySchema)),
  /**
   * Some of the tab's results could not be kept in storage (its budget or the
   * shared quota is full): the page holds them and re-sends them when asked,
   * so they are complete, but a notice says so.
   */
  unstored: v.optional(v.boolean()),
  /** Some frame held more text, or more frames, than Yuanwen reads (lib/limits.ts): a notice says so. */
  limited: v.optional(v.boolean()),
});
export type TabResults = v.InferOutput<typeof TabResultsSchema>;

const parser =
  <S extends v.GenericSchema>(schema: S) =>
  (x: unknown): v.InferOutput<S> | null => {
    const result = v.safeParse(schema, x);
    return result.success ? result.output : null;
  };

/** Returns the message if it is one of ours and well-formed (only its known fields), else null. */
export const parseMessage = parser(MessageSchema);
/** The report if `x` is a well-formed one (a copy with only the known fields), else null. */
export const parseFrameReport = parser(FrameReportSchema);
/** The background's reply to get-tab-results, checked: a reply is data from another context. */
export const parseTabResults = parser(TabResultsSchema);

const is =
  <S extends v.GenericSchema>(schema: S) =>
  (x: unknown): x is v.InferOutput<S> =>
    v.is(schema, x);

export const isJumpResult = is(JumpResultSchema);
export const isReportAck = is(ReportAckSchema);
export const isScanReply = is(ScanReplySchema);
