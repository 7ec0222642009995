// @vitest-environment happy-dom
import { act, cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { similarityPercent } from '../../components/popup/MatchItem';
import { Popup } from '../../components/popup/Popup';
import { buildItems, citationInput } from '../../components/popup/popup-model';
import { formatCitation, formatCitations } from '../../lib/citations';
import { getCorpus } from '../../lib/corpus';
import { ACCESSED, fakePlatform, OWN_ORIGIN, PAGE, speechMatch, tabResults } from './popup-fake-platform';

afterEach(cleanup);

const Panel = ({ lang, hostname }: { lang: string; hostname: string | null }) => <p>{`panel ${lang} ${hostname}`}</p>;

const slogan = speechMatch('绿水青山就是金山银山', 120, { kind: 'slogan' }, 2);
const passage = speechMatch('持续深入打好蓝天、碧水、净土保卫战', 40);
const near = speechMatch('像保护眼睛一样保护生态环境', 300, {
  quote: '像保护眼睛那样保护生态环境',
  similarity: 0.92,
  diff: [
    { op: 'equal', page: '像保护眼睛', speech: '像保护眼睛' },
    { op: 'replace', page: '那样', speech: '一样' },
    { op: 'equal', page: '保护生态环境', speech: '保护生态环境' },
  ],
});

function renderPopup(options: Parameters<typeof fakePlatform>[0] = {}) {
  const fake = fakePlatform({ results: tabResults([near, slogan, passage]), ...options });
  const user = userEvent.setup();
  render(<Popup platform={fake.platform} />);
  return { ...fake, user };
}

const items = () => within(screen.getByRole('list', { name: /本页引用|on this page/ })).getAllByRole('listitem');

describe('the match list', () => {
  it('lists the matches in page order with the page words, the section and the original passage', async () => {
    renderPopup();
    await screen.findByRole('heading', { name: '本页引用 3 处' });
    const list = items();
    expect(list.map((li) => li.querySelector('.match__quote')?.textContent)).toEqual([
      '页面原话：持续深入打好蓝天、碧水、净土保卫战',
      '页面原话：绿水青山就是金山银山',
      '页面原话：像保护眼睛那样保护生态环境',
    ]);
    const first = list[0] as HTMLElement;
    expect(within(first).getByText('第二部分 · 切实增强落实污染防治的思想自觉…')).toBeTruthy();
    expect(within(first).getByText('第 4 段')).toBeTruthy();
    // The kind is not called 原文, the product's name.
    expect(within(first).getByText('逐字引用')).toBeTruthy();
    expect(within(first).queryByText('原文')).toBeNull();
    // The original sentence, with the matched span marked.
    const mark = first.querySelector('blockquote mark');
    expect(mark?.textContent).toBe('持续深入打好蓝天、碧水、净土保卫战');
    expect(first.querySelector('blockquote')?.textContent).toContain('深入推进环境污染防治，持续深入打好蓝天');
    expect(within(list[1] as HTMLElement).getByText('提法')).toBeTruthy();
    // The page's own title is shown (the tab being inspected).
    expect(screen.getByText(PAGE.title)).toBeTruthy();
  });

  it('names each card and its buttons by the quote they act on', async () => {
    renderPopup({ browserLanguage: 'en-US' });
    await screen.findByRole('heading', { name: '3 quotes on this page' });
    const [first, second] = items() as HTMLElement[];
    expect(first?.getAttribute('aria-label')).toBe('Passage: 持续深入打好蓝天、碧水、净土保卫战');
    expect(second?.getAttribute('aria-label')).toBe('Slogan: 绿水青山就是金山银山');
    expect(within(first!).getByRole('button', { name: 'Jump to “持续深入打好蓝天、碧水、净土保卫…”' })).toBeTruthy();
    expect(within(second!).getByRole('button', { name: 'Full passage of “绿水青山就是金山银山”' })).toBeTruthy();
    const names = screen.getAllByRole('button').map((b) => b.getAttribute('aria-label') ?? b.textContent);
    const jumps = names.filter((n) => n?.startsWith('Jump'));
    expect(new Set(jumps).size).toBe(jumps.length);
  });

  it('shows the similarity and a character diff for a near-verbatim quote, not by colour alone', async () => {
    renderPopup();
    await screen.findByRole('heading', { name: '本页引用 3 处' });
    const item = items()[2] as HTMLElement;
    expect(within(item).getByText('近似引用')).toBeTruthy();
    expect(within(item).getByText('相似度 92%')).toBeTruthy();
    const del = item.querySelector('.diff del');
    const ins = item.querySelector('.diff ins');
    expect(del?.textContent).toBe('[讲话作：一样');
    expect(ins?.textContent).toBe('，页面改为：那样]');
    // One edit of two characters: counted as one change.
    expect(within(item).getByText('改动 1 处')).toBeTruthy();
    // Verbatim quotes have no diff.
    expect((items()[0] as HTMLElement).querySelector('.diff')).toBeNull();
  });

  it('says why each match was marked in a tooltip, and shows stock phrasing quietly', async () => {
    const stock = speechMatch('生态文明建设和生态环境保护', 500, { rule: 'verbatim', distinctiveness: 0.2 });
    renderPopup({ results: tabResults([near, slogan, stock]) });
    await screen.findByRole('heading', { name: '本页引用 3 处' });
    const [sloganItem, nearItem, stockItem] = items() as HTMLElement[];
    expect(sloganItem?.querySelector('.match__kind')?.getAttribute('title')).toBe('页面用引号引用了讲话中的提法。');
    expect(nearItem?.querySelector('.match__kind')?.getAttribute('title')).toContain('请核对差异');
    expect(stockItem?.classList.contains('match--stock')).toBe(true);
    expect(stockItem?.querySelector('.match__kind')?.getAttribute('title')).toContain('常用套话');
    expect(sloganItem?.classList.contains('match--stock')).toBe(false);
  });

  it('rounds a similarity down, so a near-verbatim quote never reads 100%', () => {
    expect([0.996, 0.92, 0.29, 0.5].map(similarityPercent)).toEqual([99, 92, 29, 50]);
  });

  it('switches to grouped by section and back, keeping page order within each section', async () => {
    const extra = speechMatch('深入推进环境污染防治', 10);
    const { user } = renderPopup({ results: tabResults([near, slogan, passage, extra]) });
    const bySection = await screen.findByRole('button', { name: '按讲话部分' });
    expect(bySection.getAttribute('aria-pressed')).toBe('false');
    await user.click(bySection);
    expect(bySection.getAttribute('aria-pressed')).toBe('true');
    const groups = screen.getAllByRole('heading', { level: 3 }).map((h) => h.textContent);
    expect(groups).toEqual(['第二部分 · 切实增强落实污染防治的思想自觉…3 处', '结语1 处']);
    const part2 = screen.getByRole('list', { name: /第二部分/ });
    expect(
      within(part2)
        .getAllByRole('listitem')
        .map((li) => li.querySelector('mark')?.textContent),
    ).toEqual(['深入推进环境污染防治', '持续深入打好蓝天、碧水、净土保卫战', '绿水青山就是金山银山']);
    await user.click(screen.getByRole('button', { name: '按页面顺序' }));
    expect(items()).toHaveLength(4);
  });

  it('remembers the chosen order for the next opening', async () => {
    const { platform, user } = renderPopup({ view: 'section' });
    const bySection = await screen.findByRole('button', { name: '按讲话部分' });
    expect(bySection.getAttribute('aria-pressed')).toBe('true');
    expect(screen.getAllByRole('heading', { level: 3 }).length).toBeGreaterThan(0);
    await user.click(screen.getByRole('button', { name: '按页面顺序' }));
    expect(platform.saveView).toHaveBeenLastCalledWith('page');
  });

  it('renders a long list a hundred at a time', async () => {
    const many = Array.from({ length: 130 }, (_, i) =>
      i % 2 ? speechMatch('红线', i * 10, { kind: 'slogan' }) : speechMatch('深入推进环境污染防治', i * 10),
    );
    // Counted with a selector: role queries over hundreds of items are slow in happy-dom.
    const listed = () => document.querySelectorAll('li.match').length;
    const { user } = renderPopup({ results: tabResults(many) });
    await screen.findByRole('heading', { name: '本页引用 130 处' });
    expect(listed()).toBe(100);
    await user.click(screen.getByRole('button', { name: '显示更多（还有 30 处）' }));
    expect(listed()).toBe(130);
    expect(screen.queryByRole('button', { name: /显示更多/ })).toBeNull();
    // Grouped, the same limit applies across the groups: all 65 of part 2, then 35 of part 3's 65.
    cleanup();
    const again = renderPopup({ results: tabResults(many) });
    await again.user.click(await screen.findByRole('button', { name: '按讲话部分' }));
    expect(listed()).toBe(100);
    expect(screen.getAllByRole('heading', { level: 3 }).map((h) => h.firstChild?.textContent)).toEqual([
      '第二部分 · 切实增强落实污染防治的思想自觉…',
      '第三部分 · 切实增强生态环境保护的行动自觉…',
    ]);
    expect(document.querySelectorAll('[aria-labelledby="group-3"] li.match')).toHaveLength(35);
    expect(screen.getByRole('button', { name: '显示更多（还有 30 处）' })).toBeTruthy();
  });

  it('follows the browser language, unless the settings choose one', async () => {
    renderPopup({ browserLanguage: 'en-US' });
    await screen.findByRole('heading', { name: '3 quotes on this page' });
    expect(within(items()[0] as HTMLElement).getByText('Part 2 · 切实增强落实污染防治的思想自觉…')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'By section' })).toBeTruthy();
    cleanup();
    renderPopup({ browserLanguage: 'en-US', settings: { language: 'zh' } });
    await screen.findByRole('heading', { name: '本页引用 3 处' });
  });
});

describe('actions on a match', () => {
  it('jumps to the match in the tab, and says so when the page does not answer', async () => {
    const { platform, user } = renderPopup({ jumpOutcome: 'no-answer' });
    await screen.findByRole('heading', { name: '本页引用 3 处' });
    await user.click(within(items()[1] as HTMLElement).getByRole('button', { name: /^定位“/ }));
    expect(platform.jump).toHaveBeenCalledWith(7, slogan.id);
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('页面没有响应，无法定位。'));
  });

  it('opens the full passage at the span of the speech', async () => {
    const { platform, user } = renderPopup();
    await screen.findByRole('heading', { name: '本页引用 3 处' });
    await user.click(within(items()[0] as HTMLElement).getByRole('button', { name: /^阅读全文：/ }));
    expect(platform.openReader).toHaveBeenCalledWith({ start: passage.speechStart, end: passage.speechEnd });
  });

  it('copies the default format in one click and confirms in a live region', async () => {
    const { platform, user } = renderPopup({ settings: { citationFormat: 'apa' } });
    await screen.findByRole('heading', { name: '本页引用 3 处' });
    const button = await within(items()[0] as HTMLElement).findByRole('button', { name: '复制引文（APA 7）' });
    await user.click(button);
    const expected = formatCitation('apa', citationInput(passage, PAGE, ACCESSED), { lang: 'zh' });
    expect(expected).toContain('持续深入打好蓝天、碧水、净土保卫战');
    expect(platform.copyText).toHaveBeenCalledWith(expected);
    const status = screen.getByRole('status');
    await waitFor(() => expect(status.textContent).toBe('已复制 APA 7 引文'));
    // Copying again empties the live region first, so the same words are announced again.
    await user.click(button);
    expect(status.textContent).toBe('');
    await waitFor(() => expect(status.textContent).toBe('已复制 APA 7 引文'));
    expect(platform.copyText).toHaveBeenCalledTimes(2);
  });

  it('offers every other format in a menu driven by the keyboard', async () => {
    const { platform, user } = renderPopup();
    await screen.findByRole('heading', { name: '本页引用 3 处' });
    const item = items()[1] as HTMLElement;
    const trigger = within(item).getByRole('button', { name: '更多引文格式' });
    expect(trigger.getAttribute('aria-expanded')).toBe('false');
    trigger.focus();
    await user.keyboard('{ArrowDown}');
    const menu = within(item).getByRole('menu');
    const entries = within(menu).getAllByRole('menuitem');
    expect(entries.map((e) => e.textContent)).toContain('BibTeX');
    // Every label in the UI's language: a word is translated, never shown in both.
    expect(entries.map((e) => e.textContent)).toContain('纯文本');
    expect(entries.map((e) => e.textContent).join('|')).not.toContain('Plain text');
    expect(document.activeElement).toBe(entries[0]);
    await user.keyboard('{ArrowDown}');
    expect(document.activeElement).toBe(entries[1]);
    await user.keyboard('{End}');
    expect(document.activeElement).toBe(entries[entries.length - 1]);
    await user.keyboard('{ArrowDown}');
    expect(document.activeElement).toBe(entries[0]);
    await user.keyboard('{Escape}');
    expect(within(item).queryByRole('menu')).toBeNull();
    expect(document.activeElement).toBe(trigger);
    // Choose BibTeX with the keyboard.
    await user.keyboard('{ArrowDown}');
    const bibtex = within(within(item).getByRole('menu')).getByRole('menuitem', { name: 'BibTeX' });
    bibtex.focus();
    await user.keyboard('{Enter}');
    expect(platform.copyText).toHaveBeenCalledWith(
      formatCitation('bibtex', citationInput(slogan, PAGE, ACCESSED), { lang: 'zh' }),
    );
    expect(within(item).queryByRole('menu')).toBeNull();
    expect(document.activeElement).toBe(trigger);
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('已复制 BibTeX 引文'));
  });

  it('loads the citation formats only at idle or when asked, not for the first paint', async () => {
    const { platform, runIdle } = renderPopup({ idle: 'manual' });
    await screen.findByRole('heading', { name: '本页引用 3 处' });
    expect(platform.loadCitations).not.toHaveBeenCalled();
    expect(within(items()[0] as HTMLElement).getByRole('button', { name: '复制引文' })).toBeTruthy();
    act(() => runIdle());
    await within(items()[0] as HTMLElement).findByRole('button', { name: '复制引文（GB/T 7714—2025）' });
    expect(platform.loadCitations).toHaveBeenCalledTimes(1);
  });
});

describe('page actions', () => {
  it('copies all citations in the default format, in page order, each source once', async () => {
    const { platform, user } = renderPopup();
    await user.click(await screen.findByRole('button', { name: /复制全部引文/ }));
    const listed = buildItems([passage, slogan, near], getCorpus());
    const expected = formatCitations(
      'gbt7714',
      listed.map((m) => citationInput(m, PAGE, ACCESSED)),
      { lang: 'zh' },
    );
    expect(platform.copyText).toHaveBeenCalledWith(expected);
    const copied = platform.copyText.mock.calls[0]?.[0] ?? '';
    expect(copied.match(/\[EB\/OL\]/g)).toHaveLength(1);
    expect(copied.match(/\[Z\]/g)).toHaveLength(1);
    // The near-verbatim quote is cited in the speech's words.
    expect(copied).toContain(`“${listed[2]?.context.matched}”`);
    expect(copied).not.toContain(`“${near.quote}”`);
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('已复制 3 条引文'));
  });

  it('exports the matches as JSON and CSV downloads', async () => {
    const { platform, user } = renderPopup();
    await user.click(await screen.findByRole('button', { name: '导出 JSON' }));
    const [name, mime, json] = platform.download.mock.calls[0] ?? [];
    expect(name).toBe('yuanwen-news.example.cn-2026-11-28.json');
    expect(mime).toBe('application/json');
    const doc = JSON.parse(json ?? '');
    expect(doc.matches.map((m: { quote: string }) => m.quote)).toEqual([passage.quote, slogan.quote, near.quote]);
    expect(doc.speech.title).toBe(getCorpus().meta.title);
    await user.click(screen.getByRole('button', { name: '导出 CSV' }));
    const [csvName, csvMime, csv] = platform.download.mock.calls[1] ?? [];
    expect(csvName).toBe('yuanwen-news.example.cn-2026-11-28.csv');
    expect(csvMime).toBe('text/csv');
    expect(csv?.split('\r\n')).toHaveLength(5);
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe(`已导出 ${csvName}`));
  });
});

describe('states', () => {
  it('shows scanning until the first report, then the matches as they come', async () => {
    const { setResults } = renderPopup({ results: tabResults([], { status: 'scanning', frames: [] }) });
    expect((await screen.findByText('正在查找本页引用的原文…')).closest('[role="status"]')).toBeTruthy();
    setResults(tabResults([slogan]));
    await screen.findByRole('heading', { name: '本页引用 1 处' }, { timeout: 3000 });
  });

  it('says when there are no matches', async () => {
    renderPopup({ results: tabResults([]) });
    await screen.findByRole('heading', { name: '本页没有找到讲话的引文。' });
    expect(screen.getByText('可在设置中调整灵敏度。')).toBeTruthy();
  });

  it('offers the whole speech and a search of it when the page quotes nothing', async () => {
    const { platform, user } = renderPopup({ results: tabResults([]), browserLanguage: 'en-US' });
    await screen.findByRole('heading', { name: 'No quotes of the speech on this page.' });
    await user.click(screen.getByRole('button', { name: 'Read the whole speech' }));
    expect(platform.openReader).toHaveBeenCalledWith(null);
    await user.click(screen.getByRole('button', { name: 'Find in the reference texts' }));
    expect(platform.openLookup).toHaveBeenCalledTimes(1);
  });

  it('says a page has no Chinese instead of suggesting the sensitivity', async () => {
    const frames = [{ frameId: 0, url: PAGE.url, status: 'done' as const, count: 0, noChinese: true as const }];
    renderPopup({ results: tabResults([], { frames }), browserLanguage: 'en-US' });
    await screen.findByRole('heading', { name: 'This page has no Chinese text.' });
    expect(screen.queryByText(/sensitivity/)).toBeNull();
  });

  it('says its own reader is the speech itself, not "another extension"', async () => {
    const url = `${OWN_ORIGIN}reader.html#p=3`;
    renderPopup({ tab: { id: 3, url, title: '' }, results: null, browserLanguage: 'en-US' });
    await screen.findByText(
      "This is one of Yuanwen's own pages: it shows the speech itself, so there is nothing to check.",
    );
    expect(screen.queryByText(/other extensions/)).toBeNull();
  });

  it.each([
    ['chrome://newtab/', '浏览器自带的页面不允许扩展读取。'],
    ['https://chromewebstore.google.com/detail/abc', '扩展商店的页面不允许扩展读取。'],
    ['chrome-extension://mhjfbmdgcfjbbpaeojofohoefgiehjai/index.html', 'PDF 查看器中的文档无法检查。'],
  ])('cannot scan %s', async (url, reason) => {
    const { platform } = renderPopup({ tab: { id: 3, url, title: '' }, results: null });
    await screen.findByRole('heading', { name: '无法检查此页面' });
    expect(screen.getByText(reason)).toBeTruthy();
    expect(platform.jump).not.toHaveBeenCalled();
  });

  it('says the page does not answer when its content script never reports, and offers a reload', async () => {
    const { platform, user } = renderPopup({
      results: tabResults([], { status: 'scanning', frames: [] }),
      clockStep: 2500,
    });
    await screen.findByRole('heading', { name: '无法检查此页面' }, { timeout: 4000 });
    expect(screen.getByText(/页面没有响应/)).toBeTruthy();
    await user.click(screen.getByRole('button', { name: '重新加载页面' }));
    expect(platform.reloadTab).toHaveBeenCalledWith(7);
  });

  it('waits for a loading tab without calling it unresponsive', async () => {
    const { setLoading } = renderPopup({
      results: tabResults([], { status: 'scanning', frames: [] }),
      clockStep: 2500,
      loading: true,
    });
    await screen.findByText('正在查找本页引用的原文…');
    // Several polls at 2.5 s of fake time each: still loading, so still scanning.
    await new Promise((r) => setTimeout(r, 2000));
    expect(screen.queryByRole('heading', { name: '无法检查此页面' })).toBeNull();
    expect(screen.getByText('正在查找本页引用的原文…')).toBeTruthy();
    // Loaded, and still no report: now the page does not answer.
    setLoading(false);
    await screen.findByRole('heading', { name: '无法检查此页面' }, { timeout: 4000 });
  });

  it('shows paused for a paused site, and the switch resumes it', async () => {
    const { platform, user } = renderPopup({ settings: { pausedSites: ['news.example.cn'] } });
    await screen.findByRole('heading', { name: '已在此网站暂停' });
    const toggle = screen.getByRole('switch', { name: '在 news.example.cn 上暂停' });
    expect(toggle.getAttribute('aria-checked')).toBe('true');
    await user.click(toggle);
    expect(platform.setSitePaused).toHaveBeenCalledWith('news.example.cn', false);
    await screen.findByRole('heading', { name: '本页引用 3 处' });
    // The switch moved from the notice to the footer; the focus went with it.
    await waitFor(() => expect(document.activeElement?.getAttribute('role')).toBe('switch'));
    // And pausing again from the list.
    const off = screen.getByRole('switch', { name: '在 news.example.cn 上暂停' });
    expect(off.getAttribute('aria-checked')).toBe('false');
    await user.click(off);
    expect(platform.setSitePaused).toHaveBeenLastCalledWith('news.example.cn', true);
    await screen.findByRole('heading', { name: '已在此网站暂停' });
    await waitFor(() =>
      expect(document.activeElement).toBe(screen.getByRole('switch', { name: '在 news.example.cn 上暂停' })),
    );
  });

  it('opens the quick settings panel on demand, in its language, without a second per-site switch', async () => {
    const fake = fakePlatform({ results: tabResults([slogan]) });
    const user = userEvent.setup();
    render(<Popup platform={fake.platform} settingsPanel={Panel} />);
    await screen.findByRole('heading', { name: '本页引用 1 处' });
    expect(screen.queryByText(/^panel/)).toBeNull();
    await user.click(screen.getByText('设置'));
    expect(await screen.findByText('panel zh null')).toBeTruthy();
    expect(screen.getAllByRole('switch', { name: '在 news.example.cn 上暂停' })).toHaveLength(1);
  });

  it('says when there is no tab to show', async () => {
    renderPopup({ tab: null });
    await screen.findByText('找不到要显示的标签页。');
  });
});
