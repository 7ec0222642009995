/**
 * The Library page: import a document (paste, a file, or the page a tab
 * shows), preview what was detected before saving, and manage the library
 * (switch, colour, metadata and key phrases, reader, delete with undo,
 * storage used, export and import of a library file). A refused input says
 * why and leaves the library as it was. Every change is stored first, then
 * the background is told to rebuild its index; its progress shows here.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { BuiltinChoice } from '../../extension/library/db';
import type { IndexStatus } from '../../extension/library/index-service';
import { storageBytes } from '../../extension/library/store';
import { getCorpus } from '../../lib/corpus';
import type { Lang } from '../../lib/i18n';
import { formatBytes, type LibraryStrings, libraryStrings } from '../../lib/i18n/library';
import { checkAgainstLibrary, DOCUMENT_COLOURS } from '../../lib/library/document';
import type { ImportResult } from '../../lib/library/errors';
import { importArticle, importPaste } from '../../lib/library/import';
import { type ReferenceDocument, SPEECH_DOCUMENT_ID } from '../../lib/library/types';
import { DocumentPreview } from './DocumentPreview';
import { DocumentRow, type RowDoc } from './DocumentRow';
import { LibraryTransfer } from './LibraryTransfer';
import type { LibraryPlatform } from './platform';

export interface LibraryPageProps {
  platform: LibraryPlatform;
  lang: Lang;
  /** A tab whose page to add (library.html#page=TAB, from the popup). */
  pageTabId?: number | null;
  /** How often to ask the background for its index status, in ms. */
  pollMs?: number;
}

type Notice = { kind: 'error' | 'ok'; text: string } | null;

function nextColour(count: number): string {
  return DOCUMENT_COLOURS[count % DOCUMENT_COLOURS.length] ?? '#1971c2';
}

function statusText(status: IndexStatus | null, s: LibraryStrings): string {
  if (!status) return '';
  if (status.phase === 'building' || status.phase === 'loading') return s.indexBuilding(status.done, status.total);
  if (status.phase === 'failed') return s.indexFailed(status.error ?? '');
  return s.indexReady(status.documents);
}

export function LibraryPage({ platform, lang, pageTabId = null, pollMs = 500 }: LibraryPageProps) {
  const s = libraryStrings(lang);
  const { store } = platform;
  const [docs, setDocs] = useState<ReferenceDocument[] | null>(null);
  const [speech, setSpeech] = useState<BuiltinChoice | null>(null);
  const [preview, setPreview] = useState<ReferenceDocument | null>(null);
  const [notice, setNotice] = useState<Notice>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [pasted, setPasted] = useState('');
  const [pastedTitle, setPastedTitle] = useState('');
  const [undo, setUndo] = useState<ReferenceDocument | null>(null);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [status, setStatus] = useState<IndexStatus | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);

  const reload = useCallback(async () => {
    setDocs(await store.list());
    setSpeech(await store.speechChoice());
  }, [store]);

  useEffect(() => {
    void reload();
  }, [reload]);

  // The background's index status, while this page is open.
  useEffect(() => {
    let stopped = false;
    const tick = async () => {
      const next = await platform.indexStatus();
      if (!stopped) setStatus(next);
    };
    void tick();
    const timer = setInterval(() => void tick(), pollMs);
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, [platform, pollMs]);

  const changed = useCallback(async () => {
    await reload();
    platform.notifyChanged();
  }, [platform, reload]);

  const showResult = useCallback(
    (result: ImportResult<ReferenceDocument>) => {
      if (result.ok) {
        setNotice(null);
        setPreview(result.value);
      } else {
        setPreview(null);
        setNotice({ kind: 'error', text: s.error(result.error) });
      }
    },
    [s],
  );

  // "Add this page to the library": the tab's article, previewed like any import (once per tab id).
  const pageRequested = useRef<number | null>(null);
  const libraryCount = docs?.length ?? null;
  useEffect(() => {
    if (pageTabId === null || libraryCount === null || pageRequested.current === pageTabId) return;
    pageRequested.current = pageTabId;
    void (async () => {
      setBusy(s.reading(`#${pageTabId}`));
      const article = await platform.readPageArticle(pageTabId);
      setBusy(null);
      if (!article) setNotice({ kind: 'error', text: s.pageUnreadable });
      else showResult(importArticle(article, { colour: nextColour(libraryCount) }));
    })();
  }, [pageTabId, libraryCount, platform, s, showResult]);

  const onFiles = async (files: FileList | null) => {
    const file = files?.[0];
    if (!file) return;
    setBusy(s.reading(file.name));
    try {
      const bytes = new Uint8Array(await file.arrayBuffer());
      showResult(await platform.importFile(file.name, bytes, nextColour(docs?.length ?? 0)));
    } finally {
      setBusy(null);
      if (fileInput.current) fileInput.current.value = '';
    }
  };

  const save = async (doc: ReferenceDocument) => {
    const current = await store.list();
    const check = checkAgainstLibrary(doc, current);
    if (!check.ok) {
      setNotice({ kind: 'error', text: s.error(check.error) });
      return;
    }
    await store.put([{ ...doc, importedAt: Date.now() }]);
    setPreview(null);
    setPasted('');
    setPastedTitle('');
    setNotice({ kind: 'ok', text: s.saved(doc.meta.title) });
    await changed();
  };

  const remove = async (id: string) => {
    const gone = await store.remove(id);
    if (gone) {
      setUndo(gone);
      setSelected((prev) => new Set([...prev].filter((x) => x !== id)));
    }
    await changed();
  };

  const restore = async () => {
    if (!undo) return;
    await store.put([undo]);
    setUndo(null);
    await changed();
  };

  const rows: RowDoc[] = [];
  if (speech) {
    const corpus = getCorpus();
    rows.push({
      id: SPEECH_DOCUMENT_ID,
      title: corpus.meta.title,
      chars: corpus.text.length,
      enabled: speech.enabled,
      colour: speech.colour,
      builtin: true,
    });
  }
  for (const d of docs ?? [])
    rows.push({
      id: d.id,
      title: d.meta.title,
      chars: d.text.length,
      enabled: d.enabled,
      colour: d.colour,
      builtin: false,
      doc: d,
    });

  return (
    <main className="yw-options yw-library">
      <h1>{s.pageTitle}</h1>
      <p className="yw-index-status" role="status" aria-live="polite">
        {statusText(status, s)}
      </p>

      <h2>{s.importHeading}</h2>
      <div className="yw-import">
        <label className="yw-meta__field">
          <span>{s.pasteTitleLabel}</span>
          <input type="text" value={pastedTitle} onChange={(e) => setPastedTitle(e.target.value)} />
        </label>
        <label className="yw-meta__field">
          <span>{s.pasteLabel}</span>
          <textarea rows={6} value={pasted} onChange={(e) => setPasted(e.target.value)} />
        </label>
        <button
          type="button"
          onClick={() =>
            showResult(
              importPaste(pasted, {
                ...(pastedTitle.trim() ? { title: pastedTitle.trim() } : {}),
                colour: nextColour(docs?.length ?? 0),
              }),
            )
          }
        >
          {s.previewPaste}
        </button>
        <label className="yw-meta__field">
          <span>{s.fileLabel}</span>
          <input
            ref={fileInput}
            type="file"
            accept=".txt,.text,.md,.markdown,.html,.htm,.docx,.pdf"
            onChange={(e) => void onFiles(e.target.files)}
          />
        </label>
        <p className="yw-hint">{s.fileHint}</p>
      </div>
      {busy && <p role="status">{busy}</p>}
      {notice && (
        <p
          className={notice.kind === 'error' ? 'yw-error' : 'yw-ok'}
          role={notice.kind === 'error' ? 'alert' : 'status'}
        >
          {notice.text}
        </p>
      )}
      {preview && (
        <DocumentPreview
          key={preview.id}
          doc={preview}
          strings={s}
          onSave={(doc) => void save(doc)}
          onCancel={() => setPreview(null)}
        />
      )}

      <h2>{s.listHeading}</h2>
      {undo && (
        <p role="status" className="yw-undo">
          {s.removed(undo.meta.title)}{' '}
          <button type="button" onClick={() => void restore()}>
            {s.undo}
          </button>
        </p>
      )}
      {docs !== null && docs.length === 0 && <p className="yw-hint">{s.empty}</p>}
      <ul className="yw-docs">
        {rows.map((row) => (
          <DocumentRow
            key={row.id}
            row={row}
            strings={s}
            selected={selected.has(row.id)}
            readerUrl={platform.readerUrl(row.id)}
            onSelect={(on) =>
              setSelected((prev) => {
                const next = new Set(prev);
                if (on) next.add(row.id);
                else next.delete(row.id);
                return next;
              })
            }
            onToggle={async (enabled) => {
              if (row.builtin) await store.setSpeechChoice({ enabled });
              else await store.update(row.id, { enabled });
              await changed();
            }}
            onColour={async (colour) => {
              if (row.builtin) await store.setSpeechChoice({ colour });
              else await store.update(row.id, { colour });
              await changed();
            }}
            onSaveEdit={async (doc) => {
              await store.update(doc.id, { meta: doc.meta, keyPhrases: doc.keyPhrases });
              await changed();
            }}
            onRemove={() => void remove(row.id)}
          />
        ))}
      </ul>
      {docs && <p className="yw-hint yw-storage">{s.storage(formatBytes(storageBytes(docs)), docs.length)}</p>}

      <LibraryTransfer
        docs={docs ?? []}
        selected={selected}
        strings={s}
        platform={platform}
        onImported={async (text) => {
          setNotice({ kind: 'ok', text });
          await changed();
        }}
        onError={(text) => setNotice({ kind: 'error', text })}
      />
    </main>
  );
}
