/**
 * Metadata read off a document's own words: its title (a first line that reads as one, or the importer's
 * hint), its date (2023年3月5日, 二〇二三年三月五日), its author (a short line naming an office-holder near the
 * top), and its occasion (在…上的讲话/报告). What the text does not say stays null.
 */
import type { DocumentMeta } from './types';

export interface MetaHints {
  /** A title known for sure (the page's article title, the markup's <title>): used as is. */
  title?: string | null;
  /** Used when the text has no title line: the file's name without its extension. */
  fileName?: string | null;
  url?: string | null;
  publisher?: string | null;
  author?: string | null;
  language?: string | null;
}

/** Where the text's head ends for metadata: the lines before the body. */
const HEAD_LINES = 8;
const TITLE_MAX = 80;
const OFFICES = /(主席|总理|副总理|书记|部长|省长|市长|县长|委员长|主任|局长|厅长|院长|总书记|代表|发言人)/;
const CN_DIGITS: Record<string, number> = {
  〇: 0,
  零: 0,
  一: 1,
  二: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};

/** 二〇二三 → 2023; 十二 → 12; 二十五 → 25; null when not a numeral. */
function chineseNumber(s: string, positional: boolean): number | null {
  if (positional) {
    let n = 0;
    for (const ch of s) {
      const d = CN_DIGITS[ch];
      if (d === undefined) return null;
      n = n * 10 + d;
    }
    return n;
  }
  const m = /^([一二三四五六七八九]?)(十?)([一二三四五六七八九]?)$/.exec(s);
  if (!m || s.length === 0) return null;
  if (!m[2]) return CN_DIGITS[m[1] as string] ?? null;
  return (m[1] ? (CN_DIGITS[m[1]] as number) : 1) * 10 + (m[3] ? (CN_DIGITS[m[3]] as number) : 0);
}

const pad = (n: number) => String(n).padStart(2, '0');

/** The first date the text gives, as ISO 8601 (YYYY-MM-DD, YYYY-MM or YYYY), or null. */
export function dateIn(text: string): string | null {
  const arabic = /((?:19|20)\d{2})\s*年\s*(?:(\d{1,2})\s*月(?:\s*(\d{1,2})\s*日)?)?/.exec(text);
  const chinese =
    /([〇零一二三四五六七八九]{4})年(?:([一二三四五六七八九十]{1,2})月(?:([一二三四五六七八九十]{1,3})日)?)?/.exec(
      text,
    );
  const pick = [arabic, chinese].filter((m): m is RegExpExecArray => m !== null).sort((a, b) => a.index - b.index)[0];
  if (!pick) return null;
  const isArabic = pick === arabic;
  const year = isArabic ? Number(pick[1]) : chineseNumber(pick[1] as string, true);
  if (year === null || year < 1900 || year > 2100) return null;
  const month = pick[2] ? (isArabic ? Number(pick[2]) : chineseNumber(pick[2], false)) : null;
  const day = pick[3] ? (isArabic ? Number(pick[3]) : chineseNumber(pick[3], false)) : null;
  if (month === null || month < 1 || month > 12) return String(year);
  if (day === null || day < 1 || day > 31) return `${year}-${pad(month)}`;
  return `${year}-${pad(month)}-${pad(day)}`;
}

function headLines(text: string): string[] {
  return text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l.length > 0)
    .slice(0, HEAD_LINES);
}

/** A first line that reads as a title: short, not a sentence, not a salutation or heading marker. */
export function titleLine(text: string): string | null {
  const first = headLines(text)[0];
  if (!first) return null;
  const line = first.replace(/^#{1,6}\s+/, '');
  if (line.length > TITLE_MAX || /[。！？；]$|[：:]$/.test(line)) return null;
  if (/^[一二三四五六七八九十]+、|^[（(][一二三四五六七八九十]+[）)]/.test(line)) return null;
  return line;
}

/** A short line near the top naming an office and a person (国务院总理　李强), or null. */
export function authorIn(text: string): string | null {
  const lines = headLines(text);
  for (let i = 0; i < lines.length; i++) {
    const line = (lines[i] as string).replace(/[\s　]+/g, ' ').trim();
    // A name set on its own line with spaces between its characters (习　近　平), under the title.
    if (i > 0 && /^[\u4e00-\u9fff]( [\u4e00-\u9fff]){1,3}$/.test(line)) return line.replace(/ /g, '');
    if (line.length > 24 || /[。，；！？]/.test(line)) continue;
    if (!OFFICES.test(line)) continue;
    const next = lines[i + 1]?.trim() ?? '';
    // The office on one line, the name on the next (国务院总理 / 李克强).
    if (OFFICES.test(line.slice(-3)) && /^[\u4e00-\u9fff·]{2,5}$/.test(next)) return `${line} ${next}`;
    if (/[\u4e00-\u9fff]{2,4}$/.test(line) && / /.test(line)) return line;
  }
  return null;
}

/** 在…上的讲话 / 在…上的报告 / ——…会议上: the occasion, or null. */
export function occasionIn(text: string): string | null {
  const head = headLines(text).join('\n');
  const m =
    /在([^\n，。]{4,60}?)上的(?:讲话|报告|发言|致辞)/.exec(head) ?? /——[^\n]*?在([^\n，。]{4,60}?)上/.exec(head);
  return m ? (m[1] as string).trim() : null;
}

/** The document's metadata: the hints first, then what its words say; the rest null. */
export function guessMeta(text: string, hints: MetaHints = {}): DocumentMeta {
  const fallbackTitle = text.trim().slice(0, 20) || '未命名文档';
  return {
    title: hints.title?.trim() || titleLine(text) || hints.fileName?.trim() || fallbackTitle,
    englishTitle: null,
    author: hints.author ?? authorIn(text),
    date: dateIn(text.slice(0, 400)) ?? dateIn(text.slice(-200)),
    occasion: occasionIn(text),
    publisher: hints.publisher ?? null,
    url: hints.url ?? null,
    language: hints.language ?? 'zh-CN',
  };
}
