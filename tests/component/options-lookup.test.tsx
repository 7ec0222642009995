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
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('在讲话中查找');
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
    const sentence = corpus.sentences.find((s) => s.text.includes('约谈'));
    expect(opened).toEqual([{ start: sentence?.start, end: sentence?.end }]);
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
    await user.click(screen.getByText('在讲话中查找'));
    const box = await screen.findByLabelText('要查找的文字');
    expect(loads).toBe(0);
    await user.type(box, '约谈{Enter}');
    await screen.findByText(/找到 \d+ 个段落/);
    expect(loads).toBe(1);
    await user.click(screen.getAllByRole('button', { name: '在阅读页中打开' })[0] as HTMLElement);
    const sentence = corpus.sentences.find((s) => s.text.includes('约谈'));
    expect(window.location.hash).toBe(`#span=${sentence?.start}-${sentence?.end}`);
  });
});
