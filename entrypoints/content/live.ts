/**
 * Keeps a frame's results current on a live page.
 *
 * Mutations: a MutationObserver notes what changed (its callback only files
 * the records' nodes, so a page that mutates constantly pays almost nothing
 * per mutation). A change that neither brings nor takes away Han text (a
 * clock, a counter, a Latin ticker) cannot make or break a quote of the
 * speech and is not filed at all. After a quiet moment (or at most MAX_WAIT_MS after the first
 * change, so a page that never stops still gets updates) the changed nodes
 * become the blocks around them, and only those are re-scanned.
 *
 * Navigation: the content script's isolated world does not see the page's
 * history.pushState, so a route change is noticed from the Navigation API's
 * currententrychange event where the browser has it, and by comparing
 * location.href (without the #fragment, which only scrolls) twice a second.
 */
import { dirtyRoot, outermostRoots } from '../../lib/dom/blocks';
import { hasHan, isBlockElement, isSkippedElement } from '../../lib/dom/extract';

const QUIET_MS = 200;
const MAX_WAIT_MS = 1000;
const POLL_MS = 500;
/** Beyond this many changed nodes in one batch, re-reading the whole frame is cheaper than sorting them out. */
const MAX_DIRTY = 2000;

export interface LiveCallbacks {
  /** Blocks to re-scan; `null` means the whole frame. */
  changed(roots: Node[] | null): void;
  /** Nodes were removed: matches in them may be gone. */
  removed(): void;
  /** The URL (without fragment) changed without a page load. */
  navigated(url: string): void;
}

function withoutHash(url: string): string {
  const i = url.indexOf('#');
  return i < 0 ? url : url.slice(0, i);
}

export class LiveWatcher {
  private readonly observer: MutationObserver;
  private readonly observed = new Set<Node>();
  private dirty = new Set<Node>();
  private overflow = false;
  private removedNodes = false;
  private quietTimer: ReturnType<typeof setTimeout> | undefined;
  private maxTimer: ReturnType<typeof setTimeout> | undefined;
  private pollTimer: ReturnType<typeof setInterval> | undefined;
  private url: string;
  /** Batches of text or child-list mutations seen so far (a sliced extraction asks whether the page changed under it). */
  textChanges = 0;
  private readonly onEntryChange = () => this.checkUrl();

  constructor(
    private readonly win: Window,
    private readonly callbacks: LiveCallbacks,
  ) {
    this.url = withoutHash(win.location.href);
    // The window's own constructor: the watcher works on whatever window it is given.
    const Observer = (win as Window & { MutationObserver: typeof MutationObserver }).MutationObserver;
    this.observer = new Observer((records) => this.file(records));
  }

  start(): void {
    this.observe(this.win.document);
    this.pollTimer = setInterval(() => this.checkUrl(), POLL_MS);
    const navigation = (this.win as Window & { navigation?: EventTarget }).navigation;
    navigation?.addEventListener?.('currententrychange', this.onEntryChange);
  }

  stop(): void {
    this.observer.disconnect();
    this.observed.clear();
    this.dirty.clear();
    clearTimeout(this.quietTimer);
    clearTimeout(this.maxTimer);
    this.quietTimer = this.maxTimer = undefined;
    clearInterval(this.pollTimer);
    const navigation = (this.win as Window & { navigation?: EventTarget }).navigation;
    navigation?.removeEventListener?.('currententrychange', this.onEntryChange);
  }

  /** Watches a tree (the document, or an open shadow root the document observer cannot see into). */
  observe(root: Node): void {
    if (this.observed.has(root)) return;
    this.observed.add(root);
    this.observer.observe(root, { childList: true, subtree: true, characterData: true, characterDataOldValue: true });
  }

  private file(records: MutationRecord[]): void {
    this.textChanges++;
    for (const r of records) {
      if (this.overflow) break;
      if (r.type === 'characterData') {
        if (hasHan((r.target as CharacterData).data ?? '') || hasHan(r.oldValue ?? '')) this.dirty.add(r.target);
      } else {
        for (const n of r.addedNodes) if (holdsHan(n)) this.dirty.add(n);
        // A removal changes the text around it only when it was inline (a <b> inside a paragraph);
        // removed blocks just take their matches with them, which prune() notices.
        for (const n of r.removedNodes) {
          this.removedNodes = true;
          if ((n.nodeType === 3 || (n.nodeType === 1 && isInline(n as Element))) && holdsHan(n))
            this.dirty.add(r.target);
        }
      }
      if (this.dirty.size > MAX_DIRTY) this.overflow = true;
    }
    this.schedule();
  }

  private schedule(): void {
    clearTimeout(this.quietTimer);
    this.quietTimer = setTimeout(() => this.flush(), QUIET_MS);
    this.maxTimer ??= setTimeout(() => this.flush(), MAX_WAIT_MS);
  }

  private flush(): void {
    clearTimeout(this.quietTimer);
    clearTimeout(this.maxTimer);
    this.quietTimer = this.maxTimer = undefined;
    const nodes = this.dirty;
    const overflow = this.overflow;
    const removed = this.removedNodes;
    this.dirty = new Set();
    this.overflow = false;
    this.removedNodes = false;
    if (removed) this.callbacks.removed();
    if (overflow) {
      this.callbacks.changed(null);
      return;
    }
    const roots = new Set<Node>();
    for (const n of nodes) {
      const root = dirtyRoot(n);
      if (root) roots.add(root);
    }
    if (roots.size > 0) this.callbacks.changed(outermostRoots(roots));
  }

  private checkUrl(): void {
    const url = withoutHash(this.win.location.href);
    if (url === this.url) return;
    this.url = url;
    this.callbacks.navigated(url);
  }
}

/** Han text in the node, or in the open shadow root it hosts. */
function holdsHan(n: Node): boolean {
  if (hasHan(n.textContent ?? '')) return true;
  const shadow = (n as Element).shadowRoot;
  return !!shadow && hasHan(shadow.textContent ?? '');
}

function isInline(el: Element): boolean {
  return !isBlockElement(el) && !isSkippedElement(el);
}
