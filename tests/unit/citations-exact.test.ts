/**
 * Every format, exact strings, for the six situations a citation meets: the
 * speech alone, seen on a titled page (its site in the title's suffix), on an
 * untitled page, on a page with a byline and a named site, a quote across two
 * paragraphs, and a page built to break records (quotes, braces, backslash,
 * %, &, line breaks, control characters in its title and URL).
 */
import { describe, expect, it } from 'vitest';
import { CITATION_FORMATS, type CitationFormatId, formatCitation } from '../../lib/citations';
import { QUOTE, SCENARIOS } from './citation-scenarios';

const TITLE = '在2023年生态文明建设和生态环境保护工作会议上的讲话';
const OCCASION = '2023年生态文明建设和生态环境保护工作会议';
const EN_SENTENCE =
  'Speech at the 2023 work conference on building an ecological civilization and on ecological and environmental protection';
const EN_TITLE =
  'Speech at the 2023 Work Conference on Building an Ecological Civilization and on Ecological and Environmental Protection';
const H1 = '切实增强生态文明建设的政治自觉，坚决扛起美丽中国建设的政治责任';
const H2 = '切实增强落实污染防治的思想自觉，以更高标准打好蓝天、碧水、净土保卫战';

type Scenario = keyof typeof SCENARIOS;

const EXPECTED: Record<CitationFormatId, Record<Scenario, string>> = {
  gbt7714: {
    speech: `“${QUOTE}”

佚名. ${TITLE}[Z]. [出版地不详]：[出版者不详]，2023：第二部分“${H2}”，第4段.`,
    titled: `“${QUOTE}”

佚名. ${TITLE}[Z]. [出版地不详]：[出版者不详]，2023：第二部分“${H2}”，第4段.
人民网. 生态环境部：打好蓝天碧水净土保卫战--人民网[EB/OL]. [2026-11-28]. https://news.example.cn/2023/eco.html.`,
    untitled: `“${QUOTE}”

佚名. ${TITLE}[Z]. [出版地不详]：[出版者不详]，2023：第二部分“${H2}”，第4段.
佚名. [网页][EB/OL]. [2026-11-28]. https://news.example.cn/2023/eco.html.`,
    byline: `“${QUOTE}”

佚名. ${TITLE}[Z]. [出版地不详]：[出版者不详]，2023：第二部分“${H2}”，第4段.
李明. 打好蓝天碧水净土保卫战[EB/OL]. [2026-11-28]. https://news.example.cn/2023/eco.html.`,
    paragraphs: `“境质量贡献力量。第二，切实增”

佚名. ${TITLE}[Z]. [出版地不详]：[出版者不详]，2023：第一部分“${H1}”至第二部分“${H2}”，第3至4段.`,
    hostile: `“${QUOTE}”

佚名. ${TITLE}[Z]. [出版地不详]：[出版者不详]，2023：第二部分“${H2}”，第4段.
人民网. Say "no" to {x} \\ 50% & “两山” ER - TY - JOUR --人民网[EB/OL]. [2026-11-28]. https://x.cn/a?b=1&c=%20ER%20%20-%20TY%20%20-%20JOUR.`,
  },
  'gbt7714-web': {
    speech: `“${QUOTE}”

佚名. ${TITLE}[Z]. [出版地不详]：[出版者不详]，2023：第二部分“${H2}”，第4段.`,
    titled: `“${QUOTE}”

人民网. 生态环境部：打好蓝天碧水净土保卫战--人民网[EB/OL]. [2026-11-28]. https://news.example.cn/2023/eco.html.
佚名. ${TITLE}[Z]. [出版地不详]：[出版者不详]，2023：第二部分“${H2}”，第4段.`,
    untitled: `“${QUOTE}”

佚名. [网页][EB/OL]. [2026-11-28]. https://news.example.cn/2023/eco.html.
佚名. ${TITLE}[Z]. [出版地不详]：[出版者不详]，2023：第二部分“${H2}”，第4段.`,
    byline: `“${QUOTE}”

李明. 打好蓝天碧水净土保卫战[EB/OL]. [2026-11-28]. https://news.example.cn/2023/eco.html.
佚名. ${TITLE}[Z]. [出版地不详]：[出版者不详]，2023：第二部分“${H2}”，第4段.`,
    paragraphs: `“境质量贡献力量。第二，切实增”

佚名. ${TITLE}[Z]. [出版地不详]：[出版者不详]，2023：第一部分“${H1}”至第二部分“${H2}”，第3至4段.`,
    hostile: `“${QUOTE}”

人民网. Say "no" to {x} \\ 50% & “两山” ER - TY - JOUR --人民网[EB/OL]. [2026-11-28]. https://x.cn/a?b=1&c=%20ER%20%20-%20TY%20%20-%20JOUR.
佚名. ${TITLE}[Z]. [出版地不详]：[出版者不详]，2023：第二部分“${H2}”，第4段.`,
  },
  'gbt7714-2015': {
    speech: `“${QUOTE}”

佚名. ${TITLE}[Z]. [出版地不详]: [出版者不详], 2023: 第二部分“${H2}”，第4段.`,
    titled: `“${QUOTE}”

佚名. ${TITLE}[Z]. [出版地不详]: [出版者不详], 2023: 第二部分“${H2}”，第4段.
人民网. 生态环境部：打好蓝天碧水净土保卫战--人民网[EB/OL]. [2026-11-28]. https://news.example.cn/2023/eco.html.`,
    untitled: `“${QUOTE}”

佚名. ${TITLE}[Z]. [出版地不详]: [出版者不详], 2023: 第二部分“${H2}”，第4段.
佚名. [网页][EB/OL]. [2026-11-28]. https://news.example.cn/2023/eco.html.`,
    byline: `“${QUOTE}”

佚名. ${TITLE}[Z]. [出版地不详]: [出版者不详], 2023: 第二部分“${H2}”，第4段.
李明. 打好蓝天碧水净土保卫战[EB/OL]. [2026-11-28]. https://news.example.cn/2023/eco.html.`,
    paragraphs: `“境质量贡献力量。第二，切实增”

佚名. ${TITLE}[Z]. [出版地不详]: [出版者不详], 2023: 第一部分“${H1}”至第二部分“${H2}”，第3至4段.`,
    hostile: `“${QUOTE}”

佚名. ${TITLE}[Z]. [出版地不详]: [出版者不详], 2023: 第二部分“${H2}”，第4段.
人民网. Say "no" to {x} \\ 50% & “两山” ER - TY - JOUR --人民网[EB/OL]. [2026-11-28]. https://x.cn/a?b=1&c=%20ER%20%20-%20TY%20%20-%20JOUR.`,
  },
  'gbt7714-2015-web': {
    speech: `“${QUOTE}”

佚名. ${TITLE}[Z]. [出版地不详]: [出版者不详], 2023: 第二部分“${H2}”，第4段.`,
    titled: `“${QUOTE}”

人民网. 生态环境部：打好蓝天碧水净土保卫战--人民网[EB/OL]. [2026-11-28]. https://news.example.cn/2023/eco.html.
佚名. ${TITLE}[Z]. [出版地不详]: [出版者不详], 2023: 第二部分“${H2}”，第4段.`,
    untitled: `“${QUOTE}”

佚名. [网页][EB/OL]. [2026-11-28]. https://news.example.cn/2023/eco.html.
佚名. ${TITLE}[Z]. [出版地不详]: [出版者不详], 2023: 第二部分“${H2}”，第4段.`,
    byline: `“${QUOTE}”

李明. 打好蓝天碧水净土保卫战[EB/OL]. [2026-11-28]. https://news.example.cn/2023/eco.html.
佚名. ${TITLE}[Z]. [出版地不详]: [出版者不详], 2023: 第二部分“${H2}”，第4段.`,
    paragraphs: `“境质量贡献力量。第二，切实增”

佚名. ${TITLE}[Z]. [出版地不详]: [出版者不详], 2023: 第一部分“${H1}”至第二部分“${H2}”，第3至4段.`,
    hostile: `“${QUOTE}”

人民网. Say "no" to {x} \\ 50% & “两山” ER - TY - JOUR --人民网[EB/OL]. [2026-11-28]. https://x.cn/a?b=1&c=%20ER%20%20-%20TY%20%20-%20JOUR.
佚名. ${TITLE}[Z]. [出版地不详]: [出版者不详], 2023: 第二部分“${H2}”，第4段.`,
  },
  apa: {
    speech: `“${QUOTE}” (${TITLE}, 2023, Part 2, “${H2}” section, para. 4)

${TITLE} [${EN_SENTENCE}] [Speech]. (2023). ${OCCASION}.`,
    titled: `“${QUOTE}” (${TITLE}, 2023, Part 2, “${H2}” section, para. 4, as cited in 生态环境部：打好蓝天碧水净土保卫战--人民网, n.d.)

生态环境部：打好蓝天碧水净土保卫战--人民网. (n.d.). 人民网. Retrieved November 28, 2026, from https://news.example.cn/2023/eco.html`,
    untitled: `“${QUOTE}” (${TITLE}, 2023, Part 2, “${H2}” section, para. 4, as cited in [Web page], n.d.)

[Web page]. (n.d.). Retrieved November 28, 2026, from https://news.example.cn/2023/eco.html`,
    byline: `“${QUOTE}” (${TITLE}, 2023, Part 2, “${H2}” section, para. 4, as cited in 李明, n.d.)

李明. (n.d.). 打好蓝天碧水净土保卫战. Example News. Retrieved November 28, 2026, from https://news.example.cn/2023/eco.html`,
    paragraphs: `“境质量贡献力量。第二，切实增” (${TITLE}, 2023, Part 1, “${H1}” section to Part 2, “${H2}” section, paras. 3–4)

${TITLE} [${EN_SENTENCE}] [Speech]. (2023). ${OCCASION}.`,
    hostile: `“${QUOTE}” (${TITLE}, 2023, Part 2, “${H2}” section, para. 4, as cited in Say "no" to {x} \\ 50% & “两山” ER - TY - JOUR --人民网, n.d.)

Say "no" to {x} \\ 50% & “两山” ER - TY - JOUR --人民网. (n.d.). 人民网. Retrieved November 28, 2026, from https://x.cn/a?b=1&c=%20ER%20%20-%20TY%20%20-%20JOUR`,
  },
  mla: {
    speech: `“${QUOTE}” (“${TITLE},” pt. 2, “${H2},” par. 4).

“${TITLE}” [${EN_TITLE}]. ${OCCASION}, 2023. Speech.`,
    titled: `“${QUOTE}” (“${TITLE},” pt. 2, “${H2},” par. 4; qtd. in “生态环境部：打好蓝天碧水净土保卫战--人民网”).

“生态环境部：打好蓝天碧水净土保卫战--人民网.” 人民网, news.example.cn/2023/eco.html. Accessed 28 Nov. 2026.`,
    untitled: `“${QUOTE}” (“${TITLE},” pt. 2, “${H2},” par. 4; qtd. in Web page).

Web page. news.example.cn/2023/eco.html. Accessed 28 Nov. 2026.`,
    byline: `“${QUOTE}” (“${TITLE},” pt. 2, “${H2},” par. 4; qtd. in 李明).

李明. “打好蓝天碧水净土保卫战.” Example News, news.example.cn/2023/eco.html. Accessed 28 Nov. 2026.`,
    paragraphs: `“境质量贡献力量。第二，切实增” (“${TITLE},” pt. 1, “${H1},” to pt. 2, “${H2},” pars. 3–4).

“${TITLE}” [${EN_TITLE}]. ${OCCASION}, 2023. Speech.`,
    hostile: `“${QUOTE}” (“${TITLE},” pt. 2, “${H2},” par. 4; qtd. in “Say ‘no’ to {x} \\ 50% & ‘两山’ ER - TY - JOUR --人民网”).

“Say ‘no’ to {x} \\ 50% & ‘两山’ ER - TY - JOUR --人民网.” 人民网, x.cn/a?b=1&c=%20ER%20%20-%20TY%20%20-%20JOUR. Accessed 28 Nov. 2026.`,
  },
  chicago: {
    speech: `“${QUOTE}”

“${TITLE}” [${EN_SENTENCE}] (speech, ${OCCASION}, 2023), pt. 2, “${H2},” para. 4.

“${TITLE}” [${EN_SENTENCE}]. Speech, ${OCCASION}, 2023.`,
    titled: `“${QUOTE}”

“${TITLE}” [${EN_SENTENCE}] (speech, ${OCCASION}, 2023), pt. 2, “${H2},” para. 4, quoted in “生态环境部：打好蓝天碧水净土保卫战--人民网,” 人民网, accessed November 28, 2026, https://news.example.cn/2023/eco.html.

“${TITLE}” [${EN_SENTENCE}]. Speech, ${OCCASION}, 2023. Quoted in “生态环境部：打好蓝天碧水净土保卫战--人民网.” 人民网. Accessed November 28, 2026. https://news.example.cn/2023/eco.html.`,
    untitled: `“${QUOTE}”

“${TITLE}” [${EN_SENTENCE}] (speech, ${OCCASION}, 2023), pt. 2, “${H2},” para. 4, quoted in [Web page], accessed November 28, 2026, https://news.example.cn/2023/eco.html.

“${TITLE}” [${EN_SENTENCE}]. Speech, ${OCCASION}, 2023. Quoted in [Web page]. Accessed November 28, 2026. https://news.example.cn/2023/eco.html.`,
    byline: `“${QUOTE}”

“${TITLE}” [${EN_SENTENCE}] (speech, ${OCCASION}, 2023), pt. 2, “${H2},” para. 4, quoted in 李明, “打好蓝天碧水净土保卫战,” Example News, accessed November 28, 2026, https://news.example.cn/2023/eco.html.

“${TITLE}” [${EN_SENTENCE}]. Speech, ${OCCASION}, 2023. Quoted in 李明. “打好蓝天碧水净土保卫战.” Example News. Accessed November 28, 2026. https://news.example.cn/2023/eco.html.`,
    paragraphs: `“境质量贡献力量。第二，切实增”

“${TITLE}” [${EN_SENTENCE}] (speech, ${OCCASION}, 2023), pt. 1, “${H1},” to pt. 2, “${H2},” paras. 3–4.

“${TITLE}” [${EN_SENTENCE}]. Speech, ${OCCASION}, 2023.`,
    hostile: `“${QUOTE}”

“${TITLE}” [${EN_SENTENCE}] (speech, ${OCCASION}, 2023), pt. 2, “${H2},” para. 4, quoted in “Say ‘no’ to {x} \\ 50% & ‘两山’ ER - TY - JOUR --人民网,” 人民网, accessed November 28, 2026, https://x.cn/a?b=1&c=%20ER%20%20-%20TY%20%20-%20JOUR.

“${TITLE}” [${EN_SENTENCE}]. Speech, ${OCCASION}, 2023. Quoted in “Say ‘no’ to {x} \\ 50% & ‘两山’ ER - TY - JOUR --人民网.” 人民网. Accessed November 28, 2026. https://x.cn/a?b=1&c=%20ER%20%20-%20TY%20%20-%20JOUR.`,
  },
  'zh-note': {
    speech: `“${QUOTE}”

《${TITLE}》，2023年，第二部分“${H2}”，第4段。`,
    titled: `“${QUOTE}”

《${TITLE}》，2023年，第二部分“${H2}”，第4段；转引自《生态环境部：打好蓝天碧水净土保卫战--人民网》，人民网，https://news.example.cn/2023/eco.html，2026年11月28日访问。`,
    untitled: `“${QUOTE}”

《${TITLE}》，2023年，第二部分“${H2}”，第4段；转引自网页，https://news.example.cn/2023/eco.html，2026年11月28日访问。`,
    byline: `“${QUOTE}”

《${TITLE}》，2023年，第二部分“${H2}”，第4段；转引自李明：《打好蓝天碧水净土保卫战》，Example News，https://news.example.cn/2023/eco.html，2026年11月28日访问。`,
    paragraphs: `“境质量贡献力量。第二，切实增”

《${TITLE}》，2023年，第一部分“${H1}”至第二部分“${H2}”，第3至4段。`,
    hostile: `“${QUOTE}”

《${TITLE}》，2023年，第二部分“${H2}”，第4段；转引自《Say "no" to {x} \\ 50% & “两山” ER - TY - JOUR --人民网》，人民网，https://x.cn/a?b=1&c=%20ER%20%20-%20TY%20%20-%20JOUR，2026年11月28日访问。`,
  },
  bibtex: {
    speech: `@misc{speech2023,
  title = {${TITLE}},
  howpublished = {Speech, ${OCCASION}},
  year = {2023},
  language = {chinese},
  note = {第二部分“${H2}”，第4段：“${QUOTE}”},
}`,
    titled: `@misc{speech2023,
  title = {${TITLE}},
  howpublished = {Speech, ${OCCASION}},
  year = {2023},
  language = {chinese},
  note = {第二部分“${H2}”，第4段：“${QUOTE}”},
}

@misc{seen20261128,
  title = {生态环境部：打好蓝天碧水净土保卫战--人民网},
  howpublished = {人民网},
  url = {https://news.example.cn/2023/eco.html},
  urldate = {2026-11-28},
}`,
    untitled: `@misc{speech2023,
  title = {${TITLE}},
  howpublished = {Speech, ${OCCASION}},
  year = {2023},
  language = {chinese},
  note = {第二部分“${H2}”，第4段：“${QUOTE}”},
}

@misc{seen20261128,
  url = {https://news.example.cn/2023/eco.html},
  urldate = {2026-11-28},
}`,
    byline: `@misc{speech2023,
  title = {${TITLE}},
  howpublished = {Speech, ${OCCASION}},
  year = {2023},
  language = {chinese},
  note = {第二部分“${H2}”，第4段：“${QUOTE}”},
}

@misc{seen20261128,
  author = {{李明}},
  title = {打好蓝天碧水净土保卫战},
  howpublished = {Example News},
  url = {https://news.example.cn/2023/eco.html},
  urldate = {2026-11-28},
}`,
    paragraphs: `@misc{speech2023,
  title = {${TITLE}},
  howpublished = {Speech, ${OCCASION}},
  year = {2023},
  language = {chinese},
  note = {第一部分“${H1}”至第二部分“${H2}”，第3至4段：“境质量贡献力量。第二，切实增”},
}`,
    hostile: `@misc{speech2023,
  title = {${TITLE}},
  howpublished = {Speech, ${OCCASION}},
  year = {2023},
  language = {chinese},
  note = {第二部分“${H2}”，第4段：“${QUOTE}”},
}

@misc{seen20261128,
  title = {Say "no" to \\{x\\} \\textbackslash{} 50\\% \\& “两山” ER - TY - JOUR --人民网},
  howpublished = {人民网},
  url = {https://x.cn/a?b=1&c=%20ER%20%20-%20TY%20%20-%20JOUR},
  urldate = {2026-11-28},
}`,
  },
  ris: {
    speech: `TY  - GEN\r
TI  - ${TITLE}\r
T2  - ${OCCASION}\r
PY  - 2023\r
M3  - Speech\r
LA  - zh-CN\r
N1  - 第二部分“${H2}”，第4段：“${QUOTE}”\r
ER  - \r
`,
    titled: `TY  - GEN\r
TI  - ${TITLE}\r
T2  - ${OCCASION}\r
PY  - 2023\r
M3  - Speech\r
LA  - zh-CN\r
N1  - 第二部分“${H2}”，第4段：“${QUOTE}”\r
ER  - \r
TY  - ELEC\r
TI  - 生态环境部：打好蓝天碧水净土保卫战--人民网\r
T2  - 人民网\r
UR  - https://news.example.cn/2023/eco.html\r
Y2  - 2026/11/28\r
ER  - \r
`,
    untitled: `TY  - GEN\r
TI  - ${TITLE}\r
T2  - ${OCCASION}\r
PY  - 2023\r
M3  - Speech\r
LA  - zh-CN\r
N1  - 第二部分“${H2}”，第4段：“${QUOTE}”\r
ER  - \r
TY  - ELEC\r
UR  - https://news.example.cn/2023/eco.html\r
Y2  - 2026/11/28\r
ER  - \r
`,
    byline: `TY  - GEN\r
TI  - ${TITLE}\r
T2  - ${OCCASION}\r
PY  - 2023\r
M3  - Speech\r
LA  - zh-CN\r
N1  - 第二部分“${H2}”，第4段：“${QUOTE}”\r
ER  - \r
TY  - ELEC\r
AU  - 李明\r
TI  - 打好蓝天碧水净土保卫战\r
T2  - Example News\r
UR  - https://news.example.cn/2023/eco.html\r
Y2  - 2026/11/28\r
ER  - \r
`,
    paragraphs: `TY  - GEN\r
TI  - ${TITLE}\r
T2  - ${OCCASION}\r
PY  - 2023\r
M3  - Speech\r
LA  - zh-CN\r
N1  - 第一部分“${H1}”至第二部分“${H2}”，第3至4段：“境质量贡献力量。第二，切实增”\r
ER  - \r
`,
    hostile: `TY  - GEN\r
TI  - ${TITLE}\r
T2  - ${OCCASION}\r
PY  - 2023\r
M3  - Speech\r
LA  - zh-CN\r
N1  - 第二部分“${H2}”，第4段：“${QUOTE}”\r
ER  - \r
TY  - ELEC\r
TI  - Say "no" to {x} \\ 50% & “两山” ER - TY - JOUR --人民网\r
T2  - 人民网\r
UR  - https://x.cn/a?b=1&c=%20ER%20%20-%20TY%20%20-%20JOUR\r
Y2  - 2026/11/28\r
ER  - \r
`,
  },
  'csl-json': {
    speech: `[
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
    "note": "第二部分“${H2}”，第4段：“${QUOTE}”"
  }
]`,
    titled: `[
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
    "note": "第二部分“${H2}”，第4段：“${QUOTE}”"
  },
  {
    "id": "seen20261128",
    "type": "webpage",
    "title": "生态环境部：打好蓝天碧水净土保卫战--人民网",
    "container-title": "人民网",
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
    untitled: `[
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
    "note": "第二部分“${H2}”，第4段：“${QUOTE}”"
  },
  {
    "id": "seen20261128",
    "type": "webpage",
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
    byline: `[
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
    "note": "第二部分“${H2}”，第4段：“${QUOTE}”"
  },
  {
    "id": "seen20261128",
    "type": "webpage",
    "author": [
      {
        "literal": "李明"
      }
    ],
    "title": "打好蓝天碧水净土保卫战",
    "container-title": "Example News",
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
    paragraphs: `[
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
    "note": "第一部分“${H1}”至第二部分“${H2}”，第3至4段：“境质量贡献力量。第二，切实增”"
  }
]`,
    hostile: `[
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
    "note": "第二部分“${H2}”，第4段：“${QUOTE}”"
  },
  {
    "id": "seen20261128",
    "type": "webpage",
    "title": "Say \\"no\\" to {x} \\\\ 50% & “两山” ER - TY - JOUR --人民网",
    "container-title": "人民网",
    "URL": "https://x.cn/a?b=1&c=%20ER%20%20-%20TY%20%20-%20JOUR",
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
  },
  markdown: {
    speech: `> ${QUOTE}
>
> ——《${TITLE}》（2023），第二部分“${H2}”，第4段`,
    titled: `> ${QUOTE}
>
> ——《${TITLE}》（2023），第二部分“${H2}”，第4段；见于[生态环境部：打好蓝天碧水净土保卫战--人民网](https://news.example.cn/2023/eco.html)，2026-11-28 访问`,
    untitled: `> ${QUOTE}
>
> ——《${TITLE}》（2023），第二部分“${H2}”，第4段；见于[网页](https://news.example.cn/2023/eco.html)，2026-11-28 访问`,
    byline: `> ${QUOTE}
>
> ——《${TITLE}》（2023），第二部分“${H2}”，第4段；见于[打好蓝天碧水净土保卫战](https://news.example.cn/2023/eco.html)，2026-11-28 访问`,
    paragraphs: `> 境质量贡献力量。第二，切实增
>
> ——《${TITLE}》（2023），第一部分“${H1}”至第二部分“${H2}”，第3至4段`,
    hostile: `> ${QUOTE}
>
> ——《${TITLE}》（2023），第二部分“${H2}”，第4段；见于[Say "no" to {x} \\\\ 50% & “两山” ER - TY - JOUR --人民网](https://x.cn/a?b=1&c=%20ER%20%20-%20TY%20%20-%20JOUR)，2026-11-28 访问`,
  },
  plain: {
    speech: `“${QUOTE}”——《${TITLE}》（2023），第二部分“${H2}”，第4段。`,
    titled: `“${QUOTE}”——《${TITLE}》（2023），第二部分“${H2}”，第4段。见于《生态环境部：打好蓝天碧水净土保卫战--人民网》（https://news.example.cn/2023/eco.html），2026-11-28 访问。`,
    untitled: `“${QUOTE}”——《${TITLE}》（2023），第二部分“${H2}”，第4段。见于网页（https://news.example.cn/2023/eco.html），2026-11-28 访问。`,
    byline: `“${QUOTE}”——《${TITLE}》（2023），第二部分“${H2}”，第4段。见于李明：《打好蓝天碧水净土保卫战》（https://news.example.cn/2023/eco.html），2026-11-28 访问。`,
    paragraphs: `“境质量贡献力量。第二，切实增”——《${TITLE}》（2023），第一部分“${H1}”至第二部分“${H2}”，第3至4段。`,
    hostile: `“${QUOTE}”——《${TITLE}》（2023），第二部分“${H2}”，第4段。见于《Say "no" to {x} \\ 50% & “两山” ER - TY - JOUR --人民网》（https://x.cn/a?b=1&c=%20ER%20%20-%20TY%20%20-%20JOUR），2026-11-28 访问。`,
  },
};

describe('every format, exact strings', () => {
  it('covers every format in the menu, each once', () => {
    expect(CITATION_FORMATS.map((f) => f.id).sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  for (const [id, byScenario] of Object.entries(EXPECTED) as [CitationFormatId, Record<Scenario, string>][]) {
    for (const [scenario, expected] of Object.entries(byScenario) as [Scenario, string][]) {
      it(`${id}: ${scenario}`, () => {
        expect(formatCitation(id, SCENARIOS[scenario])).toBe(expected);
      });
    }
  }

  it('no field of any format carries a line break or control character from the input', () => {
    for (const { id } of CITATION_FORMATS) {
      const text = formatCitation(id, SCENARIOS.hostile);
      // The format's own line structure is the only one: RIS lines are tags, BibTeX lines are fields.
      for (const line of text.split(/\r?\n/)) {
        expect(line, id).not.toMatch(/[\p{Cc}\u2028\u2029]/u);
        expect(line, id).not.toMatch(/^(TY|ER) {2}- .*JOUR/);
      }
      expect(text, id).not.toContain('\u0007');
    }
  });
});
