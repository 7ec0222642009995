/**
 * Scan files for quotes of the speech, from the command line.
 *
 *   npm run scan -- [--json] FILE...      (`-` reads standard input)
 *
 * HTML files are read the way the content script reads a page: parsed by a
 * DOM implementation (happy-dom, scripts never run, nothing fetched) and
 * walked by lib/dom/extract.ts from <body>, so CLI and extension see the same
 * text and report the same offsets. Text and Markdown files are scanned as is.
 *
 * --json prints one object per file, one per line:
 *   {"file", "matches": [{"quote", "start", "end", "kind", "similarity", "rule", "distinctiveness",
 *     "source": {"text", "section": {"index", "title"}, "paragraph", "sentence"}}]}
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
    text: string;
    section: { index: number; title: string };
    paragraph: number;
    sentence: string;
  };
}

export function describeMatch(text: string, m: Match): JsonMatch {
  const corpus = getCorpus();
  const where = corpus.locate(m.speechStart);
  return {
    quote: text.slice(m.start, m.end),
    start: m.start,
    end: m.end,
    kind: m.kind,
    similarity: Math.round(m.similarity * 1000) / 1000,
    rule: m.rule,
    distinctiveness: m.distinctiveness,
    ...(m.diff ? { diff: m.diff } : {}),
    source: {
      text: corpus.text.slice(m.speechStart, m.speechEnd),
      section: { index: where?.section.index ?? 0, title: where?.section.title ?? '' },
      paragraph: where?.paragraph.number ?? 0,
      sentence: where?.sentence.text ?? '',
    },
  };
}

export function scanFile(file: string, options?: ScanOptions): { text: string; matches: JsonMatch[] } {
  const text = readInput(file);
  return {
    text,
    matches: speechMatcher.scan(text, options).map((m) => describeMatch(text, m)),
  };
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
    const section = getCorpus().sections[m.source.section.index];
    const label = section?.label ?? '';
    const title = m.source.section.title === label ? '' : ` · ${m.source.section.title}`;
    const where = cell(`${label}${title}`, 28) + cell(` ¶${m.source.paragraph}`, 6);
    lines.push(`  ${cell(m.quote, 44)}  ${where}  ${m.kind.padEnd(8)} ${m.similarity.toFixed(2)}`);
  }
  return lines.join('\n');
}

const USAGE = 'usage: npm run scan -- [--json] FILE...   (FILE may be - for standard input)';

export function main(argv: string[]): number {
  const json = argv.includes('--json');
  if (argv.includes('--help') || argv.includes('-h')) {
    console.log(USAGE);
    return 0;
  }
  const unknown = argv.filter((a) => a.startsWith('--') && a !== '--json');
  if (unknown.length > 0) {
    console.error(`scan: unknown option ${unknown[0]}\n${USAGE}`);
    return 2;
  }
  const files = argv.filter((a) => a === '-' || !a.startsWith('-'));
  if (files.length === 0) {
    console.error(USAGE);
    return 2;
  }
  let failed = 0;
  for (const file of files) {
    const name = file === '-' ? '<stdin>' : file;
    try {
      const { matches } = scanFile(file);
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
  process.exitCode = main(process.argv.slice(2));
