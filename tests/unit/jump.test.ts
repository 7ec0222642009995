import { Window } from 'happy-dom';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SCROLL_START_MS, SCROLL_WAIT_MAX_MS, whenScrollSettles } from '../../entrypoints/content/jump';

/** The DOM's Window type (happy-dom's `Window` shadows the name here). */
type DomWindow = Parameters<typeof whenScrollSettles>[0];

function page() {
  const window = new Window();
  window.document.write('<!doctype html><html><body><div id="pane">text</div></body></html>');
  const win = window as unknown as DomWindow;
  const pane = window.document.getElementById('pane') as unknown as HTMLElement;
  const fire = (target: DomWindow | HTMLElement, type: 'scroll' | 'scrollend') =>
    target.dispatchEvent(new window.Event(type) as unknown as Event);
  return { win, pane, fire };
}

describe('whenScrollSettles (a jump flashes its match once the scroll has come to rest)', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('goes on after a short moment when no scroll starts (the match was in view)', () => {
    const { win } = page();
    const then = vi.fn();
    whenScrollSettles(win, then);
    vi.advanceTimersByTime(SCROLL_START_MS - 1);
    expect(then).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(then).toHaveBeenCalledTimes(1);
  });

  it('waits for the scrollend of an element that scrolls, through a pause in the middle of the scroll', () => {
    const { win, pane, fire } = page();
    const then = vi.fn();
    whenScrollSettles(win, then);
    vi.advanceTimersByTime(16);
    // An element's scroll events do not bubble: the wait hears them all the same.
    fire(pane, 'scroll');
    vi.advanceTimersByTime(600); // the smooth scroll stalls for a while
    expect(then).not.toHaveBeenCalled();
    fire(pane, 'scroll');
    fire(pane, 'scrollend');
    expect(then).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(SCROLL_WAIT_MAX_MS);
    fire(win, 'scrollend');
    expect(then).toHaveBeenCalledTimes(1);
  });

  it('goes on at the window’s scrollend', () => {
    const { win, fire } = page();
    const then = vi.fn();
    whenScrollSettles(win, then);
    for (let i = 0; i < 10; i++) {
      vi.advanceTimersByTime(16);
      fire(win, 'scroll');
    }
    expect(then).not.toHaveBeenCalled();
    fire(win, 'scrollend');
    expect(then).toHaveBeenCalledTimes(1);
  });

  it('waits no longer than its limit when no scrollend comes', () => {
    const { win, fire } = page();
    const then = vi.fn();
    whenScrollSettles(win, then);
    fire(win, 'scroll');
    vi.advanceTimersByTime(SCROLL_WAIT_MAX_MS - 1);
    expect(then).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(then).toHaveBeenCalledTimes(1);
  });

  it('never goes on once cancelled (a newer jump, a pause)', () => {
    const { win, fire } = page();
    const then = vi.fn();
    const cancel = whenScrollSettles(win, then);
    fire(win, 'scroll');
    cancel();
    fire(win, 'scrollend');
    vi.advanceTimersByTime(SCROLL_WAIT_MAX_MS * 2);
    expect(then).not.toHaveBeenCalled();
  });
});
