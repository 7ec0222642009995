/**
 * What the popup needs from the browser, injected so the components stay
 * free of browser APIs (the entrypoint supplies the real one, tests a fake).
 */
import type { CitationFormat, CitationFormatId, CitationInput, CitationOptions } from '../../lib/citations/types';
import type { Corpus, Span } from '../../lib/corpus/types';
import type { DocumentMeta } from '../../lib/library/types';
import type { TabResults } from '../../lib/messages';
import type { Settings } from '../../lib/settings/types';

/** The citation formatter (lib/citations), loaded lazily: it must not sit on the first-paint path. */
export interface CitationApi {
  formats: readonly CitationFormat[];
  format(id: CitationFormatId, input: CitationInput, options?: CitationOptions): string | Promise<string>;
  /** Several quotes as one text, each distinct source once (copy all). */
  formatAll(
    id: CitationFormatId,
    inputs: readonly CitationInput[],
    options?: CitationOptions,
  ): string | Promise<string>;
}

/** 'gone': the match is no longer on the page; 'no-answer': no frame replied. */
export type JumpOutcome = 'ok' | 'paused' | 'gone' | 'no-answer';

export interface TabInfo {
  id: number;
  url: string;
  title: string;
  /** True while the tab is still loading (its content script has not run yet). */
  loading?: boolean;
}

/** A document of the library as the popup shows it: a chip, its structure for context, its citation data. */
export interface PopupDocument {
  id: string;
  title: string;
  colour: string;
  enabled: boolean;
  /** Null for the speech (the popup has its corpus); an imported document's corpus view otherwise. */
  corpus: Corpus | null;
  meta: DocumentMeta | null;
}

export interface PopupPlatform {
  /** The tab the popup shows (the `?tab=` one or the active tab); null if there is none. */
  getTab(): Promise<TabInfo | null>;
  /**
   * Calls back with the background's results for that tab at once and after every change (pushed, not
   * polled); null for a reply that is not valid results. Returns the function that stops watching.
   */
  watchResults(tabId: number, callback: (results: TabResults | null) => void): () => void;
  getSettings(): Promise<Settings>;
  /** Calls back on every settings change; returns the unsubscribe function. */
  watchSettings(callback: (settings: Settings) => void): () => void;
  setSitePaused(hostname: string, paused: boolean): Promise<void>;
  /** Turns quiet mode on or off (the `quiet` setting); the first-run question is answered with it (`quietAsked`). */
  setQuiet(quiet: boolean): Promise<void>;
  /** Quiet mode: asks the page to show its highlights (true) or hide them again; false if no frame answered. */
  showHighlights(tabId: number, shown: boolean): Promise<boolean>;
  /** Asks the page to scroll to the match and flash it. */
  jump(tabId: number, matchId: string): Promise<JumpOutcome>;
  /** Opens the reader page at a span of the speech (or of another document of the library), or at its start (null). */
  openReader(span: Span | null, documentId?: string): void;
  /** The library's documents, the speech first (absent: the speech alone). */
  getDocuments?(): Promise<PopupDocument[]>;
  /** Opens the Library page to add the page shown in a tab. */
  addPageToLibrary?(tabId: number): void;
  /** Opens the lookup page (search the speech). */
  openLookup(): void;
  reloadTab(tabId: number): void;
  copyText(text: string): Promise<void>;
  /** Saves `text` as a file (a blob URL download; nothing goes over the network). */
  download(fileName: string, mimeType: string, text: string): void;
  loadCitations(): Promise<CitationApi>;
  /** The browser's UI language (navigator.language). */
  browserLanguage: string;
  /** The extension's own origin (its pages are not checked: they show the speech itself). */
  ownOrigin?: string;
  now(): Date;
  /** The list order the reader chose last time (kept per browser profile), and saving it. */
  loadView(): 'page' | 'section' | null;
  saveView(view: 'page' | 'section'): void;
  /** Runs `task` when the browser is idle after the first paint. */
  whenIdle(task: () => void): void;
}
