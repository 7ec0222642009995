/**
 * Search the speech: a text box and the ranked passages (quotes first, then
 * shared words). Used by the lookup page (context menu) and mountable in the
 * reader page. jieba is loaded lazily through `loadSegmenter`, so the view
 * renders at once and the first search waits for the dictionary.
 */
import { type FormEvent, type KeyboardEvent, useCallback, useEffect, useId, useRef, useState } from 'react';
import { getCorpus } from '../../lib/corpus';
import type { Span } from '../../lib/corpus/types';
import type { Lang } from '../../lib/i18n';
import { optionsStrings } from '../../lib/i18n/options';
import {
  getLookupIndex,
  getSimplifier,
  type LookupHit,
  type LookupResult,
  lookupSelection,
  type Segmenter,
} from '../../lib/lookup';
import { getMatcher } from '../../lib/match';

export interface LookupViewProps {
  lang: Lang;
  loadSegmenter: () => Promise<Segmenter>;
  initialQuery?: string;
  /** A link to the passage (the reader page's deep link). */
  passageHref?: (span: Span) => string;
  /** Instead of a link: show the passage in place (the reader scrolls to it). */
  onOpenPassage?: (span: Span) => void;
  /** Told of each query searched (the lookup page mirrors it in its URL). */
  onSearch?: (query: string) => void;
  autoFocus?: boolean;
  /** A heading level for the view's title; omit for no title (when the host page has one). */
  headingLevel?: 1 | 2;
}

type State =
  | { kind: 'idle' }
  | { kind: 'loading' }
  | { kind: 'done'; result: LookupResult }
  | { kind: 'error'; message: string };

export function LookupView(props: LookupViewProps) {
  const t = optionsStrings(props.lang);
  const [query, setQuery] = useState(props.initialQuery ?? '');
  const [state, setState] = useState<State>({ kind: 'idle' });
  const inputId = useId();
  const run = useRef(0);
  const { loadSegmenter, onSearch } = props;

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
        const result = lookupSelection(text, {
          index: getLookupIndex(),
          matcher: getMatcher(),
          segment,
          simplify: getSimplifier(),
        });
        if (ticket === run.current) setState({ kind: 'done', result });
      } catch (error) {
        if (ticket === run.current)
          setState({ kind: 'error', message: error instanceof Error ? error.message : String(error) });
      }
    },
    [loadSegmenter, onSearch],
  );

  // Search the initial query once on mount.
  const initial = useRef(props.initialQuery);
  useEffect(() => {
    if (initial.current?.trim()) void search(initial.current);
  }, [search]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void search(query);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    // Enter searches; Shift+Enter adds a line; IME composition keeps its Enter.
    if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
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
            onChange={(e) => setQuery(e.target.value)}
            onKeyDown={onKeyDown}
            // biome-ignore lint/a11y/noAutofocus: the lookup page exists to take this input
            autoFocus={props.autoFocus}
          />
          <button type="submit">{t.lookupButton}</button>
        </form>
      </search>
      <div className="yw-lookup-results" aria-live="polite" aria-busy={state.kind === 'loading'}>
        {state.kind === 'idle' && <p className="yw-muted">{t.lookupEmpty}</p>}
        {state.kind === 'loading' && <p className="yw-muted">{t.lookupLoading}</p>}
        {state.kind === 'error' && (
          <p className="yw-error" role="alert">
            {t.lookupFailed(state.message)}
          </p>
        )}
        {state.kind === 'done' && <Results result={state.result} {...props} />}
      </div>
    </section>
  );
}

function Results(props: LookupViewProps & { result: LookupResult }) {
  const t = optionsStrings(props.lang);
  const { result } = props;
  return (
    <>
      <p className="yw-muted yw-lookup-summary">
        {result.hits.length ? t.lookupCount(result.hits.length) : t.lookupNoHits} · {t.lookupWords(result.words)}
      </p>
      <ol className="yw-hits">
        {result.hits.map((hit) => (
          <HitItem key={hit.sentence.index} hit={hit} {...props} />
        ))}
      </ol>
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

function HitItem(props: LookupViewProps & { hit: LookupHit }) {
  const t = optionsStrings(props.lang);
  const { hit } = props;
  const section = getCorpus().sections[hit.sentence.section];
  const span = hitSpan(hit);
  return (
    <li className={`yw-hit yw-hit-${hit.kind}`} data-kind={hit.kind} data-sentence={hit.sentence.index}>
      <div className="yw-hit-meta">
        <span className="yw-badge">{t.hitKind[hit.kind]}</span>
        {hit.similarity !== null && hit.similarity < 1 && <span>{t.similarity(Math.round(hit.similarity * 100))}</span>}
        <span>
          {section ? t.section(section.index, section.title) : ''} · {t.paragraph(hit.sentence.paragraph)}
        </span>
      </div>
      <p className="yw-hit-text">
        <MarkedText text={hit.sentence.text} offset={hit.sentence.start} marks={hit.marks} />
      </p>
      {hit.kind !== 'exact' && hit.words.length > 0 && <p className="yw-muted">{t.sharedWords(hit.words)}</p>}
      {props.onOpenPassage ? (
        <button type="button" className="yw-link" onClick={() => props.onOpenPassage?.(span)}>
          {t.openInReader}
        </button>
      ) : props.passageHref ? (
        <a href={props.passageHref(span)} target="_blank" rel="noreferrer">
          {t.openInReader}
        </a>
      ) : null}
    </li>
  );
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
