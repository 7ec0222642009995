/** The inputs the exact-string citation tests share: located by searching the speech, not by hard-coded offsets. */
import type { CitationInput } from '../../lib/citations';
import { getCorpus } from '../../lib/corpus';

const corpus = getCorpus();

export function spanOf(quote: string): CitationInput {
  const start = corpus.text.indexOf(quote);
  if (start < 0) throw new Error(`not in the speech: ${quote}`);
  return { quote, speechStart: start, speechEnd: start + quote.length };
}

/** A quote from part 2, ¶4. */
export const QUOTE = '以更高标准打好蓝天、碧水、净土保卫战';
const speech = spanOf(QUOTE);
// Local calendar date: the user's day, whatever the time zone.
const accessed = new Date(2026, 10, 28, 23, 59);
const url = 'https://news.example.cn/2023/eco.html';

/** The end of ¶3 (part 1) and the start of ¶4 (part 2), with the line break between them. */
function acrossParagraphs(): CitationInput {
  const p3 = corpus.paragraphs[2];
  const p4 = corpus.paragraphs[3];
  if (!p3 || !p4) throw new Error('the speech has fewer than 4 paragraphs');
  const start = p3.end - 8;
  const end = p4.start + 6;
  return { quote: corpus.text.slice(start, end), speechStart: start, speechEnd: end };
}

export const SCENARIOS = {
  /** The speech alone (copied from the reader). */
  speech,
  /** Seen on a page whose title ends with its site. */
  titled: { ...speech, seenAt: { title: '生态环境部：打好蓝天碧水净土保卫战--人民网', url, accessed } },
  /** Seen on a page without a title. */
  untitled: { ...speech, seenAt: { title: ' \n ', url, accessed } },
  /** Seen on a page with a byline and a named site. */
  byline: {
    ...speech,
    seenAt: { title: '打好蓝天碧水净土保卫战', url, accessed, author: '李明', site: 'Example News' },
  },
  /** A quote that runs from one paragraph (and part) into the next. */
  paragraphs: acrossParagraphs(),
  /** A page title and URL built to break records: quotes, braces, backslash, %, &, line breaks, controls. */
  hostile: {
    ...speech,
    seenAt: {
      title: 'Say "no" to {x} \\ 50% & “两山”\r\nER  - \u0007TY  - JOUR\u2028--人民网',
      url: 'https://x.cn/a?b=1&c=%20\r\nER  - \nTY  - JOUR',
      accessed,
    },
  },
} satisfies Record<string, CitationInput>;
