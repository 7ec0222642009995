/**
 * Maps a DOM selection in the reader back to speech offsets. Every run of
 * speech text is a <span data-o="OFFSET"> whose only child is its text node,
 * so a point in a text node is data-o + offset; a point between elements
 * (a triple-click selects whole paragraphs) falls at the next run's start.
 */
import type { Span } from '../../lib/corpus/types';

const RUN = '[data-o]';

function runStart(el: Element): number {
  return Number((el as HTMLElement).dataset.o);
}

/**
 * The speech offset of a DOM point. `side` says which way a point between
 * runs leans: a selection's start to the next run's start, its end to the
 * previous run's end (so a triple-clicked paragraph does not reach into the next).
 */
export function pointToOffset(
  root: Element,
  node: Node,
  offset: number,
  side: 'start' | 'end' = 'start',
): number | null {
  if (node.nodeType === Node.TEXT_NODE) {
    const run = node.parentElement?.closest(RUN);
    if (run && root.contains(run)) return runStart(run) + offset;
  }
  const runs = [...root.querySelectorAll(RUN)];
  if (runs.length === 0) return null;
  const point = (node.ownerDocument ?? document).createRange();
  point.setStart(node, offset);
  point.collapse(true);
  const runEnd = (run: Element) => runStart(run) + (run.textContent?.length ?? 0);
  if (side === 'start') {
    const next = runs.find((run) => point.comparePoint(run, 0) >= 0);
    return next ? runStart(next) : runEnd(runs[runs.length - 1] as Element);
  }
  const before = runs.filter((run) => point.comparePoint(run, run.childNodes.length) <= 0);
  const last = before[before.length - 1];
  return last ? runEnd(last) : runStart(runs[0] as Element);
}

/** The speech span a selection covers inside `root`, or null (collapsed, outside, or no speech text). */
export function selectionToSpan(root: Element, selection: Selection | null): Span | null {
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
  const range = selection.getRangeAt(0);
  // Both ends in the speech's text (the title or the body), not in the contents or the toolbar.
  if (!inSpeech(root, range.startContainer) || !inSpeech(root, range.endContainer)) return null;
  const start = pointToOffset(root, range.startContainer, range.startOffset);
  const end = pointToOffset(root, range.endContainer, range.endOffset, 'end');
  if (start === null || end === null || end <= start) return null;
  return { start, end };
}

function inSpeech(root: Element, node: Node): boolean {
  const el = node.nodeType === Node.ELEMENT_NODE ? (node as Element) : node.parentElement;
  const speech = el?.closest('[data-speech]');
  return !!speech && root.contains(speech);
}
