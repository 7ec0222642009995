// @vitest-environment happy-dom
/**
 * The options page and the popup's quick settings against the real settings
 * store on an in-memory browser (fakeBrowser).
 */
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { OptionsPage } from '../../components/options/OptionsPage';
import { QuickSettings } from '../../components/options/QuickSettings';
import { readSettings, settingsStore, updateSettings } from '../../extension/settings';
import { DEFAULT_SETTINGS } from '../../lib/settings';

const stored = async () => (await fakeBrowser.storage.local.get('settings')).settings as Record<string, unknown>;

beforeEach(() => {
  fakeBrowser.reset();
});
afterEach(() => {
  cleanup();
});

async function renderOptions(browserLanguage = 'zh-CN') {
  const user = userEvent.setup();
  render(<OptionsPage store={settingsStore} browserLanguage={browserLanguage} confirm={() => true} />);
  await screen.findByRole('heading', { level: 1 });
  return user;
}

describe('OptionsPage', () => {
  it('speaks the browser language by default and the chosen one when set', async () => {
    const user = await renderOptions('en-US');
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Yuanwen · Settings');
    await user.selectOptions(screen.getByLabelText('Interface language'), 'zh');
    await screen.findByRole('heading', { name: '原文 · 设置' });
    expect(await stored()).toMatchObject({ language: 'zh' });
    expect(document.documentElement.lang).toBe('zh-CN');
  });

  it('labels every control (accessible names)', async () => {
    await renderOptions();
    const controls = [
      ...screen.getAllByRole('checkbox'),
      ...screen.getAllByRole('radio'),
      ...screen.getAllByRole('combobox'),
      ...screen.getAllByRole('slider'),
      ...screen.getAllByRole('spinbutton'),
      ...screen.getAllByRole('textbox'),
    ];
    expect(controls.length).toBeGreaterThan(10);
    for (const control of controls) {
      const id = control.getAttribute('id');
      const label = id ? document.querySelector(`label[for="${CSS.escape(id)}"]`) : null;
      expect(label?.textContent?.trim() || control.getAttribute('aria-label'), control.outerHTML).toBeTruthy();
    }
  });

  it('saves a switch at once and says so', async () => {
    const user = await renderOptions();
    await user.click(screen.getByLabelText('在所有网站上启用原文'));
    await waitFor(async () => expect(await stored()).toMatchObject({ enabled: false }));
    expect(screen.getByRole('status').textContent).toContain('已保存');
  });

  it('pauses a site from a pasted URL and resumes it', async () => {
    const user = await renderOptions();
    await user.type(screen.getByLabelText('网站主机名或网址'), 'https://News.CN:8443/politics/x.html');
    await user.click(screen.getByRole('button', { name: '暂停此网站' }));
    await waitFor(async () => expect((await readSettings()).settings.pausedSites).toEqual(['news.cn']));
    expect(screen.getByText('news.cn')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: '在 news.cn 上恢复' }));
    await waitFor(async () => expect((await readSettings()).settings.pausedSites).toEqual([]));
    expect(screen.getByText('没有暂停的网站。')).toBeTruthy();
  });

  it('lists an internationalised hostname in its own script', async () => {
    const user = await renderOptions();
    await user.type(screen.getByLabelText('网站主机名或网址'), 'https://例子.中国/新闻');
    await user.click(screen.getByRole('button', { name: '暂停此网站' }));
    await waitFor(async () => expect((await readSettings()).settings.pausedSites).toEqual(['xn--fsqu00a.xn--fiqs8s']));
    expect(screen.getByText('例子.中国')).toBeTruthy();
    expect(screen.queryByText(/xn--/)).toBeNull();
    expect(screen.getByRole('button', { name: '在 例子.中国 上恢复' })).toBeTruthy();
  });

  it('refuses a bad hostname with a message and stores nothing', async () => {
    const user = await renderOptions();
    await user.type(screen.getByLabelText('网站主机名或网址'), 'not a host');
    await user.click(screen.getByRole('button', { name: '暂停此网站' }));
    expect((await screen.findByRole('alert')).textContent).toContain('不是有效的主机名');
    expect(screen.getByLabelText('网站主机名或网址').getAttribute('aria-invalid')).toBe('true');
    expect(await stored()).toBeUndefined();
  });

  it('sets sensitivity and a valid minimum length only', async () => {
    const user = await renderOptions();
    await user.click(screen.getByLabelText('仅标语'));
    await waitFor(async () => expect((await readSettings()).settings.sensitivity).toBe('slogans'));
    const length = screen.getByLabelText('最短段落长度（字）');
    fireEvent.change(length, { target: { value: '2' } });
    expect(length.getAttribute('aria-invalid')).toBe('true');
    fireEvent.change(length, { target: { value: '12' } });
    await waitFor(async () => expect((await readSettings()).settings.minPassageLength).toBe(12));
  });

  it('says "Saved" only after a save: input refused where typed clears it and stores nothing', async () => {
    const user = await renderOptions('en-US');
    const status = () => screen.getByRole('status').textContent;
    expect(status()).toBe('');
    const length = screen.getByLabelText('Minimum passage length (characters)');
    fireEvent.change(length, { target: { value: '12' } });
    await waitFor(async () => expect((await readSettings()).settings.minPassageLength).toBe(12));
    await waitFor(() => expect(status()).toContain('Saved'));
    for (const bad of ['3', '', '41', '4.5']) {
      fireEvent.change(length, { target: { value: bad } });
      expect(status(), bad).toBe('');
      expect(length.getAttribute('aria-invalid'), bad).toBe('true');
      expect(screen.getByRole('alert').textContent, bad).toBe('Not saved: enter a whole number from 4 to 40.');
      expect((await readSettings()).settings.minPassageLength, bad).toBe(12);
    }
    fireEvent.change(length, { target: { value: '8' } });
    await waitFor(() => expect(status()).toContain('Saved'));
    expect(screen.queryByRole('alert')).toBeNull();
    // An invalid hostname: the error at the field, no "Saved", nothing stored.
    await user.type(screen.getByLabelText('Site hostname or URL'), 'not a host');
    await user.click(screen.getByRole('button', { name: 'Pause this site' }));
    expect((await screen.findByRole('alert')).textContent).toContain('is not a valid hostname');
    expect(status()).toBe('');
    expect((await readSettings()).settings.pausedSites).toEqual([]);
  });

  it('changes a colour’s opacity and warns when text becomes hard to read', async () => {
    await renderOptions();
    const warnings = () => screen.queryAllByText(/对比度低于 4\.5:1/);
    expect(warnings()).toHaveLength(0); // the defaults read well on light and dark pages
    // An opaque yellow: fine under black text, unreadable under a dark page's light text.
    fireEvent.change(screen.getByLabelText('标语不透明度'), { target: { value: '100' } });
    await waitFor(async () => expect((await readSettings()).settings.colours.slogan).toBe('#f5b700ff'));
    await waitFor(() => expect(warnings()).toHaveLength(1));
    expect(warnings()[0]?.textContent).toMatch(/深色 1\.\d:1/);
    // An opaque navy: unreadable under a light page's black text.
    fireEvent.change(screen.getByLabelText('段落颜色'), { target: { value: '#000080' } });
    await waitFor(async () => expect((await readSettings()).settings.colours.passage).toMatch(/^#000080/));
    fireEvent.change(screen.getByLabelText('段落不透明度'), { target: { value: '100' } });
    await waitFor(() => expect(warnings()).toHaveLength(2));
    await userEvent.click(screen.getByRole('button', { name: '恢复默认颜色' }));
    await waitFor(async () => expect((await readSettings()).settings.colours).toEqual(DEFAULT_SETTINGS.colours));
    await waitFor(() => expect(warnings()).toHaveLength(0));
  });

  it('shows a notice for corrupt stored settings, and repair clears it', async () => {
    await fakeBrowser.storage.local.set({
      settings: { enabled: false, sensitivity: 'loud', colours: 'pink', foreign: 1 },
      settings$: { v: 2 },
    });
    const user = await renderOptions();
    const notice = screen.getByRole('alert');
    expect(notice.textContent).toContain('灵敏度');
    expect(notice.textContent).toContain('高亮颜色');
    expect(notice.textContent).toContain('foreign');
    // the valid field is kept
    expect((screen.getByLabelText('在所有网站上启用原文') as HTMLInputElement).checked).toBe(false);
    await user.click(within(notice).getByRole('button', { name: '保留有效项并修复' }));
    await waitFor(() => expect(screen.queryByRole('alert')).toBeNull());
    expect(await stored()).toEqual({ ...DEFAULT_SETTINGS, enabled: false });
  });

  it('shows a notice for an unreadable value without crashing, and resets on request', async () => {
    await fakeBrowser.storage.local.set({ settings: '{"enabled": fal', settings$: { v: 2 } });
    const user = await renderOptions();
    const notice = screen.getByRole('alert');
    expect(notice.textContent).toContain('无法读取');
    await user.click(within(notice).getByRole('button', { name: '全部恢复默认' }));
    await waitFor(() => expect(screen.queryByRole('alert')).toBeNull());
    expect(await stored()).toEqual(DEFAULT_SETTINGS);
  });

  it('follows changes made elsewhere (another tab, the popup)', async () => {
    await renderOptions();
    await act(async () => {
      await updateSettings({ traditional: false, pausedSites: ['example.org'] });
    });
    await waitFor(() => expect((screen.getByLabelText('匹配繁体字页面') as HTMLInputElement).checked).toBe(false));
    expect(screen.getByText('example.org')).toBeTruthy();
  });

  it('lists keyboard shortcuts when given', async () => {
    render(
      <OptionsPage
        store={settingsStore}
        browserLanguage="en"
        shortcuts={[
          { name: 'toggle-highlights', shortcut: 'Alt+Shift+H' },
          { name: '_execute_action', shortcut: '' },
        ]}
      />,
    );
    await screen.findByText('Toggle highlights on this page');
    expect(screen.getByText('Alt+Shift+H').tagName).toBe('KBD');
    expect(screen.getByText('Not set')).toBeTruthy();
  });

  it('shows a change at once and takes it back when the write fails', async () => {
    let release: () => void = () => {};
    const failing = {
      ...settingsStore,
      update: () =>
        new Promise<never>((_, reject) => {
          release = () => reject(new Error('quota exceeded'));
        }),
    };
    const user = userEvent.setup();
    render(<OptionsPage store={failing} browserLanguage="en" />);
    const traditional = (await screen.findByLabelText('Match pages in traditional script')) as HTMLInputElement;
    await user.click(traditional);
    expect(traditional.checked).toBe(false); // optimistic, before the write settles
    await act(async () => release());
    await waitFor(() => expect(traditional.checked).toBe(true));
    expect(screen.getByRole('status').textContent).toBe('Could not save: quota exceeded');
  });
});

describe('QuickSettings (popup)', () => {
  it('pauses and resumes the current site', async () => {
    const user = userEvent.setup();
    render(<QuickSettings store={settingsStore} lang="en" hostname="Example.com" />);
    const pause = await screen.findByLabelText('Pause on example.com');
    await user.click(pause);
    await waitFor(async () => expect((await readSettings()).settings.pausedSites).toEqual(['example.com']));
    await user.click(pause);
    await waitFor(async () => expect((await readSettings()).settings.pausedSites).toEqual([]));
  });

  it('turns Yuanwen off everywhere, which disables the per-site switch', async () => {
    const user = userEvent.setup();
    render(<QuickSettings store={settingsStore} lang="zh" hostname="news.cn" />);
    await user.click(await screen.findByLabelText('在所有网站上启用原文'));
    await waitFor(async () => expect((await readSettings()).settings.enabled).toBe(false));
    expect((screen.getByLabelText('在 news.cn 上暂停') as HTMLInputElement).disabled).toBe(true);
  });

  it('changes sensitivity and offers the full options page', async () => {
    const user = userEvent.setup();
    let opened = 0;
    render(<QuickSettings store={settingsStore} lang="en" hostname={null} onOpenOptions={() => opened++} />);
    await user.selectOptions(await screen.findByLabelText('Sensitivity'), 'passages');
    await waitFor(async () => expect((await readSettings()).settings.sensitivity).toBe('passages'));
    expect(screen.queryByLabelText(/Pause on/)).toBeNull();
    await user.click(screen.getByRole('button', { name: 'More settings…' }));
    expect(opened).toBe(1);
  });

  it('shows the corrupt-settings notice too', async () => {
    await fakeBrowser.storage.local.set({ settings: 5, settings$: { v: 2 } });
    render(<QuickSettings store={settingsStore} lang="en" hostname="a.com" />);
    expect((await screen.findByRole('alert')).textContent).toContain('could not be read');
  });
});
