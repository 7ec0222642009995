/**
 * The reader page's search box: the lookup view in a disclosure above the
 * text, over the document the reader shows. Choosing a passage moves the
 * reader to it through its own deep link (#span=S-E, #doc=ID&span=S-E), so
 * the reader marks and scrolls to it as for any link.
 */
import { useState } from 'react';
import type { Span } from '../../lib/corpus/types';
import type { Lang } from '../../lib/i18n';
import { optionsStrings } from '../../lib/i18n/options';
import { documentHash } from '../../lib/library/doc-link';
import type { Segmenter } from '../../lib/lookup';
import { type LookupDocument, LookupView } from './LookupView';
import './lookup.css';

export interface ReaderSearchProps {
  lang: Lang;
  loadSegmenter: () => Promise<Segmenter>;
  /** The disclosure's title; the lookup's own ("Find in the reference texts") when absent. */
  title?: string;
  /** The document searched (the one the reader shows); the speech when absent. */
  loadDocuments?: () => Promise<LookupDocument[]>;
  /** Defaults to setting location.hash to the reader's deep link. */
  onOpenPassage?: (span: Span, documentId: string) => void;
}

function openInThisReader(span: Span, documentId: string): void {
  window.location.hash = documentHash(documentId, span);
}

export function ReaderSearch({
  lang,
  title,
  loadSegmenter,
  loadDocuments,
  onOpenPassage = openInThisReader,
}: ReaderSearchProps) {
  const t = optionsStrings(lang);
  // The view (and jieba) mounts only once opened: reading the speech costs nothing extra.
  const [open, setOpen] = useState(false);
  return (
    <details className="yw-reader-search" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>{title ?? t.lookupTitle}</summary>
      {open && (
        <LookupView
          lang={lang}
          loadSegmenter={loadSegmenter}
          loadDocuments={loadDocuments}
          onOpenPassage={onOpenPassage}
          autoFocus
        />
      )}
    </details>
  );
}
