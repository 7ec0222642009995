/**
 * The reader over the library: `#doc=ID` (with the speech's own `&span=`, `&p=`)
 * opens that document, a select switches between the enabled documents, and
 * the speech keeps its plain links (#span=, #p=).
 */
import { useEffect, useState } from 'react';
import type { Corpus } from '../../lib/corpus/types';
import { documentHash, readDocumentHash } from '../../lib/library/doc-link';
import { SPEECH_DOCUMENT_ID } from '../../lib/library/types';
import type { PopupDocument } from '../popup/platform';
import { ReaderApp, type ReaderAppProps } from './ReaderApp';

export interface ReaderShellProps extends Omit<ReaderAppProps, 'corpus' | 'document' | 'switcher'> {
  speech: Corpus;
  /** The library's documents, the speech first (extension/library/popup-documents.ts). */
  documents: PopupDocument[];
}

/** The document a hash opens; null for an anchor within the page (#section-2, #text), which keeps the shown one. */
function documentIdOf(hash: string): string | null {
  const named = readDocumentHash(hash);
  if (named) return named.documentId;
  return hash === '' || hash === '#' || /^#(span|p)=/.test(hash) ? SPEECH_DOCUMENT_ID : null;
}

export function ReaderShell({ speech, documents, ...rest }: ReaderShellProps) {
  const [id, setId] = useState(() => documentIdOf(window.location.hash) ?? SPEECH_DOCUMENT_ID);
  useEffect(() => {
    const onHash = () => setId((shown) => documentIdOf(window.location.hash) ?? shown);
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);
  const shown = documents.find((d) => d.id === id && d.corpus && d.meta);
  const choices = documents.filter((d) => d.enabled || d.id === shown?.id);
  const value = shown?.id ?? SPEECH_DOCUMENT_ID;
  const switcher =
    choices.length > 1 ? (
      <select
        className="banner__switcher"
        aria-label={rest.lang === 'zh' ? '文档' : 'Document'}
        value={value}
        onChange={(e) => {
          window.location.hash = documentHash(e.target.value, null) || '#';
        }}
      >
        {choices.map((d) => (
          <option key={d.id} value={d.id}>
            {d.title}
          </option>
        ))}
      </select>
    ) : null;
  const corpus = shown?.corpus ?? speech;
  const document = shown?.corpus && shown.meta ? { corpus: shown.corpus, meta: shown.meta } : undefined;
  return <ReaderApp key={value} corpus={corpus} document={document} documentId={value} switcher={switcher} {...rest} />;
}
