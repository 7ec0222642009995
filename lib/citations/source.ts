/**
 * Turns a CitationInput into the facts every format prints: the cleaned quote,
 * the speech's metadata, the section(s) and paragraph(s) the span lies in, and
 * where it was seen. Validation lives here so every format fails the same way.
 */
import { getCorpus } from '../corpus';
import type { Corpus, Section } from '../corpus/types';
import { englishTitles } from './speech-en';
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

export interface CitationSource {
  quote: string;
  title: string;
  /** English translation of the title, for the English styles; null when not known. */
  titleEn: string | null;
  year: number;
  occasion: string;
  /** Null when the span lies outside the numbered paragraphs (the title line). */
  location: CitedLocation | null;
  seenAt: SeenAt | null;
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

/** One line: selections that cross paragraphs carry line breaks, which no citation style wants. */
export function cleanQuote(quote: string): string {
  return stripMarkers(quote).replace(/\s+/g, ' ').trim();
}

/** Double quotation marks inside a quote become single ones (the rule in Chinese and American English alike). */
export function nestQuotes(text: string): string {
  return text.replace(/“/g, '‘').replace(/”/g, '’');
}

/** “text”, with the quotation marks inside it turned to single ones. */
export function quoted(text: string): string {
  return `“${nestQuotes(text)}”`;
}

export function citationSource(input: CitationInput, corpus: Corpus = getCorpus()): CitationSource {
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
  return {
    quote,
    title: corpus.meta.title,
    titleEn: englishTitles(corpus.meta.title)?.title ?? null,
    year: corpus.meta.year,
    occasion: corpus.meta.occasion,
    location,
    seenAt: input.seenAt ? cleanSeenAt(input.seenAt) : null,
  };
}

function cleanSeenAt(seen: SeenAt): SeenAt {
  const url = (seen.url ?? '').trim();
  if (url === '') throw new CitationInputError('the page where the quote was seen has no URL');
  if (!(seen.accessed instanceof Date) || Number.isNaN(seen.accessed.getTime())) {
    throw new CitationInputError('the access date is not a valid date');
  }
  // A page without a <title> is still citable: its URL names it.
  const title =
    stripMarkers(seen.title ?? '')
      .replace(/\s+/g, ' ')
      .trim() || stripMarkers(url);
  return { title, url: stripMarkers(url), accessed: seen.accessed };
}
