/**
 * Prints the citation of a span of the speech, for editors and scripts.
 *
 *   npm run cite -- --format FORMAT --span START-END
 *                   [--url URL [--title TITLE] [--accessed YYYY-MM-DD] [--author NAME] [--site NAME]]
 *                   [--lang zh|en]
 *   npm run cite -- --list
 *
 * START-END is the [start, end) span of data/speech.txt (the reader's
 * #span=START-END); --url names the page where the quote was seen (its title,
 * access date (today by default), author and site optional). --list prints
 * one format per line: id, label, description. Bad input (an unknown format,
 * a span outside the speech, a bad date…) gets a one-line error and exit status 2.
 */
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import {
  CITATION_FORMATS,
  type CitationInput,
  CitationInputError,
  DEFAULT_CITATION_FORMAT,
  formatCitation,
  isCitationFormatId,
} from '../lib/citations';
import { getCorpus } from '../lib/corpus';

const USAGE =
  'usage: npm run cite -- --format FORMAT --span START-END [--url URL --title TITLE --accessed YYYY-MM-DD --author NAME --site NAME] [--lang zh|en] | --list';

class UsageError extends Error {}

/** 2026-11-28 → that local calendar day; anything else (2026-02-30 included) is refused. */
export function parseDay(text: string): Date {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  const date = m ? new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3])) : null;
  if (
    !m ||
    !date ||
    date.getFullYear() !== Number(m[1]) ||
    date.getMonth() + 1 !== Number(m[2]) ||
    date.getDate() !== Number(m[3])
  ) {
    throw new UsageError(`--accessed ${text} is not a date (YYYY-MM-DD)`);
  }
  return date;
}

/** START-END within the speech. */
export function parseSpan(text: string, length: number): { start: number; end: number } {
  const m = /^(\d+)-(\d+)$/.exec(text);
  if (!m) throw new UsageError(`--span ${text} is not START-END`);
  const start = Number(m[1]);
  const end = Number(m[2]);
  if (end <= start || end > length) {
    throw new UsageError(`--span ${text} is not a span of the speech (0-${length}, START < END)`);
  }
  return { start, end };
}

function run(argv: string[], now: Date): string {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(argv);
  } catch (error) {
    throw new UsageError((error as Error).message.split('\n')[0] ?? 'bad arguments');
  }
  const { values, positionals } = parsed;
  if (positionals.length > 0) throw new UsageError(`unexpected argument ${positionals[0]}`);
  if (values.help) return USAGE;
  if (values.list) return CITATION_FORMATS.map((f) => `${f.id}\t${f.label}\t${f.description.en}`).join('\n');
  const format = values.format ?? DEFAULT_CITATION_FORMAT;
  if (!isCitationFormatId(format)) {
    throw new UsageError(`unknown format ${format} (npm run cite -- --list names them)`);
  }
  if (values.span === undefined) throw new UsageError('--span START-END is required');
  const lang = values.lang ?? 'zh';
  if (lang !== 'zh' && lang !== 'en') throw new UsageError(`--lang ${lang} is not zh or en`);
  const text = getCorpus().text;
  const { start, end } = parseSpan(values.span, text.length);
  const input: CitationInput = { quote: text.slice(start, end), speechStart: start, speechEnd: end };
  const pageOnly = (['title', 'accessed', 'author', 'site'] as const).find((k) => values[k] !== undefined);
  if (values.url === undefined && pageOnly) throw new UsageError(`--${pageOnly} describes a page: give its --url too`);
  if (values.url !== undefined) {
    input.seenAt = {
      url: values.url,
      title: values.title ?? '',
      accessed: values.accessed === undefined ? now : parseDay(values.accessed),
      ...(values.author ? { author: values.author } : {}),
      ...(values.site ? { site: values.site } : {}),
    };
  }
  return formatCitation(format, input, { lang });
}

function parse(argv: string[]) {
  return parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      format: { type: 'string' },
      span: { type: 'string' },
      url: { type: 'string' },
      title: { type: 'string' },
      accessed: { type: 'string' },
      author: { type: 'string' },
      site: { type: 'string' },
      lang: { type: 'string' },
      list: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
}

export function main(argv: string[], now = new Date()): number {
  try {
    process.stdout.write(`${run(argv, now)}\n`);
    return 0;
  } catch (error) {
    if (error instanceof UsageError || error instanceof CitationInputError) {
      console.error(`cite: ${error.message}`);
      return 2;
    }
    console.error(`cite: unexpected error: ${(error as Error)?.message}`);
    return 1;
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1])
  process.exitCode = main(process.argv.slice(2));
