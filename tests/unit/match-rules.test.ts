import { describe, expect, it } from 'vitest';
import { getCorpus } from '../../lib/corpus';
import { createSpeechMatcher, type Match } from '../../lib/match';
import { formulaStandsAlone } from '../../lib/match/rules';
import { sloganClass } from '../../lib/match/speech-index';
import { STOCK_BELOW } from '../../lib/match/types';

const speechMatcher = createSpeechMatcher();

const corpus = getCorpus();
const scan = (text: string, options = {}) => speechMatcher.scan(text, options);
const edits = (m: Match | undefined) => m?.diff?.filter((op) => op.op !== 'equal');

describe('misquotes: one near match spanning the edit, wherever the edit is', () => {
  it('an edit in the last characters of a phrase', () => {
    for (const [text, page, speech] of [
      ['我们要像对待生命一样对待自然环境。', '自然', '生态'],
      ['生态文明建设是关系中华民族永续发展的长远大计。', '长远', '根本'],
    ] as const) {
      const ms = scan(text);
      expect(ms, text).toHaveLength(1);
      expect(ms[0]?.rule).toBe('near');
      expect(text.slice(ms[0]?.start, ms[0]?.end)).toBe(
        text.slice(text.indexOf(text.includes('像') ? '像' : '生'), -1),
      );
      expect(edits(ms[0])).toEqual([{ op: 'replace', page, speech }]);
      expect(ms[0]?.similarity).toBeLessThan(1);
    }
  });

  it('an edit in the first characters of a phrase, at whichever place the speech has the rest', () => {
    // 打好蓝天、碧水、净土保卫战 stands twice in the speech; only after 持续深入 does the page's 持续 anchor it.
    const text = '要持续打好蓝天、碧水、净土保卫战。';
    const [m, ...rest] = scan(text);
    expect(rest).toEqual([]);
    expect(text.slice(m?.start, m?.end)).toBe('持续打好蓝天、碧水、净土保卫战');
    expect(edits(m)).toEqual([{ op: 'delete', page: '', speech: '深入' }]);
  });

  it('a word in front of a verbatim run is not an edit of the speech (no anchor): the run stays verbatim', () => {
    const text = '必须把增强“四个意识”、坚定“四个自信”、做到“两个维护”落到行动上。';
    const ms = scan(text);
    expect(ms.every((m) => m.similarity === 1)).toBe(true);
  });

  it('a word changed in a slogan, with a run of the speech from elsewhere standing inside it', () => {
    const text = '各地要牢固树立抓生态就是抓发展、抓环保就是抓民生的理念。';
    const [m, ...rest] = scan(text);
    expect(rest).toEqual([]);
    expect(m?.rule).toBe('near');
    expect(text.slice(m?.start, m?.end)).toBe('要牢固树立抓生态就是抓发展、抓环保就是抓民生的理念');
    expect(edits(m)).toEqual([{ op: 'replace', page: '环保', speech: '生态' }]);
  });

  it('a slogan misquoted on its own is a misquoted slogan', () => {
    const text = '他说“发展经济是政绩、保护环境也是政绩”。';
    const [m, ...rest] = scan(text);
    expect(rest).toEqual([]);
    expect(m?.kind).toBe('slogan');
    expect(m?.rule).toBe('misquoted-slogan');
    expect(edits(m)).toEqual([{ op: 'replace', page: '环境', speech: '生态' }]);
  });

  it('with near-verbatim quotes off, a misquote is left out, never reported as verbatim pieces', () => {
    const text = '要像保护眼睛一样保护生态环境，像对待生命一样对待自然环境。';
    expect(scan(text).map((m) => m.rule)).toEqual(['near']);
    expect(scan(text, { nearVerbatim: false })).toEqual([]);
  });

  it('similarity falls as a quote degrades, and a paraphrase is no quote', () => {
    const sentence = '生态文明建设是关系中华民族永续发展的根本大计';
    const one = scan(`${sentence.replace('根本', '长远')}。`)[0]?.similarity ?? 0;
    const two = scan(`${sentence.replace('根本', '长远').replace('关系', '事关')}。`)[0]?.similarity ?? 0;
    expect(scan(`${sentence}。`)[0]?.similarity).toBe(1);
    expect(one).toBeLessThan(1);
    expect(two).toBeLessThan(one);
    expect(scan('建设生态文明关乎民族未来的长远发展。')).toEqual([]);
  });
});

describe('the speech units', () => {
  it('a page reprinting the whole speech gets one match per paragraph and the title, each located', () => {
    const text = corpus.text;
    const ms = scan(text);
    const units = corpus.paragraphs.filter((p) => p.text.replace(/[\p{P}\s]/gu, '').length >= 8);
    expect(ms.length).toBeGreaterThanOrEqual(units.length);
    for (const m of ms) {
      expect(m.similarity).toBe(1);
      const where = corpus.locate(m.speechStart);
      const whereEnd = corpus.locate(m.speechEnd - 1);
      if (where) expect(whereEnd?.paragraph.number).toBe(where.paragraph.number);
    }
    const title = text.slice(0, text.indexOf('\n'));
    expect(ms[0] && text.slice(ms[0].start, ms[0].end)).toBe(title);
  });
});

describe('how the speech’s quoted phrases stand', () => {
  it('classifies slogans, numbered formulas, ordinary words and the proverb', () => {
    expect(sloganClass('绿水青山就是金山银山')).toBe('slogan');
    expect(sloganClass('两个维护')).toBe('numbered');
    expect(sloganClass('四个自信')).toBe('numbered');
    expect(sloganClass('穷追猛打')).toBe('word');
    expect(sloganClass('红线')).toBe('word');
    expect(sloganClass('含金量')).toBe('word');
    expect(sloganClass('前人栽树，后人乘凉')).toBe('word');
    const classes = corpus.slogans.map((s) => sloganClass(s.text));
    expect(classes.filter((c) => c === 'word')).toHaveLength(9);
  });

  it('a bare formula stands alone unless a quantity word precedes it or its last word runs on', () => {
    const at = (text: string) => {
      const start = text.search(/两个维护|四个意识/);
      return formulaStandsAlone(text, start, start + 4);
    };
    expect(at('坚决做到两个维护')).toBe(true);
    expect(at('两个维护的要求')).toBe(true);
    expect(at('做到两个维护上')).toBe(true);
    expect(at('增强四个意识、坚定')).toBe(true);
    expect(at('那两个维护的要求')).toBe(false);
    expect(at('其余两个维护周期')).toBe(false);
    expect(at('有两个维护者')).toBe(false);
    expect(at('以下两个维护的。')).toBe(false);
    expect(at('四个意识形态')).toBe(false);
  });
});

describe('distinctiveness', () => {
  it('stock phrasing can be left out; slogans and distinctive passages stay', () => {
    const text = '要坚持“绿水青山就是金山银山”，持续深入打好蓝天、碧水、净土保卫战，坚定不移实施生态先行战略。';
    const all = speechMatcher.scan(text);
    const distinctive = speechMatcher.scan(text, { minDistinctiveness: STOCK_BELOW });
    expect(all.some((m) => m.distinctiveness < STOCK_BELOW)).toBe(true);
    expect(distinctive.length).toBeGreaterThan(0);
    expect(distinctive).toEqual(all.filter((m) => m.distinctiveness >= STOCK_BELOW));
  });
});
