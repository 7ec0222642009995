/**
 * The library benchmark (`npm run bench`, keys library_*): 200 documents of at least 5 M characters.
 *
 * The library: the 88 real documents of ../shared/corpora (1.48 M characters: Party congress and government
 * work reports), then 112 made of them deterministically (seeded): each made document takes the title and
 * heading layout of a real one, and each of its paragraphs is 3–8 sentences drawn from different real documents
 * (seeded order). That is how such documents are written: work reports reuse each other's lines and stock
 * phrasing, so a page quoting one line often quotes several documents, and the index meets the repetition real
 * libraries have rather than random text.
 *
 * Measured (CPU time of this process, best of several runs, machine shared):
 *   - library_index_build_ms: buildLibraryIndex over the 200 documents;
 *   - library_bytes_per_char: the index's typed arrays ÷ library characters (its texts included);
 *   - library_cold_start_ms: a stored index (ArrayBuffer) loaded, the speech's matcher built, the library
 *     matcher created, and the first scan of a news page (20,000 characters) returned: what a restarted worker
 *     does before its first result;
 *   - library_chars_per_s / library_dense_chars_per_s: the library matcher (speech engine + library index) on
 *     the benchmark's news text and on news with a library sentence every ~300 characters (a third edited);
 *   - library_curve: news scan speed with 1, 10, 50 and 200 documents;
 *   - baseline in the same run: the floor (one table read per character: normalisation alone), as a ratio.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createDocument } from '../lib/library/document';
import {
  buildLibraryIndex,
  libraryIndexBytes,
  loadLibraryIndex,
  serialiseLibraryIndex,
} from '../lib/library/library-index';
import { createLibraryMatcher } from '../lib/library/matcher';
import { libraryTable } from '../lib/library/normalize';
import type { ReferenceDocument } from '../lib/library/types';
import { createSpeechMatcher } from '../lib/match';
import { pick, rng } from './seeded-random';

/** ../shared/corpora from the project's root (npm runs scripts there; the benchmark runs bundled elsewhere). */
const CORPORA = join(process.cwd(), '..', 'shared', 'corpora');
const DOCUMENTS = 200;
const TARGET_CHARS = 5_000_000;
const RUNS = 5;

function cpuMs(fn: () => void): number {
  const t0 = process.cpuUsage();
  fn();
  const d = process.cpuUsage(t0);
  return (d.user + d.system) / 1000;
}

function best(fn: () => void, runs = RUNS): number {
  fn();
  let least = Number.POSITIVE_INFINITY;
  for (let k = 0; k < runs; k++) least = Math.min(least, cpuMs(fn));
  return least;
}

function document(text: string, title: string): ReferenceDocument {
  const made = createDocument({ text, origin: { kind: 'paste' }, hints: { title }, importedAt: 0 });
  if (!made.ok) throw new Error(`bench: ${title}: ${made.error.message}`);
  return made.value;
}

/** The 88 real documents and the made ones, DOCUMENTS in all, at least TARGET_CHARS characters. */
export function benchLibraryDocuments(): ReferenceDocument[] {
  const real = ['cpc-congress-reports.jsonl', 'government-work-reports.jsonl'].flatMap((file) =>
    readFileSync(join(CORPORA, file), 'utf8')
      .split('\n')
      .filter((line) => line.trim().length > 0)
      .map((line) => JSON.parse(line) as { title: string; content: string }),
  );
  const docs = real.map((d) => document(d.content, d.title));
  const sentences = docs.map((d) =>
    d.structure.sentences.map((s) => d.text.slice(s.start, s.end)).filter((s) => s.length >= 8),
  );
  const have = docs.reduce((n, d) => n + d.text.length, 0);
  const made = DOCUMENTS - docs.length;
  const perDocument = Math.ceil((TARGET_CHARS - have) / made) + 500;
  const r = rng(20);
  for (let k = 0; k < made; k++) {
    const model = docs[k % real.length] as ReferenceDocument;
    const headings = model.structure.headings.map((h) => model.text.slice(h.start, h.end));
    const lines: string[] = [`${model.meta.title}（汇编${k + 1}）`];
    let length = 0;
    let h = 0;
    while (length < perDocument) {
      if (headings.length > 0 && r() < 0.08) lines.push(headings[h++ % headings.length] as string);
      const count = 3 + Math.floor(r() * 6);
      let paragraph = '';
      for (let s = 0; s < count; s++) {
        const from = pick(
          r,
          sentences.filter((x) => x.length > 0),
        );
        paragraph += pick(r, from);
      }
      lines.push(paragraph);
      length += paragraph.length;
    }
    docs.push(document(lines.join('\n\n'), `${model.meta.title}（汇编${k + 1}）`));
  }
  return docs;
}

/** News with a library sentence every ~300 characters, a third of them with one character dropped or changed. */
export function denseLibraryText(news: string, docs: readonly ReferenceDocument[], chars: number): string {
  const r = rng(21);
  const sentences = docs
    .slice(0, 88)
    .flatMap((d) => d.structure.sentences.map((s) => d.text.slice(s.start, s.end)))
    .filter((s) => s.length >= 15 && s.length <= 80);
  const parts: string[] = [];
  let length = 0;
  let at = 0;
  while (length < chars) {
    const next = news.indexOf('\n', at + 200);
    const piece = news.slice(at, next < 0 ? undefined : next);
    at = next < 0 ? 0 : next + 1;
    let q = pick(r, sentences);
    if (r() < 1 / 3) {
      const cut = 3 + Math.floor(r() * (q.length - 6));
      q = r() < 0.5 ? q.slice(0, cut) + q.slice(cut + 1) : `${q.slice(0, cut)}那${q.slice(cut + 1)}`;
    }
    const p = `${piece}报告指出，“${q}”\n`;
    parts.push(p);
    length += p.length;
  }
  return parts.join('');
}

export interface LibraryBench {
  library_docs: number;
  library_chars: number;
  library_index_build_ms: number;
  library_cold_start_ms: number;
  library_bytes_per_char: number;
  library_chars_per_s: number;
  library_dense_chars_per_s: number;
  library_only_chars_per_s: number;
  library_floor_chars_per_s: number;
  library_ratio_to_floor: number;
  library_news_matches: number;
  library_dense_matches: number;
  library_curve: { docs: number; chars: number; chars_per_s: number }[];
}

export function benchLibrary(news: string): LibraryBench {
  const docs = benchLibraryDocuments();
  const speech = createSpeechMatcher();
  const chars = docs.reduce((n, d) => n + d.text.length, 0);
  let index = buildLibraryIndex(docs);
  const buildMs = best(() => {
    index = buildLibraryIndex(docs);
  }, 2);
  const stored = serialiseLibraryIndex(index);
  const page = news.slice(0, 20_000);
  const coldMs = best(() => {
    createLibraryMatcher({ speech: createSpeechMatcher(), library: loadLibraryIndex(stored) }).scan(page);
  });
  const dense = denseLibraryText(news, docs, news.length);
  const matcher = createLibraryMatcher({ speech, library: index });
  const libraryOnly = createLibraryMatcher({ speech: null, library: index });
  const table = libraryTable();
  const codes = new Uint16Array(news.length);
  const floorMs = best(() => {
    let n = 0;
    for (let i = 0; i < news.length; i++) {
      const c = table[news.charCodeAt(i)] as number;
      if (c !== 0 && c !== 0xfffe) codes[n++] = c;
    }
  });
  let newsMatches = 0;
  let denseMatches = 0;
  const newsMs = best(() => {
    newsMatches = matcher.scan(news).length;
  });
  const onlyMs = best(() => {
    libraryOnly.scan(news);
  });
  const denseMs = best(() => {
    denseMatches = matcher.scan(dense).length;
  });
  const perSecond = (length: number, ms: number) => Math.round((length / ms) * 1000);
  const curve: LibraryBench['library_curve'] = [];
  for (const count of [1, 10, 50, DOCUMENTS]) {
    const subset = docs.slice(0, count);
    const m = createLibraryMatcher({
      speech,
      library: count === DOCUMENTS ? index : buildLibraryIndex(subset),
    });
    curve.push({
      docs: count,
      chars: subset.reduce((n, d) => n + d.text.length, 0),
      chars_per_s:
        count === DOCUMENTS
          ? perSecond(news.length, newsMs)
          : perSecond(
              news.length,
              best(() => m.scan(news), 3),
            ),
    });
  }
  return {
    library_docs: docs.length,
    library_chars: chars,
    library_index_build_ms: Math.round(buildMs),
    library_cold_start_ms: Math.round(coldMs),
    library_bytes_per_char: Math.round((libraryIndexBytes(index) / chars) * 100) / 100,
    library_chars_per_s: perSecond(news.length, newsMs),
    library_dense_chars_per_s: perSecond(dense.length, denseMs),
    library_only_chars_per_s: perSecond(news.length, onlyMs),
    library_floor_chars_per_s: perSecond(news.length, floorMs),
    library_ratio_to_floor: Math.round((newsMs / floorMs) * 10) / 10,
    library_news_matches: newsMatches,
    library_dense_matches: denseMatches,
    library_curve: curve,
  };
}

export function printLibraryBench(r: LibraryBench): void {
  const f = (x: number) => x.toLocaleString('en-US');
  console.log(`library:    ${f(r.library_docs)} documents, ${f(r.library_chars)} chars`);
  console.log(`  index build ${f(r.library_index_build_ms)} ms  ${r.library_bytes_per_char} bytes/char (target ≤ 16)`);
  console.log(`  cold start  ${f(r.library_cold_start_ms)} ms  (stored index loaded + first scan; target ≤ 500)`);
  console.log(
    `  news scan   ${f(r.library_chars_per_s)} chars/s (${f(r.library_news_matches)} matches; target ≥ 20,000,000), library alone ${f(r.library_only_chars_per_s)}`,
  );
  console.log(`  dense scan  ${f(r.library_dense_chars_per_s)} chars/s (${f(r.library_dense_matches)} matches)`);
  console.log(`  floor       ${f(r.library_floor_chars_per_s)} chars/s  ratio scan/floor ${r.library_ratio_to_floor}`);
  console.log(
    `  curve       ${r.library_curve.map((c) => `${c.docs} docs (${f(c.chars)} chars): ${f(c.chars_per_s)}/s`).join('; ')}`,
  );
}
