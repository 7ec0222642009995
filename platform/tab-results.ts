/**
 * The background's record of what each tab's frames found: merged per tab,
 * mirrored in storage.session so it survives the service worker being
 * stopped and restarted (MV3 does that after ~30 s idle), cleared when the tab
 * navigates or closes. The badge shows each tab's match count, and is
 * cleared with the results on navigation.
 *
 * Events for one tab are handled one after another (a per-tab promise chain),
 * so a report and a navigation arriving together cannot overwrite each other.
 */
import { browser } from 'wxt/browser';
import { storage } from 'wxt/utils/storage';
import type { FrameReport, FrameSummary, PageMatch, ScanStatus, TabResults } from '../lib/messages';
import { clearBadge, showCount } from './badge';

/** One frame's last report, and when it came (to tell reports of the new page from the old). */
export interface StoredFrame {
  frameId: number;
  report: FrameReport;
  receivedAt: number;
}

export interface TabState {
  tabId: number;
  frames: StoredFrame[];
}

const key = (tabId: number) => `session:yuanwen-tab-${tabId}` as const;
const memory = new Map<number, TabState>();
const locks = new Map<number, Promise<unknown>>();

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

async function load(tabId: number): Promise<TabState> {
  const cached = memory.get(tabId);
  if (cached) return cached;
  const stored = await storage.getItem<TabState>(key(tabId));
  const state = stored && Array.isArray(stored.frames) ? stored : { tabId, frames: [] };
  memory.set(tabId, state);
  return state;
}

async function save(state: TabState): Promise<void> {
  memory.set(state.tabId, state);
  if (state.frames.length === 0) await storage.removeItem(key(state.tabId));
  else await storage.setItem(key(state.tabId), state);
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

/** Stores a frame's report, replacing that frame's previous one. */
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
    const next = { tabId, frames };
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
    const next = { tabId, frames };
    await save(next);
    await updateBadge(next);
  });
}

export function forgetTab(tabId: number): Promise<void> {
  return serial(tabId, async () => {
    memory.delete(tabId);
    await storage.removeItem(key(tabId));
  });
}

function tabStatus(frames: StoredFrame[], fallback: ScanStatus): ScanStatus {
  const top = frames.find((f) => f.frameId === 0)?.report.status;
  if (top === 'paused' || top === 'unsupported') return top;
  if (frames.length === 0) return fallback;
  return frames.some((f) => f.report.status === 'scanning') ? 'scanning' : 'done';
}

/** Whether a content script can run in a tab showing `url` (same patterns as its manifest entry). */
export function isScannable(url: string | undefined): boolean {
  return !!url && /^https?:\/\//.test(url);
}

/** The tab's results as the popup gets them. `tabUrl`/`tabTitle`: the tab's, for a tab no frame reported from. */
export function getTabResults(tabId: number, tabUrl?: string, tabTitle?: string): Promise<TabResults> {
  return serial(tabId, async () => {
    const { frames } = await load(tabId);
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
      status: tabStatus(frames, isScannable(tabUrl) || tabUrl === undefined ? 'scanning' : 'unsupported'),
      matches,
      frames: summaries,
    };
  });
}

/** Drops the in-memory copy (tests: simulates a service-worker restart). */
export function forgetMemory(): void {
  memory.clear();
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
