/**
 * The reader page's search box: the lookup view in a disclosure above the
 * text. Choosing a passage moves the reader to it through its own deep link
 * (#span=S-E), so the reader marks and scrolls to it as for any link.
 */
import { useState } from 'react';
import type { Span } from '../../lib/corpus/types';
import type { Lang } from '../../lib/i18n';
import { optionsStrings } from '../../lib/i18n/options';
import type { Segmenter } from '../../lib/lookup';
import { readerHash } from '../../lib/page-links';
import { LookupView } from './LookupView';
import './lookup.css';

export interface ReaderSearchProps {
  lang: Lang;
  loadSegmenter: () => Promise<Segmenter>;
  /** Defaults to setting location.hash to the reader's deep link. */
  onOpenPassage?: (span: Span) => void;
}

function openInThisReader(span: Span): void {
  window.location.hash = readerHash({ kind: 'span', span });
}

export function ReaderSearch({ lang, loadSegmenter, onOpenPassage = openInThisReader }: ReaderSearchProps) {
  const t = optionsStrings(lang);
  // The view (and jieba) mounts only once opened: reading the speech costs nothing extra.
  const [open, setOpen] = useState(false);
  return (
    <details className="yw-reader-search" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>{t.lookupTitle}</summary>
      {open && <LookupView lang={lang} loadSegmenter={loadSegmenter} onOpenPassage={onOpenPassage} autoFocus />}
    </details>
  );
}
