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

export interface ExtractedText {
  /** The visible text; block boundaries and <br> become '\n'. */
  text: string;
  /** Text nodes in document order, ascending `start`; the text between chunks is '\n' separators only. */
  chunks: TextChunk[];
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

/** Elements whose content is never page text a reader sees. Lower-case local names. */
const SKIPPED = new Set([
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
]);

/** Elements that start and end a line of text. Others (b, a, span, em, ruby…) are inline. */
const BLOCKS = new Set([
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
]);

/** CJK Unified Ideographs, extension A and the compatibility block: enough to tell a Chinese page from others. */
const HAN = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/;
const HIDDEN_STYLE = /display\s*:\s*none|visibility\s*:\s*(hidden|collapse)/i;

export function isBlockElement(el: Element): boolean {
  return BLOCKS.has(el.localName);
}

/**
 * Whether the walk leaves out this element and everything under it, judged
 * from the element alone (tag and attributes): cheap enough to ask for every
 * element of a large page.
 */
export function isSkippedElement(el: Element, name: string = el.localName): boolean {
  if (SKIPPED.has(name)) return true;
  if (!el.hasAttributes()) return false;
  if (el.hasAttribute('hidden')) return true;
  const editable = el.getAttribute('contenteditable');
  if (editable !== null && editable.toLowerCase() !== 'false') return true;
  const style = el.getAttribute('style');
  return style !== null && HIDDEN_STYLE.test(style);
}

/** Whether `text` holds a Han character. */
export function hasHan(text: string): boolean {
  return HAN.test(text);
}

/** A list of nodes to visit: either siblings from `next` on, or `list` from `index` on. */
interface Frame {
  next: Node | null;
  list: ArrayLike<Node> | null;
  index: number;
  /** The element whose children these are puts a line break after them. */
  block: boolean;
}

const CHECK_EVERY = 64;

export function createExtraction(root: Node): Extraction {
  const parts: string[] = [];
  const chunks: TextChunk[] = [];
  const shadowRoots: ShadowRoot[] = [];
  let length = 0;
  let lastBreak = true; // no separator at the very start
  let han = false;
  const stack: Frame[] = [{ next: null, list: [root], index: 0, block: false }];

  const lineBreak = () => {
    if (lastBreak) return;
    parts.push('\n');
    length += 1;
    lastBreak = true;
  };

  const visitText = (node: Text) => {
    const data = node.data;
    if (data.length === 0) return;
    chunks.push({ node, start: length });
    parts.push(data);
    length += data.length;
    lastBreak = false;
    if (!han) han = HAN.test(data);
  };

  const visitElement = (el: Element) => {
    const name = el.localName; // read once: every DOM property read crosses into the browser
    if (isSkippedElement(el, name)) return;
    const block = BLOCKS.has(name);
    if (block) lineBreak();
    // A host renders its shadow tree, not its children (they appear through slots).
    const shadow = (el as Element & { shadowRoot?: ShadowRoot | null }).shadowRoot;
    if (shadow) {
      shadowRoots.push(shadow);
      stack.push({ next: shadow.firstChild, list: null, index: 0, block });
      return;
    }
    if (name === 'slot') {
      const assigned = (el as HTMLSlotElement).assignedNodes?.() ?? [];
      if (assigned.length > 0) {
        stack.push({ next: null, list: assigned, index: 0, block });
        return;
      }
    }
    stack.push({ next: el.firstChild, list: null, index: 0, block });
  };

  const step = (shouldYield?: () => boolean): boolean => {
    let count = 0;
    while (stack.length > 0) {
      if (shouldYield && ++count % CHECK_EVERY === 0 && shouldYield()) return false;
      const frame = stack[stack.length - 1] as Frame;
      let node: Node | null;
      if (frame.list) {
        node = frame.index < frame.list.length ? (frame.list[frame.index++] ?? null) : null;
      } else {
        node = frame.next;
        if (node) frame.next = node.nextSibling;
      }
      if (!node) {
        stack.pop();
        if (frame.block) lineBreak();
        continue;
      }
      const type = node.nodeType;
      if (type === 3) visitText(node as Text);
      else if (type === 1) visitElement(node as Element);
      else if (type === 9 || type === 11) stack.push({ next: node.firstChild, list: null, index: 0, block: false });
    }
    return true;
  };

  let joined: string | null = null;
  let joinedParts = -1;
  return {
    step,
    result() {
      if (joined === null || joinedParts !== parts.length) {
        joined = parts.join('');
        joinedParts = parts.length;
      }
      return { text: joined, chunks, hasHan: han, shadowRoots };
    },
  };
}

/** The whole visible text under `root`, in one go. */
export function extractText(root: Node): ExtractedText {
  const extraction = createExtraction(root);
  extraction.step();
  return extraction.result();
}
