/**
 * The offset map's way back: a span [start, end) of an extracted text becomes
 * DOM Ranges, one per text node it covers. One Range per node (rather than one
 * spanning several nodes) keeps a highlight off whatever lies between them
 * (skipped form fields, hidden text) and works across shadow-root boundaries,
 * which a single Range cannot cross.
 *
 * DOM-implementation-agnostic: Ranges come from the text node's ownerDocument.
 */
import type { OffsetMap, TextChunk } from './extract';

/** The offset map as the extraction gives it (parallel arrays), or as a list of chunks. */
export type ChunkSource = OffsetMap | readonly TextChunk[];

function asOffsetMap(source: ChunkSource): OffsetMap {
  if (!Array.isArray(source)) return source as OffsetMap;
  const chunks = source as readonly TextChunk[];
  return { nodes: chunks.map((c) => c.node), starts: chunks.map((c) => c.start) };
}

function startIndexAt(starts: readonly number[], offset: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    if ((starts[mid] as number) <= offset) {
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
export function spansForOffsets(source: ChunkSource, start: number, end: number): NodeSpan[] {
  const out: NodeSpan[] = [];
  if (end <= start) return out;
  const { nodes, starts } = asOffsetMap(source);
  let i = Math.max(0, startIndexAt(starts, start));
  for (; i < nodes.length; i++) {
    const chunkStart = starts[i] as number;
    if (chunkStart >= end) break;
    const node = nodes[i] as Text;
    const length = node.length; // not node.data: a string per node costs more in a content script's world
    const from = Math.max(start, chunkStart) - chunkStart;
    const to = Math.min(end - chunkStart, length);
    if (to > from) out.push({ node, start: from, end: to });
  }
  return out;
}

/** Live Ranges for [start, end) of the extracted text; none for a span that covers no text node. */
export function rangesForOffsets(source: ChunkSource, start: number, end: number): Range[] {
  const ranges: Range[] = [];
  for (const span of spansForOffsets(source, start, end)) {
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
