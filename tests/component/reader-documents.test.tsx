// @vitest-environment happy-dom
/**
 * The reader over the library: #doc=ID opens a document with its contents,
 * paragraphs and the span marked; the switcher changes document; the
 * speech's own links still open the speech.
 */
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PopupDocument } from '../../components/popup/platform';
import { ReaderShell } from '../../components/reader/ReaderShell';
import { getCorpus } from '../../lib/corpus';
import { documentCorpus } from '../../lib/library/corpus-view';
import { createDocument } from '../../lib/library/document';

const speech = getCorpus();
const made = createDocument({
  text: '关于加强生态保护的报告\n\n一、总体要求\n坚持绿水青山就是金山银山的理念。\n\n二、主要任务\n打好污染防治攻坚战。',
  origin: { kind: 'paste' },
});
if (!made.ok) throw new Error(made.error.message);
const doc = made.value;
const documents: PopupDocument[] = [
  { id: 'speech', title: speech.meta.title, colour: '#c00', enabled: true, corpus: null, meta: null },
  { id: doc.id, title: doc.meta.title, colour: '#06c', enabled: true, corpus: documentCorpus(doc), meta: doc.meta },
];
const QUOTE = '打好污染防治攻坚战';
const START = doc.text.indexOf(QUOTE);

beforeEach(() => {
  Element.prototype.scrollIntoView = () => {};
  window.location.hash = '';
});
afterEach(cleanup);

function renderShell(extra: Partial<Parameters<typeof ReaderShell>[0]> = {}) {
  return render(<ReaderShell speech={speech} documents={documents} lang="zh" defaultFormat="gbt7714" {...extra} />);
}

describe('the reader over the library', () => {
  it('opens a document by #doc= with its contents and the span marked', () => {
    window.location.hash = `#doc=${doc.id}&span=${START}-${START + QUOTE.length}`;
    const { container } = renderShell();
    expect(screen.getByRole('heading', { level: 1 }).textContent).toContain('关于加强生态保护的报告');
    const toc = screen.getByRole('navigation');
    expect(toc.textContent).toContain('总体要求');
    expect(toc.textContent).toContain('主要任务');
    expect(container.textContent).not.toContain(speech.text.slice(100, 120));
    expect([...container.querySelectorAll('mark')].map((m) => m.textContent).join('')).toBe(QUOTE);
    const para = container.querySelector('.para__num');
    expect(para?.getAttribute('href')).toMatch(new RegExp(`^#doc=${doc.id}&p=1$`));
  });

  it('switches documents with the select, and the speech links open the speech', () => {
    window.location.hash = '#p=3';
    const { container } = renderShell();
    expect(container.textContent).toContain(speech.text.slice(100, 120));
    const select = screen.getByRole('combobox') as HTMLSelectElement;
    expect([...select.options].map((o) => o.value)).toEqual(['speech', doc.id]);
    act(() => {
      fireEvent.change(select, { target: { value: doc.id } });
      window.dispatchEvent(new HashChangeEvent('hashchange'));
    });
    expect(window.location.hash).toBe(`#doc=${doc.id}`);
    expect(screen.getByRole('heading', { level: 1 }).textContent).toContain('关于加强生态保护的报告');
    act(() => {
      window.location.hash = '#section-1';
      window.dispatchEvent(new HashChangeEvent('hashchange'));
    });
    expect(screen.getByRole('heading', { level: 1 }).textContent).toContain('关于加强生态保护的报告');
    act(() => {
      window.location.hash = '#span=0-4';
      window.dispatchEvent(new HashChangeEvent('hashchange'));
    });
    expect(container.textContent).toContain(speech.text.slice(100, 120));
  });

  it('says a document the library does not have is missing, and offers the speech', () => {
    window.location.hash = '#doc=deadbeef&span=0-4';
    const { container } = renderShell();
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain('不在您的文档库中');
    expect(screen.getByRole('link', { name: '打开讲话原文' }).getAttribute('href')).toBe('reader.html');
    expect(container.textContent).not.toContain(speech.text.slice(100, 120));
    // The switcher still reaches the documents there are.
    const select = screen.getByRole('combobox') as HTMLSelectElement;
    expect([...select.options].filter((o) => !o.disabled).map((o) => o.value)).toEqual(['speech', doc.id]);
    act(() => {
      window.location.hash = '#span=0-4';
      window.dispatchEvent(new HashChangeEvent('hashchange'));
    });
    expect(container.textContent).toContain(speech.text.slice(100, 120));
  });

  it('gives the search and the decoration of the shown document, and removes the last one on a switch', () => {
    window.location.hash = `#doc=${doc.id}`;
    const drawn: string[] = [];
    const erased: string[] = [];
    renderShell({
      searchFor: (id) => <p data-testid="search">search {id}</p>,
      decorateFor: (id, corpus) => (root) => {
        drawn.push(`${id}:${corpus.text.length}:${root.querySelector('[data-speech]') ? 'rendered' : 'empty'}`);
        return () => erased.push(id);
      },
    });
    expect(screen.getByTestId('search').textContent).toBe(`search ${doc.id}`);
    expect(drawn).toEqual([`${doc.id}:${doc.text.length}:rendered`]);
    act(() => {
      window.location.hash = '#span=0-4';
      window.dispatchEvent(new HashChangeEvent('hashchange'));
    });
    expect(screen.getByTestId('search').textContent).toBe('search speech');
    expect(erased).toEqual([doc.id]);
    expect(drawn[1]).toBe(`speech:${speech.text.length}:rendered`);
  });
});
