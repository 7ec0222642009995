/**
 * HTML and Markdown to plain text with the headings they mark, without a DOM (lib/ runs in the background
 * worker and the CLI alike) and without running anything: script, style and template contents are dropped,
 * block elements end lines, <h1>–<h6> (and Markdown's # lines) become headings of the text.
 */
import type { KnownHeading } from './structure';

export interface MarkedText {
  text: string;
  headings: KnownHeading[];
  /** HTML <title> or the first <h1>; a Markdown document's first # heading. */
  title: string | null;
}

const DROPPED = /<(script|style|noscript|template|svg|math|iframe|object|head)\b[^>]*>[\s\S]*?<\/\1\s*>/gi;
const BLOCK =
  /^(p|div|br|li|ul|ol|tr|td|th|table|thead|tbody|section|article|header|footer|main|aside|nav|blockquote|pre|hr|dd|dt|dl|figure|figcaption|h[1-6]|address|center)$/i;
const NAMED: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
  ldquo: '“',
  rdquo: '”',
  lsquo: '‘',
  rsquo: '’',
  hellip: '…',
  mdash: '—',
  ndash: '–',
  middot: '·',
  bull: '•',
  times: '×',
  copy: '©',
  ensp: '\u2002',
  emsp: '\u3000',
};

export function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, body: string) => {
    if (body[0] === '#') {
      const code = body[1] === 'x' || body[1] === 'X' ? Number.parseInt(body.slice(2), 16) : Number(body.slice(1));
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED[body.toLowerCase()] ?? whole;
  });
}

/** The visible text of an HTML document and its headings. */
export function htmlToText(html: string): MarkedText {
  const titleMatch = /<title\b[^>]*>([\s\S]*?)<\/title\s*>/i.exec(html);
  const body = html
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<![^>]*>|<\?[^>]*>/g, '')
    .replace(DROPPED, '');
  let text = '';
  const headings: KnownHeading[] = [];
  let heading: { level: number; start: number } | null = null;
  let pendingBreak = false;
  const tokens = /<\/?([a-zA-Z][a-zA-Z0-9]*)\b[^>]*>|([^<]+)|</g;
  for (const m of body.matchAll(tokens)) {
    if (m[1] === undefined) {
      let piece = decodeEntities(m[2] ?? '<').replace(/[ \t\r\n\f]+/g, ' ');
      if (pendingBreak && text.length > 0) {
        text = `${text.replace(/[ \u00a0]+$/, '')}\n`;
        pendingBreak = false;
      }
      if (text.length === 0 || text.endsWith('\n')) piece = piece.replace(/^[ \u00a0]+/, '');
      if (piece.length === 0) continue;
      if (heading && heading.start < 0) heading.start = text.length;
      text += piece;
      continue;
    }
    const tag = m[1].toLowerCase();
    if (!BLOCK.test(tag)) continue;
    pendingBreak = true;
    if (!/^h[1-6]$/.test(tag)) continue;
    if (m[0][1] !== '/') heading = { level: Number(tag[1]), start: -1 };
    else if (heading) {
      const end = text.replace(/[ \u00a0]+$/, '').length;
      if (heading.start >= 0 && end > heading.start) headings.push({ start: heading.start, end, level: heading.level });
      heading = null;
    }
  }
  text = text.replace(/[ \u00a0]+$/, '');
  const title = titleMatch
    ? decodeEntities(titleMatch[1] as string)
        .replace(/\s+/g, ' ')
        .trim()
    : null;
  const h1 = headings.find((h) => h.level === 1);
  return { text, headings, title: title || (h1 ? text.slice(h1.start, h1.end) : null) };
}

/** Markdown to text: # lines become headings without their marks; emphasis, links and images are unwrapped. */
export function markdownToText(md: string): MarkedText {
  const out: string[] = [];
  const headings: KnownHeading[] = [];
  let length = 0;
  let inFence = false;
  let title: string | null = null;
  for (const raw of md.replace(/\r\n?/g, '\n').split('\n')) {
    if (/^\s*(```|~~~)/.test(raw)) {
      inFence = !inFence;
      continue;
    }
    let line = raw;
    let level = 0;
    if (!inFence) {
      const h = /^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$/.exec(line);
      if (h) {
        level = (h[1] as string).length;
        line = h[2] as string;
      }
      line = line
        .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
        .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
        .replace(/(\*\*|__)(.+?)\1/g, '$2')
        .replace(/(^|[^*])\*([^*\n]+)\*/g, '$1$2')
        .replace(/`([^`]*)`/g, '$1')
        .replace(/^\s{0,3}>\s?/, '');
    }
    if (level > 0 && line.length > 0) {
      headings.push({ start: length, end: length + line.length, level });
      if (title === null && level === 1) title = line;
    }
    out.push(line);
    length += line.length + 1;
  }
  return { text: out.join('\n'), headings, title };
}
