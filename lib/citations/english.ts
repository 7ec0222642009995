/** Pieces shared by the English styles (APA, MLA, Chicago). */
import type { CitationSource } from './source';

/** The title followed by its translation in brackets, as all three styles give a non-English title. */
export function titleWithTranslation(src: CitationSource): string {
  return src.titleEn ? `${src.title} [${src.titleEn}]` : src.title;
}

/** A title that already ends in a question or exclamation mark takes no added period. */
export function endsSentence(text: string): boolean {
  return /[.?!。？！]$/.test(text);
}

export function withPeriod(text: string): string {
  return endsSentence(text) ? text : `${text}.`;
}
