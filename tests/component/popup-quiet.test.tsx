// @vitest-environment happy-dom
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { Popup } from '../../components/popup/Popup';
import { fakePlatform, speechMatch, tabResults } from './popup-fake-platform';

afterEach(cleanup);

const slogan = speechMatch('绿水青山就是金山银山', 120, { kind: 'slogan' }, 2);

function renderPopup(options: Parameters<typeof fakePlatform>[0] = {}) {
  const fake = fakePlatform({ results: tabResults([slogan]), ...options });
  const user = userEvent.setup();
  render(<Popup platform={fake.platform} />);
  return { ...fake, user };
}

describe('quiet mode in the popup', () => {
  it('offers to show the highlights on this page, then to hide them again', async () => {
    const { platform, user } = renderPopup({ settings: { quiet: true } });
    await screen.findByRole('heading', { name: '本页引用 1 处' });
    await user.click(screen.getByRole('button', { name: '在此页显示高亮' }));
    expect(platform.showHighlights).toHaveBeenLastCalledWith(7, true);
    await user.click(await screen.findByRole('button', { name: '隐藏' }));
    expect(platform.showHighlights).toHaveBeenLastCalledWith(7, false);
    expect(await screen.findByRole('button', { name: '在此页显示高亮' })).toBeTruthy();
  });

  it('speaks English too', async () => {
    const { platform, user } = renderPopup({ settings: { quiet: true }, browserLanguage: 'en-GB' });
    await user.click(await screen.findByRole('button', { name: 'Show highlights on this page' }));
    expect(platform.showHighlights).toHaveBeenLastCalledWith(7, true);
    expect(await screen.findByRole('button', { name: 'Hide again' })).toBeTruthy();
  });

  it('says so when the page does not answer, and keeps offering to show', async () => {
    const { user } = renderPopup({ settings: { quiet: true }, showHighlightsAnswer: false });
    await user.click(await screen.findByRole('button', { name: '在此页显示高亮' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('此页没有响应，无法显示或隐藏高亮。'));
    expect(screen.getByRole('button', { name: '在此页显示高亮' })).toBeTruthy();
  });

  it('has no show button outside quiet mode, and the toggle turns quiet mode on and off', async () => {
    const { platform, user } = renderPopup();
    await screen.findByRole('heading', { name: '本页引用 1 处' });
    expect(screen.queryByRole('button', { name: '在此页显示高亮' })).toBeNull();
    const toggle = screen.getByRole('checkbox', { name: '安静模式（不在网页上高亮）' }) as HTMLInputElement;
    expect(toggle.checked).toBe(false);
    await user.click(toggle);
    expect(platform.setQuiet).toHaveBeenLastCalledWith(true);
    await waitFor(() => expect(toggle.checked).toBe(true));
    expect(await screen.findByRole('button', { name: '在此页显示高亮' })).toBeTruthy();
    await user.click(toggle);
    expect(platform.setQuiet).toHaveBeenLastCalledWith(false);
    await waitFor(() => expect(toggle.checked).toBe(false));
    expect(screen.queryByRole('button', { name: '在此页显示高亮' })).toBeNull();
  });

  it('asks once, on first run, whether to highlight on pages or stay quiet', async () => {
    const { platform, user } = renderPopup({ settings: { quietAsked: false } });
    const offer = await screen.findByRole('region', { name: '在网页上高亮，还是安静模式？' });
    // The list stays usable below the question.
    expect(await screen.findByRole('heading', { name: '本页引用 1 处' })).toBeTruthy();
    expect(offer.textContent).toContain('网页自己的脚本能读到原文的高亮');
    await user.click(screen.getByRole('button', { name: '使用安静模式' }));
    expect(platform.setQuiet).toHaveBeenLastCalledWith(true);
    await waitFor(() => expect(screen.queryByRole('region', { name: '在网页上高亮，还是安静模式？' })).toBeNull());
    expect((await platform.getSettings()).quietAsked).toBe(true);
    expect(screen.getByRole('button', { name: '在此页显示高亮' })).toBeTruthy();
  });

  it('keeps highlights on pages when the reader says so, and does not ask again', async () => {
    const { platform, user } = renderPopup({ settings: { quietAsked: false }, browserLanguage: 'en-GB' });
    await screen.findByRole('region', { name: 'Highlights on pages, or quiet mode?' });
    await user.click(screen.getByRole('button', { name: 'Highlight on pages' }));
    expect(platform.setQuiet).toHaveBeenLastCalledWith(false);
    await waitFor(() =>
      expect(screen.queryByRole('region', { name: 'Highlights on pages, or quiet mode?' })).toBeNull(),
    );
    cleanup();
    renderPopup({ settings: await platform.getSettings(), browserLanguage: 'en-GB' });
    await screen.findByRole('heading', { name: /quote/ });
    expect(screen.queryByRole('region', { name: 'Highlights on pages, or quiet mode?' })).toBeNull();
  });
});
