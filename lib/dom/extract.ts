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
 *   `visibility:hidden`): a computed style per element would cost about 2.4×
 *   a bare read of the page (measured: 64 ms for 64k elements in Chromium),
 *   so stylesheet-hidden text is filtered per match instead (visibility.ts),
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

/**
 * The walk keeps its stack of open elements in parallel arrays that grow once
 * and are reused (no object per element): at each level, either the next
 * sibling to visit, or a list (slot assignments, the root) and an index in it,
 * and whether the level's element is a block (a line break when it closes).
 */
export function createExtraction(root: Node): Extraction {
  const parts: string[] = [];
  const nodes: Text[] = [];
  const starts: number[] = [];
  const shadowRoots: ShadowRoot[] = [];
  let length = 0;
  let lastBreak = true; // no separator at the very start
  let han = false;

  const nexts: (Node | null)[] = [null];
  const lists: (ArrayLike<Node> | null)[] = [[root]];
  const indexes: number[] = [0];
  const blocks: boolean[] = [false];
  let depth = 1;
  const push = (next: Node | null, list: ArrayLike<Node> | null, block: boolean) => {
    nexts[depth] = next;
    lists[depth] = list;
    indexes[depth] = 0;
    blocks[depth] = block;
    depth++;
  };

  const step = (shouldYield?: () => boolean): boolean => {
    let count = 0;
    while (depth > 0) {
      if (shouldYield && ++count === CHECK_EVERY) {
        count = 0;
        if (shouldYield()) return false;
      }
      const top = depth - 1;
      let node: Node | null;
      const list = lists[top];
      if (list) {
        const i = indexes[top] as number;
        node = i < list.length ? (list[i] ?? null) : null;
        indexes[top] = i + 1;
      } else {
        node = nexts[top] as Node | null;
        if (node) nexts[top] = node.nextSibling;
      }
      if (!node) {
        depth = top;
        nexts[top] = null; // let go of the node
        lists[top] = null;
        if (blocks[top] && !lastBreak) {
          parts.push('\n');
          length += 1;
          lastBreak = true;
        }
        continue;
      }
      const type = node.nodeType;
      if (type === 3) {
        const data = (node as Text).data;
        if (data.length === 0) continue;
        nodes.push(node as Text);
        starts.push(length);
        parts.push(data);
        length += data.length;
        lastBreak = false;
        if (!han) han = HAN.test(data);
      } else if (type === 1) {
        const el = node as Element;
        const name = el.localName; // read once: every DOM property read crosses into the browser
        const kind = kindOf(name);
        if (kind & SKIP || skippedByAttributes(el)) continue;
        const block = (kind & BLOCK) !== 0;
        if (block && !lastBreak) {
          parts.push('\n');
          length += 1;
          lastBreak = true;
        }
        // A host renders its shadow tree, not its children (they appear through slots).
        if (kind & HOST) {
          const shadow = (el as Element & { shadowRoot?: ShadowRoot | null }).shadowRoot;
          if (shadow) {
            shadowRoots.push(shadow);
            push(shadow.firstChild, null, block);
            continue;
          }
        } else if (name === 'slot') {
          const assigned = (el as HTMLSlotElement).assignedNodes?.() ?? [];
          if (assigned.length > 0) {
            push(null, assigned, block);
            continue;
          }
        }
        push(el.firstChild, null, block);
      } else if (type === 9 || type === 11) push(node.firstChild, null, false);
    }
    return true;
  };

  let joined: string | null = null;
  let joinedParts = -1;
  let chunks: TextChunk[] | null = null;
  return {
    step,
    result() {
      if (joined === null || joinedParts !== parts.length) {
        joined = parts.join('');
        joinedParts = parts.length;
        chunks = null;
      }
      const text = joined;
      return {
        text,
        nodes,
        starts,
        get chunks(): TextChunk[] {
          if (!chunks || chunks.length !== nodes.length)
            chunks = nodes.map((node, i) => ({ node, start: starts[i] as number }));
          return chunks;
        },
        hasHan: han,
        shadowRoots,
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
