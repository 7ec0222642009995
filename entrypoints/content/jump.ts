/**
 * Brings a match into view: smoothly, centred, then flashed once it has
 * arrived (a flash that plays during a long scroll is over before the reader
 * sees it). A match inside a paragraph taller than the window centres the
 * match itself rather than the paragraph, which would leave it off screen.
 */
import type { Highlighter } from './highlighter';

export function scrollRangeIntoView(range: Range, win: Window): void {
  const el = range.startContainer.parentElement;
  if (!el) return;
  const box = el.getBoundingClientRect();
  if (box.height <= win.innerHeight * 0.8) {
    // Also scrolls any scrolling container between the element and the window, and the frames above this one.
    el.scrollIntoView({ behavior: 'smooth', block: 'center', inline: 'nearest' });
    return;
  }
  const rect = range.getBoundingClientRect();
  const top = win.scrollY + rect.top + rect.height / 2 - win.innerHeight / 2;
  if (win.self !== win.top) {
    // In a frame, scrolling this window alone leaves the frame itself wherever the page above has it (off
    // screen, perhaps): the element's scrollIntoView scrolls the frames above too, then this frame centres.
    el.scrollIntoView({ behavior: 'smooth', block: 'start', inline: 'nearest' });
  }
  win.scrollTo({ top, behavior: 'smooth' });
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

/** Scrolls to the match and flashes it on arrival. Returns a function that cancels a flash still waiting. */
export function jumpTo(ranges: readonly Range[], win: Window, highlighter: Highlighter): () => void {
  const first = ranges[0];
  if (!first) return () => undefined;
  scrollRangeIntoView(first, win);
  return whenScrollSettles(win, () => {
    try {
      highlighter.flash(ranges);
    } catch {
      // Out of the message handler now, in a timer of ours: never let an error reach the page's console.
    }
  });
}
