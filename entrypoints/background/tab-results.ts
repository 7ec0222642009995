/**
 * The background's record of what each tab's frames found: merged per tab,
 * mirrored in storage.session so it survives the service worker being
 * stopped and restarted (MV3 does that after ~30 s idle), cleared when the tab
 * navigates or closes. The badge shows each tab's match count, and is
 * cleared with the results on navigation.
 *
 * Storage is shared by every tab and can fill: results are stored compactly
 * (stored-results.ts), a tab over its budget is not stored, and when a
 * write fails for the quota the other tabs' stored results are dropped,
 * oldest first, until it fits. Every failed write is logged. Nothing is
 * lost: the pages hold their results, and a tab the background has no record
 * of is rebuilt from its frames on demand (getTabResults' `collect`, see
 * tab-rebuild.ts), with `unstored` telling the popup to say so.
 *
 * Events for one tab are handled one after another (a per-tab promise chain),
 * so a report and a navigation arriving together cannot overwrite each other.
 */
import { browser } from 'wxt/browser';
import { storage } from 'wxt/utils/storage';
import { getCorpus } from '../../lib/corpus';
import type { FrameReport, FrameSummary, PageMatch, ScanStatus, TabResults } from '../../lib/messages';
import { pageSupport } from '../../lib/page-support';
import { clearBadge, showCount } from './badge';
import { decodeTab, encodeTab, evictionOrder, type StoredFrame, storedBytes, TAB_BUDGET_BYTES } from './stored-results';

export type { StoredFrame } from './stored-results';

export interface TabState {
  tabId: number;
  frames: StoredFrame[];
  /** Neither memory nor storage had the tab: its frames may hold results the background lost. */
  missing?: boolean;
  /** Its results are not in storage (budget or quota): after a restart they must come from the page. */
  unstored?: boolean;
}

/** Asks a tab's frames for their reports again (see tab-rebuild.ts). */
export type CollectReports = (tabId: number) => Promise<{ frameId: number; report: FrameReport }[]>;

const PREFIX = 'yuanwen-tab-';
const key = (tabId: number) => `session:${PREFIX}${tabId}` as const;
const memory = new Map<number, TabState>();
const locks = new Map<number, Promise<unknown>>();
/** When this worker last stored each tab (what to drop first when storage is full). */
const savedAt = new Map<number, number>();

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

async function load(tabId: number): Promise<TabState> {
  const cached = memory.get(tabId);
  if (cached) return cached;
  let stored: unknown = null;
  try {
    stored = await storage.getItem<unknown>(key(tabId));
  } catch (error) {
    logFailure(`could not read the stored results of tab ${tabId}`, error);
  }
  const frames = stored === null ? null : decodeTab(stored, speech());
  const state: TabState = frames ? { tabId, frames } : { tabId, frames: [], missing: true };
  memory.set(tabId, state);
  return state;
}

async function remove(tabId: number): Promise<void> {
  savedAt.delete(tabId);
  try {
    await storage.removeItem(key(tabId));
  } catch (error) {
    logFailure(`could not remove the stored results of tab ${tabId}`, error);
  }
}

/** The tabs with results in storage. */
async function storedTabIds(): Promise<number[]> {
  const area = browser.storage.session as typeof browser.storage.session & { getKeys?: () => Promise<string[]> };
  const keys = typeof area.getKeys === 'function' ? await area.getKeys() : Object.keys(await area.get(null));
  return keys.filter((k) => k.startsWith(PREFIX)).map((k) => Number(k.slice(PREFIX.length)));
}

/** Drops another tab's stored results to make room; its page still holds them. */
async function evict(tabId: number): Promise<void> {
  await remove(tabId);
  const state = memory.get(tabId);
  if (state) state.unstored = true;
  console.warn(`Yuanwen: storage is full: dropped the stored results of tab ${tabId} (its page keeps them)`);
}

/** Keeps `state` in memory and, as far as budget and quota allow, in storage (see the module comment). */
async function save(state: TabState): Promise<void> {
  const { tabId } = state;
  memory.set(tabId, state);
  state.unstored = false;
  if (state.frames.length === 0) {
    await remove(tabId);
    return;
  }
  const encoded = encodeTab(state.frames, speech());
  const bytes = storedBytes(encoded);
  if (bytes > TAB_BUDGET_BYTES) {
    console.warn(`Yuanwen: the results of tab ${tabId} (${bytes} bytes) exceed its storage budget: kept by the page`);
    state.unstored = true;
    await remove(tabId); // an older version must not outlive this one
    return;
  }
  let victims: number[] | null = null;
  for (;;) {
    try {
      await storage.setItem(key(tabId), encoded);
      savedAt.set(tabId, Date.now());
      return;
    } catch (error) {
      logFailure(`could not store the results of tab ${tabId} (${bytes} bytes)`, error);
    }
    if (victims === null) {
      try {
        victims = evictionOrder(await storedTabIds(), savedAt, tabId);
      } catch (error) {
        logFailure('could not list the stored results', error);
        victims = [];
      }
    }
    const victim = victims.shift();
    if (victim === undefined) {
      state.unstored = true;
      await remove(tabId); // an older version must not outlive this one
      return;
    }
    await evict(victim);
  }
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

/** Stores a frame's report, replacing that frame's previous one; resolves once stored and shown on the badge. */
export function recordFrameReport(
  tabId: number,
  frameId: number,
  report: FrameReport,
  now = Date.now(),
): Promise<void> {
  return serial(tabId, async () => {
    const state = await load(tabId);
    const frames = state.frames.filter((f) => f.frameId !== frameId);
    frames.push({ frameId, report, receivedAt: now });
    frames.sort((a, b) => a.frameId - b.frameId);
    // Other frames' reports may still be missing: the tab stays marked for a rebuild.
    const next: TabState = { tabId, frames, ...(state.missing ? { missing: true } : {}) };
    await save(next);
    await updateBadge(next);
  });
}

/**
 * A frame of the tab navigated. A new document in the top frame ends the
 * whole page: every frame's report goes. A new document in a subframe drops
 * that frame's report. A History API change (single-page app) drops the
 * frame's report unless it is already about the new URL: the content script
 * may report its new route before the browser tells us of the change.
 * `#fragment` changes only scroll, and keep everything.
 */
export function forgetOnNavigation(
  tabId: number,
  frameId: number,
  url: string,
  kind: 'document' | 'history',
): Promise<void> {
  return serial(tabId, async () => {
    const state = await load(tabId);
    const target = withoutHash(url);
    const frames = state.frames.filter((f) => {
      if (kind === 'document') return frameId !== 0 && f.frameId !== frameId;
      return f.frameId !== frameId || withoutHash(f.report.url) === target;
    });
    if (frames.length === state.frames.length && kind === 'history') return;
    // A new top document starts the tab afresh: nothing of it can have been lost.
    const missing = state.missing && !(kind === 'document' && frameId === 0);
    const next: TabState = { tabId, frames, ...(missing ? { missing: true } : {}) };
    await save(next);
    await updateBadge(next);
  });
}

export function forgetTab(tabId: number): Promise<void> {
  return serial(tabId, async () => {
    memory.delete(tabId);
    await remove(tabId);
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
  for (const { frameId, report } of collected) byFrame.set(frameId, { frameId, report, receivedAt: now });
  const next: TabState = { tabId: state.tabId, frames: [...byFrame.values()].sort((a, b) => a.frameId - b.frameId) };
  await save(next);
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
    const matches: PageMatch[] = [];
    const summaries: FrameSummary[] = [];
    for (const f of frames) {
      matches.push(...f.report.matches);
      summaries.push({
        frameId: f.frameId,
        url: f.report.url,
        status: f.report.status,
        count: f.report.matches.length,
        ...(f.report.timings ? { timings: f.report.timings } : {}),
        ...(f.report.noChinese ? { noChinese: true as const } : {}),
      });
    }
    return {
      tabId,
      url: top?.url ?? tabUrl ?? '',
      title: top?.title ?? tabTitle ?? '',
      ...(top?.author ? { author: top.author } : {}),
      status: tabStatus(frames, isScannable(tabUrl) || tabUrl === undefined ? 'scanning' : 'unsupported'),
      matches,
      frames: summaries,
      ...(state.unstored ? { unstored: true } : {}),
    };
  });
}

/** Drops the in-memory copy (tests: simulates a service-worker restart). */
export function forgetMemory(): void {
  memory.clear();
  savedAt.clear();
}

/**
 * Wires the store to the browser: navigation (webNavigation tells a new
 * document from a History API change, frame by frame) and closing tabs.
 * Reports and queries arrive through registerMessages().
 */
export function registerTabResults(): void {
  browser.webNavigation.onCommitted.addListener(({ tabId, frameId, url }) => {
    if (tabId >= 0) void forgetOnNavigation(tabId, frameId, url, 'document');
  });
  browser.webNavigation.onHistoryStateUpdated.addListener(({ tabId, frameId, url }) => {
    if (tabId >= 0) void forgetOnNavigation(tabId, frameId, url, 'history');
  });
  browser.tabs.onRemoved.addListener((tabId) => {
    void forgetTab(tabId);
  });
}
