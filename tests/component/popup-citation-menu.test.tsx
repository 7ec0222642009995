// @vitest-environment happy-dom
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CitationMenu } from '../../components/shared/CitationMenu';
import { CITATION_FORMATS } from '../../lib/citations';

afterEach(cleanup);

const strings = {
  copyCitation: (f: string) => (f ? `Copy ${f}` : 'Copy citation'),
  moreFormats: 'More formats',
  loading: 'Loading…',
};

function setup(formats: typeof CITATION_FORMATS | null = CITATION_FORMATS) {
  const onCopy = vi.fn();
  const onOpenMenu = vi.fn();
  const user = userEvent.setup();
  const view = render(
    <div>
      <CitationMenu formats={formats} defaultFormat="mla" onCopy={onCopy} onOpenMenu={onOpenMenu} strings={strings} />
      <button type="button">elsewhere</button>
    </div>,
  );
  const trigger = screen.getByRole('button', { name: 'More formats' });
  return { onCopy, onOpenMenu, user, trigger, view };
}

describe('CitationMenu (shared by popup and reader)', () => {
  it('copies the default format in one click, labelled with it', async () => {
    const { onCopy, user } = setup();
    await user.click(screen.getByRole('button', { name: 'Copy MLA 9' }));
    expect(onCopy).toHaveBeenCalledWith('mla');
  });

  it('opens on click with every format, the default marked, and closes on a click elsewhere', async () => {
    const { onOpenMenu, user, trigger } = setup();
    expect(trigger.getAttribute('aria-haspopup')).toBe('menu');
    await user.click(trigger);
    expect(onOpenMenu).toHaveBeenCalledTimes(1);
    expect(trigger.getAttribute('aria-expanded')).toBe('true');
    const menu = screen.getByRole('menu');
    expect(trigger.getAttribute('aria-controls')).toBe(menu.id);
    const items = within(menu).getAllByRole('menuitem');
    expect(items.map((i) => i.textContent)).toEqual(CITATION_FORMATS.map((f) => f.label));
    expect(items.filter((i) => i.getAttribute('aria-current') === 'true').map((i) => i.textContent)).toEqual(['MLA 9']);
    await user.click(screen.getByRole('button', { name: 'elsewhere' }));
    expect(screen.queryByRole('menu')).toBeNull();
  });

  it('opens on ArrowUp at the last item; Home, ArrowUp wrap; Tab closes', async () => {
    const { user, trigger } = setup();
    trigger.focus();
    await user.keyboard('{ArrowUp}');
    const items = within(screen.getByRole('menu')).getAllByRole('menuitem');
    expect(document.activeElement).toBe(items[items.length - 1]);
    await user.keyboard('{Home}');
    expect(document.activeElement).toBe(items[0]);
    await user.keyboard('{ArrowUp}');
    expect(document.activeElement).toBe(items[items.length - 1]);
    await user.keyboard('{Tab}');
    expect(screen.queryByRole('menu')).toBeNull();
  });

  it('shows a loading line until the formats arrive, then focuses the first', async () => {
    const { user, trigger, view, onCopy } = setup(null);
    expect(screen.getByRole('button', { name: 'Copy citation' })).toBeTruthy();
    await user.click(trigger);
    const menu = screen.getByRole('menu');
    expect(menu.getAttribute('aria-busy')).toBe('true');
    expect(within(menu).getByText('Loading…')).toBeTruthy();
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('menu')).toBeNull();
    expect(document.activeElement).toBe(trigger);
    await user.click(trigger);
    view.rerender(
      <div>
        <CitationMenu formats={CITATION_FORMATS} defaultFormat="mla" onCopy={onCopy} strings={strings} />
        <button type="button">elsewhere</button>
      </div>,
    );
    const first = within(screen.getByRole('menu')).getAllByRole('menuitem')[0];
    expect(document.activeElement).toBe(first);
    await user.keyboard(' ');
    expect(onCopy).toHaveBeenCalledWith(CITATION_FORMATS[0]?.id);
  });
});
