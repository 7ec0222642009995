import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CorpusFormatError, getCorpus, parseSpeech } from '../../lib/corpus';
import { speechData } from '../../lib/corpus/speech-data';

const corpus = getCorpus();
const seed = readFileSync(new URL('../../data/speech.txt', import.meta.url), 'utf8');

describe('the speech as data', () => {
  it('is data/speech.txt exactly, masked *委 included', () => {
    expect(corpus.text).toBe(seed);
    expect(speechData.text).toBe(seed);
    expect(corpus.text).toContain('*委部署要求');
  });

  it('has its metadata in one place, speaker unknown', () => {
    expect(corpus.meta).toEqual({
      title: '在2023年生态文明建设和生态环境保护工作会议上的讲话',
      year: 2023,
      occasion: '2023年生态文明建设和生态环境保护工作会议',
      speaker: null,
      language: 'zh-CN',
    });
  });

  it('has five sections with exact titles', () => {
    expect(corpus.sections.map((s) => [s.index, s.label, s.title])).toEqual([
      [0, '开篇', '开篇'],
      [1, '第一部分', '切实增强生态文明建设的政治自觉，坚决扛起美丽中国建设的政治责任'],
      [2, '第二部分', '切实增强落实污染防治的思想自觉，以更高标准打好蓝天、碧水、净土保卫战'],
      [3, '第三部分', '切实增强生态环境保护的行动自觉，让良好生态成为最持久的竞争力'],
      [4, '结语', '结语'],
    ]);
    expect(corpus.text.slice(corpus.sections[0]!.start, corpus.sections[0]!.start + 4)).toBe('同志们：');
    expect(
      corpus.text.slice(corpus.sections[4]?.start).startsWith('生态文明建设是关系中华民族永续发展的根本大计'),
    ).toBe(true);
    for (const s of corpus.sections) {
      if (s.titleSpan) expect(corpus.text.slice(s.titleSpan.start, s.titleSpan.end)).toBe(s.title);
    }
  });

  it('numbers paragraphs through the speech, salutation first', () => {
    expect(corpus.paragraphs.map((p) => [p.number, p.section])).toEqual([
      [1, 0],
      [2, 0],
      [3, 1],
      [4, 2],
      [5, 3],
      [6, 4],
    ]);
    expect(corpus.paragraphs[0]?.text).toBe('同志们：');
  });

  it('has 22 distinct slogans, each occurrence with its section', () => {
    const bySlogan = Object.fromEntries(corpus.slogans.map((s) => [s.text, s.occurrences.map((o) => o.section)]));
    expect(bySlogan).toEqual({
      两个确立: [0, 1],
      两个维护: [0, 1],
      '抓生态就是抓发展、抓生态就是抓民生': [0],
      绿水青山就是金山银山: [0, 3],
      四个意识: [1],
      四个自信: [1],
      '前人栽树，后人乘凉': [1],
      功成不必在我: [1],
      一任接着一任干: [1],
      一张蓝图绘到底: [1],
      显绩: [1],
      潜绩: [1],
      '抓环保就是抓机遇、抓项目、抓发展': [2],
      含金量: [2],
      含绿量: [2],
      红线: [3],
      露头就打: [3],
      穷追猛打: [3],
      '中国式现代化是人与自然和谐共生的现代化。': [4],
      '发展经济是政绩、保护生态也是政绩': [4],
      指挥棒: [4],
      时时放心不下: [4],
    });
    expect(corpus.slogans).toHaveLength(22);
  });

  it('gives every unit offsets that slice back to its exact text', () => {
    const t = corpus.text;
    for (const p of corpus.paragraphs) expect(t.slice(p.start, p.end)).toBe(p.text);
    for (const s of corpus.sentences) {
      expect(t.slice(s.start, s.end)).toBe(s.text);
      expect(s.clauses.map((c) => c.text).join('')).toBe(s.text);
      for (const c of s.clauses) expect(t.slice(c.start, c.end)).toBe(c.text);
    }
    for (const slogan of corpus.slogans) {
      for (const o of slogan.occurrences) {
        expect(t.slice(o.start, o.end)).toBe(slogan.text);
        expect(t[o.start - 1]).toBe('“');
        expect(t[o.end]).toBe('”');
      }
    }
    // Sentences tile each paragraph in order.
    for (const p of corpus.paragraphs) {
      const own = corpus.sentences.filter((s) => s.paragraph === p.number);
      expect(own.map((s) => s.text).join('')).toBe(p.text);
    }
  });

  it('splits sentences after 。！？ keeping closing quotes, and clauses after ；', () => {
    const quoted = corpus.sentences.find((s) => s.text.includes('中国式现代化是人与自然'));
    expect(quoted?.text).toBe('党的二十大报告强调：“中国式现代化是人与自然和谐共生的现代化。”');
    const withClauses = corpus.sentences.find((s) => s.clauses.length > 1);
    expect(withClauses?.clauses[0]?.text.endsWith('；')).toBe(true);
  });

  it('maps an offset inside part 2 to section 2, its paragraph and sentence', () => {
    const at = corpus.text.indexOf('以更高标准打好蓝天');
    const loc = corpus.locate(at);
    expect(loc?.section.index).toBe(2);
    expect(loc?.paragraph.number).toBe(4);
    expect(loc?.sentence.text.startsWith('第二，切实增强落实污染防治的思想自觉')).toBe(true);
    const closing = corpus.locate(corpus.text.lastIndexOf('政绩'));
    expect(closing?.section.index).toBe(4);
    expect(corpus.locate(0)).toBeNull(); // the title line is not body text
    expect(corpus.locate(corpus.sections[1]!.start - 1)).toBeNull(); // a line break
    // Every body offset resolves to the sentence that contains it.
    for (const s of corpus.sentences) {
      for (const o of [s.start, s.end - 1]) expect(corpus.locate(o)?.sentence).toBe(s);
    }
  });

  it('rejects a text without the expected layout', () => {
    expect(() => parseSpeech('')).toThrow(CorpusFormatError);
    expect(() => parseSpeech('标题\n\n同志们：\n开场。\n第二，乱序。\n结尾。')).toThrow(/out of order/);
    expect(() => parseSpeech('标题\n\n同志们：\n开场。\n结尾。')).toThrow(CorpusFormatError);
  });
});
