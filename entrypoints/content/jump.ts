/**
 * Brings a match into view: smoothly, centred, then flashed. A match inside a
 * paragraph taller than the window centres the match itself rather than the
 * paragraph, which would leave it off screen.
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

export function jumpTo(ranges: readonly Range[], win: Window, highlighter: Highlighter): void {
  const first = ranges[0];
  if (!first) return;
  scrollRangeIntoView(first, win);
  highlighter.flash(ranges);
}
