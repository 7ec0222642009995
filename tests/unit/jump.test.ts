import { Window } from 'happy-dom';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  SCROLL_START_MS,
  SCROLL_WAIT_MAX_MS,
  VISIBLE_WAIT_MAX_MS,
  whenScrollSettles,
  whenVisible,
} from '../../entrypoints/content/jump';

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

/** A document whose visibility the test sets, and a visibilitychange event as the browser (trusted) or a page sends it. */
function tab(hidden: boolean) {
  const window = new Window();
  const doc = window.document as unknown as Document;
  let isHidden = hidden;
  Object.defineProperty(doc, 'hidden', { get: () => isHidden });
  const show = (trusted: boolean) => {
    isHidden = false;
    const event = new window.Event('visibilitychange') as unknown as Event;
    Object.defineProperty(event, 'isTrusted', { value: trusted });
    doc.dispatchEvent(event);
  };
  return { doc, show };
}

describe('whenVisible (a jump asked of a hidden tab scrolls once the tab is shown)', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('goes on at once in a visible document', () => {
    const { doc } = tab(false);
    const then = vi.fn();
    whenVisible(doc, then);
    expect(then).toHaveBeenCalledTimes(1);
  });

  it('waits in a hidden document until the browser shows it', () => {
    const { doc, show } = tab(true);
    const then = vi.fn();
    whenVisible(doc, then);
    vi.advanceTimersByTime(VISIBLE_WAIT_MAX_MS - 1);
    expect(then).not.toHaveBeenCalled();
    show(true);
    expect(then).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(VISIBLE_WAIT_MAX_MS);
    expect(then).toHaveBeenCalledTimes(1);
  });

  it('ignores a visibilitychange the page dispatches, and goes on at its limit', () => {
    const { doc, show } = tab(true);
    const then = vi.fn();
    whenVisible(doc, then);
    show(false);
    expect(then).not.toHaveBeenCalled();
    vi.advanceTimersByTime(VISIBLE_WAIT_MAX_MS);
    expect(then).toHaveBeenCalledTimes(1);
  });

  it('never goes on once cancelled', () => {
    const { doc, show } = tab(true);
    const then = vi.fn();
    const cancel = whenVisible(doc, then);
    cancel();
    show(true);
    vi.advanceTimersByTime(VISIBLE_WAIT_MAX_MS);
    expect(then).not.toHaveBeenCalled();
  });
});
