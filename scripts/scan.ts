/**
 * Scan files for quotes of the speech and of other reference documents, from the command line.
 *
 *   npm run scan -- [--json] [--ref DOC]... [--library LIB.json] [--no-builtin] FILE...
 *                                        (`-` reads standard input)
 *
 * --ref DOC adds a reference document read by the library's own import code (lib/library: .txt in UTF-8,
 * UTF-16 or GB18030/GBK, .md, .html, .docx, .pdf), with the same refusals (empty, binary, undecodable, too
 * large, corrupt, duplicate); --library adds every document of a library file (as the Library page exports
 * it); --no-builtin leaves the speech out.
 *
 * HTML files are read the way the content script reads a page: parsed by a
 * DOM implementation (happy-dom, scripts never run, nothing fetched) and
 * walked by lib/dom/extract.ts from <body>, so CLI and extension see the same
 * text and report the same offsets. Text and Markdown files are scanned as is.
 *
 * --json prints one object per file, one per line:
 *   {"file", "matches": [{"quote", "start", "end", "kind", "similarity", "rule", "distinctiveness",
 *     "source": {"document": {"id", "title"}, "text", "section": {"index", "title"}, "paragraph", "sentence"},
 *     "alsoIn": [{"document": {"id", "title"}, "text"}]}]}
 * (section: the speech's section, or for another document the heading the passage falls under, index 0 and
 * its title before any; alsoIn: the other documents that have the passage.)
 * with start/end indexing the extracted text. A file that cannot be read, is
 * binary or empty gets a one-line error on stderr naming it; the others are
 * still scanned, and the exit status is 1.
 */
import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Window } from 'happy-dom';
import { getCorpus } from '../lib/corpus';
import { extractText } from '../lib/dom/extract';
import { checkAgainstLibrary } from '../lib/library/document';
import type { ImportFailure } from '../lib/library/errors';
import { formatOf, importFile } from '../lib/library/import';
import { parseLibraryFile } from '../lib/library/library-file';
import { buildLibraryIndex } from '../lib/library/library-index';
import { createLibraryMatcher, type LibraryMatcher } from '../lib/library/matcher';
import { importPdf, type PdfJs } from '../lib/library/pdf';
import { type ReferenceDocument, SPEECH_DOCUMENT_ID } from '../lib/library/types';
import { createSpeechMatcher, type Match, type ScanOptions } from '../lib/match';

const speechMatcher = createSpeechMatcher();

export class InputError extends Error {}

const HTML_EXTENSIONS = new Set(['.html', '.htm', '.xhtml', '.shtml']);
const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Reads a file (or stdin for '-') to the text a scan sees; throws InputError with a user-facing reason. */
export function readInput(file: string): string {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file === '-' ? 0 : file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason =
      code === 'ENOENT'
        ? 'no such file'
        : code === 'EISDIR'
          ? 'is a directory'
          : code === 'EACCES'
            ? 'permission denied'
            : ((error as Error).message ?? 'cannot read');
    throw new InputError(reason);
  }
  if (bytes.length === 0) throw new InputError('empty input');
  if (bytes.subarray(0, 8192).includes(0)) throw new InputError('binary file (not text)');
  let raw: string;
  try {
    raw = utf8.decode(bytes);
  } catch {
    throw new InputError('not valid UTF-8 text');
  }
  if (raw.charCodeAt(0) === 0xfeff) raw = raw.slice(1);
  const text = isHtml(file, raw) ? htmlText(raw) : raw;
  if (text.trim().length === 0) throw new InputError('no text to scan');
  return text;
}

function isHtml(file: string, raw: string): boolean {
  if (HTML_EXTENSIONS.has(extname(file).toLowerCase())) return true;
  if (file !== '-' && extname(file) !== '') return false;
  return /^\s*(<!doctype html|<html[\s>])/i.test(raw);
}

/** The visible text of an HTML document, as the content script extracts it. */
export function htmlText(html: string): string {
  const window = new Window({
    settings: {
      disableJavaScriptEvaluation: true,
      disableJavaScriptFileLoading: true,
      disableCSSFileLoading: true,
      disableComputedStyleRendering: true,
      navigation: {
        disableMainFrameNavigation: true,
        disableChildFrameNavigation: true,
        disableChildPageNavigation: true,
      },
    },
  });
  try {
    const doc = new window.DOMParser().parseFromString(html, 'text/html');
    const root = doc.body ?? doc.documentElement;
    return extractText(root as unknown as Node).text;
  } finally {
    void window.happyDOM.close();
  }
}

export interface JsonDocument {
  id: string;
  title: string;
}

export interface JsonMatch {
  quote: string;
  start: number;
  end: number;
  kind: Match['kind'];
  similarity: number;
  /** The rule that accepted the match (lib/match/rules.ts). */
  rule: Match['rule'];
  /** 0..1: how much the quoted words say beyond stock phrasing. */
  distinctiveness: number;
  diff?: Match['diff'];
  source: {
    document: JsonDocument;
    text: string;
    section: { index: number; title: string };
    paragraph: number;
    sentence: string;
  };
  /** Other documents with the same passage. */
  alsoIn?: { document: JsonDocument; text: string }[];
}

/** Where a span of a library document stands: the heading it falls under, its paragraph and sentence. */
function locateInDocument(doc: ReferenceDocument, offset: number): Omit<JsonMatch['source'], 'document' | 'text'> {
  const { headings, paragraphs, sentences } = doc.structure;
  let section = { index: 0, title: '' };
  headings.forEach((h, k) => {
    if (h.start <= offset) section = { index: k + 1, title: `${h.label}${h.title}` };
  });
  const paragraph = paragraphs.findIndex((p) => p.start <= offset && offset < p.end) + 1;
  const sentence = sentences.find((s) => s.start <= offset && offset < s.end);
  return { section, paragraph, sentence: sentence ? doc.text.slice(sentence.start, sentence.end) : '' };
}

/** The JSON of a match; `documents`: the library documents it may name (a match without documentId is the speech's). */
export function describeMatch(text: string, m: Match, documents: readonly ReferenceDocument[] = []): JsonMatch {
  const corpus = getCorpus();
  const byId = new Map(documents.map((d) => [d.id, d]));
  const sourceOf = (documentId: string | undefined, start: number, end: number) => {
    const doc = documentId && documentId !== SPEECH_DOCUMENT_ID ? byId.get(documentId) : undefined;
    if (doc)
      return {
        document: { id: doc.id, title: doc.meta.title },
        text: doc.text.slice(start, end),
        ...locateInDocument(doc, start),
      };
    const where = corpus.locate(start);
    return {
      document: { id: SPEECH_DOCUMENT_ID, title: corpus.meta.title },
      text: corpus.text.slice(start, end),
      section: { index: where?.section.index ?? 0, title: where?.section.title ?? '' },
      paragraph: where?.paragraph.number ?? 0,
      sentence: where?.sentence.text ?? '',
    };
  };
  const alsoIn = (m.alsoIn ?? []).map((a) => {
    const s = sourceOf(a.documentId, a.speechStart, a.speechEnd);
    return { document: s.document, text: s.text };
  });
  return {
    quote: text.slice(m.start, m.end),
    start: m.start,
    end: m.end,
    kind: m.kind,
    similarity: Math.round(m.similarity * 1000) / 1000,
    rule: m.rule,
    distinctiveness: m.distinctiveness,
    ...(m.diff ? { diff: m.diff } : {}),
    source: sourceOf(m.documentId, m.speechStart, m.speechEnd),
    ...(alsoIn.length > 0 ? { alsoIn } : {}),
  };
}

/** The reference documents a scan uses besides the speech, and the matcher over them. */
export interface References {
  documents: ReferenceDocument[];
  matcher: LibraryMatcher;
}

export function scanFile(
  file: string,
  options?: ScanOptions,
  references?: References,
): { text: string; matches: JsonMatch[] } {
  const text = readInput(file);
  const found = references ? references.matcher.scan(text, options) : speechMatcher.scan(text, options);
  return { text, matches: found.map((m) => describeMatch(text, m, references?.documents)) };
}

export class ReferenceInputError extends Error {}

const failureText = (f: ImportFailure) => f.message;

/** pdf.js's legacy build, for Node. */
async function loadPdfjs(): Promise<PdfJs> {
  return (await import('pdfjs-dist/legacy/build/pdf.mjs')) as unknown as PdfJs;
}

/**
 * The reference documents of --ref and --library, through the library's import code; a document the library
 * would refuse (unreadable, or a duplicate of one already given) throws ReferenceInputError naming it and why.
 */
export async function loadReferences(
  refs: readonly string[],
  libraries: readonly string[],
): Promise<ReferenceDocument[]> {
  const documents: ReferenceDocument[] = [];
  const add = (doc: ReferenceDocument, name: string) => {
    const check = checkAgainstLibrary(doc, documents);
    if (!check.ok) throw new ReferenceInputError(`${name}: ${failureText(check.error)}`);
    documents.push(doc);
  };
  for (const file of libraries) {
    let json: string;
    try {
      json = readFileSync(file, 'utf8');
    } catch (error) {
      throw new ReferenceInputError(`${file}: ${(error as Error).message}`);
    }
    const parsed = parseLibraryFile(json);
    if (!parsed.ok) throw new ReferenceInputError(`${file}: ${parsed.error.message}`);
    for (const doc of parsed.documents) if (doc.enabled) add(doc, `${file}: ${doc.meta.title}`);
  }
  for (const file of refs) {
    let bytes: Buffer;
    try {
      bytes = readFileSync(file);
    } catch (error) {
      throw new ReferenceInputError(
        `${file}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message}`,
      );
    }
    const result =
      formatOf(file) === 'pdf' ? await importPdf(await loadPdfjs(), file, bytes) : await importFile(file, bytes);
    if (!result.ok) throw new ReferenceInputError(`${file}: ${failureText(result.error)}`);
    add(result.value, file);
  }
  return documents;
}

/** Display width in a terminal: CJK and full-width characters take two columns. */
const width = (s: string) =>
  [...s].reduce(
    (w, ch) =>
      w + (/[\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1),
    0,
  );

/** `s` on one line, cut to at most `columns` display columns, padded to exactly that. */
function cell(s: string, columns: number): string {
  let out = '';
  for (const ch of s.replace(/\s+/g, ' ')) {
    if (width(out + ch) > columns - 1) {
      out += '…';
      break;
    }
    out += ch;
  }
  return out + ' '.repeat(Math.max(0, columns - width(out)));
}

function humanTable(file: string, matches: JsonMatch[]): string {
  const lines = [`${file}: ${matches.length} match${matches.length === 1 ? '' : 'es'}`];
  if (matches.length > 0) lines.push(`  ${cell('quote', 44)}  ${cell('section', 34)}  kind     similarity`);
  for (const m of matches) {
    const isSpeech = m.source.document.id === SPEECH_DOCUMENT_ID;
    const section = isSpeech ? getCorpus().sections[m.source.section.index] : undefined;
    const label = isSpeech ? (section?.label ?? '') : `《${m.source.document.title}》`;
    const title = m.source.section.title === label ? '' : ` · ${m.source.section.title}`;
    const where = cell(`${label}${title}`, 28) + cell(` ¶${m.source.paragraph}`, 6);
    lines.push(`  ${cell(m.quote, 44)}  ${where}  ${m.kind.padEnd(8)} ${m.similarity.toFixed(2)}`);
  }
  return lines.join('\n');
}

const USAGE =
  'usage: npm run scan -- [--json] [--ref DOC]... [--library LIB.json] [--no-builtin] FILE...   (FILE may be - for standard input)';

/** Options that take a value, and the flags. */
const VALUED = new Set(['--ref', '--library']);
const FLAGS = new Set(['--json', '--no-builtin', '--help', '-h']);

export async function main(argv: string[]): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    console.log(USAGE);
    return 0;
  }
  const refs: string[] = [];
  const libraries: string[] = [];
  const files: string[] = [];
  for (let k = 0; k < argv.length; k++) {
    const a = argv[k] as string;
    if (VALUED.has(a)) {
      const value = argv[k + 1];
      if (value === undefined || value.startsWith('--')) {
        console.error(`scan: ${a} needs a file\n${USAGE}`);
        return 2;
      }
      (a === '--ref' ? refs : libraries).push(value);
      k++;
    } else if (a.startsWith('--') && !FLAGS.has(a)) {
      console.error(`scan: unknown option ${a}\n${USAGE}`);
      return 2;
    } else if (a === '-' || !a.startsWith('-')) files.push(a);
  }
  const json = argv.includes('--json');
  const builtin = !argv.includes('--no-builtin');
  if (files.length === 0) {
    console.error(USAGE);
    return 2;
  }
  if (!builtin && refs.length === 0 && libraries.length === 0) {
    console.error(`scan: --no-builtin leaves nothing to scan for: give --ref or --library\n${USAGE}`);
    return 2;
  }
  let references: References | undefined;
  if (refs.length > 0 || libraries.length > 0 || !builtin) {
    try {
      const documents = await loadReferences(refs, libraries);
      references = {
        documents,
        matcher: createLibraryMatcher({
          speech: builtin ? speechMatcher : null,
          library: documents.length > 0 ? buildLibraryIndex(documents) : null,
        }),
      };
    } catch (error) {
      const reason =
        error instanceof ReferenceInputError ? error.message : `unexpected error: ${(error as Error)?.message}`;
      console.error(`scan: reference ${reason}`);
      return 1;
    }
  }
  let failed = 0;
  for (const file of files) {
    const name = file === '-' ? '<stdin>' : file;
    try {
      const { matches } = scanFile(file, undefined, references);
      console.log(json ? JSON.stringify({ file: name, matches }) : humanTable(name, matches));
    } catch (error) {
      failed++;
      const reason = error instanceof InputError ? error.message : `unexpected error: ${(error as Error)?.message}`;
      console.error(`scan: ${name}: ${reason}`);
    }
  }
  return failed > 0 ? 1 : 0;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1])
  void main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
