/** Pieces shared by the English styles (APA, MLA, Chicago). */
import { stripMarkers } from './source';

/** A title that already ends in a question or exclamation mark takes no added period. */
export function endsSentence(text: string): boolean {
  return /[.?!。？！]$/.test(stripMarkers(text));
}

export function withPeriod(text: string): string {
  return endsSentence(text) ? text : `${text}.`;
}

/** What APA and Chicago put in a title's place when a page has none. */
export const UNTITLED_PAGE = '[Web page]';
