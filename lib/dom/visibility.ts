/**
 * Whether a text node is rendered, by computed style: the check the extractor
 * leaves out (it would cost a style lookup per element of the page). Asked
 * only for the few nodes that hold a match, with a cache per pass, so its cost
 * follows the number of matches, not the size of the page.
 *
 * Uses the node's own window (ownerDocument.defaultView); on a DOM without
 * computed styles every node counts as visible.
 */

type StyleOf = (el: Element) => { display: string; visibility: string } | null;

export interface VisibilityCache {
  /** Element → whether it and its ancestors allow rendering (display not none). */
  displayed: Map<Element, boolean>;
  /** Parent element → whether its text is painted (the answer of isTextRendered for its text nodes). */
  painted: Map<Element, boolean>;
}

export function createVisibilityCache(): VisibilityCache {
  return { displayed: new Map(), painted: new Map() };
}

type Checkable = Element & { checkVisibility?: (options?: Record<string, boolean>) => boolean };
/** Both names of the visibility option (visibilityProperty since Chrome 121, checkVisibilityCSS before). */
const CHECK_OPTIONS = { visibilityProperty: true, checkVisibilityCSS: true };

function styleReader(node: Node): StyleOf | null {
  const view = node.ownerDocument?.defaultView as (Window & typeof globalThis) | null | undefined;
  const getComputedStyle = view?.getComputedStyle;
  if (typeof getComputedStyle !== 'function') return null;
  return (el) => {
    try {
      return getComputedStyle.call(view, el);
    } catch {
      return null;
    }
  };
}

/** The element's parent in the flat tree: its parent element, or a shadow root's host. */
function flatParent(el: Element): Element | null {
  if (el.parentElement) return el.parentElement;
  const root = el.parentNode as (Node & { host?: Element }) | null;
  return root && root.nodeType === 11 && root.host ? root.host : null;
}

function isDisplayed(el: Element, styleOf: StyleOf, cache: VisibilityCache): boolean {
  const path: Element[] = [];
  let result = true;
  for (let cur: Element | null = el; cur; cur = flatParent(cur)) {
    const known = cache.displayed.get(cur);
    if (known !== undefined) {
      result = known;
      break;
    }
    path.push(cur);
    if (styleOf(cur)?.display === 'none') {
      result = false;
      break;
    }
  }
  // Everything on the path below a display:none element is not displayed either.
  for (const p of path) cache.displayed.set(p, result);
  return result;
}

/** Whether the text node would be painted: no ancestor display:none, and its parent not visibility:hidden. */
export function isTextRendered(node: Text, cache: VisibilityCache = createVisibilityCache()): boolean {
  const parent = node.parentElement;
  if (!parent) return true;
  const known = cache.painted.get(parent);
  if (known !== undefined) return known;
  // Where the browser has Element.checkVisibility, one native call answers for the whole ancestry, instead
  // of a computed style per ancestor. It also says false for an element without a box of its own
  // (display: contents), whose text does paint: a false is confirmed by the computed styles.
  const check = (parent as Checkable).checkVisibility;
  let painted: boolean;
  if (typeof check === 'function' && check.call(parent, CHECK_OPTIONS)) painted = true;
  else painted = renderedByStyles(node, parent, cache);
  cache.painted.set(parent, painted);
  return painted;
}

function renderedByStyles(node: Text, parent: Element, cache: VisibilityCache): boolean {
  const styleOf = styleReader(node);
  if (!styleOf) return true;
  // visibility is inherited, so the parent's computed value is the node's.
  const visibility = styleOf(parent)?.visibility;
  if (visibility === 'hidden' || visibility === 'collapse') return false;
  return isDisplayed(parent, styleOf, cache);
}
