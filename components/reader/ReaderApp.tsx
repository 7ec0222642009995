/**
 * The reader page: the whole speech with a table of contents, numbered
 * paragraphs, the passage the URL points at highlighted and scrolled into
 * view, and "copy citation" for that passage and for any selection.
 */
import { type ReactNode, useCallback, useEffect, useRef, useState } from 'react';
import { CITATION_FORMATS, formatCitation, formatCitationHtml, formatLabel } from '../../lib/citations';
import { shortHeading } from '../../lib/citations/location';
import type { CitationFormatId, CitationInput, CitedDocument } from '../../lib/citations/types';
import type { Corpus, Span } from '../../lib/corpus/types';
import type { Lang } from '../../lib/i18n';
import { READER_STRINGS, type ReaderStrings } from '../../lib/i18n/reader';
import { SPEECH_DOCUMENT_ID } from '../../lib/library/types';
import { CitationMenu } from '../shared/CitationMenu';
import { copyToClipboard } from '../shared/clipboard';
import { paragraphId, SpeechBody, SpeechTitle } from './SpeechText';
import { selectionToSpan } from './selection';
import { TableOfContents } from './TableOfContents';
import { targetSpan, useReaderLocation } from './useReaderTarget';
import './reader.css';

/** Draws over the rendered document (given the reader's root); returns what removes it. */
export type ReaderDecoration = ((root: HTMLElement) => () => void) | undefined;

export interface ReaderAppProps {
  corpus: Corpus;
  lang: Lang;
  /** From the user's settings. */
  defaultFormat: CitationFormatId;
  /** Injected in tests; the clipboard otherwise. `html` is the rich form, when the format has one. */
  copyText?: (text: string, html: string | null) => Promise<void>;
  /** Search box over the speech (settings/lookup work: components/lookup/ReaderSearch), shown above the text. */
  search?: ReactNode;
  /** A library document shown instead of the speech: its metadata names it and its citations cite it. */
  document?: CitedDocument;
  /** The shown document's id, for its paragraph links; the speech's when absent. */
  documentId?: string;
  /** The document switcher, shown in the banner. */
  switcher?: ReactNode;
  /** Drawn over the text once rendered, removed when the reader goes (the ledger's heat map). */
  decorate?: ReaderDecoration;
}

interface SelectionState {
  span: Span;
  /** Page coordinates of the selection's top centre and bottom. */
  top: number;
  bottom: number;
  left: number;
}

function citationInput(corpus: Corpus, span: Span, document: CitedDocument | undefined): CitationInput {
  const input = { quote: corpus.text.slice(span.start, span.end), speechStart: span.start, speechEnd: span.end };
  return document ? { ...input, document } : input;
}

/** 第二部分 · 切实增强…，第4段 / Part 2 · 切实增强…, Paragraph 4 */
function describeSpan(corpus: Corpus, span: Span, strings: ReaderStrings): string {
  const paragraph = corpus.paragraphs.find((p) => p.end > span.start && p.start < span.end);
  if (!paragraph) return corpus.meta.title;
  const section = corpus.sections[paragraph.section];
  if (!section) return strings.paragraph(paragraph.number);
  const heading = shortHeading(section);
  const sep = strings.lang === 'zh' ? '，' : ', ';
  return `${strings.section(section)}${heading ? ` · ${heading}` : ''}${sep}${strings.paragraph(paragraph.number)}`;
}

export function ReaderApp({
  corpus,
  lang,
  defaultFormat,
  copyText = copyToClipboard,
  search,
  document: cited,
  documentId,
  switcher,
  decorate,
}: ReaderAppProps) {
  const strings = READER_STRINGS[lang];
  const { target, setTarget, problem, anchor } = useReaderLocation(corpus);
  const [problemShown, setProblemShown] = useState(true);
  // What the target covers (for the contents and "copy citation"); only a span is marked
  // character by character: a whole paragraph is shown by its background instead.
  const targetRange = target ? targetSpan(target, corpus) : null;
  const highlight = target?.kind === 'span' ? target.span : null;
  const targetParagraph = target?.kind === 'paragraph' ? target.number : null;
  const rootRef = useRef<HTMLDivElement>(null);
  const toolbarRef = useRef<HTMLDivElement>(null);
  const [selection, setSelection] = useState<SelectionState | null>(null);
  const [status, setStatus] = useState('');

  useEffect(() => {
    const root = rootRef.current;
    return root && decorate ? decorate(root) : undefined;
  }, [decorate]);

  useEffect(() => {
    document.documentElement.lang = strings.htmlLang;
    document.title = strings.documentTitle(corpus.meta.title);
  }, [strings, corpus]);

  // Bring the target into view once it is marked, and move focus there for screen readers.
  useEffect(() => {
    if (!target) return;
    const root = rootRef.current;
    const el =
      target.kind === 'span'
        ? root?.querySelector('mark[data-target]')
        : document.getElementById(paragraphId(target.number));
    if (!el) return;
    // A span sits mid-screen; a paragraph (often taller than the screen) starts at the top,
    // below the sticky bar (scroll-padding-top in reader.css).
    el.scrollIntoView({ block: target.kind === 'span' ? 'center' : 'start' });
    const focusable = el.closest<HTMLElement>('.para, h1');
    focusable?.focus({ preventScroll: true });
  }, [target]);

  // A plain anchor (#section-2, #text) opened by a reload or a typed URL: the browser looked for it
  // before the page was rendered, so the reader goes there itself.
  useEffect(() => {
    if (!anchor) return;
    const el = document.getElementById(anchor.id);
    if (!el) return;
    el.scrollIntoView({ block: 'start' });
  }, [anchor]);

  // A new bad link shows its notice again, even after the last one was dismissed.
  useEffect(() => {
    if (problem) setProblemShown(true);
  }, [problem]);

  // The floating "cite" toolbar follows the selection inside the speech.
  useEffect(() => {
    let frame = 0;
    const update = () => {
      frame = 0;
      const root = rootRef.current;
      if (!root) return;
      const sel = document.getSelection();
      const span = selectionToSpan(root, sel);
      if (!span || !sel) {
        // Keep it while the user is working in it (focus moved into the toolbar or its menu).
        if (!toolbarRef.current?.contains(document.activeElement)) setSelection(null);
        return;
      }
      const rect = sel.getRangeAt(0).getBoundingClientRect();
      setSelection({
        span,
        top: rect.top + window.scrollY,
        bottom: rect.bottom + window.scrollY,
        left: rect.left + rect.width / 2 + window.scrollX,
      });
    };
    const schedule = () => {
      if (!frame) frame = requestAnimationFrame(update);
    };
    document.addEventListener('selectionchange', schedule);
    return () => {
      document.removeEventListener('selectionchange', schedule);
      if (frame) cancelAnimationFrame(frame);
    };
  }, []);

  // Keyboard users (caret browsing) reach the toolbar with Alt+C: it sits outside the text's tab order.
  const hasSelection = selection !== null;
  useEffect(() => {
    if (!hasSelection) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.altKey && !e.ctrlKey && !e.metaKey && e.code === 'KeyC') {
        e.preventDefault();
        toolbarRef.current?.querySelector<HTMLButtonElement>('.citation-menu__copy')?.focus();
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [hasSelection]);

  useEffect(() => {
    if (!status) return;
    const timer = setTimeout(() => setStatus(''), 6000);
    return () => clearTimeout(timer);
  }, [status]);

  const copy = useCallback(
    async (span: Span, format: CitationFormatId) => {
      const entry = CITATION_FORMATS.find((f) => f.id === format);
      const label = entry ? formatLabel(entry, lang) : format;
      let text: string;
      let html: string | null;
      try {
        const input = citationInput(corpus, span, cited);
        text = formatCitation(format, input, { lang });
        html = formatCitationHtml(format, input, { lang });
      } catch {
        setStatus(strings.citeInvalid);
        return;
      }
      try {
        await copyText(text, html);
        setStatus(strings.copied(label));
      } catch {
        setStatus(strings.copyFailed);
      }
    },
    [corpus, lang, strings, copyText, cited],
  );

  const menuStrings = {
    copyCitation: strings.copyCitation,
    moreFormats: strings.moreFormats,
    loading: strings.loading,
  };
  const formatTitle = (f: (typeof CITATION_FORMATS)[number]) => f.description[lang];
  const labelOf = (f: (typeof CITATION_FORMATS)[number]) => formatLabel(f, lang);
  const currentSection = targetRange
    ? (corpus.paragraphs.find((p) => p.end > targetRange.start && p.start < targetRange.end)?.section ?? null)
    : null;

  const clearTarget = () => {
    setTarget(null);
    history.replaceState(null, '', window.location.pathname + window.location.search);
  };

  const nearTop = selection ? selection.top - window.scrollY < 72 : false;
  // The menu of formats opens upwards (off the selected words) when there is room for it.
  const menuUp = selection ? !nearTop && selection.top - window.scrollY > 400 : false;
  // Characters of speech text selected (the line breaks between paragraphs do not count).
  const selectedChars = selection
    ? corpus.text.slice(selection.span.start, selection.span.end).replace(/\s/g, '').length
    : 0;

  return (
    <div className="reader" ref={rootRef}>
      <a className="skip-link" href="#text">
        {strings.skipToText}
      </a>
      <header className="banner">
        <p className="banner__app" lang={strings.htmlLang}>
          {strings.appName}
        </p>
        <SpeechTitle corpus={corpus} highlight={highlight} />
        {switcher}
        <p className="banner__meta">
          {cited
            ? [cited.meta.author, cited.meta.date, cited.meta.occasion ?? cited.meta.publisher]
                .filter((part) => part)
                .join(' · ')
            : `${strings.meta(corpus.meta.year, corpus.meta.occasion)} · ${strings.speakerUnnamed}`}
        </p>
      </header>
      <div className="layout">
        <TableOfContents corpus={corpus} strings={strings} current={currentSection} />
        <main id="text" tabIndex={-1}>
          {problem && problemShown && (
            <div className="link-problem" role="alert">
              <p>
                {strings.linkProblem(problem)}{' '}
                {strings.linkInstead(targetRange ? describeSpan(corpus, targetRange, strings) : null)}
              </p>
              <button type="button" className="button-quiet" onClick={() => setProblemShown(false)}>
                {strings.dismiss}
              </button>
            </div>
          )}
          {search /* lookup search box (settings/lookup work) */}
          {targetRange && (
            <section className="target-bar" aria-labelledby="target-bar-h">
              <h2 id="target-bar-h" className="target-bar__label">
                {strings.target}
              </h2>
              <p className="target-bar__where" id="target-where">
                {describeSpan(corpus, targetRange, strings)}
              </p>
              <div className="target-bar__actions">
                <CitationMenu
                  formats={CITATION_FORMATS}
                  defaultFormat={defaultFormat}
                  onCopy={(format) => void copy(targetRange, format)}
                  strings={menuStrings}
                  describedBy="target-where"
                  formatTitle={formatTitle}
                  formatLabel={labelOf}
                />
                <button type="button" className="button-quiet" onClick={clearTarget}>
                  {strings.clearTarget}
                </button>
              </div>
            </section>
          )}
          <SpeechBody
            documentId={documentId ?? SPEECH_DOCUMENT_ID}
            corpus={corpus}
            highlight={highlight}
            targetParagraph={targetParagraph}
            strings={strings}
          />
        </main>
      </div>
      {selection && (
        <div
          ref={toolbarRef}
          className={`selection-cite${nearTop ? ' selection-cite--below' : ''}${menuUp ? ' selection-cite--menu-up' : ''}`}
          role="toolbar"
          aria-label={strings.selection(selectedChars)}
          style={{ top: nearTop ? selection.bottom + 8 : selection.top - 8, left: selection.left }}
          // Pressing a button must not collapse the selection it acts on.
          onMouseDown={(e) => e.preventDefault()}
          onKeyDown={(e) => {
            if (e.key === 'Escape') setSelection(null);
          }}
        >
          <span className="selection-cite__count" id="selection-count">
            {strings.selection(selectedChars)}
            <kbd className="selection-cite__key" title={strings.shortcutHint}>
              Alt+C
            </kbd>
          </span>
          <CitationMenu
            formats={CITATION_FORMATS}
            defaultFormat={defaultFormat}
            onCopy={(format) => void copy(selection.span, format)}
            strings={{ ...menuStrings, copyCitation: strings.copySelection, moreFormats: strings.moreFormatsSelection }}
            describedBy="selection-count"
            formatTitle={formatTitle}
            formatLabel={labelOf}
          />
        </div>
      )}
      <p className="toast" role="status" aria-live="polite" data-visible={status ? 'true' : 'false'}>
        {status}
      </p>
    </div>
  );
}
