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

export function pointToOffset(root: Element, node: Node, offset: number): number | null {
  if (node.nodeType === Node.TEXT_NODE) {
    const run = node.parentElement?.closest(RUN);
    if (run && root.contains(run)) return runStart(run) + offset;
  }
  const runs = [...root.querySelectorAll(RUN)];
  if (runs.length === 0) return null;
  const point = node.ownerDocument?.createRange() ?? document.createRange();
  point.setStart(node, offset);
  point.collapse(true);
  for (const run of runs) {
    // The first run that starts at or after the point.
    if (point.comparePoint(run, 0) >= 0) return runStart(run);
  }
  const last = runs[runs.length - 1] as Element;
  return runStart(last) + (last.textContent?.length ?? 0);
}

/** The speech span a selection covers inside `root`, or null (collapsed, outside, or no speech text). */
export function selectionToSpan(root: Element, selection: Selection | null): Span | null {
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
  const range = selection.getRangeAt(0);
  // Both ends in the speech's text (the title or the body), not in the contents or the toolbar.
  if (!inSpeech(root, range.startContainer) || !inSpeech(root, range.endContainer)) return null;
  const start = pointToOffset(root, range.startContainer, range.startOffset);
  const end = pointToOffset(root, range.endContainer, range.endOffset);
  if (start === null || end === null || end <= start) return null;
  return { start, end };
}

function inSpeech(root: Element, node: Node): boolean {
  const el = node.nodeType === Node.ELEMENT_NODE ? (node as Element) : node.parentElement;
  const speech = el?.closest('[data-speech]');
  return !!speech && root.contains(speech);
}
