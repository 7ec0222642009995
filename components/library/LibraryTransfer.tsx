/**
 * Export the whole library or the chosen documents as one versioned JSON
 * file, and import such a file: its documents are merged into the library,
 * those already there (same text, or mostly the same) skipped and counted.
 */
import { useRef } from 'react';
import type { LibraryStrings } from '../../lib/i18n/library';
import { exportLibrary, mergeLibrary, parseLibraryFile } from '../../lib/library/library-file';
import type { ReferenceDocument } from '../../lib/library/types';
import type { LibraryPlatform } from './platform';

interface Props {
  docs: readonly ReferenceDocument[];
  selected: ReadonlySet<string>;
  strings: LibraryStrings;
  platform: LibraryPlatform;
  onImported: (message: string) => void | Promise<void>;
  onError: (message: string) => void;
}

export function libraryFileName(date: Date): string {
  return `yuanwen-library-${date.toISOString().slice(0, 10)}.json`;
}

export function LibraryTransfer({ docs, selected, strings: s, platform, onImported, onError }: Props) {
  const input = useRef<HTMLInputElement>(null);
  const exportDocs = (chosen: readonly ReferenceDocument[]) =>
    platform.download(libraryFileName(new Date()), JSON.stringify(exportLibrary(chosen), null, 1));

  const onFile = async (files: FileList | null) => {
    const file = files?.[0];
    if (!file) return;
    try {
      const parsed = parseLibraryFile(await file.text());
      if (!parsed.ok) {
        onError(s.badLibraryFile(parsed.error.message));
        return;
      }
      const { added, skipped } = mergeLibrary(await platform.store.list(), parsed.documents);
      if (added.length) await platform.store.put(added);
      await onImported(s.importedLibrary(added.length, skipped.length));
    } catch (error) {
      onError(s.badLibraryFile(error instanceof Error ? error.message : String(error)));
    } finally {
      if (input.current) input.current.value = '';
    }
  };

  const chosen = docs.filter((d) => selected.has(d.id));
  return (
    <section>
      <h2>{s.exportHeading}</h2>
      <div className="yw-row">
        <button type="button" disabled={!docs.length} onClick={() => exportDocs(docs)}>
          {s.exportAll}
        </button>
        <button type="button" disabled={!chosen.length} onClick={() => exportDocs(chosen)}>
          {s.exportSelected(chosen.length)}
        </button>
      </div>
      <label className="yw-meta__field">
        <span>{s.importLibraryLabel}</span>
        <input ref={input} type="file" accept=".json,application/json" onChange={(e) => void onFile(e.target.files)} />
      </label>
    </section>
  );
}
