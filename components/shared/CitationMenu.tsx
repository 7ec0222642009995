/**
 * "Copy citation" as a split button: the main button copies the default
 * format in one click; the arrow opens a menu of every format (WAI-ARIA menu
 * button: arrow keys, Home/End, Escape returns focus to the trigger).
 * Shared by the popup and the reader page.
 */
import { type KeyboardEvent, useEffect, useId, useRef, useState } from 'react';
import type { CitationFormat, CitationFormatId } from '../../lib/citations/types';

export interface CitationMenuStrings {
  /** Label of the one-click button; `format` is '' while the labels load. */
  copyCitation: (format: string) => string;
  moreFormats: string;
  loading: string;
}

export interface CitationMenuProps {
  /** null while the formats module loads. */
  formats: readonly CitationFormat[] | null;
  defaultFormat: CitationFormatId;
  onCopy: (format: CitationFormatId) => void;
  /** Called when the menu opens (to load the formats if they are not there yet). */
  onOpenMenu?: () => void;
  strings: CitationMenuStrings;
  /** id of the element the buttons refer to (e.g. the quote), for screen readers. */
  describedBy?: string;
  className?: string;
  /** A tooltip for each format (e.g. its description in the UI language). */
  formatTitle?: (format: CitationFormat) => string;
  /** The format's label in the UI language (defaults to its label). */
  formatLabel?: (format: CitationFormat) => string;
}

function menuItems(menu: HTMLElement | null): HTMLElement[] {
  return [...(menu?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])];
}

export function CitationMenu(props: CitationMenuProps) {
  const { formats, defaultFormat, onCopy, onOpenMenu, strings, describedBy, className, formatTitle } = props;
  const labelOf = props.formatLabel ?? ((f: CitationFormat) => f.label);
  const [open, setOpen] = useState(false);
  const menuId = useId();
  const triggerRef = useRef<HTMLButtonElement>(null);
  const menuRef = useRef<HTMLDivElement>(null);
  const rootRef = useRef<HTMLDivElement>(null);
  const focusOnOpen = useRef<'first' | 'last'>('first');
  const defaultEntry = formats?.find((f) => f.id === defaultFormat);
  const defaultLabel = defaultEntry ? labelOf(defaultEntry) : '';

  const items = () => menuItems(menuRef.current);

  // Focus the first (or last) item whenever the menu opens or its items arrive.
  useEffect(() => {
    if (!open || !formats) return;
    const list = menuItems(menuRef.current);
    (focusOnOpen.current === 'last' ? list[list.length - 1] : list[0])?.focus();
  }, [open, formats]);

  // A click elsewhere closes the menu without moving focus.
  useEffect(() => {
    if (!open) return;
    const onPointerDown = (e: PointerEvent) => {
      if (!rootRef.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', onPointerDown);
    return () => document.removeEventListener('pointerdown', onPointerDown);
  }, [open]);

  const openMenu = (focus: 'first' | 'last') => {
    focusOnOpen.current = focus;
    onOpenMenu?.();
    setOpen(true);
  };
  const close = (refocus: boolean) => {
    setOpen(false);
    if (refocus) triggerRef.current?.focus();
  };

  const onTriggerKey = (e: KeyboardEvent) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      openMenu(e.key === 'ArrowDown' ? 'first' : 'last');
    } else if (e.key === 'Escape' && open) {
      e.preventDefault();
      close(true);
    }
  };

  const onMenuKey = (e: KeyboardEvent) => {
    const list = items();
    const i = list.indexOf(document.activeElement as HTMLElement);
    const move = (to: number) => {
      e.preventDefault();
      list[(to + list.length) % list.length]?.focus();
    };
    switch (e.key) {
      case 'ArrowDown':
        return move(i + 1);
      case 'ArrowUp':
        return move(i - 1);
      case 'Home':
        return move(0);
      case 'End':
        return move(list.length - 1);
      case 'Escape':
        e.preventDefault();
        e.stopPropagation();
        return close(true);
      case 'Tab':
        return close(false);
    }
  };

  return (
    <div className={`citation-menu ${className ?? ''}`} ref={rootRef}>
      <button
        type="button"
        className="citation-menu__copy"
        aria-describedby={describedBy}
        onClick={() => onCopy(defaultFormat)}
      >
        {strings.copyCitation(defaultLabel)}
      </button>
      <button
        type="button"
        ref={triggerRef}
        className="citation-menu__trigger"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        aria-label={strings.moreFormats}
        aria-describedby={describedBy}
        onClick={() => (open ? close(false) : openMenu('first'))}
        onKeyDown={onTriggerKey}
      >
        <span aria-hidden="true">▾</span>
      </button>
      {open && (
        <div
          className="citation-menu__list"
          role="menu"
          id={menuId}
          aria-label={strings.moreFormats}
          aria-busy={!formats}
          ref={menuRef}
          onKeyDown={onMenuKey}
        >
          {formats ? (
            formats.map((f) => (
              <button
                type="button"
                role="menuitem"
                key={f.id}
                tabIndex={-1}
                title={formatTitle?.(f)}
                aria-current={f.id === defaultFormat ? 'true' : undefined}
                onClick={() => {
                  close(true);
                  onCopy(f.id);
                }}
              >
                {labelOf(f)}
              </button>
            ))
          ) : (
            <p className="citation-menu__loading">{strings.loading}</p>
          )}
        </div>
      )}
    </div>
  );
}
