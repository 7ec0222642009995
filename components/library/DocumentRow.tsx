/**
 * One document of the library: its switch, colour, title and size, and its
 * actions (edit metadata and key phrases, open in the reader, delete). The
 * built-in speech has a switch and a colour only.
 */
import { useState } from 'react';
import type { LibraryStrings } from '../../lib/i18n/library';
import { keyPhrasesOf } from '../../lib/library/structure';
import type { KeyPhraseEdits, ReferenceDocument } from '../../lib/library/types';
import { MetaEditor } from './MetaEditor';

export interface RowDoc {
  id: string;
  title: string;
  chars: number;
  enabled: boolean;
  colour: string;
  builtin: boolean;
  doc?: ReferenceDocument;
}

interface Props {
  row: RowDoc;
  strings: LibraryStrings;
  selected: boolean;
  readerUrl: string;
  onSelect: (selected: boolean) => void;
  onToggle: (enabled: boolean) => void;
  onColour: (colour: string) => void;
  onSaveEdit: (doc: ReferenceDocument) => void;
  onRemove: () => void;
}

/** Key-phrase edits that turn the detected phrases into `lines`. */
export function editsFor(detected: readonly string[], lines: readonly string[]): KeyPhraseEdits {
  const wanted = [...new Set(lines.map((l) => l.trim()).filter(Boolean))];
  return {
    added: wanted.filter((p) => !detected.includes(p)),
    removed: detected.filter((p) => !wanted.includes(p)),
  };
}

export function DocumentRow({
  row,
  strings: s,
  selected,
  readerUrl,
  onSelect,
  onToggle,
  onColour,
  onSaveEdit,
  onRemove,
}: Props) {
  const [editing, setEditing] = useState<ReferenceDocument | null>(null);
  const [phrases, setPhrases] = useState('');
  const startEdit = (doc: ReferenceDocument) => {
    setEditing(doc);
    setPhrases(
      keyPhrasesOf(doc.text, doc.structure.slogans, doc.keyPhrases)
        .map((p) => p.text)
        .join('\n'),
    );
  };
  const finish = () => {
    if (!editing) return;
    const detected = editing.structure.slogans.map((p) => p.text);
    onSaveEdit({ ...editing, keyPhrases: editsFor(detected, phrases.split('\n')) });
    setEditing(null);
  };
  return (
    <li className="yw-doc" data-document-id={row.id}>
      <div className="yw-doc__line">
        {!row.builtin && (
          <input
            type="checkbox"
            aria-label={s.select(row.title)}
            checked={selected}
            onChange={(e) => onSelect(e.target.checked)}
          />
        )}
        <label className="yw-doc__switch">
          <input type="checkbox" checked={row.enabled} onChange={(e) => onToggle(e.target.checked)} />
          {s.enabled}
        </label>
        <input
          type="color"
          aria-label={s.colour(row.title)}
          value={row.colour}
          onChange={(e) => onColour(e.target.value)}
        />
        <span className="yw-doc__chip" style={{ background: row.colour }} aria-hidden="true" />
        <span className="yw-doc__title">{row.title}</span>
        <span className="yw-hint">
          {row.builtin ? `${s.builtin} · ` : ''}
          {s.chars(row.chars)}
        </span>
        <span className="yw-doc__actions">
          <a href={readerUrl} target="_blank" rel="noreferrer">
            {s.open}
          </a>
          {row.doc && !editing && (
            <button type="button" onClick={() => row.doc && startEdit(row.doc)}>
              {s.edit}
            </button>
          )}
          {!row.builtin && (
            <button type="button" onClick={onRemove}>
              {s.remove}
            </button>
          )}
        </span>
      </div>
      {editing && (
        <div className="yw-doc__edit">
          <MetaEditor doc={editing} strings={s} onChange={setEditing} />
          <label className="yw-meta__field">
            <span>
              {s.keyPhrases} <span className="yw-hint">{s.keyPhrasesHint}</span>
            </span>
            <textarea rows={5} value={phrases} onChange={(e) => setPhrases(e.target.value)} />
          </label>
          <button type="button" className="yw-primary" onClick={finish}>
            {s.done}
          </button>
        </div>
      )}
    </li>
  );
}
