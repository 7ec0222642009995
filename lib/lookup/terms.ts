/**
 * Which words of a selection are worth looking up. Single characters are
 * mostly particles (的, 了, 和…) and match everywhere, so a term has at least
 * two characters; the multi-character function words below are dropped too.
 * Everything else is left to the ranking's IDF, which weighs words the speech
 * uses everywhere (生态, 环境) below rare ones (河长制).
 */

const STOPWORDS = new Set([
  '我们',
  '你们',
  '他们',
  '她们',
  '它们',
  '自己',
  '这个',
  '那个',
  '这些',
  '那些',
  '一个',
  '以及',
  '并且',
  '而且',
  '但是',
  '因为',
  '所以',
  '如果',
  '还是',
  '或者',
  '就是',
  '什么',
  '如何',
  '怎么',
  '可以',
  '已经',
  '没有',
  '其中',
  '之间',
  '通过',
  '进行',
  '同志',
  '同志们',
]);

/** A term: at least two letters/digits/Han characters, not a function word. */
export function isMeaningfulWord(word: string): boolean {
  const w = word.trim();
  if (w.length < 2 || STOPWORDS.has(w)) return false;
  return /^[\p{Script=Han}\p{L}\p{N}]+$/u.test(w);
}

/** The meaningful words of `words`, deduplicated, in first-seen order. */
export function meaningfulWords(words: readonly string[]): string[] {
  const out: string[] = [];
  for (const raw of words) {
    const w = raw.trim().toLowerCase();
    if (isMeaningfulWord(w) && !out.includes(w)) out.push(w);
  }
  return out;
}

/** Han runs of the speech's slogans: taught to jieba so it does not split 金山银山 into 金山/银山. */
export function sloganWords(slogans: readonly { text: string }[]): string[] {
  const words = new Set<string>();
  for (const slogan of slogans) {
    for (const run of slogan.text.split(/[^\p{Script=Han}]+/u)) if (run.length > 1) words.add(run);
  }
  return [...words].sort();
}
