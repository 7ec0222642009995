/**
 * English renderings of the bundled speech's title, for the English styles
 * (APA, MLA and Chicago give a translation in brackets after a non-English
 * title). Keyed by the Chinese title so another speech never gets a wrong one.
 */
const TITLES: Record<string, { title: string }> = {
  在2023年生态文明建设和生态环境保护工作会议上的讲话: {
    title:
      'Speech at the 2023 Work Conference on Ecological Civilization Building and Ecological and Environmental Protection',
  },
};

export function englishTitles(chineseTitle: string): { title: string } | null {
  return TITLES[chineseTitle] ?? null;
}
