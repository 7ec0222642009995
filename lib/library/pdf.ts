/**
 * A .pdf file to a document, through pdf.js. pdf.js is large, so this module takes the loaded library as an
 * argument: the Library page imports it lazily (with its worker), the CLI and the tests load the legacy build
 * (loadPdfjsForNode in scripts/ and tests). PDF text comes as positioned runs: runs on one baseline make a
 * line; a line that ends a sentence, or is clearly shorter than the page's lines, ends a paragraph, and the
 * others are joined (a PDF breaks a paragraph into lines; Chinese joins them without a space).
 */
import { createDocument } from './document';
import { fail, type ImportResult, MAX_FILE_BYTES, tooLarge } from './errors';
import type { ImportOptions } from './import';
import { baseName } from './import';
import type { ReferenceDocument } from './types';

/** The part of pdf.js this module uses (pdfjs-dist's `getDocument`). */
export interface PdfJs {
  getDocument(src: { data: Uint8Array; isEvalSupported?: boolean; useSystemFonts?: boolean; verbosity?: number }): {
    promise: Promise<PdfDocumentProxy>;
    destroy(): Promise<void>;
  };
}

interface PdfDocumentProxy {
  numPages: number;
  getPage(n: number): Promise<{
    getTextContent(): Promise<{ items: unknown[] }>;
    cleanup?(): unknown;
  }>;
  getMetadata(): Promise<{ info?: unknown }>;
}

interface TextRun {
  str: string;
  hasEOL?: boolean;
  transform?: number[];
  width?: number;
}

interface PdfLine {
  text: string;
  /** Sum of its runs' widths (page units): a line much narrower than the page's ends its paragraph. */
  width: number;
}

/** Lines of a page's text runs: a new line where a run says so or the baseline moves. */
function linesOf(items: unknown[]): PdfLine[] {
  const lines: PdfLine[] = [];
  let line = '';
  let width = 0;
  let y: number | null = null;
  const flush = () => {
    if (line.length > 0) lines.push({ text: line.replace(/\s+$/, ''), width });
    line = '';
    width = 0;
  };
  for (const raw of items) {
    const run = raw as TextRun;
    if (typeof run.str !== 'string') continue;
    const runY: number | null = run.transform?.[5] ?? y;
    if (y !== null && runY !== null && Math.abs(runY - y) > 2) flush();
    y = runY;
    line += run.str;
    width += run.width ?? run.str.length;
    if (run.hasEOL) flush();
  }
  flush();
  return lines;
}

const ENDS_PARAGRAPH = /[。！？：；”」）!?:]$/;
const STARTS_HEADING =
  /^(第[一二三四五六七八九十百零〇\d]+[部分章节条编]|[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)]|\d{1,2}[.．、](?!\d))/;

/** Lines joined into paragraphs (blank line between paragraphs). */
export function paragraphsFromLines(lines: readonly PdfLine[]): string {
  const widths = lines.map((l) => l.width).sort((a, b) => a - b);
  const full = widths[Math.floor(widths.length * 0.9)] ?? 0;
  const out: string[] = [];
  let current = '';
  for (const { text: raw, width } of lines) {
    const line = raw.trim();
    if (line.length === 0) {
      if (current) out.push(current);
      current = '';
      continue;
    }
    if (current && STARTS_HEADING.test(line)) {
      out.push(current);
      current = '';
    }
    const joinWithSpace = /[A-Za-z0-9]$/.test(current) && /^[A-Za-z0-9]/.test(line);
    current += (joinWithSpace ? ' ' : '') + line;
    if (ENDS_PARAGRAPH.test(line) || width < full * 0.85) {
      out.push(current);
      current = '';
    }
  }
  if (current) out.push(current);
  return out.join('\n\n');
}

function infoString(info: unknown, key: string): string | null {
  const value = (info as Record<string, unknown> | undefined)?.[key];
  return typeof value === 'string' && value.trim().length > 0 ? value.trim() : null;
}

/** A .pdf file's text as a document, or why not (empty, too large, not a readable PDF, no text: scanned pages). */
export async function importPdf(
  pdfjs: PdfJs,
  fileName: string,
  bytes: Uint8Array,
  options: ImportOptions = {},
): Promise<ImportResult<ReferenceDocument>> {
  if (bytes.length === 0) return fail({ code: 'empty', message: 'the file is empty' });
  if (bytes.length > MAX_FILE_BYTES) return tooLarge(bytes.length, MAX_FILE_BYTES, 'bytes');
  let task: ReturnType<PdfJs['getDocument']> | null = null;
  let text: string;
  let info: unknown;
  try {
    // pdf.js takes ownership of (and detaches) the array it is given: a copy keeps the caller's.
    task = pdfjs.getDocument({ data: new Uint8Array(bytes), isEvalSupported: false, verbosity: 0 });
    const doc = await task.promise;
    const pages: string[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      pages.push(paragraphsFromLines(linesOf((await page.getTextContent()).items)));
      page.cleanup?.();
    }
    text = pages.filter((p) => p.length > 0).join('\n\n');
    info = (await doc.getMetadata().catch(() => ({ info: undefined }))).info;
  } catch (error) {
    return fail({
      code: 'corrupt',
      format: 'pdf',
      message: `not a readable PDF file (${(error as Error)?.message ?? 'unknown error'})`,
    });
  } finally {
    void task?.destroy().catch(() => undefined);
  }
  const result = createDocument({
    text,
    hints: { title: infoString(info, 'Title'), author: infoString(info, 'Author'), fileName: baseName(fileName) },
    origin: { kind: 'file', fileName, format: 'pdf' },
    importedAt: options.now,
    colour: options.colour,
  });
  if (!result.ok && result.error.code === 'empty')
    return fail({ code: 'empty', message: 'the PDF has no text (scanned pages need OCR first)' });
  return result;
}
