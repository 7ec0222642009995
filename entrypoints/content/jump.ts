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
    // Also scrolls any scrolling container between the element and the window.
    el.scrollIntoView({ behavior: 'smooth', block: 'center', inline: 'nearest' });
    return;
  }
  const rect = range.getBoundingClientRect();
  win.scrollBy({ top: rect.top + rect.height / 2 - win.innerHeight / 2, behavior: 'smooth' });
}

export function jumpTo(ranges: readonly Range[], win: Window, highlighter: Highlighter): void {
  const first = ranges[0];
  if (!first) return;
  scrollRangeIntoView(first, win);
  highlighter.flash(ranges);
}
