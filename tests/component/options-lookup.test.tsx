// @vitest-environment happy-dom
/**
 * The lookup view (lookup page and reader search box) with jieba's node build
 * as the segmenter: searching, marks, links into the reader, errors.
 */
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { add_word, cut } from 'jieba-wasm';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { LookupView } from '../../components/lookup/LookupView';
import { ReaderSearch } from '../../components/lookup/ReaderSearch';
import { getCorpus } from '../../lib/corpus';
import type { Span } from '../../lib/corpus/types';
import { sloganWords } from '../../lib/lookup';

const corpus = getCorpus();
const segment = async () => (text: string) => cut(text, true);
const href = (span: Span) => `reader.html#span=${span.start}-${span.end}`;

beforeAll(() => {
  for (const w of sloganWords(corpus.slogans)) add_word(w, 100000, 'n');
});
afterEach(() => cleanup());

const hits = () => [...document.querySelectorAll('li.yw-hit')] as HTMLElement[];

describe('LookupView', () => {
  it('searches its initial query and lists passages with marked words and reader links', async () => {
    render(
      <LookupView
        lang="zh"
        loadSegmenter={segment}
        initialQuery="危险废物 重金属"
        passageHref={href}
        headingLevel={1}
      />,
    );
    await screen.findByText(/找到 \d+ 个段落/);
    const first = hits()[0];
    expect(first?.textContent).toContain('危险废物');
    expect([...(first?.querySelectorAll('mark') ?? [])].map((m) => m.textContent)).toEqual(
      expect.arrayContaining(['危险废物', '重金属']),
    );
    const sentence = corpus.sentences[Number(first?.dataset.sentence)];
    expect(first?.querySelector('a')?.getAttribute('href')).toBe(
      `reader.html#span=${sentence?.start}-${sentence?.end}`,
    );
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('在原文中查找');
  });

  it('searches on Enter, but not while an IME is composing, and reports each query', async () => {
    const searched: string[] = [];
    render(<LookupView lang="en" loadSegmenter={segment} onSearch={(q) => searched.push(q)} />);
    expect(screen.getByText('Type some text to look it up.')).toBeTruthy();
    const box = screen.getByLabelText('Text to look up');
    fireEvent.change(box, { target: { value: '蓝天' } });
    fireEvent.keyDown(box, { key: 'Enter', isComposing: true });
    expect(searched).toEqual([]);
    fireEvent.keyDown(box, { key: 'Enter' });
    await screen.findByText(/passages? found/);
    expect(searched).toEqual(['蓝天']);
    for (const li of hits()) expect(li.textContent).toContain('蓝天');
  });

  it('opens a passage in place when the host page handles it (the reader)', async () => {
    const opened: Span[] = [];
    const user = userEvent.setup();
    render(<LookupView lang="en" loadSegmenter={segment} initialQuery="约谈" onOpenPassage={(s) => opened.push(s)} />);
    await screen.findByText(/passages? found/);
    await user.click(screen.getAllByRole('button', { name: 'Open in the reader' })[0] as HTMLElement);
    // Said word for word: the reader opens at those words.
    const at = corpus.text.indexOf('约谈');
    expect(opened).toEqual([{ start: at, end: at + 2 }]);
  });

  it('searches as you type, after a pause, and drops the prompt once there is text', async () => {
    const searched: string[] = [];
    render(<LookupView lang="en" loadSegmenter={segment} debounceMs={30} onSearch={(q) => searched.push(q)} />);
    const box = screen.getByLabelText('Text to look up');
    expect(screen.getByText('Type some text to look it up.')).toBeTruthy();
    fireEvent.change(box, { target: { value: '指' } });
    fireEvent.change(box, { target: { value: '指挥' } });
    fireEvent.change(box, { target: { value: '指挥棒' } });
    expect(screen.queryByText('Type some text to look it up.')).toBeNull();
    await screen.findByText(/^1 passage found/);
    expect(searched).toEqual(['指挥棒']); // one search for the pause, not one per keystroke
    const [hit] = hits();
    expect(hit?.dataset.kind).toBe('exact');
    expect(hit?.querySelector('.yw-badge')?.textContent).toBe('Quoted verbatim');
    expect(hit?.querySelector('mark')?.textContent).toBe('指挥棒');
    fireEvent.change(box, { target: { value: '' } });
    await screen.findByText('Type some text to look it up.');
  });

  it('shows a near-verbatim passage with its differences, as the popup does', async () => {
    const misquote = '保护好生态环境是我们党践行使命宗旨、密切党和人民群众之间血肉联系的重要举措';
    render(<LookupView lang="en" loadSegmenter={segment} initialQuery={misquote} />);
    await screen.findByText(/passages? found/);
    const [hit] = hits();
    expect(hit?.dataset.kind).toBe('near-verbatim');
    expect(hit?.querySelector('.yw-badge')?.textContent).toBe('Near-verbatim');
    expect(hit?.textContent).toMatch(/\d+% similar/);
    expect([...(hit?.querySelectorAll('.diff del') ?? [])].map((d) => d.textContent)).toContain(
      '[dropped on the page: 的]',
    );
    expect(hit?.querySelector('.diff__summary')?.textContent).toBeTruthy();
  });

  it('folds the passages that share only a word or two below the quoted ones', async () => {
    render(<LookupView lang="en" loadSegmenter={segment} initialQuery="保护生态环境" />);
    await screen.findByText(/passages? found/);
    const shown = [...document.querySelectorAll('.yw-lookup-results > ol > li.yw-hit')] as HTMLElement[];
    expect(shown.map((li) => li.dataset.kind)).toEqual(['exact']);
    const folded = document.querySelector('details.yw-weak-hits');
    expect(folded?.querySelector('summary')?.textContent).toMatch(/^\d+ more passages? sharing only a word or two$/);
    expect(folded?.querySelectorAll('li.yw-hit').length).toBeGreaterThan(2);
  });

  it('says when nothing is related', async () => {
    render(<LookupView lang="zh" loadSegmenter={segment} initialQuery="量子计算机芯片" />);
    await screen.findByText(/讲话中没有找到相关段落/);
    expect(hits()).toHaveLength(0);
  });

  it('shows an error when the segmenter cannot load, and works on retry', async () => {
    let attempts = 0;
    const flaky = async () => {
      attempts++;
      if (attempts === 1) throw new Error('wasm blocked');
      return (text: string) => cut(text, true);
    };
    const user = userEvent.setup();
    render(<LookupView lang="en" loadSegmenter={flaky} initialQuery="蓝天" />);
    expect((await screen.findByRole('alert')).textContent).toBe('Lookup failed: wasm blocked');
    await user.click(screen.getByRole('button', { name: 'Find' }));
    await waitFor(() => expect(hits().length).toBeGreaterThan(0));
    expect(screen.queryByRole('alert')).toBeNull();
  });
});

describe('ReaderSearch', () => {
  it('loads nothing until opened, then opens a passage through the reader’s deep link', async () => {
    let loads = 0;
    const counting = async () => {
      loads++;
      return (text: string) => cut(text, true);
    };
    const user = userEvent.setup();
    window.location.hash = '';
    render(<ReaderSearch lang="zh" loadSegmenter={counting} />);
    expect(screen.queryByLabelText('要查找的文字')).toBeNull();
    await user.click(screen.getByText('在原文中查找'));
    const box = await screen.findByLabelText('要查找的文字');
    expect(loads).toBe(0);
    await user.type(box, '约谈{Enter}');
    await screen.findByText(/找到 \d+ 个段落/);
    expect(loads).toBe(1);
    await user.click(screen.getAllByRole('button', { name: '在阅读页中打开' })[0] as HTMLElement);
    const at = corpus.text.indexOf('约谈');
    expect(window.location.hash).toBe(`#span=${at}-${at + 2}`);
  });
});
