/**
 * Whether a frame shows Chinese at all, and a wait until it does.
 *
 * Most frames the content script runs in are not Chinese pages: ads, embeds,
 * widgets, consent dialogs, and every frame of every non-Chinese site. A
 * frame other than the top one sets nothing up (no settings read, no
 * highlighter, no scanner, no message listener, no timers, no report) until
 * it holds Han characters; until then it keeps one MutationObserver that
 * looks only at the text that arrives. The top frame of such a page reports
 * it read and waits the same way (index.ts). Measured by `npm run bench`:
 * no_han_cpu_ms, no_han_frames_cpu_ms.
 *
 * The test is generous on purpose: Han characters anywhere in the frame's
 * text (hidden text and scripts included) start the full scan, which then
 * reads only what a reader sees. A false "yes" costs what every frame cost
 * before; a false "no" would miss quotes, so open shadow roots are looked
 * into too.
 */
import { hasHan } from '../../lib/dom/extract';

/** Text nodes read one by one before the rest of the document is taken as one string. */
const FIRST_NODES = 200;

/**
 * Han characters anywhere in the document's text, open shadow roots included. `read`, if given, counts the
 * characters looked at (for the frame's report).
 */
export function frameHasHan(doc: Document, read: { chars: number } = { chars: 0 }): boolean {
  const root = doc.body ?? doc.documentElement;
  if (!root) return false;
  // A Chinese page answers within its first lines, so they are read node by node (no page-sized string for
  // the pages this extension is for); past them, one textContent string is the cheapest read of the rest.
  const walker = doc.createTreeWalker(root, 4 /* NodeFilter.SHOW_TEXT */);
  let node = walker.nextNode();
  for (let k = 0; node && k < FIRST_NODES; k++, node = walker.nextNode()) {
    const data = (node as Text).data;
    read.chars += data.length;
    if (hasHan(data)) return true;
  }
  if (node) {
    const all = root.textContent ?? '';
    read.chars = all.length;
    if (hasHan(all)) return true;
  }
  return shadowHasHan(doc, root, read);
}

/** Text inside open shadow roots is not part of textContent: each host's root is read on its own. */
function shadowHasHan(doc: Document, root: Node, read: { chars: number }): boolean {
  const walker = doc.createTreeWalker(root, 1 /* NodeFilter.SHOW_ELEMENT */);
  for (let node: Node | null = walker.currentNode; node; node = walker.nextNode()) {
    const shadow = (node as Element).shadowRoot;
    if (!shadow) continue;
    const text = shadow.textContent ?? '';
    read.chars += text.length;
    if (hasHan(text) || shadowHasHan(doc, shadow, read)) return true;
  }
  return false;
}

/** Whether a batch of mutations brought Han characters in (added nodes, or changed text). */
export function mutationsBringHan(records: readonly MutationRecord[]): boolean {
  for (const record of records) {
    if (record.type === 'characterData') {
      if (hasHan((record.target as CharacterData).data ?? '')) return true;
      continue;
    }
    for (const node of Array.from(record.addedNodes)) {
      if (hasHan(node.textContent ?? '')) return true;
      const shadow = (node as Element).shadowRoot;
      if (shadow && hasHan(shadow.textContent ?? '')) return true;
    }
  }
  return false;
}

export interface HanWait {
  /** Resolves true once Han text has arrived, false if cancelled first. */
  readonly arrived: Promise<boolean>;
  cancel(): void;
}

/**
 * Watches the document (and the given open shadow roots) until Han text
 * arrives: a frame that loads its content later, a route change, an ad that
 * swaps in a Chinese article. `alive`, asked at each change: false ends the
 * wait (the extension went away), so an orphaned frame keeps no observer.
 */
export function waitForHan(win: Window, doc: Document, alive: () => boolean = () => true): HanWait {
  let settle: (value: boolean) => void = () => undefined;
  const arrived = new Promise<boolean>((resolve) => {
    settle = resolve;
  });
  // The window's own constructor: the watcher works on whatever window it is given.
  const Observer = (win as Window & { MutationObserver: typeof MutationObserver }).MutationObserver;
  const observer = new Observer((records) => {
    const gone = !alive();
    if (!gone && !mutationsBringHan(records)) return;
    observer.disconnect();
    settle(!gone);
  });
  observer.observe(doc, { childList: true, characterData: true, subtree: true });
  return {
    arrived,
    cancel() {
      observer.disconnect();
      settle(false);
    },
  };
}
