/**
 * Parses the speech's text into sections, paragraphs, sentences, clauses and
 * slogans with their offsets; a text not laid out as the speech is refused
 * with a CorpusFormatError that says where.
 */
import type { Clause, Corpus, Location, Paragraph, Section, Sentence, Slogan, Span, SpeechMeta } from './types';

const PART_MARKERS = ['第一，', '第二，', '第三，'] as const;
const PART_LABELS = ['第一部分', '第二部分', '第三部分'] as const;
const SENTENCE_END = /[。！？]/;
// A sentence that ends inside a quotation (…现代化。”) keeps its closing marks.
const CLOSERS = /[”’」』）)]/;

export class CorpusFormatError extends Error {
  override name = 'CorpusFormatError';
}

/**
 * Parses the speech's layout: a title line, `同志们：`, an opening paragraph,
 * three parts that start 第一，第二，第三，, and a closing paragraph.
 * Throws CorpusFormatError when the text does not have that layout, so a
 * changed data file fails loudly at build time instead of mis-citing.
 */
export function parseSpeech(text: string, metaOverrides: Partial<SpeechMeta> = {}): Corpus {
  const lines = splitLines(text);
  const titleLine = lines[0];
  if (!titleLine || titleLine.text.trim() === '') throw new CorpusFormatError('the speech has no title line');
  const body = lines.slice(1).filter((line) => line.text.trim() !== '');

  // The last paragraph is the closing; before 第一， is the opening; between,
  // each paragraph belongs to the most recent part marker.
  const paragraphs: Paragraph[] = [];
  let section = 0;
  body.forEach((line, i) => {
    const partIndex = PART_MARKERS.findIndex((marker) => line.text.startsWith(marker));
    if (partIndex >= 0) {
      if (partIndex !== section) {
        throw new CorpusFormatError(`${PART_MARKERS[partIndex]} is out of order at offset ${line.start}`);
      }
      section = partIndex + 1;
    }
    const owner = i === body.length - 1 ? 4 : section;
    paragraphs.push({ number: i + 1, section: owner, text: line.text, start: line.start, end: line.end });
  });
  if (section !== 3) throw new CorpusFormatError('the speech does not have its three parts 第一，第二，第三，');

  const sections: Section[] = [];
  for (let index = 0; index <= 4; index++) {
    const own = paragraphs.filter((p) => p.section === index);
    const first = own[0];
    const last = own[own.length - 1];
    if (!first || !last) throw new CorpusFormatError(`section ${index} is empty`);
    sections.push({
      index,
      start: first.start,
      end: last.end,
      ...sectionTitle(index, first),
    });
  }

  const sentences = paragraphs.flatMap((p) => splitSentences(p)).map((s, index) => ({ ...s, index }));
  const slogans = findSlogans(text, paragraphs);
  const title = titleLine.text.trim();
  const meta: SpeechMeta = {
    title,
    year: Number(/(\d{4})年/.exec(title)?.[1] ?? Number.NaN),
    occasion: title.replace(/^在/, '').replace(/上的讲话$/, ''),
    speaker: null,
    language: 'zh-CN',
    ...metaOverrides,
  };

  const sentenceStarts = Int32Array.from(sentences, (s) => s.start);
  const locate = (offset: number): Location | null => {
    const i = upperBound(sentenceStarts, offset) - 1;
    const sentence = sentences[i];
    if (!sentence || offset >= sentence.end) return null;
    const paragraph = paragraphs[sentence.paragraph - 1];
    const owner = sections[sentence.section];
    if (!paragraph || !owner) return null;
    return { sentence, paragraph, section: owner };
  };

  return { text, meta, sections, paragraphs, sentences, slogans, locate };
}

interface Line extends Span {
  text: string;
}

function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  for (const raw of text.split('\n')) {
    const content = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    lines.push({ text: content, start, end: start + content.length });
    start += raw.length + 1;
  }
  return lines;
}

function sectionTitle(index: number, first: Paragraph): Pick<Section, 'label' | 'title' | 'titleSpan'> {
  if (index === 0) return { label: '开篇', title: '开篇', titleSpan: null };
  if (index === 4) return { label: '结语', title: '结语', titleSpan: null };
  const marker = PART_MARKERS[index - 1] as string;
  const stop = first.text.indexOf('。');
  if (stop < 0) throw new CorpusFormatError(`part ${index} has no heading sentence`);
  const title = first.text.slice(marker.length, stop);
  const start = first.start + marker.length;
  return { label: PART_LABELS[index - 1] as string, title, titleSpan: { start, end: start + title.length } };
}

function splitSentences(p: Paragraph): Omit<Sentence, 'index'>[] {
  const out: Omit<Sentence, 'index'>[] = [];
  const t = p.text;
  let from = 0;
  for (let i = 0; i < t.length; i++) {
    if (!SENTENCE_END.test(t[i] as string)) continue;
    let end = i + 1;
    while (end < t.length && CLOSERS.test(t[end] as string)) end++;
    out.push(sentence(p, from, end));
    from = end;
    i = end - 1;
  }
  if (from < t.length) out.push(sentence(p, from, t.length));
  return out;
}

function sentence(p: Paragraph, from: number, to: number): Omit<Sentence, 'index'> {
  const text = p.text.slice(from, to);
  const clauses: Clause[] = [];
  let c = 0;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '；' || i === text.length - 1) {
      clauses.push({ text: text.slice(c, i + 1), start: p.start + from + c, end: p.start + from + i + 1 });
      c = i + 1;
    }
  }
  return { text, start: p.start + from, end: p.start + to, paragraph: p.number, section: p.section, clauses };
}

function findSlogans(text: string, paragraphs: Paragraph[]): Slogan[] {
  const byText = new Map<string, Slogan>();
  const quoted = /“([^“”]+)”/g;
  for (const p of paragraphs) {
    for (const m of p.text.matchAll(quoted)) {
      const inner = m[1] as string;
      const start = p.start + (m.index ?? 0) + 1;
      if (text.slice(start, start + inner.length) !== inner) throw new CorpusFormatError('slogan offsets drifted');
      let slogan = byText.get(inner);
      if (!slogan) {
        slogan = { text: inner, occurrences: [] };
        byText.set(inner, slogan);
      }
      slogan.occurrences.push({ start, end: start + inner.length, section: p.section, paragraph: p.number });
    }
  }
  return [...byText.values()];
}

/** First index whose value is > x (values ascending). */
function upperBound(values: Int32Array, x: number): number {
  let lo = 0;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((values[mid] as number) <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
