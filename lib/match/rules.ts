/**
 * What counts as a quote of the speech: every rule the engine applies, with its reason, in one place.
 * pass.ts, passages.ts and slogans.ts find the candidates (maximal exact runs, alignments across edits, phrases
 * after quotation marks); the functions here decide, and name the rule that accepted each match (Match.rule).
 *
 * Slogans: the phrases the speech sets in quotation marks, classified by sloganClass() (speech-index.ts).
 *   quoted-slogan     A slogan or numbered formula the page sets in quotation marks, whole.
 *   bare-slogan       A slogan of five or more characters found whole in a run of the speech's text: long enough
 *                     to be the speech's expression wherever it stands. A four-character numbered formula
 *                     (两个维护, 四个意识) counts bare too, in a heading, a table cell, bold or after a verb, but
 *                     only where it stands on its own (formulaStandsAlone): not after a word that makes 两个 a
 *                     plain quantity (这两个确立的标准, 以下两个维护的), and not where the next character makes
 *                     its last word part of another (两个维护者, 两个维护人员, 兩個維護良好的函式庫).
 *   (never)           Ordinary words and idioms the speech emphasises (红线, 显绩, 含金量, 穷追猛打) and the
 *                     proverb it uses (前人栽树，后人乘凉): every page on the topic may write them, quoted or not.
 *                     They count only as part of a longer passage.
 *   misquoted-slogan  An alignment with edits that covers most of a slogan of MISQUOTED_SLOGAN_MIN or more
 *                     characters at MIN_SIMILARITY: 抓生态就是抓发展、抓环保就是抓民生 is the speech's slogan
 *                     with a word changed, and the diff shows which.
 *
 * Passages: runs of the speech's text. A match never crosses the speech's title or a paragraph boundary, so
 * each has one section and paragraph (a page that reprints the speech gets one match per paragraph).
 *   verbatim          A run of at least `minPassageLength` (default 8) characters with substance
 *                     (substance.ts: more than stock vocabulary), or any run of STOCK_RUN or more characters
 *                     with at least SLOGAN_MARGIN of them outside whole slogans. Stock phrasing in the speech's
 *                     order (坚持问题导向、目标导向、结果导向) is still the speech's sentence; its
 *                     distinctiveness decides how loudly it is shown, not whether it is found. A slogan with
 *                     fewer characters around it (绿水青山就是金山银山的理念) is reported as the slogan.
 *   near              An alignment across small edits (characters inserted, dropped or changed anywhere, the
 *                     ends included: edges.ts) of at least NEAR_MIN_SPEECH characters of the speech at
 *                     MIN_SIMILARITY or more; or of one whole phrase of the speech (punctuation to punctuation)
 *                     of STOCK_RUN or more characters at WHOLE_PHRASE_SIMILARITY that says more than stock
 *                     phrasing: 像对待生命一样对待自然环境 is the speech's phrase with a word changed, while
 *                     推动生态文明建设再上新台阶 (for …迈上新台阶) is every work report's phrasing. A misquote shows as one near match spanning the edit, never as a
 *                     verbatim piece that stops before it; with near-verbatim quotes turned off it is left out,
 *                     not reported in verbatim pieces.
 */
import {
  CLOSE_SIMILARITY,
  hasSubstance,
  LONG_PASSAGE,
  MIN_SUBSTANCE,
  SHORT_PASSAGE,
  SHORT_SUBSTANCE,
} from './substance';
import { type MatchKind, type MatchRule, STOCK_BELOW } from './types';

/** A run this long is the speech's sentence whatever its words. */
export const STOCK_RUN = 10;
/** …when this many of its characters lie outside the whole slogans it holds (else it is the slogan, reported as such). */
export const SLOGAN_MARGIN = 4;
/** A near-verbatim quote covers at least this many characters of the speech (normalised). */
export const NEAR_MIN_SPEECH = 15;
/** A near-verbatim passage or misquoted slogan needs at least this similarity. */
export const MIN_SIMILARITY = 0.75;
/** A whole phrase of the speech quoted with an edit needs at least this similarity. */
export const WHOLE_PHRASE_SIMILARITY = 0.8;
/** Slogans this long or longer can be misquoted; a shorter one with a character changed is another word. */
export const MISQUOTED_SLOGAN_MIN = 7;
/** A misquoted slogan's alignment covers at least this share of the slogan. */
export const MISQUOTED_SLOGAN_COVER = 0.8;

/**
 * How distinctive a passage is, 0..1: its substance against the threshold that makes a passage by its words
 * (0.5 exactly at the threshold, 1 at twice it), or its length outside slogans against LONG_PASSAGE, whichever
 * says more. Stock phrasing in the speech's order stays below 0.5 (types.ts STOCK_BELOW).
 */
export function distinctivenessOf(substance: number, length: number, plainLength: number): number {
  const needed = length < SHORT_PASSAGE ? SHORT_SUBSTANCE : MIN_SUBSTANCE;
  const score = Math.max(substance / needed, plainLength / LONG_PASSAGE) / 2;
  return Math.round(Math.min(1, Math.max(0, score)) * 100) / 100;
}

/**
 * Whether an exact run is a verbatim passage: 'substance' when its words make it one (substance.ts), 'stock'
 * when only its length can (STOCK_RUN characters of the speech in its order: stockRunAccepted decides, from
 * the characters outside the whole slogans it holds), null when neither can.
 */
export function verbatimVerdict(
  substance: number,
  length: number,
  plainLength: number,
  minPassage: number,
): 'substance' | 'stock' | null {
  if (length < minPassage) return null;
  if (hasSubstance(substance, length, plainLength)) return 'substance';
  return length >= Math.max(STOCK_RUN, minPassage) ? 'stock' : null;
}

/** A stock run is the speech's sentence when this many of its characters lie outside the whole slogans it holds. */
export function stockRunAccepted(outsideSlogans: number): boolean {
  return outsideSlogans >= SLOGAN_MARGIN;
}

/**
 * Whether an alignment with edits (similarity below 1, at least MIN_SIMILARITY) is a near-verbatim quote: of
 * NEAR_MIN_SPEECH speech characters, or of one whole phrase of the speech (`wholePhrase`) of STOCK_RUN or
 * more that says more than stock phrasing, at WHOLE_PHRASE_SIMILARITY. `matched`: its exact characters.
 */
export function nearAccepted(
  speechLength: number,
  matched: number,
  minPassage: number,
  similarity: number,
  distinctiveness: number,
  wholePhrase: boolean,
): boolean {
  if (matched < minPassage) return false;
  if (speechLength >= NEAR_MIN_SPEECH) return true;
  return (
    wholePhrase && speechLength >= STOCK_RUN && similarity >= WHOLE_PHRASE_SIMILARITY && distinctiveness >= STOCK_BELOW
  );
}

/** What the rules read off an alignment between the page and a reference text (the speech or a library document). */
export interface PassageEvidence {
  /** The reference text's normalised span [ss, se). */
  ss: number;
  se: number;
  /** Exact characters of the alignment (the page's, outside its edits). */
  matched: number;
  /** 1 for an exact run, else from the edit distance (diff.ts similarityOf). */
  similarity: number;
  /** Substance of the reference span (substance.ts units). */
  substance: number;
  /** Its characters outside slogans (the plain length distinctivenessOf reads). */
  plain: number;
  /** Whether the span is one whole phrase of the reference text (punctuation to punctuation). */
  wholePhrase: boolean;
  /** Shortest passage, normalised characters (ScanOptions.minPassageLength). */
  minPassage: number;
}

/** What the reference text knows of its slogans, asked only when a rule needs it. */
export interface SloganRules {
  /** Characters of [ss, se) outside the whole slogans it holds: asked of a stock run only. */
  outsideWholeSlogans(ss: number, se: number): number;
  /** Whether an alignment with edits over [ss, se) is a misquote of one of its slogans. */
  misquotedSlogan(ss: number, se: number): boolean;
}

export interface PassageVerdict {
  kind: MatchKind;
  rule: MatchRule;
  distinctiveness: number;
}

/**
 * The passage rules in their order (see the top of this file): an exact run is verbatim by its substance or as
 * a stock run outside slogans; an alignment with edits is a misquoted slogan, else near-verbatim; null when no
 * rule takes it. Pure: the slogan questions go to `slogans`, asked only when the cascade reaches them.
 */
export function passageVerdict(e: PassageEvidence, slogans: SloganRules): PassageVerdict | null {
  const length = e.se - e.ss;
  const distinctiveness = distinctivenessOf(e.substance, length, e.similarity >= CLOSE_SIMILARITY ? e.plain : 0);
  if (e.similarity === 1) {
    const verdict = verbatimVerdict(e.substance, e.matched, e.plain, e.minPassage);
    if (verdict === null) return null;
    if (verdict === 'stock' && !stockRunAccepted(slogans.outsideWholeSlogans(e.ss, e.se))) return null;
    return { kind: 'passage', rule: 'verbatim', distinctiveness };
  }
  if (slogans.misquotedSlogan(e.ss, e.se)) return { kind: 'slogan', rule: 'misquoted-slogan', distinctiveness: 1 };
  if (nearAccepted(length, e.matched, e.minPassage, e.similarity, distinctiveness, e.wholePhrase))
    return { kind: 'passage', rule: 'near', distinctiveness };
  return null;
}

/** Characters before 两个/四个 that make it a plain quantity: 这两个, 那两个, 以下两个, 上述两个, 其余两个, 有两个… */
const QUANTITY_BEFORE = new Set('这這那此该該各每哪前后後头頭第其述下余餘另有');
/** Characters after a formula that keep it standing alone: 的, 上 (做到两个维护上), 和, 与, 及, 是, 为… */
const FUNCTION_AFTER = new Set('的上和与與及是为為作落方中等');

/** Whether a UTF-16 code unit is a Chinese character (the BMP's Han blocks, or the lead of an extension B–F pair). */
export function isHan(code: number): boolean {
  return (code >= 0x3400 && code <= 0x9fff) || (code >= 0xf900 && code <= 0xfaff) || (code >= 0xd840 && code <= 0xd87f);
}

/** Spaces inside a line; a line break or tab (a block or cell boundary in extracted text) sets a formula apart. */
function isSpace(code: number): boolean {
  return code === 0x20 || code === 0x3000 || code === 0xa0;
}

/**
 * Whether a bare numbered formula at text [start, end) stands on its own: see bare-slogan above. The page's
 * neighbouring characters decide; a character the page sets apart (punctuation, a quotation mark, a line or
 * block break, Latin text) always leaves the formula standing.
 */
export function formulaStandsAlone(text: string, start: number, end: number): boolean {
  let i = start - 1;
  while (i >= 0 && isSpace(text.charCodeAt(i))) i--;
  if (i >= 0 && QUANTITY_BEFORE.has(text.charAt(i))) return false;
  let j = end;
  while (j < text.length && isSpace(text.charCodeAt(j))) j++;
  if (j >= text.length || !isHan(text.charCodeAt(j))) return true;
  if (!FUNCTION_AFTER.has(text.charAt(j))) return false;
  // 的 closing a phrase (靠以下两个维护的。) makes the formula a verb's object, not the formula.
  if (text.charAt(j) === '的') {
    let k = j + 1;
    while (k < text.length && isSpace(text.charCodeAt(k))) k++;
    return k < text.length && isHan(text.charCodeAt(k));
  }
  return true;
}
