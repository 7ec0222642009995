/**
 * English renderings of the bundled speech's title, for the English styles:
 * APA, MLA and Chicago give a translation in brackets after a non-English
 * title; the brackets are what says it is a translation (ours, not the
 * speaker's). APA 7 and Chicago write it in sentence case, MLA 9 in title case.
 * Keyed by the Chinese title so another speech never gets a wrong one.
 *
 * 生态文明建设 is "building an ecological civilization" and 生态环境保护
 * "ecological and environmental protection", as the Ministry of Ecology and
 * Environment renders them; 工作会议 is a work conference, not a named
 * national congress, so it stays lower case in sentence case.
 */
export interface EnglishTitle {
  sentenceCase: string;
  titleCase: string;
}

const TITLES: Record<string, EnglishTitle> = {
  在2023年生态文明建设和生态环境保护工作会议上的讲话: {
    sentenceCase:
      'Speech at the 2023 work conference on building an ecological civilization and on ecological and environmental protection',
    titleCase:
      'Speech at the 2023 Work Conference on Building an Ecological Civilization and on Ecological and Environmental Protection',
  },
};

export function englishTitles(chineseTitle: string): EnglishTitle | null {
  return TITLES[chineseTitle] ?? null;
}
