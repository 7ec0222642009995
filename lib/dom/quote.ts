/**
 * A match's words as a reader sees them on the page, for lists and citations:
 * whitespace runs become one space, and none is left between two CJK
 * characters or punctuation marks, where a space is only a line break in the
 * page's source (`时时放心\n    不下` reads 时时放心不下).
 */
const CJK = '\\u2e80-\\u9fff\\uf900-\\ufaff\\uff00-\\uffef\\u3000-\\u303f';
const BETWEEN_CJK = new RegExp(`(?<=[${CJK}]) (?=[${CJK}])`, 'g');

export function displayQuote(raw: string): string {
  return raw.replace(/\s+/g, ' ').trim().replace(BETWEEN_CJK, '');
}
