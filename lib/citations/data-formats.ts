/**
 * The reference-manager formats: BibTeX, RIS and CSL-JSON. Written by hand:
 * citation-js (the library for these) strips every Chinese character from its
 * BibTeX output unless a global option is switched off, and then escapes none
 * of LaTeX's special characters; its RIS maps a speech to SOUND (an audio
 * recording); and it costs 174 KB minified for these three formats alone.
 * Each format here is a short, fixed shape for one or two records.
 *
 * Records: the speech (no author field: none is known, and a reference
 * manager then sorts and cites it by title), and when the quote was seen on a
 * page, that page as a second record with its URL and access date. The quote
 * and its place in the speech go in the speech record's note.
 */
import { dateParts, isoDate, risDate } from './dates';
import { locationZh } from './location';
import { type CitationSource, quoted } from './source';

export const SPEECH_KEY_PREFIX = 'speech';

function speechKey(src: CitationSource): string {
  return `${SPEECH_KEY_PREFIX}${src.year}`;
}

function pageKey(accessed: Date): string {
  return `seen${isoDate(accessed).replaceAll('-', '')}`;
}

/** 第二部分 · …，第4段：“quote” */
function speechNote(src: CitationSource): string {
  return src.location ? `${locationZh(src.location)}：${quoted(src.quote)}` : `${quoted(src.quote)}`;
}

// ---------------------------------------------------------------- BibTeX

/** Escapes LaTeX's special characters in a field value; Chinese passes through (for XeLaTeX/biber). */
export function escapeBibtex(value: string): string {
  return value.replace(/[\\{}%&#_$~^]/g, (c) => {
    if (c === '\\') return '\\textbackslash{}';
    if (c === '~') return '\\textasciitilde{}';
    if (c === '^') return '\\textasciicircum{}';
    return `\\${c}`;
  });
}

/** A URL is read verbatim by the url package and biblatex: only braces would break the field. */
function bibtexUrl(url: string): string {
  return url.replace(/[{}]/g, (c) => encodeURIComponent(c));
}

function bibtexEntry(type: string, key: string, fields: [string, string][]): string {
  const body = fields.map(([name, value]) => `  ${name} = {${value}},`).join('\n');
  return `@${type}{${key},\n${body}\n}`;
}

export function formatBibtex(src: CitationSource): string {
  const speech = bibtexEntry('misc', speechKey(src), [
    ['title', escapeBibtex(src.title)],
    ['howpublished', escapeBibtex(`Speech, ${src.occasion}`)],
    ['year', String(src.year)],
    ['language', 'chinese'],
    ['note', escapeBibtex(speechNote(src))],
  ]);
  if (!src.seenAt) return speech;
  const date = isoDate(src.seenAt.accessed);
  const page = bibtexEntry('misc', pageKey(src.seenAt.accessed), [
    ['title', escapeBibtex(src.seenAt.title)],
    ['howpublished', `\\url{${bibtexUrl(src.seenAt.url)}}`],
    ['url', bibtexUrl(src.seenAt.url)],
    ['urldate', date],
    ['note', `[Online; accessed ${date}]`],
  ]);
  return `${speech}\n\n${page}`;
}

// ---------------------------------------------------------------- RIS

function risRecord(tags: [string, string][]): string {
  // Each line "TG  - value"; the record ends with "ER  - ". CRLF as the RIS specification writes.
  return [...tags.map(([tag, value]) => `${tag}  - ${value}`), 'ER  - '].join('\r\n');
}

export function formatRis(src: CitationSource): string {
  // RIS has no type for a speech: GEN (generic) with M3 (type of work) saying what it is.
  const speech = risRecord([
    ['TY', 'GEN'],
    ['TI', src.title],
    ['T2', src.occasion],
    ['PY', String(src.year)],
    ['M3', 'Speech'],
    ['LA', 'zh-CN'],
    ['N1', speechNote(src)],
  ]);
  if (!src.seenAt) return `${speech}\r\n`;
  const page = risRecord([
    ['TY', 'ELEC'],
    ['TI', src.seenAt.title],
    ['UR', src.seenAt.url],
    ['Y2', risDate(src.seenAt.accessed)],
  ]);
  return `${speech}\r\n${page}\r\n`;
}

// ---------------------------------------------------------------- CSL-JSON

export function cslItems(src: CitationSource): Record<string, unknown>[] {
  const items: Record<string, unknown>[] = [
    {
      id: speechKey(src),
      type: 'speech',
      title: src.title,
      genre: 'Speech',
      'event-title': src.occasion,
      issued: { 'date-parts': [[src.year]] },
      language: 'zh-CN',
      note: speechNote(src),
    },
  ];
  if (src.seenAt) {
    items.push({
      id: pageKey(src.seenAt.accessed),
      type: 'webpage',
      title: src.seenAt.title,
      URL: src.seenAt.url,
      accessed: { 'date-parts': [dateParts(src.seenAt.accessed)] },
    });
  }
  return items;
}

export function formatCslJson(src: CitationSource): string {
  return JSON.stringify(cslItems(src), null, 2);
}
