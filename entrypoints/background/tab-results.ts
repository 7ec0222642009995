/**
 * The background's record of what each tab's frames found: merged per tab,
 * mirrored in storage.session so it survives the service worker being
 * stopped and restarted (MV3 does that after ~30 s idle), cleared when the tab
 * navigates or closes. The badge shows each tab's match count, and is
 * cleared with the results on navigation.
 *
 * Storage is shared by every tab and can fill. Each frame's results are
 * stored under a key of their own, compactly (stored-results.ts), so a
 * report rewrites only its frame's entry; a frame over its budget, a tab over
 * its own, or a write the quota refuses is not stored (lib/limits.ts). No tab
 * ever drops another's results to make room. Every failed write is logged,
 * and the tab's results say `unstored`, which the popup shows as a notice:
 * nothing is lost silently. The pages hold their results, and a tab the
 * background has no record of is rebuilt from its frames on demand
 * (getTabResults' `collect`, see tab-rebuild.ts).
 *
 * Reports are checked against what the browser says of their frame: a frame
 * beyond MAX_FRAMES_PER_TAB, or a document the frame has navigated away from
 * (webNavigation's documentId), is dropped.
 *
 * Events for one tab are handled one after another (a per-tab promise chain),
 * so a report and a navigation arriving together cannot overwrite each other.
 */
import { browser } from 'wxt/browser';
import { storage } from 'wxt/utils/storage';
import { getCorpus } from '../../lib/corpus';
import { FRAME_BUDGET_BYTES, MAX_FRAMES_PER_TAB, TAB_BUDGET_BYTES } from '../../lib/limits';
import type { FrameReport, FrameSummary, PageMatch, ScanStatus, TabResults } from '../../lib/messages';
import { pageSupport } from '../../lib/page-support';
import { clearBadge, showCount } from './badge';
import { decodeTab, encodeTab, type StoredFrame, storedBytes } from './stored-results';

export type { StoredFrame } from './stored-results';

export interface TabState {
  tabId: number;
  frames: StoredFrame[];
  /** Neither memory nor storage had the tab: its frames may hold results the background lost. */
  missing?: boolean;
  /** Frames whose results are not in storage (budget or quota): after a restart they must come from the page. */
  unstored?: Set<number>;
  /** Reports of frames past MAX_FRAMES_PER_TAB were dropped. */
  tooManyFrames?: boolean;
}

/** Asks a tab's frames for their reports again (see tab-rebuild.ts). */
export type CollectReports = (tabId: number) => Promise<{ frameId: number; report: FrameReport }[]>;

const PREFIX = 'yuanwen-tab-';
const tabPrefix = (tabId: number) => `${PREFIX}${tabId}-`;
const key = (tabId: number, frameId: number) => `session:${tabPrefix(tabId)}${frameId}` as const;
const memory = new Map<number, TabState>();
const locks = new Map<number, Promise<unknown>>();
/** Bytes each stored frame takes, per tab (what the tab's budget counts). */
const storedSizes = new Map<number, Map<number, number>>();
/** The document each frame shows now, per tab, as webNavigation reported its commit (Chrome). */
const documents = new Map<number, Map<number, string>>();
const changeListeners = new Set<(tabId: number) => void>();

/** Calls back with a tab's id whenever a report or a navigation changed its results; returns the unsubscribe. */
export function onTabResultsChange(listener: (tabId: number) => void): () => void {
  changeListeners.add(listener);
  return () => changeListeners.delete(listener);
}

function changed(tabId: number): void {
  for (const listener of changeListeners) listener(tabId);
}

/** Runs `work` after every earlier piece of work for the same tab. */
function serial<T>(tabId: number, work: () => Promise<T>): Promise<T> {
  const previous = locks.get(tabId) ?? Promise.resolve();
  const next = previous.then(work, work);
  const settled = next.catch(() => undefined);
  locks.set(tabId, settled);
  void settled.then(() => {
    if (locks.get(tabId) === settled) locks.delete(tabId);
  });
  return next;
}

const speech = () => getCorpus().text;

function logFailure(what: string, error: unknown): void {
  console.warn(`Yuanwen: ${what}: ${error instanceof Error ? error.message : String(error)}`);
}

/** The storage keys of a tab's frames. */
async function storedKeysOf(tabId: number): Promise<string[]> {
  const area = browser.storage.session as typeof browser.storage.session & { getKeys?: () => Promise<string[]> };
  const keys = typeof area.getKeys === 'function' ? await area.getKeys() : Object.keys(await area.get(null));
  return keys.filter((k) => k.startsWith(tabPrefix(tabId)));
}

async function load(tabId: number): Promise<TabState> {
  const cached = memory.get(tabId);
  if (cached) return cached;
  let stored: Record<string, unknown> | null = null;
  try {
    const keys = await storedKeysOf(tabId);
    stored = keys.length > 0 ? await browser.storage.session.get(keys) : null;
  } catch (error) {
    logFailure(`could not read the stored results of tab ${tabId}`, error);
  }
  const frames: StoredFrame[] = [];
  const sizes = new Map<number, number>();
  for (const value of Object.values(stored ?? {})) {
    const decoded = decodeTab(value, speech());
    for (const f of decoded ?? []) {
      frames.push(f);
      sizes.set(f.frameId, storedBytes(value));
    }
  }
  frames.sort((a, b) => a.frameId - b.frameId);
  storedSizes.set(tabId, sizes);
  const state: TabState = stored ? { tabId, frames } : { tabId, frames: [], missing: true };
  memory.set(tabId, state);
  return state;
}

async function removeFrame(tabId: number, frameId: number): Promise<void> {
  storedSizes.get(tabId)?.delete(frameId);
  try {
    await storage.removeItem(key(tabId, frameId));
  } catch (error) {
    logFailure(`could not remove the stored results of tab ${tabId}, frame ${frameId}`, error);
  }
}

async function removeTab(tabId: number): Promise<void> {
  storedSizes.delete(tabId);
  try {
    const keys = await storedKeysOf(tabId);
    if (keys.length > 0) await browser.storage.session.remove(keys);
  } catch (error) {
    logFailure(`could not remove the stored results of tab ${tabId}`, error);
  }
}

/**
 * Stores one frame's results under its own key, within the frame's and the tab's budgets; a frame that does
 * not fit (or that the quota refuses) is marked unstored in `state`, and any older version of it removed.
 */
async function saveFrame(state: TabState, frame: StoredFrame): Promise<void> {
  const { tabId } = state;
  const { frameId } = frame;
  const encoded = encodeTab([frame], speech());
  const bytes = storedBytes(encoded);
  const sizes = storedSizes.get(tabId) ?? new Map<number, number>();
  storedSizes.set(tabId, sizes);
  let others = 0;
  for (const [id, n] of sizes) if (id !== frameId) others += n;
  let why: string | null = null;
  if (bytes > FRAME_BUDGET_BYTES) why = `frame ${frameId}'s results (${bytes} bytes) exceed a frame's storage budget`;
  else if (others + bytes > TAB_BUDGET_BYTES)
    why = `the tab's results (${others + bytes} bytes) exceed its storage budget`;
  else {
    try {
      await storage.setItem(key(tabId, frameId), encoded);
      sizes.set(frameId, bytes);
      state.unstored?.delete(frameId);
      return;
    } catch (error) {
      why = `could not store frame ${frameId}'s results (${bytes} bytes): ${error instanceof Error ? error.message : String(error)}`;
    }
  }
  console.warn(`Yuanwen: tab ${tabId}: ${why}: kept by the page, and the popup says so`);
  state.unstored ??= new Set();
  state.unstored.add(frameId);
  await removeFrame(tabId, frameId); // an older version must not outlive this one
}

function countOf(state: TabState): number {
  let n = 0;
  for (const f of state.frames) n += f.report.matches.length;
  return n;
}

async function updateBadge(state: TabState): Promise<void> {
  const n = countOf(state);
  if (n > 0) await showCount(state.tabId, n);
  else await clearBadge(state.tabId);
}

function withoutHash(url: string): string {
  const i = url.indexOf('#');
  return i < 0 ? url : url.slice(0, i);
}

/**
 * Stores a frame's report, replacing that frame's previous one; resolves once stored (or dropped) and shown
 * on the badge. Dropped: a report from a document the frame has left (`documentId`), and the reports of
 * frames past MAX_FRAMES_PER_TAB.
 */
export function recordFrameReport(
  tabId: number,
  frameId: number,
  report: FrameReport,
  from: { documentId?: string } = {},
  now = Date.now(),
): Promise<void> {
  return serial(tabId, async () => {
    const current = documents.get(tabId)?.get(frameId);
    if (from.documentId && current && from.documentId !== current) return;
    const state = await load(tabId);
    const known = state.frames.some((f) => f.frameId === frameId);
    if (!known && state.frames.length >= MAX_FRAMES_PER_TAB) {
      if (!state.tooManyFrames)
        console.warn(`Yuanwen: tab ${tabId} has over ${MAX_FRAMES_PER_TAB} frames: the rest are left out`);
      state.tooManyFrames = true;
      return;
    }
    const frame: StoredFrame = { frameId, report, receivedAt: now };
    state.frames = [...state.frames.filter((f) => f.frameId !== frameId), frame].sort((a, b) => a.frameId - b.frameId);
    // Other frames' reports may still be missing: the tab stays marked for a rebuild.
    await saveFrame(state, frame);
    await updateBadge(state);
    changed(tabId);
  });
}

/**
 * A frame of the tab navigated. A new document in the top frame ends the
 * whole page: every frame's report goes. A new document in a subframe drops
 * that frame's report. A History API change (single-page app) drops the
 * frame's report unless it is already about the new URL: the content script
 * may report its new route before the browser tells us of the change.
 * `#fragment` changes only scroll, and keep everything. `documentId`: the new
 * document's, where the browser gives it: reports from the old one are dropped.
 */
export function forgetOnNavigation(
  tabId: number,
  frameId: number,
  url: string,
  kind: 'document' | 'history',
  documentId?: string,
): Promise<void> {
  return serial(tabId, async () => {
    if (kind === 'document') {
      if (frameId === 0) documents.delete(tabId);
      if (documentId) {
        const docs = documents.get(tabId) ?? new Map<number, string>();
        docs.set(frameId, documentId);
        documents.set(tabId, docs);
      }
    }
    const state = await load(tabId);
    const target = withoutHash(url);
    const gone = state.frames.filter((f) => {
      if (kind === 'document') return frameId === 0 || f.frameId === frameId;
      return f.frameId === frameId && withoutHash(f.report.url) !== target;
    });
    if (gone.length === 0 && !(kind === 'document' && frameId === 0)) return;
    state.frames = state.frames.filter((f) => !gone.includes(f));
    for (const f of gone) {
      state.unstored?.delete(f.frameId);
      await removeFrame(tabId, f.frameId);
    }
    // A new top document starts the tab afresh: nothing of it can have been lost.
    if (kind === 'document' && frameId === 0) {
      delete state.missing;
      delete state.tooManyFrames;
      delete state.unstored;
    }
    await updateBadge(state);
    changed(tabId);
  });
}

export function forgetTab(tabId: number): Promise<void> {
  return serial(tabId, async () => {
    memory.delete(tabId);
    documents.delete(tabId);
    await removeTab(tabId);
  });
}

/** Rebuilds a tab the background has no record of from the reports its frames hold. */
async function rebuild(state: TabState, collect: CollectReports): Promise<TabState> {
  let collected: { frameId: number; report: FrameReport }[] = [];
  try {
    collected = await collect(state.tabId);
  } catch (error) {
    logFailure(`could not ask tab ${state.tabId} for its results`, error);
  }
  const now = Date.now();
  const byFrame = new Map(state.frames.map((f) => [f.frameId, f]));
  for (const { frameId, report } of collected.slice(0, MAX_FRAMES_PER_TAB))
    byFrame.set(frameId, { frameId, report, receivedAt: now });
  const next: TabState = { tabId: state.tabId, frames: [...byFrame.values()].sort((a, b) => a.frameId - b.frameId) };
  if (collected.length > MAX_FRAMES_PER_TAB) next.tooManyFrames = true;
  memory.set(state.tabId, next);
  for (const frame of next.frames) await saveFrame(next, frame);
  await updateBadge(next);
  return next;
}

function tabStatus(frames: StoredFrame[], fallback: ScanStatus): ScanStatus {
  const top = frames.find((f) => f.frameId === 0)?.report.status;
  if (top === 'paused' || top === 'unsupported') return top;
  if (frames.length === 0) return fallback;
  return frames.some((f) => f.report.status === 'scanning') ? 'scanning' : 'done';
}

/** Whether a content script can run in a tab showing `url` (lib/page-support.ts, as the popup asks). */
function isScannable(url: string | undefined): boolean {
  return !!url && pageSupport(url).scannable;
}

/**
 * The tab's results as the popup gets them. `tabUrl`/`tabTitle`: the tab's, for a tab no frame reported
 * from. `collect`: how to ask the tab's frames for their reports when the background has lost them.
 * A match found in a frame other than the top one carries that frame's URL and title (its citation cites
 * the frame's page).
 */
export function getTabResults(
  tabId: number,
  tabUrl?: string,
  tabTitle?: string,
  collect?: CollectReports,
): Promise<TabResults> {
  return serial(tabId, async () => {
    let state = await load(tabId);
    if (state.missing && collect && isScannable(tabUrl)) state = await rebuild(state, collect);
    const { frames } = state;
    const top = frames.find((f) => f.frameId === 0)?.report;
    const topUrl = top?.url ?? tabUrl ?? '';
    const matches: PageMatch[] = [];
    const summaries: FrameSummary[] = [];
    for (const f of frames) {
      const own = f.frameId !== 0 && f.report.url !== topUrl;
      for (const m of f.report.matches)
        matches.push(own ? { ...m, frameUrl: f.report.url, frameTitle: f.report.title } : m);
      summaries.push({
        frameId: f.frameId,
        url: f.report.url,
        status: f.report.status,
        count: f.report.matches.length,
        ...(f.report.timings ? { timings: f.report.timings } : {}),
        ...(f.report.noChinese ? { noChinese: true as const } : {}),
        ...(f.report.limited ? { limited: true as const } : {}),
      });
    }
    const limited = state.tooManyFrames || frames.some((f) => f.report.limited);
    return {
      tabId,
      url: topUrl,
      title: top?.title ?? tabTitle ?? '',
      ...(top?.author ? { author: top.author } : {}),
      status: tabStatus(frames, isScannable(tabUrl) || tabUrl === undefined ? 'scanning' : 'unsupported'),
      matches,
      frames: summaries,
      ...(state.unstored?.size ? { unstored: true } : {}),
      ...(limited ? { limited: true } : {}),
    };
  });
}

/** Drops the in-memory copy (tests: simulates a service-worker restart). */
export function forgetMemory(): void {
  memory.clear();
  storedSizes.clear();
  documents.clear();
}

/**
 * Wires the store to the browser: navigation (webNavigation tells a new
 * document from a History API change, frame by frame, and names the new
 * document) and closing tabs. Reports and queries arrive through
 * registerMessages().
 */
export function registerTabResults(): void {
  browser.webNavigation.onCommitted.addListener((details) => {
    const { tabId, frameId, url } = details;
    const documentId = (details as { documentId?: string }).documentId;
    if (tabId >= 0) void forgetOnNavigation(tabId, frameId, url, 'document', documentId);
  });
  browser.webNavigation.onHistoryStateUpdated.addListener(({ tabId, frameId, url }) => {
    if (tabId >= 0) void forgetOnNavigation(tabId, frameId, url, 'history');
  });
  browser.tabs.onRemoved.addListener((tabId) => {
    void forgetTab(tabId);
  });
}
