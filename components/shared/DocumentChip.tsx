/**
 * The chip that names a reference document beside a passage (popup, lookup):
 * its title, with a dot and a border in the document's colour.
 */
import './document-chip.css';

export function DocumentChip({ title, colour }: { title: string; colour: string }) {
  return (
    <span className="yw-doc-chip" style={{ borderColor: colour }} title={title}>
      <span className="yw-doc-chip__dot" style={{ background: colour }} aria-hidden="true" />
      {title}
    </span>
  );
}
