/**
 * Turns a CitationInput into the facts every format prints: the cleaned quote,
 * the speech's metadata, the section(s) and paragraph(s) the span lies in, and
 * where it was seen. Validation lives here so every format fails the same way.
 */
import { getCorpus } from '../corpus';
import type { Corpus, Section } from '../corpus/types';
import { yearOf } from '../library/corpus-view';
import { type EnglishTitle, englishTitles } from './speech-en';
import type { CitationInput, SeenAt } from './types';

export class CitationInputError extends Error {
  override name = 'CitationInputError';
}

export interface CitedLocation {
  /** The sections the span touches, in order (one, unless it crosses a part). */
  sections: Section[];
  firstParagraph: number;
  lastParagraph: number;
}

/** The page where the quote was seen, as the formats print it. */
export interface CitedPage {
  /** The page's title, site suffix included; null when the page has none (each style then describes it). */
  title: string | null;
  url: string;
  accessed: Date;
  /** The byline or <meta name="author">; null when unknown. */
  author: string | null;
  /** The site's name, given or read from the title's suffix; null when unknown. */
  site: string | null;
  /** The page's own date, when known. */
  published: Date | null;
}

export interface CitationSource {
  quote: string;
  title: string;
  /** English translation of the title, for the English styles; null when not known. */
  titleEn: EnglishTitle | null;
  /** Null when the document states no date: each style then prints its "no date" form. */
  year: number | null;
  occasion: string;
  /** The speaker or author a library document names; null for the speech (unnamed) and when unknown. */
  author: string | null;
  /** Null when the span lies outside the numbered paragraphs (the title line). */
  location: CitedLocation | null;
  seenAt: CitedPage | null;
}

/**
 * Italic runs in a formatter's output are wrapped in two private-use
 * characters; formatCitation drops them (plain text), formatCitationHtml turns
 * them into <i> (rich text for word processors, where APA's italics survive).
 */
export const ITALIC_OPEN = '\uE000';
export const ITALIC_CLOSE = '\uE001';
const MARKERS = /[\uE000\uE001]/g;

export function italic(text: string): string {
  return `${ITALIC_OPEN}${text}${ITALIC_CLOSE}`;
}

export function stripMarkers(text: string): string {
  return text.replace(MARKERS, '');
}

// C0 and C1 controls (line breaks, tabs), line and paragraph separators, and the italic markers:
// nothing that could end a line or a record.
const BREAKS = /[\p{Cc}\u2028\u2029\uE000\uE001]+/gu;
const BREAK = /[\p{Cc}\u2028\u2029\uE000\uE001]/u;
const BLANK_RUN = /[\s\p{Cc}\u2028\u2029\uE000\uE001]+/gu;
// Han characters and CJK or full-width punctuation: a line break between two of them joins without a space.
const CJK = /[\p{Script=Han}\u3000-\u303f\uff00-\uffef\u2018-\u201f\u2014\u2026]/u;

/**
 * One line, for any field: line breaks and control characters go. Where a
 * line break stood between Chinese characters (a quote across two
 * paragraphs) the text joins without a space; elsewhere a run of blanks is
 * one space, so Latin words and a page's own spaces (本报记者 李明) stay apart.
 */
export function oneLine(text: string): string {
  return text
    .replace(BLANK_RUN, (run: string, at: number, whole: string) => {
      if (!BREAK.test(run)) return ' ';
      const before = whole[at - 1] ?? '';
      const after = whole[at + run.length] ?? '';
      return CJK.test(before) && CJK.test(after) ? '' : ' ';
    })
    .trim();
}

/** The cleaned quote. */
export function cleanQuote(quote: string): string {
  return oneLine(quote);
}

/**
 * Double quotation marks inside a quote become single ones (the rule in
 * Chinese and American English alike); straight ones become curly singles in pairs.
 */
export function nestQuotes(text: string): string {
  let open = true;
  return text
    .replace(/“/g, '‘')
    .replace(/”/g, '’')
    .replace(/"/g, () => {
      const mark = open ? '‘' : '’';
      open = !open;
      return mark;
    });
}

/** “text”, with the quotation marks inside it turned to single ones. */
export function quoted(text: string): string {
  return `“${nestQuotes(text)}”`;
}

export function citationSource(input: CitationInput, speech: Corpus = getCorpus()): CitationSource {
  const corpus = input.document?.corpus ?? speech;
  const quote = cleanQuote(input.quote ?? '');
  if (quote === '') throw new CitationInputError('the quote is empty');
  const { speechStart: start, speechEnd: end } = input;
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end <= start || end > corpus.text.length) {
    throw new CitationInputError(
      `the speech span ${start}-${end} is not a span of the speech (0-${corpus.text.length})`,
    );
  }
  const paragraphs = corpus.paragraphs.filter((p) => p.start < end && p.end > start);
  const first = paragraphs[0];
  const last = paragraphs[paragraphs.length - 1];
  const location: CitedLocation | null =
    first && last
      ? {
          sections: corpus.sections.filter((s) => s.index >= first.section && s.index <= last.section),
          firstParagraph: first.number,
          lastParagraph: last.number,
        }
      : null;
  const meta = input.document?.meta;
  return {
    quote,
    title: meta ? oneLine(meta.title) : corpus.meta.title,
    titleEn: meta
      ? meta.englishTitle
        ? { sentenceCase: oneLine(meta.englishTitle), titleCase: oneLine(meta.englishTitle) }
        : null
      : englishTitles(corpus.meta.title),
    year: knownYear(meta ? yearOf(meta.date) : corpus.meta.year),
    occasion: meta ? oneLine(meta.occasion ?? meta.publisher ?? '') : corpus.meta.occasion,
    author: meta?.author ? oneLine(meta.author) : null,
    location,
    seenAt: input.seenAt ? cleanSeenAt(input.seenAt) : null,
  };
}

// A site suffix of a title: 标题--人民网, 标题_新华网, 标题 | 澎湃新闻, 标题 - 新浪新闻.
const SITE_SUFFIX = /^(.*\S)\s*(?:--|_|\s-\s|[|｜])\s*([^|｜_]{2,16}?)\s*$/u;

/** The site named at the end of a page title, or null. */
export function siteFromTitle(title: string): string | null {
  const m = SITE_SUFFIX.exec(title);
  return m?.[1] && m[2] && !m[2].includes('--') ? m[2] : null;
}

function knownYear(year: number): number | null {
  return Number.isInteger(year) ? year : null;
}

function validDate(d: unknown): d is Date {
  return d instanceof Date && !Number.isNaN(d.getTime());
}

function cleanSeenAt(seen: SeenAt): CitedPage {
  // A URL has no spaces: line breaks and controls go, spaces are percent-encoded.
  const url = (seen.url ?? '').replace(BREAKS, '').trim().replace(/\s/g, '%20');
  if (url === '') throw new CitationInputError('the page where the quote was seen has no URL');
  if (!validDate(seen.accessed)) {
    throw new CitationInputError('the access date is not a valid date');
  }
  const title = oneLine(seen.title ?? '') || null;
  return {
    title,
    url,
    accessed: seen.accessed,
    author: oneLine(seen.author ?? '') || null,
    site: oneLine(seen.site ?? '') || (title ? siteFromTitle(title) : null),
    published: validDate(seen.published) ? seen.published : null,
  };
}
