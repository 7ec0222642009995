/**
 * An imported document in the speech's Corpus shape, so the popup's model,
 * the reader and the citations treat every document alike. Its sections are
 * its outermost headings that divide it (the text before the first is section 0);
 * paragraphs are numbered through the document; sentences split into clauses
 * after ；. Pure: built from the document's detected structure.
 */
import type { Clause, Corpus, Location, Paragraph, Section, Sentence, Slogan } from '../corpus/types';
import type { ReferenceDocument } from './types';

function upperBound(sorted: Int32Array, x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((sorted[mid] as number) <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function clausesOf(text: string, start: number): Clause[] {
  const out: Clause[] = [];
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '；' || i === text.length - 1) {
      out.push({ text: text.slice(from, i + 1), start: start + from, end: start + i + 1 });
      from = i + 1;
    }
  }
  return out;
}

/** The year of an ISO date (YYYY, YYYY-MM, YYYY-MM-DD), NaN when unknown. */
export function yearOf(date: string | null): number {
  const m = /^(\d{4})/.exec(date ?? '');
  return m ? Number(m[1]) : Number.NaN;
}

export function documentCorpus(doc: ReferenceDocument): Corpus {
  const { text, structure } = doc;
  // The outermost level that divides the text: a lone heading above all (the title as a Word heading) does not.
  const levels = [...new Set(structure.headings.map((h) => h.level))].sort((a, b) => a - b);
  const top = levels.find(
    (l, i) => i === levels.length - 1 || structure.headings.filter((h) => h.level === l).length > 1,
  );
  const outer = structure.headings.filter((h) => h.level === top);
  const sections: Section[] = [
    { index: 0, label: '', title: doc.meta.title, titleSpan: null, start: 0, end: text.length },
  ];
  for (const h of outer) {
    const prev = sections[sections.length - 1] as Section;
    prev.end = h.start;
    sections.push({
      index: sections.length,
      label: h.label.trim() || h.title,
      title: h.title,
      titleSpan: { start: h.start, end: h.end },
      start: h.start,
      end: text.length,
    });
  }
  const sectionStarts = Int32Array.from(sections, (s) => s.start);
  const sectionAt = (offset: number) => Math.max(0, upperBound(sectionStarts, offset) - 1);
  const paragraphs: Paragraph[] = structure.paragraphs.map((p, i) => ({
    number: i + 1,
    section: sectionAt(p.start),
    text: text.slice(p.start, p.end),
    start: p.start,
    end: p.end,
  }));
  const paragraphStarts = Int32Array.from(paragraphs, (p) => p.start);
  const sentences: Sentence[] = structure.sentences.map((s, index) => {
    const paragraph = paragraphs[Math.max(0, upperBound(paragraphStarts, s.start) - 1)];
    const sentenceText = text.slice(s.start, s.end);
    return {
      index,
      start: s.start,
      end: s.end,
      text: sentenceText,
      paragraph: paragraph?.number ?? 1,
      section: paragraph?.section ?? 0,
      clauses: clausesOf(sentenceText, s.start),
    };
  });
  const sentenceStarts = Int32Array.from(sentences, (s) => s.start);
  const locate = (offset: number): Location | null => {
    const sentence = sentences[upperBound(sentenceStarts, offset) - 1];
    if (!sentence || offset >= sentence.end) return null;
    const paragraph = paragraphs[sentence.paragraph - 1];
    const section = sections[sentence.section];
    return paragraph && section ? { sentence, paragraph, section } : null;
  };
  const slogans: Slogan[] = structure.slogans.map((s) => ({
    text: s.text,
    occurrences: s.occurrences.map((o) => {
      const loc = locate(o.start);
      return { ...o, section: loc?.section.index ?? 0, paragraph: loc?.paragraph.number ?? 1 };
    }),
  }));
  return {
    text,
    meta: {
      title: doc.meta.title,
      year: yearOf(doc.meta.date),
      occasion: doc.meta.occasion ?? '',
      speaker: null,
      language: 'zh-CN',
    },
    sections,
    paragraphs,
    sentences,
    slogans,
    locate,
  };
}
