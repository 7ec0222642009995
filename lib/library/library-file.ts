/**
 * The library as one JSON file, so colleagues share a set of documents: versioned, validated on the way in
 * (valibot), and merged with duplicate detection. A file carries each document's text, metadata, key-phrase
 * edits, colour, origin and enabled flag; its structure and id are derived again from the text on import, so
 * a file cannot smuggle offsets that do not fit its text or an id that does not match it.
 */
import * as v from 'valibot';
import { checkAgainstLibrary, createDocument } from './document';
import type { ImportResult } from './errors';
import type { DocumentMeta, ReferenceDocument } from './types';

export const LIBRARY_FILE_FORMAT = 'yuanwen-library';
export const LIBRARY_FILE_VERSION = 1;

const nullableString = v.nullable(v.pipe(v.string(), v.maxLength(2000)));

const MetaSchema = v.object({
  title: v.pipe(v.string(), v.minLength(1), v.maxLength(2000)),
  englishTitle: nullableString,
  author: nullableString,
  date: v.nullable(v.pipe(v.string(), v.regex(/^\d{4}(-\d{2}(-\d{2})?)?$/))),
  occasion: nullableString,
  publisher: nullableString,
  url: nullableString,
  language: v.pipe(v.string(), v.maxLength(35)),
});

const OriginSchema = v.variant('kind', [
  v.object({ kind: v.literal('builtin') }),
  v.object({ kind: v.literal('paste') }),
  v.object({
    kind: v.literal('file'),
    fileName: v.pipe(v.string(), v.maxLength(1000)),
    format: v.picklist(['txt', 'md', 'html', 'docx', 'pdf']),
    encoding: v.optional(v.string()),
  }),
  v.object({ kind: v.literal('page'), url: v.pipe(v.string(), v.maxLength(4000)) }),
]);

const phrases = v.array(v.pipe(v.string(), v.minLength(1), v.maxLength(200)));

const FileDocumentSchema = v.object({
  id: v.string(),
  text: v.pipe(v.string(), v.minLength(1)),
  meta: MetaSchema,
  keyPhrases: v.object({ added: phrases, removed: phrases }),
  enabled: v.boolean(),
  colour: v.pipe(v.string(), v.maxLength(64)),
  origin: OriginSchema,
  importedAt: v.number(),
});

const LibraryFileSchema = v.object({
  format: v.literal(LIBRARY_FILE_FORMAT),
  version: v.literal(LIBRARY_FILE_VERSION),
  exportedAt: v.string(),
  documents: v.array(FileDocumentSchema),
});

export type LibraryFile = v.InferOutput<typeof LibraryFileSchema>;

/** The library file for `documents` (the built-in speech is never exported: every copy has it). */
export function exportLibrary(documents: readonly ReferenceDocument[], now = Date.now()): LibraryFile {
  return {
    format: LIBRARY_FILE_FORMAT,
    version: LIBRARY_FILE_VERSION,
    exportedAt: new Date(now).toISOString(),
    documents: documents
      .filter((d) => d.origin.kind !== 'builtin')
      .map(({ id, text, meta, keyPhrases, enabled, colour, origin, importedAt }) => ({
        id,
        text,
        meta,
        keyPhrases,
        enabled,
        colour,
        origin,
        importedAt,
      })),
  };
}

export type LibraryFileFailure =
  | { code: 'invalid-json'; message: string }
  | { code: 'not-a-library'; message: string }
  | { code: 'unsupported-version'; message: string; version: unknown }
  | { code: 'invalid'; message: string; issues: string[] };

/** The documents of a library file (as JSON text), validated; structure and ids derived again from each text. */
export function parseLibraryFile(
  json: string,
): { ok: true; documents: ReferenceDocument[] } | { ok: false; error: LibraryFileFailure } {
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch (error) {
    return { ok: false, error: { code: 'invalid-json', message: `not JSON: ${(error as Error).message}` } };
  }
  const record = data as Record<string, unknown> | null;
  if (typeof record !== 'object' || record === null || record.format !== LIBRARY_FILE_FORMAT)
    return { ok: false, error: { code: 'not-a-library', message: 'not a Yuanwen library file' } };
  if (record.version !== LIBRARY_FILE_VERSION)
    return {
      ok: false,
      error: {
        code: 'unsupported-version',
        message: `library file version ${String(record.version)} is not supported (this version reads ${LIBRARY_FILE_VERSION})`,
        version: record.version,
      },
    };
  const parsed = v.safeParse(LibraryFileSchema, data);
  if (!parsed.success) {
    const issues = parsed.issues.slice(0, 10).map((i) => `${v.getDotPath(i) ?? '(file)'}: ${i.message}`);
    return { ok: false, error: { code: 'invalid', message: `invalid library file: ${issues[0]}`, issues } };
  }
  const documents: ReferenceDocument[] = [];
  for (const [k, d] of parsed.output.documents.entries()) {
    const made = createDocument({ text: d.text, origin: d.origin, importedAt: d.importedAt, colour: d.colour });
    if (!made.ok)
      return {
        ok: false,
        error: { code: 'invalid', message: `document ${k + 1}: ${made.error.message}`, issues: [made.error.message] },
      };
    const meta: DocumentMeta = d.meta;
    documents.push({ ...made.value, meta, keyPhrases: d.keyPhrases, enabled: d.enabled });
  }
  return { ok: true, documents };
}

export interface MergeResult {
  /** What to add, in the file's order. */
  added: ReferenceDocument[];
  /** What was left out, and why (the same text, or most of it, is already there or earlier in the file). */
  skipped: { document: ReferenceDocument; reason: ImportResult<null> & { ok: false } }[];
}

/** Merges incoming documents into `existing`: each one not already there (exactly or nearly) is added. */
export function mergeLibrary(
  existing: readonly ReferenceDocument[],
  incoming: readonly ReferenceDocument[],
): MergeResult {
  const have: ReferenceDocument[] = [...existing];
  const added: ReferenceDocument[] = [];
  const skipped: MergeResult['skipped'] = [];
  const shingles = new Map<string, Set<number>>();
  for (const doc of incoming) {
    const check = checkAgainstLibrary(doc, have, shingles);
    if (!check.ok) {
      skipped.push({ document: doc, reason: check });
      continue;
    }
    have.push(doc);
    added.push(doc);
  }
  return { added, skipped };
}
