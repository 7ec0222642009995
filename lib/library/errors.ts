/**
 * Why an import was refused: one typed value per reason, so every view says it in its own language and the
 * library stays as it was. `message` is a plain English sentence for logs and the CLI.
 */
export type ImportFormat = 'txt' | 'md' | 'html' | 'docx' | 'pdf';

export type ImportFailure =
  | { code: 'empty'; message: string }
  | { code: 'binary'; message: string }
  | { code: 'undecodable'; message: string }
  | { code: 'too-large'; message: string; size: number; limit: number; unit: 'bytes' | 'characters' }
  | { code: 'corrupt'; message: string; format: 'docx' | 'pdf' }
  | { code: 'unsupported'; message: string; fileName: string }
  | { code: 'duplicate'; message: string; documentId: string; title: string }
  /** `overlap`: the share (0..1) of the new text's 8-character shingles that the existing document has. */
  | { code: 'near-duplicate'; message: string; documentId: string; title: string; overlap: number };

export type ImportResult<T> = { ok: true; value: T } | { ok: false; error: ImportFailure };

/** A file larger than this is refused before it is read: 20 MB (a long report as PDF is a few MB). */
export const MAX_FILE_BYTES = 20 * 1024 * 1024;
/** A document longer than this is refused: 1,000,000 characters (the longest work report has 58,000). */
export const MAX_DOCUMENT_CHARS = 1_000_000;

export const fail = <T>(error: ImportFailure): ImportResult<T> => ({ ok: false, error });
export const ok = <T>(value: T): ImportResult<T> => ({ ok: true, value });

export function tooLarge<T>(size: number, limit: number, unit: 'bytes' | 'characters'): ImportResult<T> {
  return fail({
    code: 'too-large',
    message: `too large: ${size.toLocaleString('en')} ${unit}, the limit is ${limit.toLocaleString('en')}`,
    size,
    limit,
    unit,
  });
}
