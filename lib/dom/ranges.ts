/**
 * The offset map's way back: a span [start, end) of an extracted text becomes
 * DOM Ranges, one per text node it covers. One Range per node (rather than one
 * spanning several nodes) keeps a highlight off whatever lies between them
 * (skipped form fields, hidden text) and works across shadow-root boundaries,
 * which a single Range cannot cross.
 *
 * DOM-implementation-agnostic: Ranges come from the text node's ownerDocument.
 */
import type { TextChunk } from './extract';

/** Index of the last chunk starting at or before `offset` (-1 if none). O(log n). */
export function chunkIndexAt(chunks: readonly TextChunk[], offset: number): number {
  let lo = 0;
  let hi = chunks.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    if ((chunks[mid] as TextChunk).start <= offset) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

/** A piece of one text node: [start, end) in its data. */
export interface NodeSpan {
  node: Text;
  start: number;
  end: number;
}

/**
 * The text-node pieces that make up [start, end) of the extracted text, in
 * order. Separators between chunks ('\n' for blocks) belong to no node and
 * yield nothing. Offsets are clamped to each node's current length, so a node
 * whose text shrank since extraction gives a shorter piece, not an error.
 */
export function spansForOffsets(chunks: readonly TextChunk[], start: number, end: number): NodeSpan[] {
  const out: NodeSpan[] = [];
  if (end <= start) return out;
  let i = Math.max(0, chunkIndexAt(chunks, start));
  for (; i < chunks.length; i++) {
    const chunk = chunks[i] as TextChunk;
    if (chunk.start >= end) break;
    const length = chunk.node.data.length;
    const from = Math.max(start, chunk.start) - chunk.start;
    const to = Math.min(end - chunk.start, length);
    if (to > from) out.push({ node: chunk.node, start: from, end: to });
  }
  return out;
}

/** Live Ranges for [start, end) of the extracted text; none for a span that covers no text node. */
export function rangesForOffsets(chunks: readonly TextChunk[], start: number, end: number): Range[] {
  const ranges: Range[] = [];
  for (const span of spansForOffsets(chunks, start, end)) {
    const doc = span.node.ownerDocument;
    if (!doc) continue;
    try {
      const range = doc.createRange();
      range.setStart(span.node, span.start);
      range.setEnd(span.node, span.end);
      ranges.push(range);
    } catch {
      // The node changed under us (removed, shortened): the live-page watcher rescans it.
    }
  }
  return ranges;
}
