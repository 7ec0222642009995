import { describe, expect, it } from 'vitest';
import {
  CITATION_FORMATS,
  type CitationFormatId,
  type CitationInput,
  CitationInputError,
  DEFAULT_CITATION_FORMAT,
  formatCitation,
  formatCitationHtml,
  formatCitations,
  formatLabel,
  isCitationFormatId,
  sectionHeading,
} from '../../lib/citations';
import { oneLine, siteFromTitle } from '../../lib/citations/source';
import { getCorpus } from '../../lib/corpus';
import { DEFAULT_SETTINGS, sanitiseSettings } from '../../lib/settings';
import { spanOf } from './citation-scenarios';

const corpus = getCorpus();
const TITLE = '在2023年生态文明建设和生态环境保护工作会议上的讲话';
const EN_SENTENCE =
  'Speech at the 2023 work conference on building an ecological civilization and on ecological and environmental protection';
const OCCASION = '2023年生态文明建设和生态环境保护工作会议';
const H2 = '切实增强落实污染防治的思想自觉，以更高标准打好蓝天、碧水、净土保卫战';
const PART2 = `第二部分“${H2}”`;

const QUOTE = '以更高标准打好蓝天、碧水、净土保卫战';
const input = spanOf(QUOTE);
const seenAt = {
  title: '生态环境部：打好蓝天碧水净土保卫战',
  url: 'https://news.example.cn/2023/eco.html',
  // Local calendar date: the user's day, whatever the time zone.
  accessed: new Date(2026, 10, 28, 23, 59),
};
const seen: CitationInput = { ...input, seenAt };

describe('GB/T 7714: the standard’s own examples', () => {
  // The web-page examples of the reference note (gbt7714-2025.md §3), built from their parts.
  const page = (title: string, url: string, author: string, published: Date, accessed: Date) =>
    formatCitation('gbt7714-web', { ...input, seenAt: { title, url, author, published, accessed } }).split('\n')[2];
  const page2015 = (title: string, url: string, author: string, published: Date, accessed: Date) =>
    formatCitation('gbt7714-2015-web', { ...input, seenAt: { title, url, author, published, accessed } }).split(
      '\n',
    )[2];

  it('2025: a web page with its author, date and citing date', () => {
    expect(
      page(
        '北京鲁迅博物馆志愿服务章程',
        'http://www.luxunmuseum.com.cn/html/202104/a11310.htm',
        '北京鲁迅博物馆',
        new Date(2021, 3, 21),
        new Date(2023, 4, 2),
      ),
    ).toBe(
      '北京鲁迅博物馆. 北京鲁迅博物馆志愿服务章程[EB/OL]. （2021-04-21）[2023-05-02]. http://www.luxunmuseum.com.cn/html/202104/a11310.htm.',
    );
    expect(
      page(
        '开放世界中的实体基础模型',
        'https://www.ppthub.com.cn/view/19309',
        '仉尚航',
        new Date(2024, 11, 24),
        new Date(2025, 0, 2),
      ),
    ).toBe(
      '仉尚航. 开放世界中的实体基础模型[EB/OL]. （2024-12-24）[2025-01-02]. https://www.ppthub.com.cn/view/19309.',
    );
  });

  it('2015: the same element order with half-width parentheses', () => {
    expect(
      page2015(
        '出版业信息化迈入快车道',
        'http://www.creader.com/news/20011219/200112190019.html',
        '萧钰',
        new Date(2001, 11, 19),
        new Date(2002, 3, 15),
      ),
    ).toBe(
      '萧钰. 出版业信息化迈入快车道[EB/OL]. (2001-12-19)[2002-04-15]. http://www.creader.com/news/20011219/200112190019.html.',
    );
  });

  it('the speech [Z]: unknown place and publisher said so, punctuated as each edition writes “武汉：武汉大学档案馆，1949”', () => {
    const title = spanOf(TITLE);
    expect(formatCitation('gbt7714', title)).toBe(`“${TITLE}”\n\n佚名. ${TITLE}[Z]. [出版地不详]：[出版者不详]，2023.`);
    expect(formatCitation('gbt7714-2015', title)).toBe(
      `“${TITLE}”\n\n佚名. ${TITLE}[Z]. [出版地不详]: [出版者不详], 2023.`,
    );
  });

  it('has no “quoted in”: the page read is cited as itself, next to the speech', () => {
    for (const id of ['gbt7714', 'gbt7714-web', 'gbt7714-2015', 'gbt7714-2015-web'] as const) {
      const text = formatCitation(id, seen);
      expect(text, id).not.toMatch(/转引|原文/);
      expect(text, id).toContain('[EB/OL]');
      expect(text, id).toContain('[Z]');
    }
  });
});

describe('转引自 (quoted in)', () => {
  it('appears only in the note style that has it', () => {
    for (const { id } of CITATION_FORMATS) {
      expect(formatCitation(id, seen).includes('转引自'), id).toBe(id === 'zh-note');
    }
  });
});

describe('the default format', () => {
  it('is GB/T 7714—2025, and a stored gbt7714 stays valid and means it', () => {
    expect(DEFAULT_CITATION_FORMAT).toBe('gbt7714');
    expect(DEFAULT_SETTINGS.citationFormat).toBe(DEFAULT_CITATION_FORMAT);
    expect(CITATION_FORMATS.find((f) => f.id === 'gbt7714')?.label).toBe('GB/T 7714—2025');
    const stored = sanitiseSettings({ ...DEFAULT_SETTINGS, citationFormat: 'gbt7714' });
    expect(stored.settings.citationFormat).toBe('gbt7714');
    expect(stored.notice.resetFields).toEqual([]);
    expect(formatCitation(stored.settings.citationFormat, input)).toContain('[出版地不详]：[出版者不详]，2023：');
  });

  it('keeps the 2015 edition as a choice that settings accept', () => {
    for (const id of ['gbt7714-2015', 'gbt7714-2015-web'] as const) {
      expect(isCitationFormatId(id)).toBe(true);
      expect(sanitiseSettings({ ...DEFAULT_SETTINGS, citationFormat: id }).settings.citationFormat).toBe(id);
    }
  });
});

describe('copy all: one entry per distinct source', () => {
  const quotes = [QUOTE, '牢固树立和践行绿水青山就是金山银山的理念', QUOTE].map((q) => ({ ...spanOf(q), seenAt }));
  const PAGE_APA = `${seenAt.title}. (n.d.). Retrieved November 28, 2026, from ${seenAt.url}`;

  it('BibTeX: two entries under two keys, every quote and its place in the speech entry’s note', () => {
    const text = formatCitations('bibtex', quotes);
    expect(text.match(/^@misc\{(\w+),$/gm)).toEqual(['@misc{speech2023,', '@misc{seen20261128,']);
    expect(text).toContain(
      `  note = {${PART2}，第4段：“${QUOTE}”；开篇，第2段：“牢固树立和践行绿水青山就是金山银山的理念”},`,
    );
  });

  it('CSL-JSON: two items with unique ids', () => {
    const items = JSON.parse(formatCitations('csl-json', quotes));
    expect(items.map((i: { id: string }) => i.id)).toEqual(['speech2023', 'seen20261128']);
    expect(items[0].note).toBe(`${PART2}，第4段：“${QUOTE}”；开篇，第2段：“牢固树立和践行绿水青山就是金山银山的理念”`);
  });

  it('RIS: two records', () => {
    expect(formatCitations('ris', quotes).match(/^TY {2}- /gm)).toHaveLength(2);
  });

  it('MLA and APA: each quote’s in-text citation, then the entry once', () => {
    const mla = formatCitations('mla', quotes).split('\n\n');
    expect(mla).toHaveLength(2);
    expect(mla[0]?.split('\n')).toHaveLength(3);
    expect(mla[1]).toBe(`“${seenAt.title}.” news.example.cn/2023/eco.html. Accessed 28 Nov. 2026.`);
    const apa = formatCitations('apa', quotes).split('\n\n');
    expect(apa).toEqual([expect.stringContaining('para. 2, as cited in'), PAGE_APA]);
  });

  it('Chicago: each quote with its note, then the bibliography entry once', () => {
    const blocks = formatCitations('chicago', quotes).split('\n\n');
    expect(blocks).toHaveLength(7);
    expect(blocks[6]).toMatch(/^“在2023年.*Quoted in “生态环境部：打好蓝天碧水净土保卫战\.”/);
  });

  it('GB/T 7714: each quote with its place, then each entry once without a place', () => {
    expect(formatCitations('gbt7714', quotes.slice(0, 2))).toBe(
      `“${QUOTE}”（${PART2}，第4段）\n“牢固树立和践行绿水青山就是金山银山的理念”（开篇，第2段）\n\n` +
        `佚名. ${TITLE}[Z]. [出版地不详]：[出版者不详]，2023.\n` +
        `佚名. ${seenAt.title}[EB/OL]. [2026-11-28]. ${seenAt.url}.`,
    );
  });

  it('one quote through formatCitations is the same as formatCitation', () => {
    for (const { id } of CITATION_FORMATS) expect(formatCitations(id, [seen]), id).toBe(formatCitation(id, seen));
  });

  it('refuses an empty list', () => {
    expect(() => formatCitations('apa', [])).toThrow(CitationInputError);
  });
});

describe('rich text for the clipboard', () => {
  it('APA keeps its italics as HTML; the plain text has no trace of them', () => {
    expect(formatCitationHtml('apa', input)).toBe(
      `<p>“${QUOTE}” (<i>${TITLE}</i>, 2023, Part 2, “${H2}” section, para. 4)</p>` +
        `<p><i>${TITLE}</i> [${EN_SENTENCE}] [Speech]. (2023). ${OCCASION}.</p>`,
    );
    expect(formatCitationHtml('apa', { ...seen, seenAt: { ...seenAt, title: 'A <b> & “B”？' } })).toBe(
      `<p>“${QUOTE}” (<i>${TITLE}</i>, 2023, Part 2, “${H2}” section, para. 4, as cited in <i>A &lt;b&gt; &amp; “B”？</i>, n.d.)</p>` +
        '<p><i>A &lt;b&gt; &amp; “B”？</i> (n.d.). Retrieved November 28, 2026, from https://news.example.cn/2023/eco.html</p>',
    );
    for (const { id } of CITATION_FORMATS) expect(formatCitation(id, seen), id).not.toMatch(/[\uE000\uE001]/);
  });

  it('MLA italicises the site, the container', () => {
    expect(formatCitationHtml('mla', { ...input, seenAt: { ...seenAt, site: '人民网' } })).toContain(
      `<p>“${seenAt.title}.” <i>人民网</i>, news.example.cn/2023/eco.html. Accessed 28 Nov. 2026.</p>`,
    );
  });

  it('formats without italics have no HTML form', () => {
    for (const id of [
      'gbt7714',
      'gbt7714-web',
      'gbt7714-2015',
      'gbt7714-2015-web',
      'mla',
      'chicago',
      'zh-note',
      'bibtex',
      'ris',
      'csl-json',
      'markdown',
      'plain',
    ] as const) {
      expect(formatCitationHtml(id, seen), id).toBeNull();
    }
  });

  it('input cannot forge the italic markers', () => {
    const text = formatCitationHtml('apa', { ...input, quote: `${QUOTE}\uE000x\uE001` });
    expect(text).toContain(`“${QUOTE} x”`);
    expect(text?.match(/<i>/g)).toHaveLength(2);
  });
});

describe('markdown and plain in English', () => {
  it('use English connecting words', () => {
    expect(formatCitation('markdown', seen, { lang: 'en' })).toBe(
      `> ${QUOTE}\n>\n> — *${TITLE}* (2023), Part 2, “${H2},” para. 4; ` +
        'quoted in [生态环境部：打好蓝天碧水净土保卫战](https://news.example.cn/2023/eco.html), accessed 2026-11-28',
    );
    expect(formatCitation('plain', seen, { lang: 'en' })).toBe(
      `“${QUOTE}” — ${TITLE} (2023), Part 2, “${H2},” para. 4. ` +
        'Quoted in: 生态环境部：打好蓝天碧水净土保卫战, https://news.example.cn/2023/eco.html, accessed 2026-11-28.',
    );
  });
});

describe('locations', () => {
  it('names the opening by its label alone', () => {
    const opening = spanOf('牢固树立和践行绿水青山就是金山银山的理念');
    expect(formatCitation('plain', opening)).toBe(
      `“牢固树立和践行绿水青山就是金山银山的理念”——《${TITLE}》（2023），开篇，第2段。`,
    );
    expect(formatCitation('apa', opening).split('\n')[0]).toBe(
      `“牢固树立和践行绿水青山就是金山银山的理念” (${TITLE}, 2023, Opening, para. 2)`,
    );
    expect(formatCitation('mla', opening).split('\n')[0]).toBe(
      `“牢固树立和践行绿水青山就是金山银山的理念” (“${TITLE},” Opening, par. 2).`,
    );
  });

  it('carries whole headings, never an ellipsis of ours', () => {
    const third = spanOf('让良好生态成为最持久的竞争力');
    for (const { id } of CITATION_FORMATS) {
      const text = formatCitation(id, third);
      expect(text, id).toContain('切实增强生态环境保护的行动自觉，让良好生态成为最持久的竞争力');
      expect(text, id).not.toContain('…');
    }
  });

  it('sectionHeading (a view’s one-line label) still shortens a part heading at its first comma', () => {
    expect(corpus.sections.map(sectionHeading)).toEqual([
      '开篇',
      '第一部分 · 切实增强生态文明建设的政治自觉…',
      '第二部分 · 切实增强落实污染防治的思想自觉…',
      '第三部分 · 切实增强生态环境保护的行动自觉…',
      '结语',
    ]);
  });
});

describe('awkward input', () => {
  it('escapes LaTeX specials in BibTeX and keeps braces balanced', () => {
    const text = formatCitation('bibtex', {
      ...input,
      seenAt: { ...seenAt, title: '50% & #1 {x}_y $z\\ ~^', url: 'https://x.cn/a?b=1&c=%20' },
    });
    expect(text).toContain(
      'title = {50\\% \\& \\#1 \\{x\\}\\_y \\$z\\textbackslash{} \\textasciitilde{}\\textasciicircum{}},',
    );
    expect(text).toContain('url = {https://x.cn/a?b=1&c=%20},');
    const unescaped = text.replace(/\\[{}]/g, '');
    expect(unescaped.split('{').length).toBe(unescaped.split('}').length);
  });

  it('BibTeX states nothing twice', () => {
    const text = formatCitation('bibtex', seen);
    expect(text.split('\n\n')[1]).toBe(
      '@misc{seen20261128,\n  title = {生态环境部：打好蓝天碧水净土保卫战},\n' +
        '  url = {https://news.example.cn/2023/eco.html},\n  urldate = {2026-11-28},\n}',
    );
  });

  it('escapes Markdown syntax in the quote and link text, and parentheses in the URL', () => {
    const text = formatCitation('markdown', {
      ...input,
      quote: '*强调* [链接]',
      seenAt: { ...seenAt, title: '标题 [1]', url: 'https://x.cn/a_(b)' },
    });
    expect(text).toBe(
      `> \\*强调\\* \\[链接\\]\n>\n> ——《${TITLE}》（2023），${PART2}，第4段；见于[标题 \\[1\\]](https://x.cn/a_%28b%29)，2026-11-28 访问`,
    );
  });

  it('turns quotation marks inside the quote to single ones, except in the unquoted blockquote', () => {
    const nested = spanOf('牢固树立“抓生态就是抓发展、抓生态就是抓民生”的理念');
    expect(formatCitation('plain', nested)).toBe(
      `“牢固树立‘抓生态就是抓发展、抓生态就是抓民生’的理念”——《${TITLE}》（2023），开篇，第2段。`,
    );
    expect(formatCitation('mla', nested).split('\n')[0]).toBe(
      `“牢固树立‘抓生态就是抓发展、抓生态就是抓民生’的理念” (“${TITLE},” Opening, par. 2).`,
    );
    expect(formatCitation('markdown', nested).split('\n')[0]).toBe(
      '> 牢固树立“抓生态就是抓发展、抓生态就是抓民生”的理念',
    );
    const pageTitle = formatCitation('chicago', { ...nested, seenAt: { ...seenAt, title: '再谈“两山”理念' } });
    expect(pageTitle).toContain('quoted in “再谈‘两山’理念,” accessed');
  });

  it('MLA and Chicago turn straight double quotes in a quoted page title into single ones', () => {
    const straight = { ...input, seenAt: { ...seenAt, title: 'Why "green mountains" matter' } };
    expect(formatCitation('mla', straight)).toContain('qtd. in “Why ‘green mountains’ matter”).');
    expect(formatCitation('mla', straight)).toContain('\n\n“Why ‘green mountains’ matter.” news.example.cn');
    expect(formatCitation('chicago', straight)).toContain('quoted in “Why ‘green mountains’ matter,” accessed');
    expect(formatCitation('chicago', straight)).toContain('Quoted in “Why ‘green mountains’ matter.” Accessed');
  });

  it('joins a quote across paragraphs without a space between Chinese sentences, with one between Latin words', () => {
    expect(formatCitation('plain', { ...input, quote: `  ${QUOTE.slice(0, 5)}\n\n ${QUOTE.slice(5)} ` })).toBe(
      `“${QUOTE}”——《${TITLE}》（2023），${PART2}，第4段。`,
    );
    expect(oneLine('see\nthis。\r\n下一段\u0007')).toBe('see this。下一段');
    // A page's own space between Chinese words is not a line break: it stays.
    expect(oneLine(' 本报记者  李明\t')).toBe('本报记者 李明');
  });

  it('describes a page without a title, never naming it by its URL', () => {
    const untitled = { ...input, seenAt: { ...seenAt, title: '  ' } };
    for (const { id } of CITATION_FORMATS) {
      // The URL appears as often as for a titled page: as the access path, never as a title.
      const count = (text: string) => text.split('news.example.cn/2023/eco.html').length - 1;
      expect(count(formatCitation(id, untitled)), id).toBe(count(formatCitation(id, seen)));
    }
    expect(formatCitation('gbt7714-web', untitled)).toContain('佚名. [网页][EB/OL]. [2026-11-28].');
    expect(formatCitation('mla', { ...untitled, seenAt: { ...untitled.seenAt, site: '人民网' } })).toContain(
      '\n\n人民网, news.example.cn/2023/eco.html. Accessed 28 Nov. 2026.',
    );
  });

  it('adds no period after a question mark', () => {
    expect(formatCitation('apa', { ...input, seenAt: { ...seenAt, title: '为什么？' } })).toContain(
      '\n\n为什么？ (n.d.). Retrieved',
    );
  });

  it('reads the site from a title’s suffix and keeps the title whole', () => {
    expect(siteFromTitle('打好保卫战--人民网')).toBe('人民网');
    expect(siteFromTitle('打好保卫战_新华网')).toBe('新华网');
    expect(siteFromTitle('打好保卫战 | 澎湃新闻')).toBe('澎湃新闻');
    expect(siteFromTitle('打好保卫战 - 新浪新闻')).toBe('新浪新闻');
    expect(siteFromTitle('打好蓝天碧水净土保卫战')).toBeNull();
    expect(siteFromTitle('2023-11-28会议')).toBeNull();
    expect(formatCitation('gbt7714-web', { ...input, seenAt: { ...seenAt, title: '打好保卫战--人民网' } })).toContain(
      '人民网. 打好保卫战--人民网[EB/OL].',
    );
  });

  it('pads single-digit months and days', () => {
    const early = formatCitation('gbt7714-web', { ...input, seenAt: { ...seenAt, accessed: new Date(2026, 0, 5) } });
    expect(early).toContain('[2026-01-05]');
    expect(formatCitation('mla', { ...input, seenAt: { ...seenAt, accessed: new Date(2026, 8, 5) } })).toContain(
      'Accessed 5 Sept. 2026.',
    );
  });

  it('rejects an empty quote, a span outside the speech, and a bad seenAt with a clear error', () => {
    const bad: CitationInput[] = [
      { ...input, quote: ' \n ' },
      { ...input, speechStart: -1 },
      { ...input, speechEnd: input.speechStart },
      { ...input, speechEnd: corpus.text.length + 1 },
      { ...input, speechStart: 1.5 },
      { ...input, seenAt: { ...seenAt, url: '' } },
      { ...input, seenAt: { ...seenAt, url: '\r\n' } },
      { ...input, seenAt: { ...seenAt, accessed: new Date('nonsense') } },
    ];
    for (const b of bad) expect(() => formatCitation('plain', b), JSON.stringify(b)).toThrow(CitationInputError);
    expect(() => formatCitation('nope' as CitationFormatId, input)).toThrow(/unknown citation format/);
  });

  it('recognises stored format ids', () => {
    expect(isCitationFormatId('apa')).toBe(true);
    expect(isCitationFormatId('toString')).toBe(false);
    expect(isCitationFormatId(3)).toBe(false);
  });

  it('CSL-JSON parses back to the same records', () => {
    const items = JSON.parse(formatCitation('csl-json', { ...seen, seenAt: { ...seenAt, author: '李明' } }));
    expect(items).toHaveLength(2);
    expect(items[0].note).toBe(`${PART2}，第4段：“${QUOTE}”`);
    expect(items[1].author).toEqual([{ literal: '李明' }]);
    expect(items[1].accessed).toEqual({ 'date-parts': [[2026, 11, 28]] });
  });
});

describe('format labels', () => {
  it('names a format in the UI language where its label is a word, and by its name otherwise', () => {
    const plain = CITATION_FORMATS.find((f) => f.id === 'plain');
    const apa = CITATION_FORMATS.find((f) => f.id === 'apa');
    if (!plain || !apa) throw new Error('formats missing');
    expect(formatLabel(plain, 'zh')).toBe('纯文本');
    expect(formatLabel(plain, 'en')).toBe('Plain text');
    expect(formatLabel(apa, 'zh')).toBe(formatLabel(apa, 'en'));
    for (const f of CITATION_FORMATS) expect(f.label).not.toMatch(/ \/ /);
  });
});
