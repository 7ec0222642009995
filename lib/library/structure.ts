/**
 * Structure of an imported document: its paragraphs (non-empty lines), sentences (split after 。！？ as the
 * speech's are, closing marks kept), headings (the markers of Chinese official documents, Markdown `#`, or
 * headings the importer already knows, such as HTML's <h1>–<h6>), and slogans (phrases the document sets in
 * “…” or 「…」, as the speech's slogans are found). Offsets are [start, end) into the text.
 */
import type { Span } from '../corpus/types';
import type { DocumentSlogan, DocumentStructure, Heading, KeyPhraseEdits } from './types';

const NUM = '一二三四五六七八九十百零〇两';
/** Heading markers, outermost first: the rank orders kinds found in one document (1 the outermost). */
const MARKERS: readonly { rank: number; pattern: RegExp; titleToStop: boolean }[] = [
  { rank: 1, pattern: new RegExp(`^第[${NUM}\\d]+部分[\\s　、，：:]*`), titleToStop: true },
  { rank: 1, pattern: new RegExp(`^第[${NUM}\\d]+[章编篇][\\s　、，：:]*`), titleToStop: true },
  { rank: 2, pattern: new RegExp(`^第[${NUM}\\d]+节[\\s　、，：:]*`), titleToStop: true },
  { rank: 3, pattern: new RegExp(`^[${NUM}]+、\\s*`), titleToStop: true },
  { rank: 3, pattern: new RegExp(`^第[${NUM}]+，`), titleToStop: true },
  { rank: 4, pattern: new RegExp(`^[（(][${NUM}]+[）)]\\s*`), titleToStop: true },
  { rank: 5, pattern: /^\d{1,2}[.．、](?!\d)\s*/, titleToStop: true },
  { rank: 6, pattern: new RegExp(`^第[${NUM}\\d]+条[\\s　]*`), titleToStop: true },
];
/** A heading's words stop at the first sentence end; longer than this it is a numbered paragraph's opening. */
const HEADING_MAX = 60;
/** Markdown headings rank by their # count, above every marker kind of the text. */
const MARKDOWN = /^(#{1,6})\s+/;

const SENTENCE_END = /[。！？!?]/;
const CLOSERS = /[”’」』）)]/;

export interface KnownHeading extends Span {
  /** 1 (h1) to 6 (h6). */
  level: number;
}

interface Line extends Span {
  text: string;
}

function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  for (const raw of text.split('\n')) {
    lines.push({ text: raw, start, end: start + raw.length });
    start += raw.length + 1;
  }
  return lines;
}

/** The paragraphs of `text`: its non-empty lines, surrounding spaces left out. */
export function paragraphsOf(text: string): Span[] {
  const out: Span[] = [];
  for (const line of splitLines(text)) {
    const lead = line.text.length - line.text.trimStart().length;
    const trimmed = line.text.trim();
    if (trimmed.length === 0) continue;
    out.push({ start: line.start + lead, end: line.start + lead + trimmed.length });
  }
  return out;
}

/** Sentences of each paragraph, split after 。！？ with closing quotation marks and brackets kept. */
export function sentencesOf(text: string, paragraphs: readonly Span[]): Span[] {
  const out: Span[] = [];
  for (const p of paragraphs) {
    let from = p.start;
    for (let i = p.start; i < p.end; i++) {
      if (!SENTENCE_END.test(text.charAt(i))) continue;
      let end = i + 1;
      while (end < p.end && CLOSERS.test(text.charAt(end))) end++;
      out.push({ start: from, end });
      from = end;
      i = end - 1;
      while (from < p.end && /\s/.test(text.charAt(from))) from++;
      i = from - 1;
    }
    if (from < p.end) out.push({ start: from, end: p.end });
  }
  return out;
}

/** Phrases set in “…” or 「…」, grouped by text, in order of first occurrence. */
export function slogansOf(text: string, paragraphs: readonly Span[]): DocumentSlogan[] {
  const byText = new Map<string, DocumentSlogan>();
  const quoted = /“([^“”\n]{1,40})”|「([^「」\n]{1,40})」/g;
  for (const p of paragraphs) {
    const para = text.slice(p.start, p.end);
    for (const m of para.matchAll(quoted)) {
      const inner = (m[1] ?? m[2]) as string;
      if (inner.trim().length === 0) continue;
      const start = p.start + (m.index ?? 0) + 1;
      let slogan = byText.get(inner);
      if (!slogan) {
        slogan = { text: inner, occurrences: [] };
        byText.set(inner, slogan);
      }
      slogan.occurrences.push({ start, end: start + inner.length });
    }
  }
  return [...byText.values()];
}

/** The heading a paragraph opens with, if any: its rank, marker and title. */
function headingOf(text: string, p: Span): { rank: number; label: string; title: string; end: number } | null {
  const line = text.slice(p.start, p.end);
  const md = MARKDOWN.exec(line);
  if (md) {
    const title = line.slice(md[0].length).replace(/\s*#+\s*$/, '');
    return { rank: (md[1] as string).length - 7, label: '', title, end: p.end };
  }
  for (const marker of MARKERS) {
    const m = marker.pattern.exec(line);
    if (!m) continue;
    const rest = line.slice(m[0].length);
    const stop = rest.search(SENTENCE_END);
    const title = stop >= 0 ? rest.slice(0, stop) : rest;
    if (title.trim().length === 0 || title.length > HEADING_MAX) return null;
    return {
      rank: marker.rank,
      label: m[0].trim(),
      title: title.trim(),
      end: p.start + m[0].length + title.length,
    };
  }
  return null;
}

/**
 * Headings of `text` in text order. `known` are headings the importer found in the markup (HTML <h1>…): they
 * rank above every marker of the text. Levels are dense: 1 the outermost kind found in this document.
 */
export function headingsOf(text: string, paragraphs: readonly Span[], known: readonly KnownHeading[] = []): Heading[] {
  const found: (Heading & { rank: number })[] = [];
  const knownAt = new Map(known.map((h) => [h.start, h]));
  for (const p of paragraphs) {
    const mark = knownAt.get(p.start);
    if (mark) {
      // The markup says it is a heading; its words may still open with a marker (一、…).
      const marked = headingOf(text, { start: mark.start, end: mark.end });
      const words = text.slice(mark.start, mark.end).trim();
      found.push({
        start: mark.start,
        end: mark.end,
        rank: mark.level - 7,
        level: 0,
        label: marked && marked.rank > 0 ? marked.label : '',
        title: marked && marked.rank > 0 ? marked.title : words,
      });
      continue;
    }
    const h = headingOf(text, p);
    if (h) found.push({ start: p.start, end: h.end, rank: h.rank, level: 0, label: h.label, title: h.title });
  }
  const ranks = [...new Set(found.map((h) => h.rank))].sort((a, b) => a - b);
  return found.map(({ rank, ...h }) => ({ ...h, level: ranks.indexOf(rank) + 1 }));
}

export function detectStructure(text: string, known: readonly KnownHeading[] = []): DocumentStructure {
  const paragraphs = paragraphsOf(text);
  return {
    headings: headingsOf(text, paragraphs, known),
    paragraphs,
    sentences: sentencesOf(text, paragraphs),
    slogans: slogansOf(text, paragraphs),
  };
}

/**
 * The document's key phrases: the detected slogans without those the reader removed, and the phrases the reader
 * added (with every place the text has them; a phrase the text lacks is kept, with no occurrence).
 */
export function keyPhrasesOf(
  text: string,
  detected: readonly DocumentSlogan[],
  edits: KeyPhraseEdits,
): DocumentSlogan[] {
  const removed = new Set(edits.removed);
  const out = detected.filter((s) => !removed.has(s.text));
  const have = new Set(out.map((s) => s.text));
  for (const phrase of edits.added) {
    if (phrase.length === 0 || have.has(phrase) || removed.has(phrase)) continue;
    have.add(phrase);
    const occurrences: Span[] = [];
    for (let at = text.indexOf(phrase); at >= 0; at = text.indexOf(phrase, at + phrase.length))
      occurrences.push({ start: at, end: at + phrase.length });
    out.push({ text: phrase, occurrences });
  }
  return out;
}
