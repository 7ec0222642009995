/** A document's headings as a nested contents list (levels indented), or a note that none were found. */
import type { LibraryStrings } from '../../lib/i18n/library';
import type { ReferenceDocument } from '../../lib/library/types';

export function ContentsList({ doc, strings }: { doc: ReferenceDocument; strings: LibraryStrings }) {
  const { headings } = doc.structure;
  if (!headings.length) return <p className="yw-hint">{strings.noHeadings}</p>;
  return (
    <ol className="yw-contents">
      {headings.map((h) => (
        <li key={h.start} style={{ marginInlineStart: `${(h.level - 1) * 1.25}rem` }}>
          {h.label ? `${h.label} ` : ''}
          {h.title}
        </li>
      ))}
    </ol>
  );
}
