/**
 * A document before it is saved: its detected structure (the contents list,
 * paragraph and sentence counts, key phrases) and its metadata, editable.
 * Saving checks it against the library first; a duplicate is refused.
 */
import { useState } from 'react';
import type { LibraryStrings } from '../../lib/i18n/library';
import type { ReferenceDocument } from '../../lib/library/types';
import { ContentsList } from './ContentsList';
import { MetaEditor } from './MetaEditor';

interface Props {
  doc: ReferenceDocument;
  strings: LibraryStrings;
  onSave: (doc: ReferenceDocument) => void;
  onCancel: () => void;
}

export function DocumentPreview({ doc: initial, strings: s, onSave, onCancel }: Props) {
  const [doc, setDoc] = useState(initial);
  const { structure } = doc;
  return (
    <section className="yw-preview" aria-label={s.previewHeading}>
      <h3>{s.previewHeading}</h3>
      <p className="yw-hint">
        {s.structure(
          structure.headings.length,
          structure.paragraphs.length,
          structure.sentences.length,
          doc.text.length,
        )}
      </p>
      <MetaEditor doc={doc} strings={s} onChange={setDoc} />
      <h4>{s.contents}</h4>
      <ContentsList doc={doc} strings={s} />
      <h4>{s.keyPhrases}</h4>
      {structure.slogans.length ? (
        <p className="yw-phrases">{structure.slogans.map((p) => `“${p.text}”`).join(' ')}</p>
      ) : (
        <p className="yw-hint">{s.noKeyPhrases}</p>
      )}
      <div className="yw-row">
        <button type="button" className="yw-primary" onClick={() => onSave(doc)}>
          {s.save}
        </button>
        <button type="button" onClick={onCancel}>
          {s.cancel}
        </button>
      </div>
    </section>
  );
}
