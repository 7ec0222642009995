// @vitest-environment happy-dom
/**
 * The popup with a library: each match carries a chip in its document's
 * colour (and the other documents sharing the passage), the section and
 * original sentence come from that document, the list filters by document,
 * the full passage opens the reader at the document, and "Add this page to
 * the library" opens the Library page for the tab.
 */
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Popup } from '../../components/popup/Popup';
import type { PopupDocument } from '../../components/popup/platform';
import { getCorpus } from '../../lib/corpus';
import { documentCorpus } from '../../lib/library/corpus-view';
import { createDocument } from '../../lib/library/document';
import type { PageMatch } from '../../lib/messages';
import { fakePlatform, speechMatch, tabResults } from './popup-fake-platform';

afterEach(cleanup);

const made = createDocument({
  text: '某市工作报告\n\n一、总体要求\n要坚持生态优先、绿色发展，守住自然生态安全边界。\n\n二、重点任务\n推动城乡人居环境明显改善，美丽乡村建设取得新成效。',
  origin: { kind: 'paste' },
  colour: '#2b8a3e',
});
if (!made.ok) throw new Error(made.error.message);
const report = made.value;

function reportMatch(phrase: string, start: number, extra: Partial<PageMatch> = {}): PageMatch {
  const at = report.text.indexOf(phrase);
  return {
    ...speechMatch('绿水青山就是金山银山', start),
    id: `f1:${start}`,
    quote: phrase,
    start,
    end: start + phrase.length,
    speechStart: at,
    speechEnd: at + phrase.length,
    documentId: report.id,
    ...extra,
  };
}

const documents: PopupDocument[] = [
  { id: 'speech', title: getCorpus().meta.title, colour: '#c62828', enabled: true, corpus: null, meta: null },
  {
    id: report.id,
    title: report.meta.title,
    colour: report.colour,
    enabled: true,
    corpus: documentCorpus(report),
    meta: report.meta,
  },
];

function renderWith(matches: PageMatch[]) {
  const fake = fakePlatform({ results: tabResults(matches) });
  const platform = { ...fake.platform, getDocuments: vi.fn(async () => documents), addPageToLibrary: vi.fn() };
  render(<Popup platform={platform} />);
  return { platform, user: userEvent.setup() };
}

describe('popup with a library', () => {
  it('shows the document chip, section and sentence of each match, and filters by document', async () => {
    const shared = speechMatch('绿水青山就是金山银山', 0, {
      alsoIn: [{ documentId: report.id, speechStart: 0, speechEnd: 4, similarity: 1, start: 0, end: 4 }],
    });
    const { user, platform } = renderWith([shared, reportMatch('守住自然生态安全边界', 40)]);
    // The library loads after the results: wait for its chips.
    await screen.findAllByText('某市工作报告', { selector: '.yw-doc-chip' });
    const cards = screen.getAllByRole('listitem');
    const own = cards.find((c) => c.dataset.documentId === report.id) as HTMLElement;
    expect(within(own).getByText('某市工作报告', { selector: '.yw-doc-chip' })).toBeTruthy();
    expect(own.querySelector('.match__section')?.textContent).toBe('一、 总体要求');
    expect(own.querySelector('.match__span')?.textContent).toBe('守住自然生态安全边界');
    expect(own.querySelector('.match__passage')?.textContent).toContain('要坚持生态优先、绿色发展，');
    const speechCard = cards.find((c) => c.dataset.documentId === 'speech') as HTMLElement;
    // One match, both documents listed.
    expect(speechCard.querySelectorAll('.yw-doc-chip')).toHaveLength(2);
    expect(within(speechCard).getByText('亦见于')).toBeTruthy();

    const filter = screen.getByLabelText('文献') as HTMLSelectElement;
    await user.selectOptions(filter, report.id);
    expect(screen.getAllByRole('listitem')).toHaveLength(2); // its own match and the shared one
    await user.selectOptions(filter, 'speech');
    expect(screen.getAllByRole('listitem')).toHaveLength(1);

    await user.selectOptions(filter, '');
    const again = document.querySelector(`li[data-document-id="${report.id}"]`) as HTMLElement;
    const openOwn = within(again).getByRole('button', { name: /^阅读全文/ });
    await user.click(openOwn);
    const at = report.text.indexOf('守住自然生态安全边界');
    expect(platform.openReader).toHaveBeenCalledWith({ start: at, end: at + 10 }, report.id);

    await user.click(screen.getByRole('button', { name: '将本页加入文献库' }));
    expect(platform.addPageToLibrary).toHaveBeenCalledWith(7);
  });

  it('shows no chips while the speech is the only document', async () => {
    const fake = fakePlatform({ results: tabResults([speechMatch('绿水青山就是金山银山', 0)]) });
    render(<Popup platform={fake.platform} />);
    await screen.findAllByRole('listitem');
    expect(document.querySelector('.yw-doc-chip')).toBeNull();
    expect(screen.queryByLabelText('文献')).toBeNull();
  });
});

describe('citations of a library document', () => {
  it("names the document's title, author and section, not the speech's", async () => {
    const withAuthor: PopupDocument[] = documents.map((d) =>
      d.id === report.id && d.meta ? { ...d, meta: { ...d.meta, author: '某市人民政府', date: '2024-01-15' } } : d,
    );
    const fake = fakePlatform({ results: tabResults([reportMatch('守住自然生态安全边界', 40)]) });
    const platform = { ...fake.platform, getDocuments: vi.fn(async () => withAuthor) };
    render(<Popup platform={platform} />);
    const user = userEvent.setup();
    await screen.findByText('某市工作报告', { selector: '.yw-doc-chip' });
    const card = screen.getByRole('listitem');
    await user.click(within(card).getByRole('button', { name: /复制|Copy/ }));
    const text = platform.copyText.mock.calls[0]?.[0] as string;
    expect(text).toContain('某市人民政府. 某市工作报告[Z]');
    expect(text).toContain('2024');
    expect(text).toContain('一、“总体要求”');
    expect(text).not.toContain(getCorpus().meta.title);
  });
});
