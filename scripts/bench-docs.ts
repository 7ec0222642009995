/**
 * Keeps docs/performance.md current: `npm run bench` rewrites the part of
 * that file between the two markers below with the figures it just measured,
 * and leaves the rest (what the figures mean, and the measurements behind the
 * code's design) as written.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';

export const START_MARKER = '<!-- bench:start (written by npm run bench; do not edit by hand) -->';
export const END_MARKER = '<!-- bench:end -->';

/** Figures of the last run, with their target where the project has one. */
const ROWS: [key: string, label: string, target?: string][] = [
  ['chars_per_s', 'scan, news text (chars/s)', '≥ 50,000,000'],
  ['ratio_to_floor', 'scan / floor, news text', '≤ 3'],
  ['automaton_chars_per_s', 'bare suffix automaton, news text (chars/s)'],
  ['dense_chars_per_s', 'scan, dense text (chars/s)'],
  ['dense_ratio_to_floor', 'scan / floor, dense text'],
  ['index_build_ms', 'index build (ms)'],
  ['index_kb', 'index size (KB)'],
  ['heap_mb', 'heap after the index (MB)'],
  ['content_ms_1mb', 'content script, 1 MB page (ms)'],
  ['content_ms_5mb', 'content script, 5 MB page (ms)'],
  ['ratio_to_bare_read', 'content script / bare read, worse page', '≤ 2'],
  ['max_slice_ms_5mb', 'longest slice, 5 MB page (ms)', '< 50'],
  ['highlight_ms_1000', 'highlighting 1,000 matches (ms)'],
  ['no_han_cpu_ms', 'content-script CPU on a page without Chinese (ms)'],
  ['content_script_gz_kb', 'content script, gzip (KB)', '≤ 50'],
  ['library_chars_per_s', 'library of 200 documents + speech, news text (chars/s)', '≥ 20,000,000'],
  ['library_dense_chars_per_s', 'library of 200 documents + speech, dense text (chars/s)', '≥ 20,000,000'],
  ['library_only_chars_per_s', 'library alone, news text (chars/s)'],
  ['library_floor_chars_per_s', 'library floor: normalisation alone (chars/s)'],
  ['library_index_build_ms', 'library index build, 5.1 M chars (ms)'],
  ['library_bytes_per_char', 'library index bytes per library character', '≤ 16'],
  ['library_cold_start_ms', 'library cold start: stored index to first result (ms)', '≤ 500'],
];

export interface RunInfo {
  date: string;
  node: string;
  cpu: string;
  browser: boolean;
}

export function runInfo(browser: boolean, now = new Date()): RunInfo {
  return { date: now.toISOString().slice(0, 10), node: process.version, cpu: cpus()[0]?.model ?? 'unknown', browser };
}

/** The generated section for one run's figures (the rows it measured). */
export function performanceSection(results: Record<string, number>, info: RunInfo): string {
  const f = (x: number) => x.toLocaleString('en-US');
  const lines = [
    START_MARKER,
    '',
    `Last run: ${info.date}, Node ${info.node}, ${info.cpu}${info.browser ? '.' : ' (engine only: `--no-browser`).'}`,
    '',
    '| figure | last run | target |',
    '| --- | --- | --- |',
  ];
  for (const [key, label, target] of ROWS) {
    const value = results[key];
    if (value !== undefined) lines.push(`| ${label} | ${f(value)} | ${target ?? ''} |`);
  }
  lines.push('', END_MARKER);
  return lines.join('\n');
}

/** `doc` with its generated section replaced by `section`; throws when the markers are missing. */
export function replaceSection(doc: string, section: string): string {
  const start = doc.indexOf(START_MARKER);
  const end = doc.indexOf(END_MARKER);
  if (start < 0 || end < start) throw new Error(`docs/performance.md has no ${START_MARKER} … ${END_MARKER} section`);
  return doc.slice(0, start) + section + doc.slice(end + END_MARKER.length);
}

export function updatePerformanceDoc(path: string, results: Record<string, number>, info: RunInfo): void {
  writeFileSync(path, replaceSection(readFileSync(path, 'utf8'), performanceSection(results, info)));
}
