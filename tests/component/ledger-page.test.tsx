// @vitest-environment happy-dom
/**
 * The ledger page in either UI language, against an in-memory platform: it
 * shows the newest pages and the count before the whole ledger is read,
 * then filters; every control is named in the chosen language; its settings
 * are written through the platform.
 */
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { LedgerApp } from '../../components/ledger/LedgerApp';
import type { LedgerPlatform } from '../../components/ledger/platform';
import { filterEntries } from '../../lib/ledger/query';
import { DEFAULT_LEDGER_SETTINGS, type LedgerEntry, type LedgerSettings } from '../../lib/ledger/types';

const T0 = Date.UTC(2026, 10, 1);

function entry(i: number, edited: boolean): LedgerEntry {
  const url = `https://s${i % 2}.example/${i}`;
  return {
    url,
    title: `报道 ${i}`,
    site: `s${i % 2}.example`,
    firstSeen: T0 + i * 1000,
    lastSeen: T0 + i * 1000,
    note: '',
    starred: false,
    quotes: [
      {
        documentId: 'speech',
        start: 10,
        end: 20,
        kind: 'passage',
        rule: edited ? 'near' : 'verbatim',
        similarity: edited ? 0.9 : 1,
        quote: '绿水青山就是金山银山',
        diffSummary: edited ? '的→之' : '',
        link: `${url}#:~:text=x`,
        firstSeen: T0,
        lastSeen: T0,
      },
    ],
  };
}

const ENTRIES = Array.from({ length: 6 }, (_, i) => entry(i, i % 3 === 0));

/** A platform whose full read waits for `release()`, so the first screen can be seen alone. */
function fakePlatform() {
  let release = () => {};
  const held = new Promise<void>((ok) => {
    release = ok;
  });
  let settings: LedgerSettings = { ...DEFAULT_LEDGER_SETTINGS };
  const platform: LedgerPlatform = {
    load: async () => {
      await held;
      return filterEntries(ENTRIES);
    },
    count: async () => ENTRIES.length,
    loadNewest: async (n) => filterEntries(ENTRIES).slice(0, Math.min(n, 2)),
    annotate: async () => null,
    forgetSite: async () => 0,
    clear: async () => {},
    importEntries: async () => ({ added: 0, updated: 0 }),
    notice: async () => null,
    dismissNotice: async () => {},
    settings: async () => settings,
    updateSettings: async (patch) => {
      settings = { ...settings, ...patch };
      return settings;
    },
    download: () => {},
    pageUrl: (path) => `chrome-extension://id${path}`,
    confirm: () => true,
    documentTitle: (id) => id,
  };
  return { platform, release: () => release(), settings: () => settings };
}

afterEach(cleanup);

describe('the ledger page', () => {
  it('shows the newest pages and the count first, then filters the whole ledger (English)', async () => {
    const fake = fakePlatform();
    render(<LedgerApp platform={fake.platform} lang="en" />);
    await waitFor(() => expect(screen.getByTestId('ledger-total').textContent).toBe('6'));
    expect(screen.getByTestId('ledger-loading').textContent).toContain('The newest 2 of 6 pages');
    expect(screen.getAllByTestId('ledger-entry')).toHaveLength(2);
    fake.release();
    await waitFor(() => expect(screen.getByTestId('ledger-summary').textContent).toBe('6 of 6 pages'));
    fireEvent.click(screen.getByLabelText('Edited only'));
    await waitFor(() => expect(screen.getByTestId('ledger-summary').textContent).toBe('2 of 6 pages'));
    expect(screen.getAllByRole('button', { name: 'Star' })).toHaveLength(2);
  });

  it('shows the newest pages while the count is still being taken', async () => {
    const fake = fakePlatform();
    let count = (_n: number) => {};
    const counted = new Promise<number>((ok) => {
      count = ok;
    });
    render(<LedgerApp platform={{ ...fake.platform, count: () => counted }} lang="en" />);
    await waitFor(() => expect(screen.getAllByTestId('ledger-entry')).toHaveLength(2));
    expect(screen.queryByTestId('ledger-total')).toBeNull();
    count(6);
    await waitFor(() => expect(screen.getByTestId('ledger-total').textContent).toBe('6'));
  });

  it('speaks Chinese when asked, and saves its settings through the platform', async () => {
    const fake = fakePlatform();
    fake.release();
    render(<LedgerApp platform={fake.platform} lang="zh" />);
    await waitFor(() => expect(screen.getByTestId('ledger-summary').textContent).toBe('6 个网页，共 6 个'));
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('原文 Yuanwen · 引文记录');
    for (const name of ['搜索', '文献', '类型', '网站', '起', '止', '要忘记的网站', '保留天数'])
      expect(screen.getByLabelText(name)).toBeTruthy();
    expect(screen.getByRole('button', { name: '导出 CSV' })).toBeTruthy();
    expect(screen.queryByText('Edited only')).toBeNull();
    fireEvent.click(screen.getByLabelText('安静模式下的网页也记下'));
    await waitFor(() => expect(fake.settings().recordQuietPages).toBe(true));
  });
});
