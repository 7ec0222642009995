/**
 * One frame's matches: reads the page's text, scans it, turns matches into
 * highlighted Ranges, and reports them. A full scan reads the whole frame; a
 * re-scan reads only the blocks a mutation touched and replaces the matches
 * inside them, keeping the rest (and their ids).
 *
 * All work goes through one queue (a full scan and a re-scan never interleave)
 * and is sliced into short tasks (see slices.ts). A newer full scan or a pause
 * bumps `generation`, and older work stops at its next slice.
 */

import { compareDocumentOrder, containsFlat } from '../../lib/dom/blocks';
import { createExtraction, type ExtractedText } from '../../lib/dom/extract';
import { pageAuthor } from '../../lib/dom/page-author';
import { displayQuote } from '../../lib/dom/quote';
import { rangesForOffsets } from '../../lib/dom/ranges';
import { createAsyncWindowedScan } from '../../lib/dom/scan-windows';
import { createVisibilityCache, isTextRendered } from '../../lib/dom/visibility';
import type { Match, ScanOptions } from '../../lib/match';
import {
  type FrameReport,
  MAX_FRAME_MATCHES,
  type PageMatch,
  type ScanReply,
  type ScanStatus,
  type ScanTimings,
} from '../../lib/messages';
import { retryDelayMs } from './backoff';
import type { Highlighter, HighlightKind } from './highlighter';
import { Slicer } from './slices';

export interface Entry {
  id: string;
  match: Match;
  quote: string;
  kind: HighlightKind;
  ranges: Range[];
}

export interface ScannerHost {
  doc: Document;
  frameKey: string;
  highlighter: Highlighter;
  options(): ScanOptions;
  /**
   * Runs the matcher on a piece of text (in the extension: in the background, see scan-text). Rejects when
   * no answer came (the worker stopped, the message port closed): the scanner retries, and never takes a
   * failed request for "no matches".
   */
  scan(text: string, options: ScanOptions): Promise<ScanReply>;
  /** Waits before a retry (default: a timer). */
  wait?(ms: number): Promise<void>;
  report(report: FrameReport): void;
  /** A shadow root the scan entered: to observe and to style. */
  shadowRoot(root: ShadowRoot): void;
  /**
   * A count that grows whenever the page's text or nodes change (LiveWatcher.textChanges): a text
   * extraction spread over several slices reads from a snapshot and must know if the page changed between
   * them. Without it, every pause counts as a change.
   */
  textChanges?(): number;
}

/**
 * Characters per scan-text message. The page's part of a window is copying it
 * into the message (well under a millisecond); the matcher's time is spent in
 * the background, so windows can be large.
 */
const WINDOW_CHARS = 64_000;

/**
 * Between the texts of several changed blocks scanned in one request: a line break (a window may cut there)
 * and a run of Latin letters no quote of the speech can bridge, even as near-verbatim edits. A match that
 * still crossed it would lie in no one block, and is dropped.
 */
const ROOT_SEPARATOR = `\n${'x'.repeat(64)}\n`;

function joinParts(parts: readonly { extracted: ExtractedText }[]): string {
  return parts.map((p) => p.extracted.text).join(ROOT_SEPARATOR);
}

export function highlightKind(m: Match): HighlightKind {
  if (m.kind === 'slogan') return 'slogan';
  return m.similarity < 1 || m.diff ? 'near' : 'passage';
}

export class FrameScanner {
  /** In document order. */
  private list: Entry[] = [];
  private readonly byId = new Map<string, Entry>();
  private seq = 0;
  private generation = 0;
  private queue: Promise<void> = Promise.resolve();
  /** The re-scan queued and not yet started, which later re-scans join. */
  private waiting: { generation: number; roots: Set<Node>; done: Promise<void> } | null = null;
  /** The page's author, looked up once per URL (a report goes out after every scan). */
  private author: { url: string; value: { author?: string } } | null = null;
  status: ScanStatus = 'scanning';
  timings: ScanTimings | undefined;

  constructor(private readonly host: ScannerHost) {}

  get(id: string): Entry | undefined {
    return this.byId.get(id);
  }

  get count(): number {
    return this.list.length;
  }

  /** Forgets every match and reads the whole frame again. */
  scanAll(): Promise<void> {
    const generation = ++this.generation;
    this.dropAll();
    this.status = 'scanning';
    this.timings = undefined;
    return this.enqueue(() => this.run(generation, null));
  }

  /**
   * Re-reads these blocks (see lib/dom/blocks.ts dirtyRoot), replacing the matches inside them. Re-scans
   * asked for while one waits in the queue join it: a burst of changes is one pass, not one per change.
   */
  rescan(roots: Node[]): Promise<void> {
    if (this.waiting && this.waiting.generation === this.generation) {
      for (const r of roots) this.waiting.roots.add(r);
      return this.waiting.done;
    }
    const waiting = { generation: this.generation, roots: new Set(roots), done: Promise.resolve() };
    this.waiting = waiting;
    waiting.done = this.enqueue(() => {
      if (this.waiting === waiting) this.waiting = null;
      return this.run(waiting.generation, outermost(waiting.roots));
    });
    return waiting.done;
  }

  /** Stops all work and removes every highlight; the frame reports `status`. */
  stop(status: ScanStatus): void {
    this.generation++;
    this.dropAll();
    this.status = status;
    this.timings = undefined;
    this.sendReport();
  }

  /** Drops matches whose text left the page (their Ranges collapsed); true if any did. */
  prune(): boolean {
    const gone = this.list.filter((e) => !isLive(e));
    if (gone.length === 0) return false;
    this.remove(new Set(gone));
    return true;
  }

  sendReport(): void {
    const url = this.host.doc.location?.href ?? '';
    if (this.author?.url !== url) this.author = { url, value: authorOf(this.host.doc) };
    this.host.report({
      url,
      title: this.host.doc.title ?? '',
      ...this.author.value,
      status: this.status,
      matches: this.list.map(toPageMatch),
      ...(this.timings && this.status === 'done' ? { timings: this.timings } : {}),
    });
  }

  /**
   * The matcher's answer for one window. A request that fails is sent again after a backoff (the next
   * message wakes a restarted worker) for as long as this pass is current; a newer pass or a stop ends it.
   */
  private async scanWindow(
    slice: string,
    options: ScanOptions,
    slicer: Slicer,
    t: { sendMs: number },
    cancelled: () => boolean,
    incomplete: () => void,
  ): Promise<ScanReply> {
    for (let attempt = 0; ; attempt++) {
      const sent = performance.now();
      const answer = this.host.scan(slice, options); // the browser serialises the message before this returns
      t.sendMs += performance.now() - sent;
      try {
        return await slicer.wait(answer);
      } catch (error) {
        if (cancelled()) throw error;
        incomplete();
        const ms = retryDelayMs(attempt);
        await slicer.wait(this.host.wait ? this.host.wait(ms) : new Promise<void>((ok) => setTimeout(ok, ms)));
        if (cancelled()) throw error;
      }
    }
  }

  private enqueue(work: () => Promise<void>): Promise<void> {
    const next = this.queue.then(work).catch(() => {
      // Never into the page: a failed pass leaves the previous highlights; the next mutation retries.
    });
    this.queue = next;
    return next;
  }

  private dropAll(): void {
    this.host.highlighter.clear();
    this.list = [];
    this.byId.clear();
  }

  private remove(entries: Set<Entry>): void {
    for (const e of entries) {
      this.host.highlighter.delete(e.kind, e.ranges);
      this.byId.delete(e.id);
    }
    this.list = this.list.filter((e) => !entries.has(e));
  }

  /** `roots` null: the whole frame (a fresh result). */
  private async run(generation: number, roots: Node[] | null): Promise<void> {
    if (generation !== this.generation) return;
    const doc = this.host.doc;
    const full = roots === null;
    const startedAt = performance.now();
    const slicer = new Slicer();
    slicer.begin();
    const t = { extractMs: 0, scanMs: 0, sendMs: 0, highlightMs: 0, chars: 0 };
    let initMs: number | undefined;
    const cancelled = () => generation !== this.generation;
    let toldScanning = false;
    // A long pass says so first, so the popup shows "scanning" rather than stale results.
    const pause = async (): Promise<boolean> => {
      if (full && !toldScanning) {
        toldScanning = true;
        this.sendReport();
      }
      await slicer.yield();
      return cancelled();
    };
    // A request failed: until the retry answers, the frame's result is incomplete and says so ('scanning'),
    // so neither badge nor popup takes the matches so far for the final count.
    const incomplete = () => {
      if (this.status === 'scanning' && toldScanning) return;
      toldScanning = true;
      this.status = 'scanning';
      this.sendReport();
    };

    const targets = full ? [doc.body ?? doc.documentElement].filter((n): n is HTMLElement => !!n) : roots;
    const found: Entry[] = [];
    // The matches a re-scan replaces stay painted until their replacements are ready: no flicker,
    // and the page never shows fewer highlights than the last report says.
    const stale = new Set<Entry>();
    /** The roots' texts with Han characters, and where each starts in the joined text sent to the matcher. */
    const parts: { extracted: ExtractedText; base: number }[] = [];
    let joinedLength = 0;
    for (const root of targets) {
      if (!full) {
        for (const e of this.list) {
          if (!isLive(e) || e.ranges.some((r) => containsFlat(root, r.startContainer))) stale.add(e);
        }
      }
      if (!root.isConnected) continue;

      // 1. Read the text.
      const extraction = createExtraction(root);
      const changes = () => this.host.textChanges?.() ?? Number.NaN; // NaN: never equal, so "changed"
      const changesBefore = changes();
      let mark = performance.now();
      while (!extraction.step(slicer.expired)) {
        t.extractMs += performance.now() - mark;
        if (await pause()) return;
        mark = performance.now();
        if (changes() !== changesBefore) extraction.domChanged();
      }
      const extracted = extraction.result();
      t.extractMs += performance.now() - mark;
      t.chars += extracted.text.length;
      for (const sr of extracted.shadowRoots) this.host.shadowRoot(sr);
      if (!extracted.hasHan) continue; // no Chinese: nothing the speech could match
      if (parts.length > 0) joinedLength += ROOT_SEPARATOR.length;
      parts.push({ extracted, base: joinedLength });
      joinedLength += extracted.text.length;
    }

    if (parts.length > 0) {
      // 2. Scan the texts, joined (a burst of changed blocks is one request, not one per block), a window at
      // a time, in the background (see ScannerHost.scan).
      const joined = parts.length === 1 ? (parts[0] as (typeof parts)[0]).extracted.text : joinParts(parts);
      const options = this.host.options();
      const windows = createAsyncWindowedScan(joined, async (slice) => {
        const reply = await this.scanWindow(slice, options, slicer, t, cancelled, incomplete);
        t.scanMs += reply.ms;
        if (reply.initMs > 0) initMs = (initMs ?? 0) + reply.initMs;
        return reply.matches;
      });
      while (!(await windows.step(WINDOW_CHARS))) {
        if (cancelled()) return;
        if (slicer.expired() && (await pause())) return;
      }
      if (cancelled()) return;

      // 3. Matches → visible Ranges, each in the root whose text it lies in (none crosses a separator).
      let mark = performance.now();
      const visibility = createVisibilityCache();
      let k = 0;
      for (const joinedMatch of windows.matches()) {
        if (this.list.length + found.length >= MAX_FRAME_MATCHES) break;
        if (slicer.expired()) {
          t.highlightMs += performance.now() - mark;
          if (await pause()) return;
          mark = performance.now();
        }
        while (k + 1 < parts.length && (parts[k + 1] as (typeof parts)[0]).base <= joinedMatch.start) k++;
        const { extracted, base } = parts[k] as (typeof parts)[0];
        const match = { ...joinedMatch, start: joinedMatch.start - base, end: joinedMatch.end - base };
        if (match.start < 0 || match.end > extracted.text.length) continue;
        const ranges = rangesForOffsets(extracted, match.start, match.end).filter((r) =>
          isTextRendered(r.startContainer as Text, visibility),
        );
        if (ranges.length === 0) continue;
        found.push({
          id: `${this.host.frameKey}:${++this.seq}`,
          match,
          quote: displayQuote(extracted.text.slice(match.start, match.end)),
          kind: highlightKind(match),
          ranges,
        });
      }
      t.highlightMs += performance.now() - mark;
    }
    if (cancelled()) return;

    // 4. Paint and record, in document order.
    const mark = performance.now();
    const changed = stale.size > 0 || found.length > 0;
    if (stale.size > 0) this.remove(stale);
    for (const e of found) {
      this.host.highlighter.add(e.kind, e.ranges);
      this.byId.set(e.id, e);
    }
    if (found.length > 0) {
      this.host.highlighter.commit();
      this.list = full ? found : mergeInOrder(this.list, found);
    }
    t.highlightMs += performance.now() - mark;
    slicer.end();

    if (!full && !changed && this.status === 'done') return; // nothing new to tell
    this.status = 'done';
    this.timings = {
      extractMs: round(t.extractMs),
      scanMs: round(t.scanMs),
      sendMs: round(t.sendMs),
      highlightMs: round(t.highlightMs),
      totalMs: round(slicer.workMs),
      elapsedMs: round(performance.now() - startedAt),
      chars: t.chars,
      slices: slicer.slices,
      maxSliceMs: round(slicer.maxSliceMs),
      ...(initMs !== undefined ? { matcherInitMs: round(initMs) } : {}),
    };
    this.sendReport();
  }
}

/** Milliseconds as the reports carry them: to a hundredth. */
export function round(ms: number): number {
  return Math.round(ms * 100) / 100;
}

/** The roots not inside another of them (detached ones kept: their matches must go). */
function outermost(roots: Set<Node>): Node[] {
  const all = [...roots];
  return all.filter((n) => !all.some((other) => other !== n && other.contains(n)));
}

/** Whether the match's text is still on the page: some Range not collapsed and still connected. */
function isLive(e: Entry): boolean {
  return e.ranges.some((r) => !r.collapsed && r.startContainer.isConnected);
}

function firstNode(e: Entry): Node {
  return (e.ranges[0] as Range).startContainer;
}

function compareEntries(a: Entry, b: Entry): number {
  const byNode = compareDocumentOrder(firstNode(a), firstNode(b));
  return byNode !== 0 ? byNode : (a.ranges[0] as Range).startOffset - (b.ranges[0] as Range).startOffset;
}

/** Inserts `added` (in document order among themselves) into `list` (in document order). */
function mergeInOrder(list: Entry[], added: Entry[]): Entry[] {
  const out = list.slice();
  for (const e of added) {
    let lo = 0;
    let hi = out.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (compareEntries(out[mid] as Entry, e) <= 0) lo = mid + 1;
      else hi = mid;
    }
    out.splice(lo, 0, e);
  }
  return out;
}

function toPageMatch(e: Entry): PageMatch {
  const m = e.match;
  return {
    id: e.id,
    quote: e.quote,
    kind: m.kind,
    start: m.start,
    end: m.end,
    speechStart: m.speechStart,
    speechEnd: m.speechEnd,
    similarity: m.similarity,
    diff: m.diff,
    rule: m.rule,
    distinctiveness: m.distinctiveness,
  };
}

/** The page's author for the report, when it states one; a page that breaks the lookup just has none. */
function authorOf(doc: Document): { author?: string } {
  try {
    const author = pageAuthor(doc);
    return author ? { author } : {};
  } catch {
    return {};
  }
}
