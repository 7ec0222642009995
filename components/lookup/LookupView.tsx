/**
 * Search the speech and the library's documents: a text box and the ranked
 * passages (quotes first, then shared words), searched as the user types
 * (debounced) and on Enter. Used by the lookup page (context menu) and
 * mountable in the reader page. jieba is loaded lazily through
 * `loadSegmenter`, so the view renders at once and the first search waits for
 * the dictionary. With several documents each passage carries a chip naming
 * its document. A near-verbatim passage shows its differences with the
 * popup's diff view.
 */
import { type FormEvent, type KeyboardEvent, useCallback, useEffect, useId, useRef, useState } from 'react';
import { getCorpus } from '../../lib/corpus';
import type { Section, Span } from '../../lib/corpus/types';
import type { Lang } from '../../lib/i18n';
import { optionsStrings } from '../../lib/i18n/options';
import { popupStrings } from '../../lib/i18n/popup';
import { SPEECH_DOCUMENT_ID } from '../../lib/library/types';
import {
  type DocumentLookupHit,
  type DocumentLookupResult,
  getSimplifier,
  type LookupHit,
  type LookupSource,
  lookupDocuments,
  type Segmenter,
  speechLookupSource,
} from '../../lib/lookup';
import { DiffView } from '../popup/DiffView';
import { diffSegments, summariseDiff } from '../popup/popup-model';
import { DocumentChip } from '../shared/DocumentChip';

/** Typing pauses this long before the search runs. */
export const SEARCH_DEBOUNCE_MS = 250;
/** Word-only hits shown before the rest are folded, when nothing is quoted. */
export const SHOWN_WORD_HITS = 3;

/** A document to search, as the view names it. */
export interface LookupDocument extends LookupSource {
  title: string;
  colour: string;
}

export interface LookupViewProps {
  lang: Lang;
  loadSegmenter: () => Promise<Segmenter>;
  /** The documents searched, in the order they are preferred (the speech alone when absent). */
  loadDocuments?: () => Promise<LookupDocument[]>;
  initialQuery?: string;
  /** A link to the passage of a document (the reader page's deep link). */
  passageHref?: (span: Span, documentId: string) => string;
  /** Instead of a link: show the passage in place (the reader scrolls to it). */
  onOpenPassage?: (span: Span, documentId: string) => void;
  /** Told of each query searched. */
  onSearch?: (query: string) => void;
  autoFocus?: boolean;
  /** A heading level for the view's title; omit for no title (when the host page has one). */
  headingLevel?: 1 | 2;
  /** Delay of search-as-you-type (tests shorten it). */
  debounceMs?: number;
}

type State =
  | { kind: 'idle' }
  | { kind: 'loading' }
  | { kind: 'done'; result: DocumentLookupResult; documents: LookupDocument[] }
  | { kind: 'error'; message: string };

/** The speech alone, as the view searches it by default. */
export async function speechOnly(): Promise<LookupDocument[]> {
  // One document: no chip is shown, so no colour is needed.
  return [{ ...speechLookupSource(), title: getCorpus().meta.title, colour: '' }];
}

export function LookupView(props: LookupViewProps) {
  const t = optionsStrings(props.lang);
  const [query, setQuery] = useState(props.initialQuery ?? '');
  const [state, setState] = useState<State>({ kind: 'idle' });
  const inputId = useId();
  const run = useRef(0);
  const { loadSegmenter, onSearch, loadDocuments = speechOnly } = props;

  const search = useCallback(
    async (text: string) => {
      const ticket = ++run.current;
      if (!text.trim()) {
        setState({ kind: 'idle' });
        return;
      }
      setState({ kind: 'loading' });
      onSearch?.(text);
      try {
        const segment = await loadSegmenter();
        const documents = await loadDocuments();
        const result = lookupDocuments(text, documents, { segment, simplify: getSimplifier() });
        if (ticket === run.current) setState({ kind: 'done', result, documents });
      } catch (error) {
        if (ticket === run.current)
          setState({ kind: 'error', message: error instanceof Error ? error.message : String(error) });
      }
    },
    [loadSegmenter, onSearch, loadDocuments],
  );

  // Search the initial query once on mount.
  const initial = useRef(props.initialQuery);
  useEffect(() => {
    if (initial.current?.trim()) void search(initial.current);
  }, [search]);

  // Search as you type: each change restarts the wait; an IME's composition waits for its end.
  const debounceMs = props.debounceMs ?? SEARCH_DEBOUNCE_MS;
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const cancelPending = () => clearTimeout(timer.current);
  useEffect(() => () => clearTimeout(timer.current), []);
  const searchSoon = (text: string) => {
    cancelPending();
    timer.current = setTimeout(() => void search(text), debounceMs);
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    cancelPending();
    void search(query);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    // Enter searches at once; Shift+Enter adds a line; IME composition keeps its Enter.
    if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      cancelPending();
      void search(query);
    }
  };

  const Heading = props.headingLevel === 1 ? 'h1' : 'h2';
  return (
    <section className="yw-lookup" lang={props.lang === 'zh' ? 'zh-CN' : 'en'} aria-label={t.lookupTitle}>
      {props.headingLevel && <Heading>{t.lookupTitle}</Heading>}
      <search>
        <form className="yw-lookup-form" onSubmit={submit}>
          <label htmlFor={inputId}>{t.lookupLabel}</label>
          <textarea
            id={inputId}
            rows={3}
            value={query}
            placeholder={t.lookupPlaceholder}
            onChange={(e) => {
              setQuery(e.target.value);
              if (!(e.nativeEvent as InputEvent).isComposing) searchSoon(e.target.value);
            }}
            onCompositionEnd={(e) => searchSoon(e.currentTarget.value)}
            onKeyDown={onKeyDown}
            // biome-ignore lint/a11y/noAutofocus: the lookup page exists to take this input
            autoFocus={props.autoFocus}
          />
          <button type="submit">{t.lookupButton}</button>
        </form>
      </search>
      <div className="yw-lookup-results" aria-live="polite" aria-busy={state.kind === 'loading'}>
        {state.kind === 'idle' && !query.trim() && <p className="yw-muted">{t.lookupEmpty}</p>}
        {state.kind === 'loading' && <p className="yw-muted">{t.lookupLoading}</p>}
        {state.kind === 'error' && (
          <p className="yw-error" role="alert">
            {t.lookupFailed(state.message)}
          </p>
        )}
        {state.kind === 'done' && <Results result={state.result} documents={state.documents} {...props} />}
      </div>
    </section>
  );
}

/**
 * The hits worth reading first: every quote and slogan hit, and the best few word hits only when
 * nothing is quoted; the rest (passages sharing a word or two) are folded.
 */
export function splitHits<H extends LookupHit>(hits: readonly H[]): { strong: H[]; weak: H[] } {
  const quoted = hits.filter((h) => h.kind !== 'words');
  const words = hits.filter((h) => h.kind === 'words');
  if (quoted.length > 0) return { strong: quoted, weak: words };
  return { strong: words.slice(0, SHOWN_WORD_HITS), weak: words.slice(SHOWN_WORD_HITS) };
}

type ResultsProps = LookupViewProps & { documents: LookupDocument[] };

/** A hit's React key: its document and sentence. */
const hitKey = (hit: DocumentLookupHit) => `${hit.documentId}:${hit.sentence.index}`;

function Results(props: ResultsProps & { result: DocumentLookupResult }) {
  const t = optionsStrings(props.lang);
  const { result } = props;
  const { strong, weak } = splitHits(result.hits);
  return (
    <>
      <p className="yw-muted yw-lookup-summary">
        {result.hits.length ? t.lookupCount(result.hits.length) : t.lookupNoHits} · {t.lookupWords(result.words)}
      </p>
      <ol className="yw-hits">
        {strong.map((hit) => (
          <HitItem key={hitKey(hit)} hit={hit} {...props} />
        ))}
      </ol>
      {weak.length > 0 && (
        <details className="yw-weak-hits">
          <summary>{t.lookupWeakHits(weak.length)}</summary>
          <ol className="yw-hits">
            {weak.map((hit) => (
              <HitItem key={hitKey(hit)} hit={hit} {...props} />
            ))}
          </ol>
        </details>
      )}
    </>
  );
}

/** The span a hit opens in the reader: the quoted run for quotes, the whole sentence otherwise. */
export function hitSpan(hit: LookupHit): Span {
  const quoted = hit.kind === 'exact' || hit.kind === 'near-verbatim';
  const first = hit.marks[0];
  const last = hit.marks[hit.marks.length - 1];
  return quoted && first && last
    ? { start: first.start, end: last.end }
    : { start: hit.sentence.start, end: hit.sentence.end };
}

/** The speech's parts by their names; a document's sections by their own heading (none before the first). */
function sectionLabel(section: Section, documentId: string, t: ReturnType<typeof optionsStrings>): string {
  if (documentId === SPEECH_DOCUMENT_ID) return t.section(section.index, section.title);
  if (section.index === 0) return '';
  if (section.title.startsWith(section.label)) return section.title;
  // 一、总体要求 / （一）… / 第一章 总则
  return `${section.label}${/[、，,．.）)]$/.test(section.label) ? '' : ' '}${section.title}`;
}

function HitItem(props: ResultsProps & { hit: DocumentLookupHit }) {
  const t = optionsStrings(props.lang);
  const { hit, documents } = props;
  const document = documents.find((d) => d.documentId === hit.documentId);
  const section = document?.index.corpus.sections[hit.sentence.section];
  const span = hitSpan(hit);
  return (
    <li
      className={`yw-hit yw-hit-${hit.kind}`}
      data-kind={hit.kind}
      data-sentence={hit.sentence.index}
      data-document-id={hit.documentId}
    >
      {document && documents.length > 1 && <DocumentChip title={document.title} colour={document.colour} />}
      <div className="yw-hit-meta">
        <span className="yw-badge">{t.hitKind[hit.kind]}</span>
        {hit.similarity !== null && hit.similarity < 1 && <span>{t.similarity(Math.round(hit.similarity * 100))}</span>}
        <span>
          {section ? sectionLabel(section, hit.documentId, t) : ''} · {t.paragraph(hit.sentence.paragraph)}
        </span>
      </div>
      <p className="yw-hit-text">
        <MarkedText text={hit.sentence.text} offset={hit.sentence.start} marks={hit.marks} />
      </p>
      {hit.kind === 'near-verbatim' && <HitDiff hit={hit} lang={props.lang} />}
      {hit.kind !== 'exact' && hit.kind !== 'near-verbatim' && hit.words.length > 0 && (
        <p className="yw-muted">{t.sharedWords(hit.words)}</p>
      )}
      {props.onOpenPassage ? (
        <button type="button" className="yw-link" onClick={() => props.onOpenPassage?.(span, hit.documentId)}>
          {t.openInReader}
        </button>
      ) : props.passageHref ? (
        <a href={props.passageHref(span, hit.documentId)} target="_blank" rel="noreferrer">
          {t.openInReader}
        </a>
      ) : null}
    </li>
  );
}

/** What a near-verbatim selection changes in the passage: the popup's diff view on the popup's view model. */
function HitDiff({ hit, lang }: { hit: LookupHit; lang: Lang }) {
  const segments = hit.diff?.some((op) => op.op !== 'equal') ? diffSegments(hit.diff) : null;
  if (!segments) return null;
  return <DiffView segments={segments} summary={summariseDiff(segments)} strings={popupStrings(lang)} />;
}

/** `text` (which starts at `offset` in the speech) with the given speech spans in <mark>. */
export function MarkedText(props: { text: string; offset: number; marks: Span[] }) {
  const parts: { text: string; marked: boolean; key: number }[] = [];
  let at = 0;
  for (const m of [...props.marks].sort((a, b) => a.start - b.start)) {
    const s = Math.max(at, m.start - props.offset);
    const e = Math.min(props.text.length, m.end - props.offset);
    if (e <= s) continue;
    if (s > at) parts.push({ text: props.text.slice(at, s), marked: false, key: at });
    parts.push({ text: props.text.slice(s, e), marked: true, key: s });
    at = e;
  }
  if (at < props.text.length) parts.push({ text: props.text.slice(at), marked: false, key: at });
  return <>{parts.map((p) => (p.marked ? <mark key={p.key}>{p.text}</mark> : <span key={p.key}>{p.text}</span>))}</>;
}
