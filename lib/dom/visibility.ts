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
  /** Parent element → whether no ancestor makes its text transparent or clips it away (isRangeSeen). */
  unhidden: Map<Element, boolean>;
}

export function createVisibilityCache(): VisibilityCache {
  return { displayed: new Map(), painted: new Map(), unhidden: new Map() };
}

type Checkable = Element & { checkVisibility?: (options?: Record<string, boolean>) => boolean };
type Measurable = Range & { getBoundingClientRect?: () => DOMRect };
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

/** Up to this many ancestors are looked at for a box that clips the text away (the "visually hidden" idiom). */
const CLIP_DEPTH = 8;

/**
 * Whether a reader can see the text of a matched Range, beyond what
 * isTextRendered() asks: not transparent (opacity 0 on it or an ancestor), not
 * of zero size, not placed off the page, not clipped to nothing by a tiny box
 * with hidden overflow or an empty clip. A page can plant text it hides these
 * ways as a detector (a match there would tell it the extension runs); such
 * text is neither highlighted nor counted. On a DOM without layout (no
 * bounding boxes) every range counts as seen.
 */
export function isRangeSeen(range: Range, cache: VisibilityCache = createVisibilityCache()): boolean {
  const node = range.startContainer;
  const parent = node.nodeType === 1 ? (node as Element) : node.parentElement;
  if (!parent) return true;
  let unhidden = cache.unhidden.get(parent);
  if (unhidden === undefined) {
    unhidden = !transparent(parent) && !hasLayoutClip(parent);
    cache.unhidden.set(parent, unhidden);
  }
  if (!unhidden) return false;
  const rectOf = (range as Measurable).getBoundingClientRect;
  const view = parent.ownerDocument?.defaultView;
  const root = parent.ownerDocument?.documentElement;
  if (typeof rectOf !== 'function' || !view || !root) return true;
  // A document laid out has a root box; one that is not (a DOM without layout) says nothing about sizes.
  if (root.getBoundingClientRect().width === 0) return true;
  const rect = rectOf.call(range);
  if (rect.width < 1 || rect.height < 1) return false;
  {
    // Off the page: left of or above its origin, or beyond its scrollable extent.
    const left = rect.right + view.scrollX;
    const top = rect.bottom + view.scrollY;
    if (left <= 0 || top <= 0) return false;
    if (rect.left + view.scrollX >= Math.max(root.scrollWidth, view.innerWidth)) return false;
    if (rect.top + view.scrollY >= Math.max(root.scrollHeight, view.innerHeight)) return false;
  }
  return true;
}

function transparent(el: Element): boolean {
  const check = (el as Checkable).checkVisibility;
  if (typeof check !== 'function' || check.call(el, { opacityProperty: true, checkOpacity: true })) return false;
  // False for transparency, or for display: contents (no box of its own): only the first hides the text.
  return opacityZero(el);
}

/** clippedAway(), on a document that has layout (without one, sizes say nothing). */
function hasLayoutClip(el: Element): boolean {
  const view = el.ownerDocument?.defaultView;
  const root = el.ownerDocument?.documentElement;
  if (!view || !root || root.getBoundingClientRect().width === 0) return false;
  return clippedAway(el, view);
}

function opacityZero(el: Element): boolean {
  const view = el.ownerDocument?.defaultView;
  if (!view) return false;
  for (let cur: Element | null = el; cur; cur = flatParent(cur)) {
    try {
      if (Number.parseFloat(view.getComputedStyle(cur).opacity) === 0) return true;
    } catch {
      return false;
    }
  }
  return false;
}

/** An ancestor box of (nearly) no size that hides what overflows it, or clips itself to nothing. */
function clippedAway(el: Element, view: Window): boolean {
  let cur: Element | null = el;
  for (let depth = 0; cur && depth < CLIP_DEPTH; depth++, cur = flatParent(cur)) {
    let style: CSSStyleDeclaration;
    try {
      style = view.getComputedStyle(cur);
    } catch {
      return false;
    }
    const box = cur.getBoundingClientRect();
    const tiny = box.width <= 1 || box.height <= 1;
    if (tiny && style.overflow !== 'visible') return true;
    if (/^rect\(\s*0(px)?[\s,]+0(px)?[\s,]+0(px)?[\s,]+0(px)?\s*\)$/.test(style.clip)) return true;
    if (/inset\(\s*(50|100)%/.test(style.clipPath)) return true;
  }
  return false;
}
