/**
 * Reads a DOM's visible text into one string, with an offset map back to the
 * text nodes (the Hypothesis approach: join text nodes, search the string,
 * map hits back to Ranges). Shared by the content script and the CLI, which
 * runs it on a DOM implementation in Node, so both see the same text.
 *
 * Works with any DOM implementation: it uses only the Node passed in and its
 * ownerDocument, never globals.
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
  /** Text nodes in document order, ascending `start`. */
  chunks: TextChunk[];
}

const SKIPPED = new Set([
  'SCRIPT',
  'STYLE',
  'NOSCRIPT',
  'TEMPLATE',
  'SVG',
  'TEXTAREA',
  'INPUT',
  'SELECT',
  'OPTION',
  'IFRAME',
  'OBJECT',
  'CANVAS',
]);
const BLOCKS = new Set([
  'ADDRESS',
  'ARTICLE',
  'ASIDE',
  'BLOCKQUOTE',
  'BR',
  'DD',
  'DIV',
  'DL',
  'DT',
  'FIELDSET',
  'FIGCAPTION',
  'FIGURE',
  'FOOTER',
  'FORM',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'HEADER',
  'HR',
  'LI',
  'MAIN',
  'NAV',
  'OL',
  'P',
  'PRE',
  'SECTION',
  'TABLE',
  'TD',
  'TH',
  'TR',
  'UL',
  'BODY',
  'HTML',
]);

/** Basic version: the content-script work (issue 4) extends it with hidden content, shadow roots and slices. */
export function extractText(root: Node): ExtractedText {
  const parts: string[] = [];
  const chunks: TextChunk[] = [];
  let length = 0;
  const push = (s: string) => {
    parts.push(s);
    length += s.length;
  };
  const walk = (node: Node): void => {
    if (node.nodeType === 3) {
      const data = (node as Text).data;
      if (data.length === 0) return;
      chunks.push({ node: node as Text, start: length });
      push(data);
      return;
    }
    if (node.nodeType !== 1 && node.nodeType !== 9 && node.nodeType !== 11) return;
    const tag = node.nodeType === 1 ? (node as Element).tagName.toUpperCase() : '';
    if (SKIPPED.has(tag)) return;
    if (node.nodeType === 1 && ((node as Element).hasAttribute('hidden') || (node as HTMLElement).isContentEditable))
      return;
    const block = BLOCKS.has(tag);
    if (block) push('\n');
    for (let child = node.firstChild; child; child = child.nextSibling) walk(child);
    if (block) push('\n');
  };
  walk(root);
  return { text: parts.join(''), chunks };
}
