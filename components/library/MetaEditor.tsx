/** Editable metadata of a document (what its citations say); an emptied field becomes unknown (null). */
import type { LibraryStrings, MetaField } from '../../lib/i18n/library';
import type { DocumentMeta, ReferenceDocument } from '../../lib/library/types';

export const META_FIELDS: readonly MetaField[] = [
  'title',
  'author',
  'date',
  'occasion',
  'publisher',
  'url',
  'englishTitle',
];

interface Props {
  doc: ReferenceDocument;
  strings: LibraryStrings;
  onChange: (doc: ReferenceDocument) => void;
}

export function MetaEditor({ doc, strings, onChange }: Props) {
  const set = (field: (typeof META_FIELDS)[number], value: string) => {
    const meta: DocumentMeta = { ...doc.meta, [field]: field === 'title' ? value : value.trim() ? value : null };
    onChange({ ...doc, meta });
  };
  return (
    <div className="yw-meta">
      {META_FIELDS.map((field) => (
        <label key={field} className="yw-meta__field">
          <span>{strings.metaField[field]}</span>
          <input
            type="text"
            value={doc.meta[field] ?? ''}
            required={field === 'title'}
            onChange={(e) => set(field, e.target.value)}
          />
        </label>
      ))}
    </div>
  );
}
