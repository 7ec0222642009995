/**
 * The reference-manager formats: BibTeX, RIS and CSL-JSON. Written by hand:
 * citation-js (the library for these) strips every Chinese character from its
 * BibTeX output unless a global option is switched off, and then escapes none
 * of LaTeX's special characters; its RIS maps a speech to SOUND (an audio
 * recording); and it is large for these three formats alone (docs/performance.md).
 * Each format here is a short, fixed shape for one or two records.
 *
 * Records: the speech (no author field: none is known, and a reference
 * manager then sorts and cites it by title), and when the quote was seen on a
 * page, that page as a second record with its URL and access date (and its
 * author and site when known; no title field when it has none). The quote and
 * its place in the speech go in the speech record's note; for several quotes
 * (copy all) each record appears once, under one key, with every quote and
 * its place in the note. No field says the same thing twice.
 */
import { dateParts, isoDate, risDate } from './dates';
import { locationZh } from './location';
import type { CitationSource, CitedPage } from './source';
import { quoted } from './source';

export const SPEECH_KEY_PREFIX = 'speech';

function speechKey(src: CitationSource): string {
  return `${SPEECH_KEY_PREFIX}${src.year ?? ''}`;
}

function pageKey(accessed: Date): string {
  return `seen${isoDate(accessed).replaceAll('-', '')}`;
}

/** 第二部分“…”，第4段：“quote”, for each quote, joined by ； */
function speechNote(srcs: CitationSource[]): string {
  const notes = srcs.map((s) => (s.location ? `${locationZh(s.location)}：${quoted(s.quote)}` : quoted(s.quote)));
  return [...new Set(notes)].join('；');
}

/** The first source stands for the speech and the page; the others add their quotes to the note. */
function first(srcs: CitationSource[]): CitationSource {
  const src = srcs[0];
  if (!src) throw new RangeError('no citation to format');
  return src;
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

export function formatBibtex(srcs: CitationSource[]): string {
  const src = first(srcs);
  const speech = bibtexEntry('misc', speechKey(src), [
    ...(src.author ? [['author', `{${escapeBibtex(src.author)}}`] as [string, string]] : []),
    ['title', escapeBibtex(src.title)],
    ['howpublished', escapeBibtex(`Speech, ${src.occasion}`)],
    ...(src.year === null ? [] : [['year', String(src.year)] as [string, string]]),
    ['language', 'chinese'],
    ['note', escapeBibtex(speechNote(srcs))],
  ]);
  if (!src.seenAt) return speech;
  const page = bibtexEntry('misc', pageKey(src.seenAt.accessed), pageFields(src.seenAt));
  return `${speech}\n\n${page}`;
}

function pageFields(page: CitedPage): [string, string][] {
  const fields: [string, string][] = [];
  // Double braces: a name BibTeX must not split into first and last names.
  if (page.author) fields.push(['author', `{${escapeBibtex(page.author)}}`]);
  if (page.title) fields.push(['title', escapeBibtex(page.title)]);
  if (page.site) fields.push(['howpublished', escapeBibtex(page.site)]);
  fields.push(['url', bibtexUrl(page.url)], ['urldate', isoDate(page.accessed)]);
  return fields;
}

// ---------------------------------------------------------------- RIS

function risRecord(tags: [string, string][]): string {
  // Each line "TG  - value"; the record ends with "ER  - ". CRLF as the RIS specification writes.
  return [...tags.map(([tag, value]) => `${tag}  - ${value}`), 'ER  - '].join('\r\n');
}

export function formatRis(srcs: CitationSource[]): string {
  const src = first(srcs);
  // RIS has no type for a speech: GEN (generic) with M3 (type of work) saying what it is.
  const speech = risRecord([
    ['TY', 'GEN'],
    ...(src.author ? [['AU', src.author] as [string, string]] : []),
    ['TI', src.title],
    ['T2', src.occasion],
    ...(src.year === null ? [] : [['PY', String(src.year)] as [string, string]]),
    ['M3', 'Speech'],
    ['LA', 'zh-CN'],
    ['N1', speechNote(srcs)],
  ]);
  if (!src.seenAt) return `${speech}\r\n`;
  const seen = src.seenAt;
  const tags: [string, string][] = [['TY', 'ELEC']];
  if (seen.author) tags.push(['AU', seen.author]);
  if (seen.title) tags.push(['TI', seen.title]);
  if (seen.site) tags.push(['T2', seen.site]);
  tags.push(['UR', seen.url], ['Y2', risDate(seen.accessed)]);
  return `${speech}\r\n${risRecord(tags)}\r\n`;
}

// ---------------------------------------------------------------- CSL-JSON

export function cslItems(srcs: CitationSource[]): Record<string, unknown>[] {
  const src = first(srcs);
  const items: Record<string, unknown>[] = [
    {
      id: speechKey(src),
      type: 'speech',
      ...(src.author ? { author: [{ literal: src.author }] } : {}),
      title: src.title,
      genre: 'Speech',
      'event-title': src.occasion,
      ...(src.year === null ? {} : { issued: { 'date-parts': [[src.year]] } }),
      language: 'zh-CN',
      note: speechNote(srcs),
    },
  ];
  const seen = src.seenAt;
  if (seen) {
    items.push({
      id: pageKey(seen.accessed),
      type: 'webpage',
      ...(seen.author ? { author: [{ literal: seen.author }] } : {}),
      ...(seen.title ? { title: seen.title } : {}),
      ...(seen.site ? { 'container-title': seen.site } : {}),
      ...(seen.published ? { issued: { 'date-parts': [dateParts(seen.published)] } } : {}),
      URL: seen.url,
      accessed: { 'date-parts': [dateParts(seen.accessed)] },
    });
  }
  return items;
}

export function formatCslJson(srcs: CitationSource[]): string {
  return JSON.stringify(cslItems(srcs), null, 2);
}
