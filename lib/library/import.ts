/**
 * Import: bytes or text in, a ReferenceDocument (or why not) out. One entry per source the reader has:
 * a file (.txt .md .html .docx; .pdf is in pdf.ts so only the Library page loads pdf.js), pasted text, and a
 * page's article (the popup extracts it with Readability; this turns its text, title and URL into a
 * document). The CLI's --ref uses the same functions, so the same formats and the same errors.
 * Duplicates are checked separately (document.ts checkAgainstLibrary): the preview comes first. mammoth is
 * imported when a .docx is read, so a bundle that only pastes or adds pages does not carry it.
 */
import { decodeText } from './decode';
import { createDocument } from './document';
import { fail, type ImportFormat, type ImportResult, MAX_FILE_BYTES, tooLarge } from './errors';
import { htmlToText, markdownToText } from './markup';
import type { ReferenceDocument } from './types';

/** The format of a file by its name, or null for one the library cannot read. */
export function formatOf(fileName: string): ImportFormat | null {
  const ext = /\.([a-z0-9]+)$/i.exec(fileName)?.[1]?.toLowerCase() ?? '';
  if (ext === 'txt' || ext === 'text') return 'txt';
  if (ext === 'md' || ext === 'markdown') return 'md';
  if (ext === 'html' || ext === 'htm' || ext === 'xhtml') return 'html';
  if (ext === 'docx') return 'docx';
  if (ext === 'pdf') return 'pdf';
  return null;
}

/** The file's name without directories and extension: a title when the text has none. */
export function baseName(fileName: string): string {
  return (fileName.split(/[\\/]/).pop() ?? fileName).replace(/\.[a-z0-9]+$/i, '');
}

export interface ImportOptions {
  /** Milliseconds since the epoch (tests fix it). */
  now?: number;
  colour?: string;
}

/** A text file's bytes (.txt, .md, .html): decoded (UTF-8, UTF-16, GB18030/GBK), then read as its format. */
export function importTextFile(
  fileName: string,
  bytes: Uint8Array,
  options: ImportOptions = {},
): ImportResult<ReferenceDocument> {
  const format = formatOf(fileName) ?? 'txt';
  if (format === 'docx' || format === 'pdf')
    return fail({ code: 'unsupported', message: `${fileName} is not a text file`, fileName });
  if (bytes.length > MAX_FILE_BYTES) return tooLarge(bytes.length, MAX_FILE_BYTES, 'bytes');
  const decoded = decodeText(bytes);
  if (!decoded.ok) return decoded;
  const { text, encoding } = decoded.value;
  const origin = { kind: 'file', fileName, format, encoding } as const;
  const common = { origin, importedAt: options.now, colour: options.colour };
  if (format === 'txt') return createDocument({ text, hints: { fileName: baseName(fileName) }, ...common });
  const marked = format === 'md' ? markdownToText(text) : htmlToText(text);
  return createDocument({
    text: marked.text,
    headings: marked.headings,
    hints: { title: format === 'html' ? marked.title : null, fileName: marked.title ?? baseName(fileName) },
    ...common,
  });
}

/** A .docx file: its paragraphs and headings through mammoth (Word's heading styles become headings). */
export async function importDocx(
  fileName: string,
  bytes: Uint8Array,
  options: ImportOptions = {},
): Promise<ImportResult<ReferenceDocument>> {
  if (bytes.length === 0) return fail({ code: 'empty', message: 'the file is empty' });
  if (bytes.length > MAX_FILE_BYTES) return tooLarge(bytes.length, MAX_FILE_BYTES, 'bytes');
  const mammoth = (await import('mammoth')).default;
  let html: string;
  try {
    const copy = new Uint8Array(bytes); // a copy with its own buffer (a Node Buffer may be a view of a pool)
    // mammoth reads `buffer` under Node and `arrayBuffer` in a browser bundle.
    const input = { buffer: copy, arrayBuffer: copy.buffer } as unknown as { arrayBuffer: ArrayBuffer };
    html = (await mammoth.convertToHtml(input)).value;
  } catch (error) {
    return fail({
      code: 'corrupt',
      format: 'docx',
      message: `not a readable .docx file (${(error as Error)?.message ?? 'unknown error'})`,
    });
  }
  const marked = htmlToText(html);
  return createDocument({
    text: marked.text,
    headings: marked.headings,
    hints: { fileName: baseName(fileName) },
    origin: { kind: 'file', fileName, format: 'docx' },
    importedAt: options.now,
    colour: options.colour,
  });
}

/** Any supported file but .pdf (see pdf.ts): by its name's extension. */
export async function importFile(
  fileName: string,
  bytes: Uint8Array,
  options: ImportOptions = {},
): Promise<ImportResult<ReferenceDocument>> {
  const format = formatOf(fileName);
  if (format === 'docx') return importDocx(fileName, bytes, options);
  if (format === 'pdf' || format === null)
    return fail({
      code: 'unsupported',
      message: format === 'pdf' ? 'PDF files are read by importPdf' : `unsupported file type: ${fileName}`,
      fileName,
    });
  return importTextFile(fileName, bytes, options);
}

/** Text the reader pasted. */
export function importPaste(
  text: string,
  options: ImportOptions & { title?: string } = {},
): ImportResult<ReferenceDocument> {
  return createDocument({
    text,
    hints: { title: options.title ?? null },
    origin: { kind: 'paste' },
    importedAt: options.now,
    colour: options.colour,
  });
}

export interface PageArticle {
  /** Readability's textContent (or the page's text). */
  text: string;
  /** Readability's title, else the page's. */
  title: string;
  url: string;
  /** Readability's byline and siteName, when it found them. */
  byline?: string | null;
  siteName?: string | null;
  /** Readability's lang, when found. */
  language?: string | null;
}

/** "Add this page to the library": the article's main text as a document citing the page. */
export function importArticle(article: PageArticle, options: ImportOptions = {}): ImportResult<ReferenceDocument> {
  // Readability's textContent keeps the markup's indentation: lines are trimmed and blank runs collapsed.
  const text = article.text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => line.trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n');
  return createDocument({
    text,
    hints: {
      title: article.title,
      url: article.url,
      author: article.byline?.trim() || null,
      publisher: article.siteName?.trim() || null,
      language: article.language?.trim() || null,
    },
    origin: { kind: 'page', url: article.url },
    importedAt: options.now,
    colour: options.colour,
  });
}
