// @vitest-environment happy-dom
/**
 * The reader page on happy-dom: structure and landmarks, deep links and
 * hashchange, the selection toolbar and the target bar copying exact
 * citations, the menu of formats, failures, and both UI languages.
 */
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ReaderApp } from '../../components/reader/ReaderApp';
import { selectionToSpan } from '../../components/reader/selection';
import { formatCitation, formatCitationHtml } from '../../lib/citations';
import type { CitationFormatId } from '../../lib/citations/types';
import { getCorpus } from '../../lib/corpus';
import type { Lang } from '../../lib/i18n';

const corpus = getCorpus();
const QUOTE = '以更高标准打好蓝天、碧水、净土保卫战';
const START = corpus.text.indexOf(QUOTE);
const END = START + QUOTE.length;

let scrolled: Element[] = [];

beforeEach(() => {
  scrolled = [];
  Element.prototype.scrollIntoView = function (this: Element) {
    scrolled.push(this);
  };
  window.location.hash = '';
});
afterEach(() => {
  cleanup();
  document.getSelection()?.removeAllRanges();
});

function renderReader({
  lang = 'zh' as Lang,
  defaultFormat = 'gbt7714' as CitationFormatId,
  copyText = vi.fn(async (_text: string, _html: string | null) => {}),
} = {}) {
  const user = userEvent.setup();
  const view = render(<ReaderApp corpus={corpus} lang={lang} defaultFormat={defaultFormat} copyText={copyText} />);
  return { user, copyText, view };
}

const marked = () => [...document.querySelectorAll('mark[data-target]')].map((m) => m.textContent).join('');

/** Selects [start, end) of the speech as a user would, through the text nodes of its runs. */
function selectSpeech(start: number, end: number) {
  const point = (offset: number): [Node, number] => {
    for (const run of document.querySelectorAll<HTMLElement>('[data-o]')) {
      const o = Number(run.dataset.o);
      const text = run.firstChild as Text;
      if (offset >= o && offset <= o + text.length) return [text, offset - o];
    }
    throw new Error(`no run holds ${offset}`);
  };
  const range = document.createRange();
  range.setStart(...point(start));
  range.setEnd(...point(end));
  const selection = document.getSelection()!;
  selection.removeAllRanges();
  selection.addRange(range);
  act(() => {
    document.dispatchEvent(new Event('selectionchange'));
  });
}

describe('structure', () => {
  it('shows the title, landmarks, a contents entry per section and every paragraph numbered', () => {
    renderReader();
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe(corpus.meta.title);
    expect(screen.getByRole('banner')).toBeTruthy();
    expect(screen.getByRole('main')).toBeTruthy();
    const nav = screen.getByRole('navigation', { name: '目录' });
    const links = within(nav).getAllByRole('link');
    expect(links.map((a) => a.getAttribute('href'))).toEqual(corpus.sections.map((s) => `#section-${s.index}`));
    expect(links[2]!.textContent).toContain('第二部分');
    expect(links[2]!.textContent).toContain(corpus.sections[2]!.title);
    for (const s of corpus.sections) {
      const heading = document.getElementById(`section-${s.index}-h`)!;
      expect(heading.tagName).toBe('H2');
      expect(heading.textContent).toContain(s.label);
    }
    const numbers = [...document.querySelectorAll('.para__num')];
    expect(numbers.map((n) => n.textContent)).toEqual(corpus.paragraphs.map((p) => `¶${p.number}`));
    expect(numbers.map((n) => n.getAttribute('href'))).toEqual(corpus.paragraphs.map((p) => `#p=${p.number}`));
    // The paragraphs hold the speech verbatim.
    for (const p of corpus.paragraphs) expect(document.querySelector(`#p-${p.number} p`)!.textContent).toBe(p.text);
    expect(screen.getByText('讲话人未署名', { exact: false })).toBeTruthy();
  });

  it('follows the UI language: English labels, Chinese speech', () => {
    renderReader({ lang: 'en' });
    expect(screen.getByRole('navigation', { name: 'Contents' })).toBeTruthy();
    expect(document.getElementById('section-2-h')!.textContent).toContain('Part 2');
    expect(document.getElementById('section-0-h')!.textContent).toContain('Opening');
    expect(document.documentElement.lang).toBe('en');
    expect(document.querySelector('.speech')!.getAttribute('lang')).toBe('zh-CN');
    expect(screen.getByRole('link', { name: 'Skip to the text' }).getAttribute('href')).toBe('#text');
  });
});

describe('deep links', () => {
  it('marks exactly the span of #span=S-E and scrolls it into view', () => {
    window.location.hash = `#span=${START}-${END}`;
    renderReader();
    expect(marked()).toBe(QUOTE);
    expect(scrolled[0]).toBe(document.querySelector('mark[data-target]'));
    expect(document.activeElement).toBe(document.getElementById('p-4'));
    expect(screen.getByRole('link', { current: 'location' }).getAttribute('href')).toBe('#section-2');
    expect(screen.getByRole('region', { name: '已定位' }).textContent).toContain(
      '第二部分 · 切实增强落实污染防治的思想自觉…，第4段',
    );
  });

  it('marks a span that crosses paragraphs in both, without the line break', () => {
    const p = corpus.paragraphs[1]!;
    const next = corpus.paragraphs[2]!;
    window.location.hash = `#span=${p.end - 3}-${next.start + 4}`;
    renderReader();
    expect(marked()).toBe(corpus.text.slice(p.end - 3, p.end) + corpus.text.slice(next.start, next.start + 4));
    const inParagraph = (n: number) =>
      [...document.querySelectorAll(`#p-${n} mark`)].map((m) => m.textContent).join('');
    expect(inParagraph(2)).toBe(corpus.text.slice(p.end - 3, p.end));
    // Part 1's heading clause starts inside the span: the mark is cut there but covers it all.
    expect(inParagraph(3)).toBe('第一，切');
  });

  it('shows #p=N by the paragraph background, and follows hashchange', () => {
    window.location.hash = '#p=3';
    renderReader();
    expect(document.querySelector('.para--target')!.id).toBe('p-3');
    expect(document.querySelectorAll('mark').length).toBe(0);
    expect(scrolled.at(-1)).toBe(document.getElementById('p-3'));

    act(() => {
      window.location.hash = `#span=${START}-${END}`;
      window.dispatchEvent(new HashChangeEvent('hashchange'));
    });
    expect(marked()).toBe(QUOTE);
    expect(document.querySelector('.para--target')).toBeNull();
  });

  it('ignores malformed and out-of-range hashes', () => {
    for (const bad of ['#span=9-3', '#span=abc', `#span=0-${corpus.text.length + 1}`, '#p=99', '#p=0']) {
      window.location.hash = bad;
      renderReader();
      expect(document.querySelectorAll('mark').length, bad).toBe(0);
      expect(document.querySelector('.para--target'), bad).toBeNull();
      cleanup();
    }
    // A later bad hash keeps the current target.
    window.location.hash = '#p=4';
    renderReader();
    act(() => {
      window.location.hash = '#section-1';
      window.dispatchEvent(new HashChangeEvent('hashchange'));
    });
    expect(document.querySelector('.para--target')!.id).toBe('p-4');
  });

  it('opens where a plain anchor of the reader points (a reload of #section-3 or #text)', () => {
    for (const id of ['section-3', 'text', 'section-0']) {
      scrolled = [];
      window.location.hash = `#${id}`;
      renderReader();
      expect(
        scrolled.map((el) => el.id),
        id,
      ).toEqual([id]);
      expect(screen.queryByRole('alert')).toBeNull();
      cleanup();
    }
    // Every anchor the reader links to exists and is followed on load.
    window.location.hash = '';
    renderReader();
    const hrefs = [...document.querySelectorAll<HTMLAnchorElement>('a[href^="#"]')].map((a) => a.getAttribute('href')!);
    cleanup();
    expect(hrefs.length).toBeGreaterThan(5);
    for (const href of hrefs) {
      scrolled = [];
      window.location.hash = href;
      renderReader();
      expect(scrolled.length, href).toBe(1);
      cleanup();
    }
  });

  it('says what was wrong with a bad link and where the reader is instead', () => {
    const n = corpus.paragraphs.length;
    const len = corpus.text.length;
    const cases: [string, string][] = [
      ['#p=99', `The link points at paragraph 99, but the speech has ${n} paragraphs.`],
      ['#p=0', `The link points at paragraph 0, but the speech has ${n} paragraphs.`],
      ['#span=99999-100000', `The link points at characters 99999–100000, but the speech has ${len}.`],
      ['#span=50-10', 'empty: its end must come after its start.'],
      ['#span=abc', 'The link #span=abc cannot be read'],
    ];
    for (const [hash, said] of cases) {
      window.location.hash = hash;
      renderReader({ lang: 'en' });
      const alert = screen.getByRole('alert');
      expect(alert.textContent, hash).toContain(said);
      expect(alert.textContent, hash).toContain('Showing the start of the speech.');
      cleanup();
    }
    // In Chinese too, and a bad link after a good one says the passage is still shown.
    window.location.hash = '#p=4';
    renderReader();
    expect(screen.queryByRole('alert')).toBeNull();
    act(() => {
      window.location.hash = '#p=99';
      window.dispatchEvent(new HashChangeEvent('hashchange'));
    });
    expect(screen.getByRole('alert').textContent).toContain(`链接指向第99段，但讲话只有${n}段。`);
    expect(screen.getByRole('alert').textContent).toContain('仍显示：');
    expect(screen.getByRole('alert').textContent).toContain('第4段');
    fireEvent.click(screen.getByRole('button', { name: '关闭' }));
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('clears the highlight and the hash on request', async () => {
    window.location.hash = `#span=${START}-${END}`;
    const { user } = renderReader();
    await user.click(screen.getByRole('button', { name: '取消高亮' }));
    expect(document.querySelectorAll('mark').length).toBe(0);
    expect(window.location.hash).toBe('');
  });
});

describe('copying citations', () => {
  it('the target bar copies the linked passage in the default format', async () => {
    window.location.hash = `#span=${START}-${END}`;
    const { user, copyText } = renderReader({ defaultFormat: 'apa' });
    const bar = screen.getByRole('region', { name: '已定位' });
    await user.click(within(bar).getByRole('button', { name: '复制引用 · APA 7' }));
    const cited = { quote: QUOTE, speechStart: START, speechEnd: END };
    // Plain text and, since APA has italics, the HTML form for word processors.
    expect(copyText).toHaveBeenCalledWith(
      formatCitation('apa', cited, { lang: 'zh' }),
      formatCitationHtml('apa', cited, { lang: 'zh' }),
    );
    expect(copyText.mock.calls[0]![1]).toContain(`<i>${corpus.meta.title}</i>`);
    expect(screen.getByRole('status').textContent).toBe('已复制 APA 7 引用');
  });

  it('a selection in the speech brings a toolbar whose button copies the default format', async () => {
    const { user, copyText } = renderReader();
    selectSpeech(START, END);
    const toolbar = await screen.findByRole('toolbar', { name: `已选 ${QUOTE.length} 字` });
    await user.click(within(toolbar).getByRole('button', { name: '复制所选文字的引用 · GB/T 7714—2025' }));
    expect(copyText).toHaveBeenCalledWith(
      formatCitation('gbt7714', { quote: QUOTE, speechStart: START, speechEnd: END }),
      null,
    );
  });

  it('the menu offers every format and copies the one chosen, by keyboard', async () => {
    const { user, copyText } = renderReader({ lang: 'en' });
    selectSpeech(START, END);
    const toolbar = await screen.findByRole('toolbar');
    within(toolbar).getByRole('button', { name: 'Other citation formats for the selection' }).focus();
    await user.keyboard('{ArrowDown}');
    const menu = await screen.findByRole('menu');
    const items = within(menu).getAllByRole('menuitem');
    expect(items.map((i) => i.textContent)).toEqual([
      'GB/T 7714—2025',
      'GB/T 7714—2025 [EB/OL]',
      'GB/T 7714—2015',
      'GB/T 7714—2015 [EB/OL]',
      'APA 7',
      'MLA 9',
      'Chicago',
      'Chinese footnote (转引自)',
      'BibTeX',
      'RIS',
      'CSL-JSON',
      'Markdown',
      'Plain text',
    ]);
    expect(document.activeElement).toBe(items[0]);
    await user.keyboard('{End}{Enter}');
    expect(copyText).toHaveBeenLastCalledWith(
      formatCitation('plain', { quote: QUOTE, speechStart: START, speechEnd: END }, { lang: 'en' }),
      null,
    );
    expect(screen.getByRole('status').textContent).toBe('Copied the Plain text citation');
  });

  it('a selection across two paragraphs cites both, with no space put between the Chinese sentences', async () => {
    const p = corpus.paragraphs[2]!;
    const next = corpus.paragraphs[3]!;
    const { user, copyText } = renderReader({ defaultFormat: 'plain' });
    selectSpeech(p.end - 4, next.start + 3);
    const toolbar = await screen.findByRole('toolbar', { name: '已选 7 字' });
    await user.click(within(toolbar).getByRole('button', { name: /复制所选文字的引用/ }));
    const text = copyText.mock.calls[0]![0];
    expect(text).toContain(`“${corpus.text.slice(p.end - 4, p.end)}${corpus.text.slice(next.start, next.start + 3)}”`);
    expect(text).toContain('第3至4段');
  });

  it('a whole-paragraph selection (element boundaries) maps to the paragraph', async () => {
    const { user, copyText } = renderReader({ defaultFormat: 'csl-json' });
    const p = document.querySelector('#p-4 p')!;
    const range = document.createRange();
    range.selectNodeContents(p);
    document.getSelection()!.removeAllRanges();
    document.getSelection()!.addRange(range);
    act(() => {
      document.dispatchEvent(new Event('selectionchange'));
    });
    const toolbar = await screen.findByRole('toolbar');
    await user.click(within(toolbar).getByRole('button', { name: /复制所选文字的引用/ }));
    const p4 = corpus.paragraphs[3]!;
    expect(copyText).toHaveBeenCalledWith(
      formatCitation('csl-json', { quote: p4.text, speechStart: p4.start, speechEnd: p4.end }),
      null,
    );
  });

  it('maps element-boundary points to the runs on their side', () => {
    renderReader();
    const root = document.querySelector('.reader')!;
    const p4 = corpus.paragraphs[3]!;
    const range = document.createRange();
    range.selectNodeContents(document.querySelector('#p-4 p')!);
    const selection = document.getSelection()!;
    selection.removeAllRanges();
    selection.addRange(range);
    expect(selectionToSpan(root, selection)).toEqual({ start: p4.start, end: p4.end });
    // From the start of ¶4's block (before its ¶ link) to the start of ¶5's block.
    range.setStart(document.getElementById('p-4')!, 0);
    range.setEnd(document.getElementById('p-5')!, 0);
    expect(selectionToSpan(root, selection)).toEqual({ start: p4.start, end: p4.end });
    selection.removeAllRanges();
    expect(selectionToSpan(root, selection)).toBeNull();
  });

  it('no toolbar for a selection outside the speech (the contents)', () => {
    renderReader();
    const link = screen.getByRole('navigation').querySelector('.toc__title')!;
    const range = document.createRange();
    range.setStart(link.firstChild!, 0);
    range.setEnd(link.firstChild!, 4);
    document.getSelection()!.addRange(range);
    act(() => {
      document.dispatchEvent(new Event('selectionchange'));
    });
    expect(screen.queryByRole('toolbar')).toBeNull();
  });

  it('says so when the clipboard refuses', async () => {
    window.location.hash = '#p=2';
    const copyText = vi.fn(async () => {
      throw new Error('denied');
    });
    const { user } = renderReader({ copyText });
    await user.click(screen.getByRole('button', { name: /复制引用/ }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('复制失败：浏览器未允许写入剪贴板'));
  });

  it('names the selection toolbar’s buttons apart from the linked passage’s', async () => {
    window.location.hash = `#span=${START}-${END}`;
    renderReader({ lang: 'en' });
    selectSpeech(START, END);
    await screen.findByRole('toolbar');
    const names = screen.getAllByRole('button').map((b) => b.getAttribute('aria-label') ?? b.textContent ?? '');
    const copies = names.filter((n) => /^Copy/.test(n) || /^Other citation formats/.test(n));
    expect(copies).toEqual(
      expect.arrayContaining([
        'Copy citation · GB/T 7714—2025',
        'Copy the selection as a citation · GB/T 7714—2025',
        'Other citation formats',
        'Other citation formats for the selection',
      ]),
    );
    expect(new Set(names).size).toBe(names.length);
  });

  it('Alt+C moves focus to the toolbar for keyboard users', async () => {
    renderReader();
    selectSpeech(START, END);
    const toolbar = await screen.findByRole('toolbar');
    // The key handler is attached in an effect after the toolbar renders: press until it has been.
    await waitFor(() => {
      fireEvent.keyDown(document.body, { key: 'c', code: 'KeyC', altKey: true });
      expect(document.activeElement).toBe(within(toolbar).getByRole('button', { name: /复制所选文字的引用/ }));
    });
  });

  it('Escape hides the selection toolbar', async () => {
    renderReader();
    selectSpeech(START, END);
    const toolbar = await screen.findByRole('toolbar');
    fireEvent.keyDown(within(toolbar).getAllByRole('button')[0]!, { key: 'Escape' });
    expect(screen.queryByRole('toolbar')).toBeNull();
  });
});
