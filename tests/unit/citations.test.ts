import { describe, expect, it } from 'vitest';
import {
  CITATION_FORMATS,
  type CitationFormatId,
  type CitationInput,
  CitationInputError,
  formatCitation,
  formatCitationHtml,
  isCitationFormatId,
  sectionHeading,
} from '../../lib/citations';
import { getCorpus } from '../../lib/corpus';

const corpus = getCorpus();
const TITLE = '在2023年生态文明建设和生态环境保护工作会议上的讲话';
const TITLE_EN =
  'Speech at the 2023 Work Conference on Ecological Civilization Building and Ecological and Environmental Protection';
const OCCASION = '2023年生态文明建设和生态环境保护工作会议';
const PART2 = '第二部分 · 切实增强落实污染防治的思想自觉…';

/** A quote from part 2 (¶4), located by searching the speech, not by hard-coded offsets. */
function spanOf(quote: string): CitationInput {
  const start = corpus.text.indexOf(quote);
  if (start < 0) throw new Error(`not in the speech: ${quote}`);
  return { quote, speechStart: start, speechEnd: start + quote.length };
}

const QUOTE = '以更高标准打好蓝天、碧水、净土保卫战';
const input = spanOf(QUOTE);
const seenAt = {
  title: '生态环境部：打好蓝天碧水净土保卫战',
  url: 'https://news.example.cn/2023/eco.html',
  // Local calendar date: the user's day, whatever the time zone.
  accessed: new Date(2026, 10, 28, 23, 59),
};
const seen: CitationInput = { ...input, seenAt };

const GBT_SPEECH = `佚名. ${TITLE}[Z]. 2023: ${PART2}，第4段.`;
const GBT_WEB = '佚名. 生态环境部：打好蓝天碧水净土保卫战[EB/OL]. [2026-11-28]. https://news.example.cn/2023/eco.html.';

describe('citation formats: exact output for a quote from part 2, ¶4', () => {
  const cases: Record<CitationFormatId, [without: string, withSeen: string]> = {
    gbt7714: [`“${QUOTE}”\n\n${GBT_SPEECH}`, `“${QUOTE}”\n\n${GBT_SPEECH}\n转引自：${GBT_WEB}`],
    'gbt7714-web': [`“${QUOTE}”\n\n${GBT_SPEECH}`, `“${QUOTE}”\n\n${GBT_WEB}\n原文：${GBT_SPEECH}`],
    apa: [
      `“${QUOTE}” (${TITLE}, 2023, Part 2, “切实增强落实污染防治的思想自觉…” section, para. 4)\n\n` +
        `${TITLE} [${TITLE_EN}] [Speech]. (2023). ${OCCASION}.`,
      `“${QUOTE}” (${TITLE}, 2023, Part 2, “切实增强落实污染防治的思想自觉…” section, para. 4, as cited in 生态环境部：打好蓝天碧水净土保卫战, n.d.)\n\n` +
        '生态环境部：打好蓝天碧水净土保卫战. (n.d.). Retrieved November 28, 2026, from https://news.example.cn/2023/eco.html',
    ],
    mla: [
      `“${QUOTE}” (“${TITLE},” pt. 2, “切实增强落实污染防治的思想自觉…,” par. 4).\n\n` +
        `“${TITLE}” [${TITLE_EN}]. ${OCCASION}, 2023. Speech.`,
      `“${QUOTE}” (“${TITLE},” pt. 2, “切实增强落实污染防治的思想自觉…,” par. 4; qtd. in “生态环境部：打好蓝天碧水净土保卫战”).\n\n` +
        '“生态环境部：打好蓝天碧水净土保卫战.” news.example.cn/2023/eco.html. Accessed 28 Nov. 2026.',
    ],
    chicago: [
      `“${QUOTE}”\n\n` +
        `“${TITLE}” [${TITLE_EN}] (speech, ${OCCASION}, 2023), pt. 2, “切实增强落实污染防治的思想自觉…,” para. 4.\n\n` +
        `“${TITLE}” [${TITLE_EN}]. Speech, ${OCCASION}, 2023.`,
      `“${QUOTE}”\n\n` +
        `“${TITLE}” [${TITLE_EN}] (speech, ${OCCASION}, 2023), pt. 2, “切实增强落实污染防治的思想自觉…,” para. 4, ` +
        'quoted in “生态环境部：打好蓝天碧水净土保卫战,” accessed November 28, 2026, https://news.example.cn/2023/eco.html.\n\n' +
        '“生态环境部：打好蓝天碧水净土保卫战.” Accessed November 28, 2026. https://news.example.cn/2023/eco.html.',
    ],
    bibtex: [
      `@misc{speech2023,
  title = {${TITLE}},
  howpublished = {Speech, ${OCCASION}},
  year = {2023},
  language = {chinese},
  note = {${PART2}，第4段：“${QUOTE}”},
}`,
      `@misc{speech2023,
  title = {${TITLE}},
  howpublished = {Speech, ${OCCASION}},
  year = {2023},
  language = {chinese},
  note = {${PART2}，第4段：“${QUOTE}”},
}

@misc{seen20261128,
  title = {生态环境部：打好蓝天碧水净土保卫战},
  howpublished = {\\url{https://news.example.cn/2023/eco.html}},
  url = {https://news.example.cn/2023/eco.html},
  urldate = {2026-11-28},
  note = {[Online; accessed 2026-11-28]},
}`,
    ],
    ris: [
      `TY  - GEN\r\nTI  - ${TITLE}\r\nT2  - ${OCCASION}\r\nPY  - 2023\r\nM3  - Speech\r\nLA  - zh-CN\r\n` +
        `N1  - ${PART2}，第4段：“${QUOTE}”\r\nER  - \r\n`,
      `TY  - GEN\r\nTI  - ${TITLE}\r\nT2  - ${OCCASION}\r\nPY  - 2023\r\nM3  - Speech\r\nLA  - zh-CN\r\n` +
        `N1  - ${PART2}，第4段：“${QUOTE}”\r\nER  - \r\n` +
        'TY  - ELEC\r\nTI  - 生态环境部：打好蓝天碧水净土保卫战\r\nUR  - https://news.example.cn/2023/eco.html\r\nY2  - 2026/11/28\r\nER  - \r\n',
    ],
    'csl-json': [
      `[
  {
    "id": "speech2023",
    "type": "speech",
    "title": "${TITLE}",
    "genre": "Speech",
    "event-title": "${OCCASION}",
    "issued": {
      "date-parts": [
        [
          2023
        ]
      ]
    },
    "language": "zh-CN",
    "note": "${PART2}，第4段：“${QUOTE}”"
  }
]`,
      `[
  {
    "id": "speech2023",
    "type": "speech",
    "title": "${TITLE}",
    "genre": "Speech",
    "event-title": "${OCCASION}",
    "issued": {
      "date-parts": [
        [
          2023
        ]
      ]
    },
    "language": "zh-CN",
    "note": "${PART2}，第4段：“${QUOTE}”"
  },
  {
    "id": "seen20261128",
    "type": "webpage",
    "title": "生态环境部：打好蓝天碧水净土保卫战",
    "URL": "https://news.example.cn/2023/eco.html",
    "accessed": {
      "date-parts": [
        [
          2026,
          11,
          28
        ]
      ]
    }
  }
]`,
    ],
    markdown: [
      `> ${QUOTE}\n>\n> ——《${TITLE}》（2023），${PART2}，第4段`,
      `> ${QUOTE}\n>\n> ——《${TITLE}》（2023），${PART2}，第4段；转引自[生态环境部：打好蓝天碧水净土保卫战](https://news.example.cn/2023/eco.html)，2026-11-28 访问`,
    ],
    plain: [
      `“${QUOTE}”——《${TITLE}》（2023），${PART2}，第4段。`,
      `“${QUOTE}”——《${TITLE}》（2023），${PART2}，第4段。转引自《生态环境部：打好蓝天碧水净土保卫战》（https://news.example.cn/2023/eco.html），2026-11-28 访问。`,
    ],
  };

  it('covers every format in the menu, each once', () => {
    expect(CITATION_FORMATS.map((f) => f.id).sort()).toEqual(Object.keys(cases).sort());
  });

  for (const [id, [without, withSeen]] of Object.entries(cases) as [CitationFormatId, [string, string]][]) {
    it(`${id} without where it was seen`, () => {
      expect(formatCitation(id, input)).toBe(without);
    });
    it(`${id} with the page where it was seen`, () => {
      expect(formatCitation(id, seen)).toBe(withSeen);
    });
  }

  it('every format carries the quote, the title and the section heading', () => {
    for (const { id } of CITATION_FORMATS) {
      const text = formatCitation(id, seen);
      expect(text, id).toContain(QUOTE);
      expect(text, id).toContain(TITLE);
      expect(text, id).toContain('切实增强落实污染防治的思想自觉');
      expect(text, id).toContain('https://news.example.cn/2023/eco.html'.replace(id === 'mla' ? 'https://' : '', ''));
    }
  });
});

describe('rich text for the clipboard', () => {
  it('APA keeps its italics as HTML; the plain text has no trace of them', () => {
    expect(formatCitationHtml('apa', input)).toBe(
      `<p>“${QUOTE}” (<i>${TITLE}</i>, 2023, Part 2, “切实增强落实污染防治的思想自觉…” section, para. 4)</p>` +
        `<p><i>${TITLE}</i> [${TITLE_EN}] [Speech]. (2023). ${OCCASION}.</p>`,
    );
    expect(formatCitationHtml('apa', { ...seen, seenAt: { ...seenAt, title: 'A <b> & “B”？' } })).toBe(
      `<p>“${QUOTE}” (<i>${TITLE}</i>, 2023, Part 2, “切实增强落实污染防治的思想自觉…” section, para. 4, as cited in <i>A &lt;b&gt; &amp; “B”？</i>, n.d.)</p>` +
        '<p><i>A &lt;b&gt; &amp; “B”？</i> (n.d.). Retrieved November 28, 2026, from https://news.example.cn/2023/eco.html</p>',
    );
    for (const { id } of CITATION_FORMATS) expect(formatCitation(id, seen), id).not.toMatch(/[\uE000\uE001]/);
  });

  it('formats without italics have no HTML form', () => {
    for (const id of [
      'gbt7714',
      'gbt7714-web',
      'mla',
      'chicago',
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
    expect(text).toContain(`“${QUOTE}x”`);
    expect(text?.match(/<i>/g)).toHaveLength(2);
  });
});

describe('markdown and plain in English', () => {
  it('use English connecting words', () => {
    expect(formatCitation('markdown', seen, { lang: 'en' })).toBe(
      `> ${QUOTE}\n>\n> — *${TITLE}* (2023), Part 2 · 切实增强落实污染防治的思想自觉…, para. 4; ` +
        'quoted in [生态环境部：打好蓝天碧水净土保卫战](https://news.example.cn/2023/eco.html), accessed 2026-11-28',
    );
    expect(formatCitation('plain', seen, { lang: 'en' })).toBe(
      `“${QUOTE}” — ${TITLE} (2023), Part 2 · 切实增强落实污染防治的思想自觉…, para. 4. ` +
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

  it('gives a range when a selection crosses from one part into the next', () => {
    const p3 = corpus.paragraphs[2]!;
    const p4 = corpus.paragraphs[3]!;
    const span: CitationInput = {
      quote: corpus.text.slice(p3.end - 4, p4.start + 3),
      speechStart: p3.end - 4,
      speechEnd: p4.start + 3,
    };
    expect(span.quote).toContain('\n');
    const plain = formatCitation('plain', span);
    expect(plain).toBe(
      `“${corpus.text.slice(p3.end - 4, p3.end)} ${corpus.text.slice(p4.start, p4.start + 3)}”——《${TITLE}》（2023），` +
        `第一部分 · 切实增强生态文明建设的政治自觉… 至 ${PART2}，第3至4段。`,
    );
    expect(formatCitation('chicago', span)).toContain(
      'pt. 1, “切实增强生态文明建设的政治自觉…,” to pt. 2, “切实增强落实污染防治的思想自觉…,” paras. 3–4.',
    );
  });

  it('cites the title line without a location', () => {
    const title = spanOf(TITLE);
    expect(formatCitation('gbt7714', title)).toBe(`“${TITLE}”\n\n佚名. ${TITLE}[Z]. 2023.`);
  });

  it('sectionHeading shortens a part heading at its first comma', () => {
    expect(corpus.sections.map(sectionHeading)).toEqual([
      '开篇',
      '第一部分 · 切实增强生态文明建设的政治自觉…',
      PART2,
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

  it('escapes Markdown syntax in the quote and link text, and parentheses in the URL', () => {
    const text = formatCitation('markdown', {
      ...input,
      quote: '*强调* [链接]',
      seenAt: { ...seenAt, title: '标题 [1]', url: 'https://x.cn/a_(b)' },
    });
    expect(text).toBe(
      `> \\*强调\\* \\[链接\\]\n>\n> ——《${TITLE}》（2023），${PART2}，第4段；转引自[标题 \\[1\\]](https://x.cn/a_%28b%29)，2026-11-28 访问`,
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

  it('collapses line breaks and spaces in the quote', () => {
    expect(formatCitation('plain', { ...input, quote: `  ${QUOTE.slice(0, 5)}\n\n ${QUOTE.slice(5)} ` })).toBe(
      `“${QUOTE.slice(0, 5)} ${QUOTE.slice(5)}”——《${TITLE}》（2023），${PART2}，第4段。`,
    );
  });

  it('cites a page without a title by its URL, and adds no period after a question mark', () => {
    expect(formatCitation('gbt7714-web', { ...input, seenAt: { ...seenAt, title: '  ' } })).toContain(
      '佚名. https://news.example.cn/2023/eco.html[EB/OL]. [2026-11-28].',
    );
    expect(formatCitation('apa', { ...input, seenAt: { ...seenAt, title: '为什么？' } })).toContain(
      '\n\n为什么？ (n.d.). Retrieved',
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
    const items = JSON.parse(formatCitation('csl-json', seen));
    expect(items).toHaveLength(2);
    expect(items[0].note).toBe(`${PART2}，第4段：“${QUOTE}”`);
    expect(items[1].accessed).toEqual({ 'date-parts': [[2026, 11, 28]] });
  });
});
