import { describe, expect, it } from 'vitest';
import { getCorpus } from '../../lib/corpus';
import { createSpeechMatcher, type Match } from '../../lib/match';
import { STOCK_BELOW } from '../../lib/match/types';

const speechMatcher = createSpeechMatcher();

const corpus = getCorpus();
const scan = (text: string, options = {}) => speechMatcher.scan(text, options);
const quoted = (text: string, ms: Match[]) => ms.map((m) => [m.kind, text.slice(m.start, m.end)]);

describe('slogans', () => {
  it('finds a long slogan with its speech offsets', () => {
    const text = '会议强调要坚持“绿水青山就是金山银山”的理念。';
    const [m, ...rest] = scan(text);
    expect(rest).toEqual([]);
    expect(m?.kind).toBe('slogan');
    expect(text.slice(m!.start, m!.end)).toBe('绿水青山就是金山银山');
    expect(corpus.text.slice(m!.speechStart, m!.speechEnd)).toBe('绿水青山就是金山银山');
    expect(m?.similarity).toBe(1);
    expect(m?.diff).toBeNull();
    expect(m?.rule).toBe('quoted-slogan');
    expect(m?.distinctiveness).toBe(1);
  });

  it('never reports on their own the ordinary words and the proverb the speech quotes, quoted or not', () => {
    const text =
      '不能只追求“显绩”，也要重视「潜绩」。守住“红线”，用好“指挥棒”，对违法行为“穷追猛打”。“前人栽树，后人乘凉。”';
    expect(scan(text)).toEqual([]);
  });

  it('does not take a four-character slogan that runs into another word', () => {
    for (const text of [
      '这个开源项目有两个维护者，兩個維護週期之后发布。',
      '这两个确立的标准不同。',
      '请联系两个维护人员。',
      '旧版本只靠以下两个维护的。',
      '我們選用了兩個維護良好的函式庫。',
    ])
      expect(scan(text), text).toEqual([]);
    const text = '坚决做到两个维护。';
    expect(quoted(text, scan(text))).toEqual([['slogan', '两个维护']]);
  });

  it('finds a numbered formula standing bare: a heading, a table cell, bold after a verb, traditional script', () => {
    for (const [text, formula] of [
      ['两个确立\n学习要点', '两个确立'],
      ['要求\t四个意识\t政治意识、大局意识', '四个意识'],
      ['全体党员要坚决做到两个维护，保持一致。', '两个维护'],
      ['全党深刻认识兩個確立。', '兩個確立'],
    ] as const) {
      const ms = scan(text);
      expect(quoted(text, ms), text).toEqual([['slogan', formula]]);
      expect(ms[0]?.rule).toBe('bare-slogan');
    }
  });

  it('finds a numbered formula after several quotation marks and spaces, and not after a quote of something else', () => {
    // The pass keeps a quotation mark only when the next letter starts a slogan, looking past marks and spaces.
    const text = '他说：“ 『两个维护』”与“政绩”不同，「 “四个自信” 」也要看。“显示”不算。';
    expect(quoted(text, scan(text))).toEqual([
      ['slogan', '两个维护'],
      ['slogan', '四个自信'],
    ]);
    expect(scan(`${'“'.repeat(50_000)}两个维护${'”'.repeat(50_000)}`)).toHaveLength(1);
  });

  it('finds slogans in traditional script', () => {
    const text = '他說，「綠水青山就是金山銀山」。';
    expect(quoted(text, scan(text))).toEqual([['slogan', '綠水青山就是金山銀山']]);
  });
});

describe('passages', () => {
  it('finds a verbatim passage across punctuation and markup breaks', () => {
    const text = '文章说，坚定不移实施生态先行战略，\n让绿水青山\n永远成为最鲜明的特征。';
    const ms = scan(text);
    expect(quoted(text, ms)).toEqual([['passage', '坚定不移实施生态先行战略，\n让绿水青山\n永远成为最鲜明的特征']]);
    expect(corpus.text.slice(ms[0]!.speechStart, ms[0]!.speechEnd)).toBe(
      '坚定不移实施生态先行战略，让绿水青山永远成为最鲜明的特征',
    );
  });

  it('does not report generic vocabulary', () => {
    expect(scan('要推动生态文明建设，加强生态环境保护，促进高质量发展。')).toEqual([]);
  });

  it('reports stock phrasing of ten characters or more in the speech order, as stock (low distinctiveness)', () => {
    const text = '持续深入打好蓝天、碧水、净土保卫战，推动生态文明建设和生态环境保护。';
    const ms = scan(text);
    expect(quoted(text, ms)).toEqual([
      ['passage', '持续深入打好蓝天、碧水、净土保卫战'],
      ['passage', '生态文明建设和生态环境保护'],
    ]);
    for (const m of ms) {
      expect(m.rule).toBe('verbatim');
      expect(m.distinctiveness).toBeLessThan(STOCK_BELOW);
    }
    const distinctive = scan('坚定不移实施生态先行战略，让绿水青山永远成为最鲜明的特征。')[0];
    expect(distinctive?.distinctiveness).toBeGreaterThanOrEqual(STOCK_BELOW);
  });

  it('reports a near-verbatim quote with its similarity and diff', () => {
    const text = '要像保护眼睛那样保护生态环境，像对待生命一样对待生态环境。';
    const [m] = scan(text);
    expect(m?.kind).toBe('passage');
    expect(m!.similarity).toBeGreaterThan(0.8);
    expect(m!.similarity).toBeLessThan(1);
    expect(m!.diff?.filter((d) => d.op !== 'equal')).toEqual([{ op: 'replace', page: '那', speech: '一' }]);
  });

  it('reports the same passage twice when quoted twice', () => {
    const q = '坚定不移实施生态先行战略，让绿水青山永远成为最鲜明的特征';
    const ms = scan(`开头：${q}。中间隔了一段别的话。结尾再说一次：${q}。`);
    expect(ms.map((m) => m.kind)).toEqual(['passage', 'passage']);
    expect(ms[0]!.speechStart).toBe(ms[1]!.speechStart);
  });

  it('ends at the speech sentence or clause, not a character or two into the next one', () => {
    // The speech goes on 。要始终扛牢…: the page's 要 is its own.
    const tail = '他说，方能不求急功近利的“显绩”、多创造泽被后人的“潜绩”。要看实效。';
    const [a] = scan(tail);
    expect(quoted(tail, [a!])).toEqual([['passage', '方能不求急功近利的“显绩”、多创造泽被后人的“潜绩”']]);
    expect(corpus.text.slice(a!.speechStart, a!.speechEnd)).toBe('方能不求急功近利的“显绩”、多创造泽被后人的“潜绩');
    // The speech has …政治责任。生态环境是…: the page's 责任 before the quote is not part of it.
    const head = '要扛起责任。生态环境是关系党的使命宗旨的重大政治问题，各级都要重视。';
    expect(quoted(head, scan(head))).toEqual([['passage', '生态环境是关系党的使命宗旨的重大政治问题']]);
    // After ；, the next clause of the speech begins (；要坚持目标导向…).
    const clause = '以整改的成效赢得群众的信任；要看实效。';
    expect(quoted(clause, scan(clause))).toEqual([['passage', '以整改的成效赢得群众的信任']]);
    // Quoting on into the next sentence is quoting it.
    const on = '方能不求急功近利的“显绩”、多创造泽被后人的“潜绩”。要始终扛牢整改责任，各地都在做。';
    expect(quoted(on, scan(on))).toEqual([
      ['passage', '方能不求急功近利的“显绩”、多创造泽被后人的“潜绩”。要始终扛牢整改责任'],
    ]);
  });

  it('honours the options', () => {
    const text = '要像保护眼睛那样保护生态环境，像对待生命一样对待生态环境。还要“绿水青山就是金山银山”。';
    expect(scan(text, { nearVerbatim: false }).every((m) => m.similarity === 1)).toBe(true);
    expect(scan(text, { passages: false }).map((m) => m.kind)).toEqual(['slogan']);
    expect(scan('「綠水青山就是金山銀山」', { traditional: false })).toEqual([]);
  });
});

describe('resolution', () => {
  it('reports a slogan inside a quoted passage as part of the passage, and slogans on their own as slogans', () => {
    const text =
      '讲话提出：“我们要牢固树立‘发展经济是政绩、保护生态也是政绩’的理念，像保护眼睛一样保护生态环境，像对待生命一样对待生态环境。”另有一句“绿水青山就是金山银山”。';
    expect(quoted(text, scan(text))).toEqual([
      [
        'passage',
        '我们要牢固树立‘发展经济是政绩、保护生态也是政绩’的理念，像保护眼睛一样保护生态环境，像对待生命一样对待生态环境',
      ],
      ['slogan', '绿水青山就是金山银山'],
    ]);
  });

  it('reports a slogan with three characters or fewer of the speech around it as the slogan', () => {
    const text = '要坚持绿水青山就是金山银山的理念。';
    expect(quoted(text, scan(text))).toEqual([['slogan', '绿水青山就是金山银山']]);
  });

  it('keeps offsets exact around emoji and zero-width characters', () => {
    const text =
      '😀😀“绿水青山\u200b就是金山银山”😀 今天天气很好。😀坚定不移实施生态先行战略，让绿水青山永远成为最鲜明的特征😀';
    const ms = scan(text);
    expect(quoted(text, ms)).toEqual([
      ['slogan', '绿水青山\u200b就是金山银山'],
      ['passage', '坚定不移实施生态先行战略，让绿水青山永远成为最鲜明的特征'],
    ]);
  });

  it('near-verbatim diff ops hold the page’s and the speech’s characters', () => {
    const text = '提高群众环保意识和参与度，通过多种渠道，多角度向群众宣传环保知识。';
    const [m] = scan(text);
    expect(m?.kind).toBe('passage');
    expect(m!.similarity).toBeLessThan(1);
    // 多 repeats, so the dropped seven characters can be placed two ways; either is the same edit.
    const edits = m!.diff?.filter((d) => d.op !== 'equal') ?? [];
    expect(edits).toHaveLength(1);
    expect(edits[0]).toMatchObject({ op: 'delete', page: '' });
    expect(edits[0]!.speech.replace(/[，、]/g, '')).toMatch(/^(多种方式高密度|种方式高密度多)$/);
    expect(m!.similarity).toBeCloseTo(1 - 7 / 37, 3); // 7 dropped of the speech’s 37 normalised characters
    expect(m!.diff!.map((d) => d.page).join('')).toBe(text.slice(m!.start, m!.end));
  });
});

describe('substance of long runs', () => {
  it('reports a long verbatim run made of stock phrases, in the speech order', () => {
    const text = '他表示，要站在人与自然和谐共生的高度谋划发展，深入推进环境污染防治。';
    expect(quoted(text, scan(text))).toEqual([['passage', '站在人与自然和谐共生的高度谋划发展，深入推进环境污染防治']]);
  });

  it('does not report the same stock phrases when the run is short', () => {
    for (const text of ['要推进环境污染防治。', '人与自然和谐共生，这是要求。']) {
      expect(scan(text), text).toEqual([]);
    }
  });

  it('reports stock phrases with edits between them as a near quote of the speech, not as verbatim pieces', () => {
    const text = '下一步，将以习近平生态文明思想为指导，推动生态文明建设再上新台阶。';
    const ms = scan(text);
    expect(ms.every((m) => m.rule === 'near' || m.rule === 'verbatim')).toBe(true);
    expect(ms.filter((m) => m.rule === 'near').length).toBeLessThanOrEqual(1);
    expect(scan(text, { nearVerbatim: false }).some((m) => m.similarity < 1)).toBe(false);
  });

  it('reports a long run of stock phrases quoted with one character dropped or changed', () => {
    const sentence = '深入推进环境污染防治，持续深入打好蓝天、碧水、净土保卫战';
    expect(corpus.text).toContain(sentence);
    const edits = [
      { misquote: sentence.replace('打好', '打'), edit: { op: 'delete', page: '', speech: '好' } },
      { misquote: sentence.replace('打好', '打那'), edit: { op: 'replace', page: '那', speech: '好' } },
    ];
    for (const { misquote, edit } of edits) {
      const text = `会议指出，“${misquote}”。`;
      const [m, ...rest] = scan(text);
      expect(rest, misquote).toEqual([]);
      expect(m?.kind).toBe('passage');
      expect(text.slice(m?.start, m?.end)).toBe(misquote);
      expect(m?.similarity).toBeGreaterThanOrEqual(0.9);
      expect(m?.diff?.filter((op) => op.op !== 'equal')).toEqual([edit]);
    }
  });

  it('reports a slogan with four or more characters of the speech around it as the speech sentence', () => {
    const text = '要牢固树立和践行绿水青山就是金山银山的理念。';
    expect(quoted(text, scan(text))).toEqual([['passage', '牢固树立和践行绿水青山就是金山银山的理念']]);
  });
});
