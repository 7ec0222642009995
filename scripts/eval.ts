/**
 * Scores the engine on two labelled sets: the project's own pages in
 * tests/fixtures/eval, and the real public texts of ../shared/eval-real
 * (scored by that set's own scorer, score.mjs, running `npm run scan -- --json`).
 *
 *   npm run eval            per-kind precision/recall per set, and every miss and false alarm
 *   npm run eval -- --json  the same as one JSON object on the last line
 *
 * Each page is read exactly as `npm run scan` reads it (HTML through the
 * content script's extractor). A found match is right when it overlaps an
 * expected quote of the same kind by at least half of the shorter of the two
 * (passage boundaries are a judgement call: a match that also takes in a few
 * words the page happens to share with the speech is still the quote).
 * Both sets follow one labelling rule (../shared/eval-real/README.md): a
 * label marked `optional` is stock phrasing in the speech's order, neither a
 * hit nor a miss. tests/unit/eval.test.ts fails below the targets on either set.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createSpeechMatcher, type Match, type MatchKind } from '../lib/match';
import { readInput } from './scan';

const speechMatcher = createSpeechMatcher();

export const FIXTURE_DIR = fileURLToPath(new URL('../tests/fixtures/eval', import.meta.url));
const KINDS: MatchKind[] = ['slogan', 'passage'];

export interface Label {
  kind: MatchKind;
  quote: string;
  /** Which occurrence of `quote` in the page (0-based). */
  nth?: number;
  /** Quoted with edits: the match should report similarity < 1. */
  near?: boolean;
  /** Stock phrasing in the speech's order: finding it is neither right nor wrong, missing it no miss. */
  optional?: boolean;
}

export interface Span {
  kind: MatchKind;
  start: number;
  end: number;
  optional?: boolean;
}

export interface KindScore {
  expected: number;
  found: number;
  /** Found matches that are right. */
  correct: number;
  /** Expected quotes that some right match covers. */
  recalled: number;
  precision: number;
  recall: number;
}

export interface PageScore {
  file: string;
  misses: (Label & Span)[];
  falseAlarms: (Span & { quote: string })[];
  /** Near-verbatim labels found but reported as verbatim. */
  nearReportedVerbatim: string[];
}

/** Where a label's words stand in the page text, ignoring whitespace (labels may hold the page's line breaks or not). */
export function locateLabel(text: string, label: Label): Span | null {
  const keep: number[] = [];
  let squeezed = '';
  for (let i = 0; i < text.length; i++) {
    if (/\s/.test(text[i] as string)) continue;
    keep.push(i);
    squeezed += text[i];
  }
  const needle = label.quote.replace(/\s+/g, '');
  if (needle.length === 0) return null;
  let at = squeezed.indexOf(needle);
  for (let k = 0; k < (label.nth ?? 0) && at >= 0; k++) at = squeezed.indexOf(needle, at + 1);
  if (at < 0) return null;
  return {
    kind: label.kind,
    start: keep[at] as number,
    end: (keep[at + needle.length - 1] as number) + 1,
    ...(label.optional ? { optional: true } : {}),
  };
}

export function agrees(found: Span, expected: Span): boolean {
  if (found.kind !== expected.kind) return false;
  const overlap = Math.min(found.end, expected.end) - Math.max(found.start, expected.start);
  const shorter = Math.min(found.end - found.start, expected.end - expected.start);
  return overlap > 0 && overlap * 2 >= shorter;
}

function overlaps(a: Span, b: Span): boolean {
  return Math.min(a.end, b.end) > Math.max(a.start, b.start);
}

export interface Tally {
  expected: number;
  found: number;
  correct: number;
  recalled: number;
}

/** Scores one page: which found spans are right, which expected ones are recalled. */
export function scorePage(
  found: Span[],
  expected: Span[],
): { tally: Record<MatchKind, Tally>; wrong: Span[]; missed: number[] } {
  const tally = Object.fromEntries(KINDS.map((k) => [k, { expected: 0, found: 0, correct: 0, recalled: 0 }])) as Record<
    MatchKind,
    Tally
  >;
  const wrong: Span[] = [];
  const missed: number[] = [];
  const required = expected.filter((e) => !e.optional);
  for (const f of found) {
    if (required.some((e) => agrees(f, e))) {
      tally[f.kind].found++;
      tally[f.kind].correct++;
    } else if (!expected.some((e) => e.optional && overlaps(f, e))) {
      tally[f.kind].found++;
      wrong.push(f);
    }
  }
  expected.forEach((e, i) => {
    if (e.optional) return;
    tally[e.kind].expected++;
    if (found.some((f) => agrees(f, e))) tally[e.kind].recalled++;
    else missed.push(i);
  });
  return { tally, wrong, missed };
}

export function evaluate(dir = FIXTURE_DIR): { kinds: Record<MatchKind, KindScore>; pages: PageScore[] } {
  const totals = Object.fromEntries(
    KINDS.map((k) => [k, { expected: 0, found: 0, correct: 0, recalled: 0 }]),
  ) as Record<MatchKind, Tally>;
  const pages: PageScore[] = [];
  const files = readdirSync(dir)
    .filter((f) => ['.html', '.htm', '.txt', '.md'].includes(extname(f)) && f !== 'README.md')
    .sort();
  for (const file of files) {
    const text = readInput(join(dir, file));
    const sidecar = JSON.parse(readFileSync(join(dir, file.replace(/\.[^.]+$/, '.json')), 'utf8')) as {
      expected: Label[];
    };
    const expected = sidecar.expected.map((label) => {
      const span = locateLabel(text, label);
      if (!span) throw new Error(`${file}: label not found in the page text: ${label.quote}`);
      return { ...label, ...span };
    });
    const matches: Match[] = speechMatcher.scan(text);
    const { tally, wrong, missed } = scorePage(matches, expected);
    for (const k of KINDS) for (const key of Object.keys(tally[k]) as (keyof Tally)[]) totals[k][key] += tally[k][key];
    const nearReportedVerbatim = expected
      .filter((e) => e.near && matches.some((m) => agrees(m, e) && m.similarity === 1))
      .map((e) => e.quote);
    pages.push({
      file,
      misses: missed.map((i) => expected[i] as Label & Span),
      falseAlarms: wrong.map((w) => ({ ...w, quote: text.slice(w.start, w.end) })),
      nearReportedVerbatim,
    });
  }
  const ratio = (a: number, b: number) => (b === 0 ? 1 : a / b);
  const kinds = Object.fromEntries(
    KINDS.map((k) => {
      const t = totals[k];
      return [k, { ...t, precision: ratio(t.correct, t.found), recall: ratio(t.recalled, t.expected) }];
    }),
  ) as Record<MatchKind, KindScore>;
  return { kinds, pages };
}

export const REAL_SET_DIR = fileURLToPath(new URL('../../shared/eval-real', import.meta.url));

/** The real set's figures, as its scorer prints them. */
export interface RealScore {
  recall: number;
  precision: number;
  /** Matches on negative files that land on no borderline phrase. */
  negativeHits: number;
  /** The scorer's own summary lines, and with `verbose` each miss and false hit. */
  report: string;
}

/** Runs ../shared/eval-real/score.mjs on `npm run scan -- --json`; throws if the set or its scorer is missing. */
export function evaluateReal(verbose = false): RealScore {
  const scorer = join(REAL_SET_DIR, 'score.mjs');
  if (!existsSync(scorer)) throw new Error(`the real-text set is missing: ${scorer}`);
  const root = fileURLToPath(new URL('..', import.meta.url));
  const run = spawnSync(
    process.execPath,
    [scorer, '--cmd', `"${process.execPath}" --import tsx scripts/scan.ts --json`, ...(verbose ? ['--verbose'] : [])],
    { cwd: root, encoding: 'utf8', timeout: 300_000 },
  );
  const report = `${run.stdout ?? ''}${run.stderr ?? ''}`;
  const overall = (line: string) =>
    Number(/overall \d+\/\d+ ([\d.]+)/.exec(report.split('\n').find((l) => l.startsWith(line)) ?? '')?.[1]);
  const recall = overall('recall');
  const precision = overall('precision');
  const negative = /false hits on negative files: (\d+)/.exec(report);
  if (run.status !== 0 || Number.isNaN(recall) || Number.isNaN(precision) || !negative)
    throw new Error(`the real-text scorer did not report (exit ${run.status}):\n${report}`);
  return { recall, precision, negativeHits: Number(negative[1]), report: report.trim() };
}

function main(): void {
  const { kinds, pages } = evaluate();
  console.log("── tests/fixtures/eval (the project's own pages) ──");
  for (const p of pages) {
    for (const m of p.misses) console.log(`MISS   ${p.file}  ${m.kind}  ${m.quote}`);
    for (const f of p.falseAlarms) console.log(`FALSE  ${p.file}  ${f.kind}  ${f.quote}`);
    for (const q of p.nearReportedVerbatim)
      console.log(`EXACT? ${p.file}  near-verbatim quote reported as verbatim: ${q}`);
  }
  console.log(`\n${pages.length} pages`);
  console.log('kind      expected  found  correct  precision  recall');
  for (const k of KINDS) {
    const s = kinds[k];
    console.log(
      `${k.padEnd(9)} ${String(s.expected).padStart(8)} ${String(s.found).padStart(6)} ${String(s.correct).padStart(8)}  ${s.precision.toFixed(3).padStart(9)}  ${s.recall.toFixed(3).padStart(6)}`,
    );
  }
  console.log('\n── ../shared/eval-real (real public texts; required labels, generic ones optional) ──');
  const real = evaluateReal(true);
  console.log(real.report);
  if (process.argv.includes('--json'))
    console.log(
      JSON.stringify({
        pages: pages.length,
        kinds,
        real: { recall: real.recall, precision: real.precision, negativeHits: real.negativeHits },
      }),
    );
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main();
