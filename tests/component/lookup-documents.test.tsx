// @vitest-environment happy-dom
/**
 * The lookup view over the library: passages of every document, each with a chip naming its document (in
 * its colour), its own section, and a reader link into that document.
 */
import { cleanup, render, screen } from '@testing-library/react';
import { add_word, cut } from 'jieba-wasm';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type LookupDocument, LookupView } from '../../components/lookup/LookupView';
import { getCorpus } from '../../lib/corpus';
import type { Span } from '../../lib/corpus/types';
import { documentCorpus } from '../../lib/library/corpus-view';
import { documentHash } from '../../lib/library/doc-link';
import { createDocument } from '../../lib/library/document';
import { documentLookupSource, sloganWords, speechLookupSource } from '../../lib/lookup';
import { matchData } from '../../lib/match/derived';

const speech = getCorpus();
const segment = async () => (text: string) => cut(text, true);
const OWN = '坚持把城乡融合发展作为推动县域经济高质量增长的重要抓手';
const made = createDocument({
  text: `某县政府工作报告\n\n一、总体要求\n${OWN}。\n\n二、生态保护\n我们坚持绿水青山就是金山银山的理念。`,
  origin: { kind: 'paste' },
});
if (!made.ok) throw new Error(made.error.message);
const report = made.value;

const documents: LookupDocument[] = [
  { ...speechLookupSource(), title: speech.meta.title, colour: '#c62828' },
  {
    ...documentLookupSource(report, documentCorpus(report), matchData.t2s),
    title: '某县政府工作报告',
    colour: '#0066cc',
  },
];
const href = (span: Span, documentId: string) => `reader.html${documentHash(documentId, span)}`;

beforeAll(() => {
  for (const w of sloganWords(speech.slogans)) add_word(w, 100000, 'n');
});
afterEach(() => cleanup());

const hits = () => [...document.querySelectorAll('li.yw-hit')] as HTMLElement[];

describe('LookupView over several documents', () => {
  it('finds a line of an imported document there, with its chip, section and reader link', async () => {
    render(
      <LookupView
        lang="zh"
        loadSegmenter={segment}
        loadDocuments={async () => documents}
        initialQuery={OWN}
        passageHref={href}
      />,
    );
    await screen.findByText(/找到 \d+ 个段落/);
    const first = hits()[0] as HTMLElement;
    expect(first.dataset.documentId).toBe(report.id);
    const chip = first.querySelector('.yw-doc-chip') as HTMLElement;
    expect(chip.textContent).toBe('某县政府工作报告');
    expect(chip.style.borderColor).toBe('#0066cc');
    expect(first.querySelector('.yw-hit-meta')?.textContent).toContain('一、总体要求');
    const at = report.text.indexOf(OWN);
    expect(first.querySelector('a')?.getAttribute('href')).toBe(
      `reader.html#doc=${report.id}&span=${at}-${at + OWN.length}`,
    );
  });

  it('lists a line two documents share in both, each naming its own', async () => {
    render(
      <LookupView
        lang="en"
        loadSegmenter={segment}
        loadDocuments={async () => documents}
        initialQuery="绿水青山就是金山银山"
        passageHref={href}
      />,
    );
    await screen.findByText(/passages? found/);
    const exact = hits().filter((li) => li.dataset.kind === 'exact');
    const named = exact.map((li) => li.dataset.documentId);
    expect(named[0]).toBe('speech');
    expect(named).toContain(report.id);
    const inReport = exact.find((li) => li.dataset.documentId === report.id) as HTMLElement;
    expect(inReport.querySelector('a')?.getAttribute('href')).toMatch(
      new RegExp(`^reader\\.html#doc=${report.id}&span=`),
    );
    const inSpeech = exact[0] as HTMLElement;
    expect(inSpeech.querySelector('.yw-doc-chip')?.textContent).toBe(speech.meta.title);
    expect(inSpeech.querySelector('a')?.getAttribute('href')).toMatch(/^reader\.html#span=\d+-\d+$/);
  });

  it('shows no chip when it searches one document', async () => {
    render(<LookupView lang="en" loadSegmenter={segment} initialQuery="绿水青山就是金山银山" passageHref={href} />);
    await screen.findByText(/passages? found/);
    expect(hits().length).toBeGreaterThan(0);
    expect(document.querySelector('.yw-doc-chip')).toBeNull();
  });
});
