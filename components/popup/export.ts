/**
 * A tab's matches as JSON and CSV files, for the popup's export. Pure: the
 * popup turns the string into a download; nothing leaves the browser.
 */
import { csvField } from '../../lib/csv';
import type { DiffSegment, PopupItem } from './popup-model';

export interface ExportSource {
  page: { url: string; title: string };
  speechTitle: string;
  /** When the export was made (ISO 8601 in the JSON). */
  exportedAt: Date;
  items: readonly PopupItem[];
}

/** What the popup calls the match: a near-verbatim quote is its own kind here, not a passage. */
export type ExportedKind = PopupItem['kind'] | 'near-verbatim';

export interface ExportedMatch {
  order: number;
  kind: ExportedKind;
  quote: string;
  /** The speech's text of [speechStart, speechEnd), with a quotation mark the span cuts off restored. */
  speechText: string;
  speechStart: number;
  speechEnd: number;
  section: string | null;
  sectionHeading: string | null;
  paragraph: number | null;
  /** 1 for verbatim; rounded to three decimals. */
  similarity: number;
  /** Near-verbatim only: the differences, in the popup's terms. */
  diff: PopupItem['diff'];
}

export interface ExportDocument {
  format: 'yuanwen-matches';
  version: 1;
  exportedAt: string;
  page: { url: string; title: string };
  speech: { title: string };
  matches: ExportedMatch[];
}

/** Opening and closing quotation marks as the speech sets them. */
const QUOTE_PAIRS: readonly [string, string][] = [
  ['“', '”'],
  ['‘', '’'],
  ['「', '」'],
  ['『', '』'],
];

/**
 * The matched speech text with its quotation marks balanced: a span that
 * opens a quotation and ends at its last character (the matcher skips
 * punctuation, so spans end on a character) gets the closing mark that
 * follows it in the speech, and likewise the opening mark before it.
 */
export function balancedSpeechText(matched: string, before: string, after: string): string {
  let text = matched;
  for (const [open, close] of QUOTE_PAIRS) {
    const opens = text.split(open).length - 1;
    const closes = text.split(close).length - 1;
    if (opens > closes && after.startsWith(close)) text += close;
    else if (closes > opens && before.endsWith(open)) text = open + text;
  }
  return text;
}

/** The differences as one line of text: same text as is, [+added], [−dropped], [speech→page]. */
export function diffText(segments: readonly DiffSegment[] | null): string {
  if (!segments) return '';
  return segments
    .map((s) =>
      s.type === 'same'
        ? s.text
        : s.type === 'inserted'
          ? `[+${s.text}]`
          : s.type === 'dropped'
            ? `[−${s.text}]`
            : `[${s.from}→${s.to}]`,
    )
    .join('');
}

/** Similarity as exported: three decimals are all a reader can use (0.943, not 0.9433962264150944). */
export function roundSimilarity(similarity: number): number {
  return Math.round(similarity * 1000) / 1000;
}

function exportedMatch(item: PopupItem): ExportedMatch {
  const { context } = item;
  return {
    order: item.order + 1,
    kind: item.nearVerbatim ? 'near-verbatim' : item.kind,
    quote: item.quote,
    speechText: balancedSpeechText(context.matched, context.lead || context.before, context.tail || context.after),
    speechStart: item.speechStart,
    speechEnd: item.speechEnd,
    section: item.section?.label ?? null,
    sectionHeading: item.section?.heading ?? null,
    paragraph: item.paragraph,
    similarity: roundSimilarity(item.similarity),
    diff: item.diff,
  };
}

export function toExportDocument(source: ExportSource): ExportDocument {
  return {
    format: 'yuanwen-matches',
    version: 1,
    exportedAt: source.exportedAt.toISOString(),
    page: { url: source.page.url, title: source.page.title },
    speech: { title: source.speechTitle },
    matches: [...source.items].sort((a, b) => a.order - b.order).map(exportedMatch),
  };
}

export function toJson(source: ExportSource): string {
  return `${JSON.stringify(toExportDocument(source), null, 2)}\n`;
}

export const CSV_COLUMNS = [
  'order',
  'kind',
  'quote',
  'speech_text',
  'section',
  'section_heading',
  'paragraph',
  'speech_start',
  'speech_end',
  'similarity',
  'diff',
  'page_title',
  'page_url',
] as const;

/** CSV with a header row and CRLF line ends, prefixed with a BOM so spreadsheets read the Chinese as UTF-8. */
export function toCsv(source: ExportSource): string {
  const doc = toExportDocument(source);
  const rows = doc.matches.map((m) =>
    [
      m.order,
      m.kind,
      m.quote,
      m.speechText,
      m.section,
      m.sectionHeading,
      m.paragraph,
      m.speechStart,
      m.speechEnd,
      m.similarity,
      diffText(m.diff),
      doc.page.title,
      doc.page.url,
    ]
      .map(csvField)
      .join(','),
  );
  return `\uFEFF${[CSV_COLUMNS.join(','), ...rows].join('\r\n')}\r\n`;
}

/** A file name for the export: yuanwen-<host>-<yyyy-mm-dd>.<ext>. */
export function exportFileName(pageUrl: string, date: Date, ext: 'json' | 'csv'): string {
  let host = 'page';
  try {
    host = new URL(pageUrl).hostname.replace(/[^a-z0-9.-]/gi, '_') || 'page';
  } catch {
    // keep 'page'
  }
  const pad = (n: number) => String(n).padStart(2, '0');
  const day = `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
  return `yuanwen-${host}-${day}.${ext}`;
}
