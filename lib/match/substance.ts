/**
 * Substance: how much a span of the speech says beyond the vocabulary every
 * article on the topic uses. A passage is reported only if the speech words
 * it covers carry enough substance; otherwise 生态文明建设和生态环境保护 would
 * light up on every environment page.
 *
 * The rule, per jieba word of the speech (scripts/generate-data.ts applies it
 * at build time and stores one weight per word in data/derived/match.json):
 *   - 0 for function words (jieba part of speech: particles, prepositions,
 *     conjunctions, pronouns, numerals, measure words, adverbs of degree…);
 *   - 0 for topic vocabulary: words the speech itself repeats 6 times or more
 *     (its own frequency is the best background available for its topic), and
 *     GENERIC_WORDS below, the stock phrases of every Chinese article on
 *     ecology and government work (a hand-kept stand-in for a background
 *     corpus: no word-frequency table ships in an installed package);
 *   - otherwise its length in characters, but 0.5 for a one-character word
 *     (抓, 更, 水: too common to say much alone).
 * A passage's substance is the sum of its characters' weights (a word's weight
 * spread evenly over its characters, so a partly quoted word counts in part),
 * leaving out characters of slogans: a slogan with stock words around it
 * (践行“绿水青山就是金山银山”的理念) is reported as the slogan, not as a passage.
 *
 * A passage needs MIN_SUBSTANCE, and a short one (fewer than SHORT_PASSAGE
 * normalised characters) needs SHORT_SUBSTANCE: an eight-character run such
 * as 农村生活污水治理 is a term of art, a ten-character run with three or four
 * content words is a phrase someone chose to repeat. A run of LONG_PASSAGE
 * characters outside slogans needs no more: its order is its substance.
 * Edits between stock phrases do not earn that (they are stock phrases
 * placed near each other), but a near-verbatim quote that keeps a long
 * stretch all but an edit or two (CLOSE_SIMILARITY) does: 持续深入打蓝天、
 * 碧水、净土保卫战 is the speech's sentence with 好 dropped, not vocabulary.
 */

/** Weight ≥ this (in content characters) makes a passage. Tuned on tests/fixtures/eval. */
export const MIN_SUBSTANCE = 6;
/** Passages shorter than this (normalised characters)… */
export const SHORT_PASSAGE = 10;
/** …need this much substance. */
export const SHORT_SUBSTANCE = 8;

/**
 * A verbatim stretch this long (normalised characters outside slogans) is a
 * quote whatever its words: each stock phrase alone says little, but twenty
 * characters of them in the speech's order are the speech's sentence, not
 * shared vocabulary (站在人与自然和谐共生的高度谋划发展，深入推进环境污染防治).
 */
export const LONG_PASSAGE = 20;

/**
 * A near-verbatim passage this similar to the speech counts its length like a verbatim one (one edit in ten
 * characters: a dropped or changed character in a long sentence, not a paraphrase around the speech's stock
 * phrases such as 以习近平生态文明思想为指导，推动生态文明建设再上新台阶, at 0.84).
 */
export const CLOSE_SIMILARITY = 0.9;

/**
 * `plainLength`: the passage's normalised speech characters that lie outside slogans, for a verbatim passage or
 * one at CLOSE_SIMILARITY or more; 0 for other near-verbatim ones.
 */
export function hasSubstance(substance: number, length: number, plainLength: number): boolean {
  if (plainLength >= LONG_PASSAGE) return true;
  return substance >= (length < SHORT_PASSAGE ? SHORT_SUBSTANCE : MIN_SUBSTANCE);
}

/** Words the speech uses this often are its topic vocabulary. */
export const TOPIC_COUNT = 6;

/** jieba tags of function words (ICTCLAS-style: u* particles, p prepositions, c conjunctions, r pronouns, m numerals, q measure words, x punctuation, y modal, e interjection, o onomatopoeia). */
const FUNCTION_TAGS = /^(u|uj|ul|uz|ud|ug|uv|p|c|r|rr|rz|m|mq|q|x|y|e|o|zg)$/;

/** Stock vocabulary of environment and government-work articles: never a quote by itself. */
export const GENERIC_WORDS: ReadonlySet<string> = new Set(
  (
    '生态 环境 生态环境 环境保护 生态环境保护 文明 生态文明 建设 生态文明建设 发展 高质量 高质量发展 习近平 总书记 ' +
    '思想 坚持 推进 推动 加强 加快 深入 全面 提升 提高 强化 落实 贯彻落实 工作 会议 重要 重大 问题 群众 人民 ' +
    '中心 党 党中央 全国 全市 进一步 不断 切实 切实增强 坚决 坚定 坚定不移 树立 牢固 践行 理念 绿色 低碳 污染 ' +
    '防治 治理 人与自然 和谐 共生 现代化 中国式 美丽 中国 责任 政治 自觉 意识 攻坚 保卫战 蓝天 碧水 净土 安全 ' +
    '底线 质量 改善 持续 体系 能力 水平 机制 创新 精神 部署 要求 企业 行动 力度 措施 我们 环保 保护 经济 社会 ' +
    '实现 努力 统筹 构建 形成 加大 严格 有效 深化 宣传 学习 贯彻 各项 相关 重点 领域 全过程 各领域 新 打好 环境污染'
  ).split(' '),
);

export function wordWeight(word: string, tag: string, countInSpeech: number): number {
  if (!/\p{Script=Han}/u.test(word)) return 0;
  if (FUNCTION_TAGS.test(tag)) return 0;
  if (GENERIC_WORDS.has(word) || countInSpeech >= TOPIC_COUNT) return 0;
  const length = [...word].length;
  return length === 1 ? 0.5 : length;
}
