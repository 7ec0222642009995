/**
 * The reader over the library: `#doc=ID` (with the speech's own `&span=`, `&p=`)
 * opens that document, a select switches between the enabled documents, and
 * the speech keeps its plain links (#span=, #p=). A link to a document the
 * library does not have says so and offers the speech.
 */
import { type ReactNode, useEffect, useMemo, useState } from 'react';
import type { Corpus } from '../../lib/corpus/types';
import { READER_STRINGS } from '../../lib/i18n/reader';
import { documentHash, readDocumentHash } from '../../lib/library/doc-link';
import { SPEECH_DOCUMENT_ID } from '../../lib/library/types';
import type { PopupDocument } from '../popup/platform';
import { ReaderApp, type ReaderAppProps, type ReaderDecoration } from './ReaderApp';

export interface ReaderShellProps
  extends Omit<ReaderAppProps, 'corpus' | 'document' | 'switcher' | 'search' | 'decorate'> {
  speech: Corpus;
  /** The library's documents, the speech first (extension/library/popup-documents.ts); empty while loading. */
  documents: PopupDocument[];
  /** The search box over the shown document. */
  searchFor?: (documentId: string) => ReactNode;
  /** What to draw over the shown document once rendered (the ledger's heat map). */
  decorateFor?: (documentId: string, corpus: Corpus) => ReaderDecoration;
}

/** The document a hash opens; null for an anchor within the page (#section-2, #text), which keeps the shown one. */
function documentIdOf(hash: string): string | null {
  const named = readDocumentHash(hash);
  if (named) return named.documentId;
  return hash === '' || hash === '#' || /^#(span|p)=/.test(hash) ? SPEECH_DOCUMENT_ID : null;
}

export function ReaderShell({ speech, documents, searchFor, decorateFor, ...rest }: ReaderShellProps) {
  const [id, setId] = useState(() => documentIdOf(window.location.hash) ?? SPEECH_DOCUMENT_ID);
  useEffect(() => {
    const onHash = () => setId((shown) => documentIdOf(window.location.hash) ?? shown);
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);
  const shown = documents.find((d) => d.id === id && d.corpus && d.meta);
  const choices = documents.filter((d) => d.enabled || d.id === shown?.id);
  const value = shown?.id ?? SPEECH_DOCUMENT_ID;
  const corpus = shown?.corpus ?? speech;
  const decorate = useMemo(() => decorateFor?.(value, corpus), [decorateFor, value, corpus]);
  const switcher =
    choices.length > 1 ? (
      <select
        className="banner__switcher"
        aria-label={rest.lang === 'zh' ? '文档' : 'Document'}
        value={id === value ? value : ''}
        onChange={(e) => {
          window.location.hash = documentHash(e.target.value, null) || '#';
        }}
      >
        {id !== value && <option value="" disabled />}
        {choices.map((d) => (
          <option key={d.id} value={d.id}>
            {d.title}
          </option>
        ))}
      </select>
    ) : null;
  // The library is read (it always lists the speech) and has no such document.
  if (id !== SPEECH_DOCUMENT_ID && !shown && documents.length > 0)
    return <MissingDocument lang={rest.lang} switcher={switcher} />;
  const document = shown?.corpus && shown.meta ? { corpus: shown.corpus, meta: shown.meta } : undefined;
  return (
    <ReaderApp
      key={value}
      corpus={corpus}
      document={document}
      documentId={value}
      switcher={switcher}
      search={searchFor?.(value)}
      decorate={decorate}
      {...rest}
    />
  );
}

function MissingDocument({ lang, switcher }: { lang: ReaderAppProps['lang']; switcher: ReactNode }) {
  const strings = READER_STRINGS[lang];
  useEffect(() => {
    document.documentElement.lang = strings.htmlLang;
    document.title = strings.documentTitle(strings.missingDocument);
  }, [strings]);
  return (
    <div className="reader">
      <header className="banner">
        <p className="banner__app" lang={strings.htmlLang}>
          {strings.appName}
        </p>
        <h1>{strings.missingDocument}</h1>
        {switcher}
      </header>
      <main id="text" tabIndex={-1}>
        <div className="link-problem" role="alert">
          <p>{strings.missingDocumentHelp}</p>
          <a href="reader.html">{strings.openSpeech}</a>
        </div>
      </main>
    </div>
  );
}
