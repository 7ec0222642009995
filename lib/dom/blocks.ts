/**
 * Where a change on a live page should be re-read: the nearest block around a
 * changed node (a paragraph, a list item…), so a mutation costs a re-scan of
 * that block, not of the page. Nested roots are merged into the outermost one.
 */
import { isBlockElement, isSkippedElement } from './extract';

/** The nearest block element at or above `node` in its own tree; the tree's root when there is none. */
export function enclosingBlock(node: Node): Node {
  let cur: Node | null = node.nodeType === 1 ? node : node.parentNode;
  let last: Node = node;
  while (cur) {
    if (cur.nodeType === 1 && isBlockElement(cur as Element)) return cur;
    if (cur.nodeType === 9 || cur.nodeType === 11) return cur;
    last = cur;
    cur = cur.parentNode;
  }
  return last;
}

/** The outermost of the given roots: any root inside another one is dropped. Connected roots only. */
export function outermostRoots(nodes: Iterable<Node>): Node[] {
  const unique = [...new Set(nodes)].filter((n) => n.isConnected);
  return unique.filter((n) => !unique.some((other) => other !== n && other.contains(n)));
}

/**
 * Orders two nodes by where they render in the document: nodes in shadow trees
 * compare by their hosts, where compareDocumentPosition alone would call
 * nodes of different trees "disconnected". Negative when `a` comes first.
 */
export function compareDocumentOrder(a: Node, b: Node): number {
  if (a === b) return 0;
  const pathA = hostPath(a);
  const pathB = hostPath(b);
  // Walk from the outermost tree inwards until the two paths part.
  for (let i = 1; i <= Math.min(pathA.length, pathB.length); i++) {
    const x = pathA[pathA.length - i] as Node;
    const y = pathB[pathB.length - i] as Node;
    if (x === y) continue;
    const pos = x.compareDocumentPosition(y);
    if (pos & 8) return 1; // y contains x
    if (pos & 16) return -1; // x contains y
    if (pos & 4) return -1; // y follows x
    if (pos & 2) return 1;
    return 0;
  }
  return pathA.length - pathB.length;
}

/** The node, then the host of its shadow root, then that host's host… */
function hostPath(node: Node): Node[] {
  const path: Node[] = [node];
  for (let root = node.getRootNode() as Node & { host?: Element }; root.host; ) {
    path.push(root.host);
    root = root.host.getRootNode() as Node & { host?: Element };
  }
  return path;
}

/**
 * The block to re-read after `node` changed, or null when the change cannot
 * alter the page's text: a node inside <head>, a script, style, form field,
 * hidden or editable region (what the extractor skips).
 */
export function dirtyRoot(node: Node): Node | null {
  let block: Node | null = null;
  for (let cur: Node | null = node; cur; cur = cur.parentNode) {
    if (cur.nodeType === 1) {
      const el = cur as Element;
      if (el.localName === 'head' || isSkippedElement(el)) return null;
      if (!block && isBlockElement(el)) block = el;
    } else if (cur.nodeType === 9 || cur.nodeType === 11) {
      return block ?? cur;
    }
  }
  return block; // a detached subtree: nothing on the page to re-read unless it has a block
}

/** Whether `node` is `root` or under it, counting shadow trees under `root` (contains() stops at them). */
export function containsFlat(root: Node, node: Node): boolean {
  for (let cur: Node | null = node; cur; ) {
    if (root.contains(cur)) return true;
    const top = cur.getRootNode() as Node & { host?: Element };
    cur = top.host ?? null;
  }
  return false;
}
