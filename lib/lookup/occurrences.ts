/**
 * Every place the speech says exactly what was searched for, up to the
 * matcher's normalisation (width, case, traditional characters, punctuation
 * and whitespace skipped): "指挥棒", or a slogan typed without its 、, is found
 * word for word even where the matcher (which reports passages and quoted
 * slogans on pages) has nothing to say.
 */
import type { Span } from '../corpus/types';
import { BREAK, buildCodeTable, type CodeTable, normalise } from '../normalize';

export type OccurrenceFinder = (query: string) => Span[];

/** Searches shorter than this (after normalisation) match too much of the speech to be a quote. */
export const MIN_OCCURRENCE_CHARS = 2;

export function createOccurrenceFinder(speech: string, t2s: string): OccurrenceFinder {
  const codeTable: CodeTable = buildCodeTable(speech, t2s);
  const normalised = normalise(speech, codeTable);
  const haystack = codesToString(normalised.codes, normalised.length);
  const { origin } = normalised;
  return (query) => {
    const { codes, length } = normalise(query, codeTable);
    if (length < MIN_OCCURRENCE_CHARS || codes.includes(BREAK)) return [];
    const needle = codesToString(codes, length);
    const spans: Span[] = [];
    for (let at = haystack.indexOf(needle); at >= 0; at = haystack.indexOf(needle, at + 1)) {
      spans.push({ start: origin[at] as number, end: (origin[at + length - 1] as number) + 1 });
    }
    return spans;
  };
}

/** The codes as a string, one UTF-16 unit per code, for indexOf. */
function codesToString(codes: Uint16Array, length: number): string {
  let out = '';
  for (let i = 0; i < length; i++) out += String.fromCharCode(codes[i] as number);
  return out;
}
