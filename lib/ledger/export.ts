/**
 * The ledger out and in: CSV (one row per quote), JSON (the entries, as the
 * import reads them back), CSL-JSON (the quoting pages as web sources, for a
 * reference manager). An import is validated field by field (valibot) and
 * merged without duplicates: a page is its URL, a quote its document, span
 * and wording.
 */
import * as v from 'valibot';
import { csvField } from '../csv';
import { MATCH_RULES } from '../match/types';
import { mergeEntries, siteOf } from './record';
import type { LedgerEntry } from './types';

export const LEDGER_FORMAT = 'yuanwen-ledger';
export const LEDGER_EXPORT_VERSION = 1;

export interface LedgerExport {
  format: typeof LEDGER_FORMAT;
  version: typeof LEDGER_EXPORT_VERSION;
  exportedAt: string;
  entries: LedgerEntry[];
}

export const LEDGER_CSV_COLUMNS = [
  'page_url',
  'page_title',
  'site',
  'first_seen',
  'last_seen',
  'document',
  'start',
  'end',
  'kind',
  'rule',
  'similarity',
  'page_wording',
  'diff',
  'link',
  'starred',
  'note',
] as const;

const iso = (ms: number) => new Date(ms).toISOString();

/** CSV with a header row and CRLF line ends, prefixed with a BOM so spreadsheets read the Chinese as UTF-8. */
export function ledgerToCsv(entries: readonly LedgerEntry[]): string {
  const rows: string[] = [];
  for (const e of entries) {
    for (const q of e.quotes) {
      rows.push(
        [
          e.url,
          e.title,
          e.site,
          iso(q.firstSeen),
          iso(q.lastSeen),
          q.documentId,
          q.start,
          q.end,
          q.kind,
          q.rule,
          q.similarity,
          q.quote,
          q.diffSummary,
          q.link,
          e.starred,
          e.note,
        ]
          .map(csvField)
          .join(','),
      );
    }
  }
  return `\uFEFF${[LEDGER_CSV_COLUMNS.join(','), ...rows].join('\r\n')}\r\n`;
}

export function ledgerToJson(entries: readonly LedgerEntry[], now: Date): string {
  const doc: LedgerExport = {
    format: LEDGER_FORMAT,
    version: LEDGER_EXPORT_VERSION,
    exportedAt: now.toISOString(),
    entries: [...entries],
  };
  return `${JSON.stringify(doc, null, 1)}\n`;
}

function dateParts(ms: number): [number, number, number] {
  const d = new Date(ms);
  return [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()];
}

/** The quoting pages as CSL-JSON web sources ("webpage"), accessed when last seen. */
export function ledgerToCslJson(entries: readonly LedgerEntry[]): string {
  const items = entries.map((e, i) => ({
    id: `yuanwen-ledger-${i + 1}`,
    type: 'webpage',
    title: e.title || e.url,
    'container-title': e.site,
    URL: e.url,
    accessed: { 'date-parts': [dateParts(e.lastSeen)] },
    ...(e.note ? { note: e.note } : {}),
  }));
  return `${JSON.stringify(items, null, 1)}\n`;
}

const MAX_TEXT = 100_000;
const time = v.pipe(v.number(), v.finite(), v.minValue(0));
const offset = v.pipe(v.number(), v.integer(), v.minValue(0));

const QuoteSchema = v.object({
  documentId: v.pipe(v.string(), v.minLength(1), v.maxLength(200)),
  start: offset,
  end: offset,
  kind: v.picklist(['slogan', 'passage']),
  rule: v.picklist(MATCH_RULES),
  similarity: v.pipe(v.number(), v.minValue(0), v.maxValue(1)),
  quote: v.pipe(v.string(), v.maxLength(MAX_TEXT)),
  diffSummary: v.pipe(v.string(), v.maxLength(MAX_TEXT)),
  link: v.pipe(v.string(), v.maxLength(MAX_TEXT)),
  firstSeen: time,
  lastSeen: time,
});

const EntrySchema = v.object({
  url: v.pipe(v.string(), v.url(), v.maxLength(MAX_TEXT)),
  title: v.pipe(v.string(), v.maxLength(MAX_TEXT)),
  site: v.optional(v.string(), ''),
  firstSeen: time,
  lastSeen: time,
  quotes: v.array(QuoteSchema),
  note: v.optional(v.pipe(v.string(), v.maxLength(MAX_TEXT)), ''),
  starred: v.optional(v.boolean(), false),
});

const ExportSchema = v.object({
  format: v.literal(LEDGER_FORMAT),
  version: v.literal(LEDGER_EXPORT_VERSION),
  entries: v.array(EntrySchema),
});

export class LedgerImportError extends Error {
  override name = 'LedgerImportError';
}

/** The entries of a JSON export; throws LedgerImportError saying what is wrong (nothing is imported then). */
export function parseLedgerJson(text: string): LedgerEntry[] {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new LedgerImportError(`Not JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  const result = v.safeParse(ExportSchema, raw);
  if (!result.success) {
    const issue = result.issues[0];
    const path = issue?.path?.map((p) => String(p.key)).join('.') ?? '';
    throw new LedgerImportError(`Not a Yuanwen ledger export${path ? ` (at ${path})` : ''}: ${issue?.message ?? ''}`);
  }
  return result.output.entries.map((e) => ({
    ...e,
    url: e.url.split('#')[0] as string,
    site: e.site || siteOf(e.url),
    quotes: e.quotes.filter((q) => q.end >= q.start),
  }));
}

/** Imported entries merged into the ledger's: the merged entry for each page the import touches. */
export function mergeImport(
  existing: ReadonlyMap<string, LedgerEntry>,
  imported: readonly LedgerEntry[],
): LedgerEntry[] {
  const out = new Map<string, LedgerEntry>();
  for (const entry of imported) {
    const base = out.get(entry.url) ?? existing.get(entry.url);
    out.set(entry.url, base ? mergeEntries(base, entry) : entry);
  }
  return [...out.values()];
}
