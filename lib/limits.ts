/**
 * The bounds on what one page can make Yuanwen read, keep and store. A page
 * is untrusted input: without them, a page (or a frame inside it) could make
 * the background scan and store without end, and crowd out the other tabs.
 * The README's "What a page can see" section lists them with their numbers.
 */

/** Characters of a frame's text read by one full scan; text past them is neither scanned nor highlighted. */
export const MAX_FRAME_CHARS = 4_000_000;

/** Characters one frame may send to be scanned within SCAN_BUDGET_WINDOW_MS (re-scans included). */
export const MAX_FRAME_SCAN_CHARS = 12_000_000;

/** Characters all frames of one tab may send to be scanned within SCAN_BUDGET_WINDOW_MS. */
export const MAX_TAB_SCAN_CHARS = 24_000_000;

/** The window the two scan budgets above count over. */
export const SCAN_BUDGET_WINDOW_MS = 60_000;

/** The longest text one scan-text message carries (the content script sends windows well under it). */
export const MAX_SCAN_TEXT = 1 << 20;

/** Frames of one tab whose results are kept; reports of further frames are dropped. */
export const MAX_FRAMES_PER_TAB = 32;

/** Matches one frame reports (the rest are neither highlighted nor listed). */
export const MAX_FRAME_MATCHES = 10_000;

/** String lengths in a report: longer ones make the whole report invalid (the content script clips first). */
export const MAX_URL_LENGTH = 8_192;
export const MAX_TITLE_LENGTH = 500;
/** A page author longer than this is refused with the report (lib/dom/page-author.ts never reads one). */
export const MAX_AUTHOR_LENGTH = 100;
/** A quote, or one side of a diff operation: a few times the speech's length, far above any real quote. */
export const MAX_QUOTE_LENGTH = 10_000;
export const MAX_DIFF_OPS = 2_000;
export const MAX_MATCH_ID_LENGTH = 64;

/** Full re-scans of a frame (route changes, a page rewriting itself, settings changes) start at most this often. */
export const FULL_RESCAN_MIN_MS = 2_000;

/** Encoded bytes one frame's results may take in storage.session. */
export const FRAME_BUDGET_BYTES = 500_000;

/** Encoded bytes all frames of one tab may take in storage.session. */
export const TAB_BUDGET_BYTES = 1_000_000;
