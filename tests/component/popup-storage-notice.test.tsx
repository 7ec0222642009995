// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { Popup } from '../../components/popup/Popup';
import { fakePlatform, speechMatch, tabResults } from './popup-fake-platform';

afterEach(cleanup);

const slogan = speechMatch('绿水青山就是金山银山', 120, { kind: 'slogan' }, 2);

describe('results the browser could not store', () => {
  it('are listed in full with a notice saying the page keeps them', async () => {
    const { platform } = fakePlatform({ results: tabResults([slogan], { unstored: true }) });
    render(<Popup platform={platform} />);
    await screen.findByRole('heading', { name: '本页引用 1 处' });
    expect(screen.getByRole('note').textContent).toContain('存储空间已满');
  });

  it('say so when the page held more text or frames than Yuanwen scans', async () => {
    const { platform } = fakePlatform({ results: tabResults([slogan], { limited: true }) });
    render(<Popup platform={platform} />);
    await screen.findByRole('heading', { name: '本页引用 1 处' });
    expect(screen.getByRole('note').textContent).toContain('超出了原文扫描的上限');
  });

  it('show no notice when stored', async () => {
    const { platform } = fakePlatform({ results: tabResults([slogan]) });
    render(<Popup platform={platform} />);
    await screen.findByRole('heading', { name: '本页引用 1 处' });
    expect(screen.queryByRole('note')).toBeNull();
  });
});
