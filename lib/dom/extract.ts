/**
 * Reads a DOM's visible text into one string, with an offset map back to the
 * text nodes (the Hypothesis approach: join text nodes, search the string,
 * map hits back to Ranges; see ranges.ts). Shared by the content script and
 * the CLI, which runs it on a DOM implementation in Node, so both see the
 * same text.
 *
 * Works with any DOM implementation: it uses only the Node passed in, its
 * ownerDocument and the nodes it reaches, never globals.
 *
 * One pass in document order over the rendered (flat) tree:
 * - text of script/style/noscript/template/svg, form fields, ruby annotations,
 *   contenteditable regions and hidden content is skipped. "Hidden" here is
 *   what an attribute says (`hidden`, an inline `display:none` or
 *   `visibility:hidden`): a computed style per element would cost more than
 *   a bare read of the page (docs/performance.md), so stylesheet-hidden text is filtered per match instead (visibility.ts),
 *   where it costs one lookup per matched node.
 * - open shadow roots are read where they render: a host's shadow tree, and at
 *   a <slot> the light-DOM nodes assigned to it (or its fallback content).
 * - a block element or <br> puts one '\n' in the text (never two in a row);
 *   inline elements add nothing, so `绿水青山<b>就是</b>金山银山` is one run.
 *
 * The walk is iterative (no recursion limit on deep pages) and resumable:
 * `createExtraction(root).step(shouldYield)` stops when `shouldYield()` says
 * so and continues on the next call, so a caller can spread a large page over
 * several short tasks. `extractText(root)` runs it to the end in one go.
 */

/** One text node's place in the extracted string. */
export interface TextChunk {
  node: Text;
  /** Offset of the node's first character in `text`. */
  start: number;
}

/**
 * The offset map in two parallel arrays (no object per text node: a 5 MB page
 * has tens of thousands): `nodes[i]` starts at `starts[i]` of the text.
 */
export interface OffsetMap {
  nodes: readonly Text[];
  starts: readonly number[];
}

export interface ExtractedText extends OffsetMap {
  /** The visible text; block boundaries and <br> become '\n'. */
  text: string;
  /**
   * Text nodes in document order, ascending `start`; the text between chunks is '\n' separators only.
   * Built on first use from `nodes` and `starts`, which hold the same map without an object per node.
   */
  readonly chunks: TextChunk[];
  /** Whether the text holds at least one Han character (a page without any needs no scan). */
  hasHan: boolean;
  /** Open shadow roots the walk entered (to observe their mutations, style their highlights). */
  shadowRoots: ShadowRoot[];
  /**
   * Whether the light tree's text came from one textContent snapshot (the fast way, see
   * createExtraction), false when every node was read on its own (the page changed during the walk).
   */
  fromSnapshot: boolean;
}

export interface Extraction {
  /**
   * Walks on until done (returns true) or until `shouldYield()` returns true
   * (returns false; call again to continue). `shouldYield` is asked every few
   * hundred nodes, so it should be cheap.
   */
  step(shouldYield?: () => boolean): boolean;
  /** The text read so far (all of it once step() returned true). */
  result(): ExtractedText;
  /**
   * The page's text may have changed since the walk began (call it between
   * steps): the rest is read node by node, not from the snapshot taken at
   * the start.
   */
  domChanged(): void;
}

/** What a tag name tells the walk, in one lookup per element (lower-case local names). */
const SKIP = 1; // never page text a reader sees: the element and everything under it are left out
const BLOCK = 2; // starts and ends a line of text; other elements (b, a, span, em, ruby…) are inline
const HOST = 4; // may have a shadow root (the spec's list; plus every custom element, whose name has a '-')

const KIND = new Map<string, number>();
for (const name of [
  'script',
  'style',
  'noscript',
  'template',
  'svg',
  'math',
  'textarea',
  'input',
  'select',
  'option',
  'datalist',
  'iframe',
  'frame',
  'object',
  'embed',
  'canvas',
  'video',
  'audio',
  'head',
  'title',
  'rt',
  'rp',
])
  KIND.set(name, SKIP);
for (const name of [
  'address',
  'article',
  'aside',
  'blockquote',
  'body',
  'br',
  'caption',
  'center',
  'dd',
  'details',
  'dialog',
  'dir',
  'div',
  'dl',
  'dt',
  'fieldset',
  'figcaption',
  'figure',
  'footer',
  'form',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hgroup',
  'hr',
  'html',
  'legend',
  'li',
  'main',
  'menu',
  'nav',
  'ol',
  'p',
  'pre',
  'section',
  'summary',
  'table',
  'tbody',
  'td',
  'tfoot',
  'th',
  'thead',
  'tr',
  'ul',
])
  KIND.set(name, BLOCK);
// https://dom.spec.whatwg.org/#dom-element-attachshadow: the built-in elements that accept a shadow root.
for (const name of ['article', 'aside', 'blockquote', 'body', 'div', 'footer', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6'])
  KIND.set(name, (KIND.get(name) ?? 0) | HOST);
for (const name of ['header', 'main', 'nav', 'p', 'section', 'span']) KIND.set(name, (KIND.get(name) ?? 0) | HOST);

/** The flags of an element name; names not listed are inline, and custom elements (with a '-') may host. */
function kindOf(name: string): number {
  const kind = KIND.get(name);
  if (kind !== undefined) return kind;
  return name.indexOf('-') >= 0 ? HOST : 0;
}

/** CJK Unified Ideographs, extension A and the compatibility block: enough to tell a Chinese page from others. */
const HAN = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/;
const HIDDEN_STYLE = /display\s*:\s*none|visibility\s*:\s*(hidden|collapse)/i;

export function isBlockElement(el: Element): boolean {
  return (kindOf(el.localName) & BLOCK) !== 0;
}

/** Hidden or editable by its attributes (the element's tag aside). */
function skippedByAttributes(el: Element): boolean {
  if (!el.hasAttributes()) return false;
  if (el.hasAttribute('hidden')) return true;
  const editable = el.getAttribute('contenteditable');
  if (editable !== null && editable.toLowerCase() !== 'false') return true;
  const style = el.getAttribute('style');
  return style !== null && HIDDEN_STYLE.test(style);
}

/**
 * Whether the walk leaves out this element and everything under it, judged
 * from the element alone (tag and attributes): cheap enough to ask for every
 * element of a large page.
 */
export function isSkippedElement(el: Element, name: string = el.localName): boolean {
  return (kindOf(name) & SKIP) !== 0 || skippedByAttributes(el);
}

/** Whether `text` holds a Han character. */
export function hasHan(text: string): boolean {
  return HAN.test(text);
}

const CHECK_EVERY = 256;

/** Flags of an open level of the walk. */
const LEVEL_BLOCK = 1; // its owner is a block: closing it ends a line
const LEVEL_SHADOW = 2; // it reads a shadow tree (not in the light tree's textContent)

/** The text a node holds in its light tree (Node.textContent; null for a document, read from its root element). */
function lightText(node: Node): string {
  if (node.nodeType === 9) return (node as Document).documentElement?.textContent ?? '';
  return node.textContent ?? '';
}

/**
 * How the walk reads text, and why.
 *
 * A content script reads the page from an isolated world, where every string
 * a DOM getter returns is converted anew: reading `Text.data` node by node
 * costs about twice a native `textContent` of the whole tree plus the nodes'
 * `length`s (docs/performance.md). So the walk takes the root's light-tree text once
 * (`source`) and, for each text node it keeps, only its length: the node's
 * text is the next `length` characters of `source`, because textContent is
 * the concatenation of the light tree's text (and CDATA) nodes in tree order,
 * the order of the walk. Whatever the walk leaves out (a script, a hidden
 * subtree, a shadow host's light children) is stepped over by its own
 * textContent's length. Consecutive kept text nodes are one slice of
 * `source`, so the joined text is built from a few slices, not one string
 * per node.
 *
 * Text in shadow trees (which textContent does not hold) is read node by
 * node. So is everything after `domChanged()`: a page that changed its text
 * while the walk was paused between slices no longer matches the snapshot.
 * If the snapshot and the walk still disagree at the end (the lengths do not
 * add up), the walk starts over node by node: never a wrong offset map.
 */
export function createExtraction(root: Node): Extraction {
  let parts: string[] = [];
  let nodes: Text[] = [];
  let starts: number[] = [];
  let shadowRoots: ShadowRoot[] = [];
  let han = false;

  // The walk's state between steps; step() works on local copies (V8 keeps locals in registers, while
  // variables shared with a closure are read from memory at every use).
  let length = 0;
  let lastBreak = true; // no separator at the very start
  /** Reading the light tree from the snapshot (true) or node by node (false, for good once set). */
  let fromSource = true;
  let completedFromSource = false;
  let source = '';
  let sourceRead = false;
  let sourcePos = 0; // where the next light-tree text node starts in `source`
  let runFrom = 0; // source[runFrom, sourcePos) is kept text not yet in `parts`
  let inShadow = 0; // open levels that are shadow trees: text there is read node by node
  let next: Node | null = root; // the next node to visit (null: the top level is finished)

  // The stack of open levels: the element (or root) whose children are being read, its flags, and for a
  // level that reads a list (a slot's assigned nodes) the list and the position in it.
  const owners: Node[] = [];
  const flags: number[] = [];
  const lists: (ArrayLike<Node> | null)[] = [];
  const indexes: number[] = [];
  let depth = 0;

  const reset = () => {
    parts = [];
    nodes = [];
    starts = [];
    shadowRoots = [];
    han = false;
    length = 0;
    lastBreak = true;
    fromSource = false;
    source = '';
    sourcePos = runFrom = 0;
    inShadow = 0;
    next = root;
    owners.length = flags.length = lists.length = indexes.length = 0;
    depth = 0;
  };

  const step = (shouldYield?: () => boolean): boolean => {
    if (fromSource && !sourceRead) {
      source = lightText(root);
      sourceRead = true;
    }
    const src = source;
    const useSource = fromSource;
    let n = next;
    let d = depth;
    let len = length;
    let lb = lastBreak;
    let sp = sourcePos;
    let rf = runFrom;
    let sh = inShadow;
    let list: ArrayLike<Node> | null = d > 0 ? (lists[d - 1] as ArrayLike<Node> | null) : null;
    let count = 0;
    let paused = false;
    for (;;) {
      if (n === null) {
        // The top level is finished: close it, and go on after its owner.
        if (d === 0) break;
        d--;
        const f = flags[d] as number;
        if (f & LEVEL_SHADOW) sh--;
        if (f & LEVEL_BLOCK && !lb) {
          if (useSource && sp > rf) parts.push(src.slice(rf, sp));
          rf = sp;
          parts.push('\n');
          len++;
          lb = true;
        }
        if (d === 0) break; // the root itself: its siblings are not ours
        const owner = owners[d] as Node;
        owners[d] = root; // let go of the node
        lists[d] = null;
        list = lists[d - 1] as ArrayLike<Node> | null;
        if (list === null) n = owner.nextSibling;
        else {
          const i = (indexes[d - 1] as number) + 1;
          indexes[d - 1] = i;
          n = i < list.length ? (list[i] ?? null) : null;
        }
        continue;
      }
      if (shouldYield !== undefined && ++count === CHECK_EVERY) {
        count = 0;
        if (shouldYield()) {
          paused = true;
          break;
        }
      }
      const node: Node = n;
      const type = node.nodeType;
      let descend: Node | null | undefined; // set when the node opens a level
      let levelFlags = 0;
      let levelList: ArrayLike<Node> | null = null;
      if (type === 3) {
        if (useSource && sh === 0) {
          const size = (node as Text).length;
          if (size > 0) {
            nodes.push(node as Text);
            starts.push(len);
            len += size;
            sp += size;
            lb = false;
          }
        } else {
          const data = (node as Text).data;
          if (data.length > 0) {
            if (useSource && sp > rf) parts.push(src.slice(rf, sp));
            rf = sp;
            nodes.push(node as Text);
            starts.push(len);
            parts.push(data);
            len += data.length;
            lb = false;
            if (!han) han = HAN.test(data);
          }
        }
      } else if (type === 1) {
        const el = node as Element;
        const name = el.localName; // read once: every DOM property read crosses into the browser
        const kind = kindOf(name);
        let skip = (kind & SKIP) !== 0 || skippedByAttributes(el);
        if (!skip) {
          const block = (kind & BLOCK) !== 0;
          if (block && !lb) {
            if (useSource && sp > rf) parts.push(src.slice(rf, sp));
            rf = sp;
            parts.push('\n');
            len++;
            lb = true;
          }
          levelFlags = block ? LEVEL_BLOCK : 0;
          descend = el.firstChild;
          // A host renders its shadow tree, not its children (they appear through slots).
          if (kind & HOST) {
            const shadow = (el as Element & { shadowRoot?: ShadowRoot | null }).shadowRoot;
            if (shadow) {
              skip = true; // its light text, in the snapshot
              shadowRoots.push(shadow);
              descend = shadow.firstChild;
              levelFlags |= LEVEL_SHADOW;
            }
          } else if (name === 'slot') {
            const assigned = (el as HTMLSlotElement).assignedNodes?.() ?? [];
            if (assigned.length > 0) {
              skip = true;
              levelList = assigned;
              descend = assigned[0] ?? null;
            }
          }
        }
        if (skip && useSource && sh === 0) {
          // Step over the element's light-tree text in the snapshot.
          if (sp > rf) parts.push(src.slice(rf, sp));
          sp += lightText(el).length;
          rf = sp;
        }
      } else if (type === 9 || type === 11) descend = node.firstChild;
      else if (type === 4 && useSource && sh === 0) {
        // CDATA: in textContent, never page text.
        if (sp > rf) parts.push(src.slice(rf, sp));
        sp += (node as CharacterData).length;
        rf = sp;
      }
      if (descend !== undefined) {
        owners[d] = node;
        flags[d] = levelFlags;
        lists[d] = levelList;
        indexes[d] = 0;
        d++;
        if (levelFlags & LEVEL_SHADOW) sh++;
        list = levelList;
        n = descend;
        continue;
      }
      if (d === 0)
        n = null; // the root was a text node
      else if (list === null) n = node.nextSibling;
      else {
        const i = (indexes[d - 1] as number) + 1;
        indexes[d - 1] = i;
        n = i < list.length ? (list[i] ?? null) : null;
      }
    }
    if (useSource && sp > rf) parts.push(src.slice(rf, sp));
    rf = sp;
    next = n;
    depth = d;
    length = len;
    lastBreak = lb;
    sourcePos = sp;
    runFrom = rf;
    inShadow = sh;
    if (paused) return false;
    if (useSource) {
      if (sp !== src.length) {
        // The snapshot and the walk disagree: read it all again, node by node.
        reset();
        return step(shouldYield);
      }
      source = ''; // the parts hold what is needed of it
      completedFromSource = true;
    }
    return true;
  };

  let joined: string | null = null;
  let joinedParts = -1;
  let chunks: TextChunk[] | null = null;
  return {
    step,
    domChanged() {
      // Pending text is always flushed when step() returns, so the snapshot can simply be dropped.
      if (fromSource && !completedFromSource) {
        fromSource = false;
        source = '';
      }
    },
    result() {
      if (joined === null || joinedParts !== parts.length) {
        joined = parts.join('');
        joinedParts = parts.length;
        chunks = null;
        if (!han) han = HAN.test(joined);
      }
      const text = joined;
      const map = { nodes, starts };
      return {
        text,
        nodes: map.nodes,
        starts: map.starts,
        get chunks(): TextChunk[] {
          if (!chunks || chunks.length !== map.nodes.length)
            chunks = map.nodes.map((node, i) => ({ node, start: map.starts[i] as number }));
          return chunks;
        },
        hasHan: han,
        shadowRoots,
        fromSnapshot: completedFromSource,
      };
    },
  };
}

/** The whole visible text under `root`, in one go. */
export function extractText(root: Node): ExtractedText {
  const extraction = createExtraction(root);
  extraction.step();
  return extraction.result();
}
