/**
 * Brings a match into view: smoothly, centred, then flashed once it has
 * arrived (a flash that plays during a long scroll is over before the reader
 * sees it). A match inside a paragraph taller than the window centres the
 * match itself rather than the paragraph, which would leave it off screen.
 * A jump asked of a hidden tab (the popup pinned to it in another tab, which
 * then shows it) scrolls at once, not smoothly (Firefox drops a smooth scroll
 * started in a hidden document, even once the tab is shown), and flashes once
 * the tab is shown (a flash played in a hidden tab is never seen).
 */
import type { Highlighter } from './highlighter';

export function scrollRangeIntoView(range: Range, win: Window): void {
  const el = range.startContainer.parentElement;
  if (!el) return;
  // Smooth only where it can play: a hidden document (Firefox) would drop it.
  const behavior: ScrollBehavior = win.document.hidden ? 'instant' : 'smooth';
  const box = el.getBoundingClientRect();
  if (box.height <= win.innerHeight * 0.8) {
    // Also scrolls any scrolling container between the element and the window, and the frames above this one.
    el.scrollIntoView({ behavior, block: 'center', inline: 'nearest' });
    return;
  }
  const rect = range.getBoundingClientRect();
  const top = win.scrollY + rect.top + rect.height / 2 - win.innerHeight / 2;
  if (win.self !== win.top) {
    // In a frame, scrolling this window alone leaves the frame itself wherever the page above has it (off
    // screen, perhaps): the element's scrollIntoView scrolls the frames above too, then this frame centres.
    el.scrollIntoView({ behavior, block: 'start', inline: 'nearest' });
  }
  win.scrollTo({ top, behavior });
}

/** No scroll has started this long after the jump: the match was in view already. */
export const SCROLL_START_MS = 120;
/** Never wait longer than this for a scroll to end. */
export const SCROLL_WAIT_MAX_MS = 2500;

/**
 * Calls `then` once scrolling in `win` has come to rest: at the `scrollend`
 * of any scroller in its document once one has scrolled, or after
 * SCROLL_START_MS if none starts (the match was in view), and at the latest
 * after SCROLL_WAIT_MAX_MS (a browser without scrollend). A smooth scroll can
 * pause for several frames before it moves on, so a quiet moment after it
 * started does not mean it has ended. Returns a function that cancels the wait.
 */
export function whenScrollSettles(win: Window, then: () => void): () => void {
  let done = false;
  const finish = (call: boolean) => {
    if (done) return;
    done = true;
    clearTimeout(notStarted);
    clearTimeout(cap);
    win.removeEventListener('scroll', onScroll, true);
    win.removeEventListener('scrollend', onEnd, true);
    if (call) then();
  };
  const onScroll = () => clearTimeout(notStarted);
  const onEnd = () => finish(true);
  // Capturing on the window hears scrolls of every element of the document, which do not bubble.
  win.addEventListener('scroll', onScroll, true);
  win.addEventListener('scrollend', onEnd, true);
  const notStarted = setTimeout(() => finish(true), SCROLL_START_MS);
  const cap = setTimeout(() => finish(true), SCROLL_WAIT_MAX_MS);
  return () => finish(false);
}

/** A hidden tab asked to jump is shown within this time, or the jump goes ahead without it. */
export const VISIBLE_WAIT_MAX_MS = 2500;

/**
 * Calls `then` once `doc` is visible: now if it is, else at the browser's own
 * visibilitychange (a page can dispatch a forged one: only a trusted event
 * counts), and at the latest after VISIBLE_WAIT_MAX_MS. Returns a function
 * that cancels the wait.
 */
export function whenVisible(doc: Document, then: () => void): () => void {
  if (!doc.hidden) {
    then();
    return () => undefined;
  }
  let done = false;
  const finish = (call: boolean) => {
    if (done) return;
    done = true;
    clearTimeout(cap);
    doc.removeEventListener('visibilitychange', onChange, true);
    if (call) then();
  };
  const onChange = (event: Event) => {
    if (event.isTrusted && !doc.hidden) finish(true);
  };
  doc.addEventListener('visibilitychange', onChange, true);
  const cap = setTimeout(() => finish(true), VISIBLE_WAIT_MAX_MS);
  return () => finish(false);
}

/** Scrolls to the match and flashes it on arrival. Returns a function that cancels a flash still waiting. */
export function jumpTo(ranges: readonly Range[], win: Window, highlighter: Highlighter): () => void {
  const first = ranges[0];
  if (!first) return () => undefined;
  scrollRangeIntoView(first, win);
  let cancelFlash: () => void = () => undefined;
  const cancelShown = whenVisible(win.document, () => {
    cancelFlash = whenScrollSettles(win, () => {
      try {
        highlighter.flash(ranges);
      } catch {
        // Out of the message handler now, in a timer of ours: never let an error reach the page's console.
      }
    });
  });
  return () => {
    cancelShown();
    cancelFlash();
  };
}
