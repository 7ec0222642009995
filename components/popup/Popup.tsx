/**
 * The popup: the matches of one tab, its states (scanning, none, cannot scan,
 * paused) and the actions. Every browser call goes through the injected
 * platform, so this renders the same in a test as in the extension.
 */
import { type ComponentType, Suspense, useCallback, useEffect, useId, useMemo, useRef, useState } from 'react';
import { formatLabel as labelInLang } from '../../lib/citations/label';
import type { CitationFormatId } from '../../lib/citations/types';
import { getCorpus } from '../../lib/corpus';
import type { Lang } from '../../lib/i18n';
import { resolveLanguage } from '../../lib/i18n';
import { popupLibraryStrings } from '../../lib/i18n/library';
import { type PopupStrings, popupStrings } from '../../lib/i18n/popup';
import { SPEECH_DOCUMENT_ID } from '../../lib/library/types';
import type { TabResults } from '../../lib/messages';
import { displayHostname } from '../../lib/settings/hostname';
import type { Settings } from '../../lib/settings/types';
import { exportFileName, toCsv, toJson } from './export';
import { MatchItem, sectionText } from './MatchItem';
import type { CitationApi, PopupDocument, PopupPlatform, TabInfo } from './platform';
import {
  buildItems,
  citationInput,
  groupBySection,
  hasReport,
  NO_ANSWER_MS,
  type PopupItem,
  type PopupPhase,
  pageHasNoChinese,
  popupPhase,
  type SectionGroup,
  siteOf,
} from './popup-model';

/** Until the page reports: how often the popup checks whether its tab is still loading. */
const NO_ANSWER_TICK_MS = 1000;
/** Items rendered at first, and added by each "show more": a page with thousands of matches stays responsive. */
export const PAGE_SIZE = 100;
/** How long the "copied" confirmation stays visible. */
const TOAST_MS = 2500;

export type ListView = 'page' | 'section';

/** The quick settings panel, supplied (and lazily loaded) by the entrypoint with the real settings store. */
export type SettingsPanel = ComponentType<{ lang: Lang; hostname: string | null }>;

export interface PopupProps {
  platform: PopupPlatform;
  settingsPanel?: SettingsPanel;
}

export function Popup({ platform, settingsPanel: Panel }: PopupProps) {
  const [settingsOpen, setSettingsOpen] = useState(false);
  const [tab, setTab] = useState<TabInfo | null | undefined>(undefined);
  const [settings, setSettings] = useState<Settings | undefined>(undefined);
  const [results, setResults] = useState<TabResults | null | undefined>(undefined);
  const [waitedMs, setWaitedMs] = useState(0);
  const [view, setViewState] = useState<ListView>(() => platform.loadView() ?? 'page');
  const setView = (next: ListView) => {
    setViewState(next);
    platform.saveView(next);
  };
  const [shown, setShown] = useState(PAGE_SIZE);
  const [citations, setCitations] = useState<CitationApi | null>(null);
  const [message, setMessage] = useState('');
  const citationsPromise = useRef<Promise<CitationApi> | null>(null);
  // The library's documents (the speech alone until they load) and the document the list is filtered to.
  const [documents, setDocuments] = useState<PopupDocument[]>([]);
  const [documentFilter, setDocumentFilter] = useState<string>('');
  useEffect(() => {
    let live = true;
    platform.getDocuments?.().then(
      (docs) => live && setDocuments(docs),
      () => {},
    );
    return () => {
      live = false;
    };
  }, [platform]);

  const lang = resolveLanguage(settings?.language ?? 'auto', platform.browserLanguage);
  const strings = popupStrings(lang);

  useEffect(() => {
    document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
  }, [lang]);

  // Tab and settings first; then the tab's results.
  useEffect(() => {
    let live = true;
    platform.getTab().then(
      (t) => live && setTab(t),
      () => live && setTab(null),
    );
    platform.getSettings().then((s) => live && setSettings(s));
    const unwatch = platform.watchSettings((s) => live && setSettings(s));
    return () => {
      live = false;
      unwatch();
    };
  }, [platform]);

  // The tab's results, pushed by the background on every change. Until the page reports, a clock runs: a
  // page silent for NO_ANSWER_MS does not answer, but only once loaded (its content script runs after load).
  useEffect(() => {
    if (!tab) return;
    let live = true;
    let reported = false;
    let started = platform.now().getTime();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const schedule = () => {
      if (live && !reported && timer === undefined) timer = setTimeout(tick, NO_ANSWER_TICK_MS);
    };
    const tick = async () => {
      timer = undefined;
      if (reported) return;
      const now = await platform.getTab().catch(() => null);
      if (!live) return;
      if (now?.loading) {
        started = platform.now().getTime();
        setWaitedMs(0);
      } else {
        const waited = platform.now().getTime() - started;
        setWaitedMs((before) => (before >= NO_ANSWER_MS ? before : waited));
      }
      schedule();
    };
    const unwatch = platform.watchResults(tab.id, (next) => {
      if (!live) return;
      reported = !!next && hasReport(next);
      setResults(next);
      schedule();
    });
    schedule();
    return () => {
      live = false;
      clearTimeout(timer);
      unwatch();
    };
  }, [platform, tab]);

  const loadCitations = useCallback((): Promise<CitationApi> => {
    citationsPromise.current ??= platform.loadCitations().then(
      (api) => {
        setCitations(api);
        return api;
      },
      (error: unknown) => {
        citationsPromise.current = null; // let a later click retry
        throw error;
      },
    );
    return citationsPromise.current;
  }, [platform]);

  // The formats load after the first paint, not on its path.
  useEffect(() => {
    platform.whenIdle(() => {
      loadCitations().catch(() => {});
    });
  }, [platform, loadCitations]);

  // The live region's text clears itself so the next announcement is heard again.
  useEffect(() => {
    if (!message) return;
    const t = setTimeout(() => setMessage(''), TOAST_MS);
    return () => clearTimeout(t);
  }, [message]);

  // The same words twice in a row (copying again) must still be announced: empty the region first.
  const announceTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(announceTimer.current), []);
  const announce = (text: string) => {
    setMessage('');
    clearTimeout(announceTimer.current);
    announceTimer.current = setTimeout(() => setMessage(text), 50);
  };

  const allItems = useMemo(() => {
    if (!results) return [];
    const byId = new Map(documents.map((d) => [d.id, d]));
    return buildItems(results.matches, getCorpus(), (id) => byId.get(id)?.corpus ?? null);
  }, [results, documents]);
  const items = useMemo(
    () =>
      documentFilter
        ? allItems.filter((i) => i.documentId === documentFilter || i.alsoIn.includes(documentFilter))
        : allItems,
    [allItems, documentFilter],
  );
  const libraryStrings = popupLibraryStrings(lang);
  const chipsOf = (item: PopupItem) => {
    if (documents.length < 2) return undefined;
    const chip = (id: string) => {
      const d = documents.find((x) => x.id === id);
      return d ? { title: d.title, colour: d.colour } : null;
    };
    return {
      document: chip(item.documentId),
      alsoIn: item.alsoIn.map(chip).filter((c) => c !== null),
      alsoInLabel: libraryStrings.alsoIn,
    };
  };
  /** An imported document's metadata and corpus, for its citations (the speech's come from the bundled corpus). */
  const citedDocument = (item: PopupItem) => {
    const d = documents.find((x) => x.id === item.documentId);
    return d?.corpus && d.meta ? { meta: d.meta, corpus: d.corpus } : undefined;
  };
  const matchedDocuments = documents.filter((d) =>
    allItems.some((i) => i.documentId === d.id || i.alsoIn.includes(d.id)),
  );
  const phase = popupPhase({ tab, settings, results, waitedMs, ownOrigin: platform.ownOrigin });
  const page = {
    title: results?.title || tab?.title || '',
    url: results?.url || tab?.url || '',
    ...(results?.author ? { author: results.author } : {}),
  };
  const defaultFormat: CitationFormatId = settings?.citationFormat ?? 'gbt7714';
  const labelOfId = (id: CitationFormatId) => {
    const entry = citations?.formats.find((f) => f.id === id);
    return entry ? labelInLang(entry, lang) : id;
  };

  const copy = async (item: PopupItem, format: CitationFormatId) => {
    try {
      const api = await loadCitations();
      const text = await api.format(format, citationInput(item, page, platform.now(), citedDocument(item)), {
        lang,
      });
      await platform.copyText(text);
      const entry = api.formats.find((f) => f.id === format);
      announce(strings.copied(entry ? labelInLang(entry, lang) : format));
    } catch {
      announce(strings.copyFailed);
    }
  };

  const copyAll = async () => {
    try {
      const api = await loadCitations();
      const now = platform.now();
      // One text per document (each source's entry names its own document), the speech first.
      const byDocument = new Map<string, PopupItem[]>();
      for (const item of items) byDocument.set(item.documentId, [...(byDocument.get(item.documentId) ?? []), item]);
      const texts: string[] = [];
      for (const group of byDocument.values()) {
        const inputs = group.map((item) => citationInput(item, page, now, citedDocument(item)));
        texts.push(await api.formatAll(defaultFormat, inputs, { lang }));
      }
      await platform.copyText(texts.join('\n\n'));
      announce(strings.copiedAll(items.length));
    } catch {
      announce(strings.copyFailed);
    }
  };

  const exportAs = (ext: 'json' | 'csv') => {
    const now = platform.now();
    const source = { page, speechTitle: getCorpus().meta.title, exportedAt: now, items };
    const name = exportFileName(page.url, now, ext);
    if (ext === 'json') platform.download(name, 'application/json', toJson(source));
    else platform.download(name, 'text/csv', toCsv(source));
    announce(strings.exported(name));
  };

  const jump = async (item: PopupItem) => {
    if (!tab) return;
    const outcome = await platform.jump(tab.id, item.id).catch(() => 'no-answer' as const);
    if (outcome !== 'ok') announce(strings.jumpFailed[outcome]);
  };

  // Quiet mode: the page shows its highlights only while the reader asks (this popup remembers the last answer).
  const [highlightsShown, setHighlightsShown] = useState(false);
  const showHighlights = async (shown: boolean) => {
    if (!tab) return;
    const ok = await platform.showHighlights(tab.id, shown).catch(() => false);
    if (ok) setHighlightsShown(shown);
    else announce(strings.highlightsFailed);
  };
  // Any choice of the mode (the first-run question, the toggle) answers the first-run question.
  const setQuiet = async (quiet: boolean) => {
    await platform.setQuiet(quiet);
    setHighlightsShown(false);
    setSettings(await platform.getSettings());
  };

  const host = siteOf(page.url);
  const setPaused = async (paused: boolean) => {
    if (!host) return;
    switchMovesFrom.current = phase.phase;
    await platform.setSitePaused(host, paused);
    setSettings(await platform.getSettings());
  };

  // The pause switch moves between the paused notice and the footer: keep the keyboard focus on it.
  const rootRef = useRef<HTMLDivElement>(null);
  const switchMovesFrom = useRef<PopupPhase['phase'] | null>(null);
  useEffect(() => {
    if (switchMovesFrom.current === null || switchMovesFrom.current === phase.phase) return;
    const toggle = rootRef.current?.querySelector<HTMLElement>('[role="switch"]');
    if (toggle) {
      toggle.focus();
      switchMovesFrom.current = null;
    }
  });

  return (
    <div className="popup" data-phase={phase.phase} ref={rootRef}>
      <header className="popup__header">
        <h1 className="popup__title">
          原文 <span lang="en">Yuanwen</span>
        </h1>
        {page.title && (
          <p className="popup__page" title={page.url}>
            {page.title}
          </p>
        )}
      </header>
      <main className="popup__main">
        {results?.unstored && phase.phase === 'results' && (
          <p className="notice notice--storage" role="note">
            {strings.unstored}
          </p>
        )}
        {results?.limited && phase.phase === 'results' && (
          <p className="notice notice--limited" role="note">
            {strings.limited}
          </p>
        )}
        {settings && !settings.quietAsked && phase.phase !== 'loading' && (
          <QuietOffer strings={strings} onChoose={setQuiet} />
        )}
        {settings?.quiet && phase.phase === 'results' && items.length > 0 && (
          <p className="quiet-actions">
            <button type="button" onClick={() => showHighlights(!highlightsShown)}>
              {highlightsShown ? strings.hideHighlights : strings.showHighlights}
            </button>
          </p>
        )}
        <PhaseBody
          noChinese={pageHasNoChinese(results)}
          onOpenSpeech={() => platform.openReader(null)}
          onOpenLookup={() => platform.openLookup()}
          phase={phase}
          strings={strings}
          items={items}
          view={view}
          onView={setView}
          shown={shown}
          onShowMore={() => setShown((n) => n + PAGE_SIZE)}
          host={host}
          onResume={() => setPaused(false)}
          onReload={() => tab && platform.reloadTab(tab.id)}
          renderItem={(item) => (
            <MatchItem
              key={item.id}
              item={item}
              strings={strings}
              formats={citations?.formats ?? null}
              defaultFormat={defaultFormat}
              onJump={jump}
              chips={chipsOf(item)}
              onOpen={(it) => {
                const span = { start: it.speechStart, end: it.speechEnd };
                if (it.documentId === SPEECH_DOCUMENT_ID) platform.openReader(span);
                else platform.openReader(span, it.documentId);
              }}
              onCopy={copy}
              onNeedFormats={() => {
                loadCitations().catch(() => {});
              }}
            />
          )}
          pageActions={
            <>
              {matchedDocuments.length > 1 && (
                <label className="document-filter">
                  {libraryStrings.documentFilter}
                  <select value={documentFilter} onChange={(e) => setDocumentFilter(e.target.value)}>
                    <option value="">{libraryStrings.allDocuments}</option>
                    {matchedDocuments.map((d) => (
                      <option key={d.id} value={d.id}>
                        {d.title}
                      </option>
                    ))}
                  </select>
                </label>
              )}
              <fieldset className="page-actions">
                <legend className="sr-only">{strings.pageActions}</legend>
                <button type="button" onClick={copyAll}>
                  {strings.copyAll(citations ? labelOfId(defaultFormat) : '')}
                </button>
                <button type="button" onClick={() => exportAs('json')}>
                  {strings.exportJson}
                </button>
                <button type="button" onClick={() => exportAs('csv')}>
                  {strings.exportCsv}
                </button>
              </fieldset>
            </>
          }
        />
      </main>
      {phase.phase !== 'loading' && phase.phase !== 'no-tab' && (
        <footer className="popup__footer">
          {host && (phase.phase === 'results' || phase.phase === 'scanning') && (
            <PauseSwitch strings={strings} host={host} paused={false} onChange={setPaused} />
          )}
          {settings && (
            <label className="popup__quiet">
              <input type="checkbox" checked={settings.quiet} onChange={(e) => setQuiet(e.target.checked)} />
              {strings.quietMode}
            </label>
          )}
          {platform.addPageToLibrary && tab && host && (
            <button type="button" className="popup__add-page" onClick={() => platform.addPageToLibrary?.(tab.id)}>
              {libraryStrings.addPage}
            </button>
          )}
          {Panel && (
            <details className="popup__settings" onToggle={(e) => setSettingsOpen(e.currentTarget.open)}>
              <summary>{strings.settings}</summary>
              {settingsOpen && (
                <Suspense fallback={<p className="state">{strings.loadingFormats}</p>}>
                  {/* No second per-site control: the popup's own switch is the one. */}
                  <Panel lang={lang} hostname={null} />
                </Suspense>
              )}
            </details>
          )}
        </footer>
      )}
      <output className={`toast ${message ? 'toast--shown' : ''}`} aria-live="polite" aria-atomic="true">
        {message}
      </output>
    </div>
  );
}

function PauseSwitch(props: {
  strings: PopupStrings;
  host: string;
  paused: boolean;
  onChange: (paused: boolean) => void;
}) {
  const { strings, host, paused, onChange } = props;
  return (
    <button type="button" role="switch" aria-checked={paused} className="switch" onClick={() => onChange(!paused)}>
      <span className="switch__track" aria-hidden="true">
        <span className="switch__thumb" />
      </span>
      <span className="switch__label">{strings.pauseOnSite(displayHostname(host))}</span>
    </button>
  );
}

interface PhaseBodyProps {
  phase: PopupPhase;
  strings: PopupStrings;
  items: PopupItem[];
  view: ListView;
  onView: (view: ListView) => void;
  /** How many items to render (the rest behind "show more"). */
  shown: number;
  onShowMore: () => void;
  host: string | null;
  onResume: () => void;
  onReload: () => void;
  renderItem: (item: PopupItem) => React.ReactNode;
  pageActions: React.ReactNode;
  /** The page has no Chinese text (nothing to suggest about sensitivity). */
  noChinese: boolean;
  /** The empty state's ways on: the whole speech, and a search of it. */
  onOpenSpeech: () => void;
  onOpenLookup: () => void;
}

function PhaseBody(props: PhaseBodyProps) {
  const { phase, strings, items, view, onView, shown, onShowMore, host, onResume, onReload, renderItem, pageActions } =
    props;
  const { noChinese, onOpenSpeech, onOpenLookup } = props;
  switch (phase.phase) {
    case 'loading':
      return <p className="state state--loading" aria-busy="true" />;
    case 'no-tab':
      return <p className="state">{strings.noTab}</p>;
    case 'cannot-scan':
      return (
        <section className="state state--cannot" aria-labelledby="state-title">
          <h2 id="state-title">{strings.cannotScan}</h2>
          <p>{strings.cannotScanReason[phase.reason]}</p>
          {phase.reason === 'no-answer' && (
            <button type="button" onClick={onReload}>
              {strings.reloadPage}
            </button>
          )}
        </section>
      );
    case 'paused':
      return (
        <section className="state state--paused" aria-labelledby="state-title">
          <h2 id="state-title">{strings.paused}</h2>
          {phase.everywhere ? (
            <p>{strings.pausedEverywhere}</p>
          ) : (
            <>
              <p>{strings.pausedHint}</p>
              {host && <PauseSwitch strings={strings} host={host} paused={true} onChange={(p) => !p && onResume()} />}
            </>
          )}
        </section>
      );
    case 'scanning':
      return (
        <p className="state state--scanning" role="status">
          <span className="spinner" aria-hidden="true" />
          {strings.scanning}
        </p>
      );
    case 'results':
      if (items.length === 0) {
        return (
          <section className="state state--none" aria-labelledby="state-title">
            <h2 id="state-title">{noChinese ? strings.noChinese : strings.noMatches}</h2>
            <p>{noChinese ? strings.noChineseHint : strings.noMatchesHint}</p>
            <p className="state__actions">
              <button type="button" onClick={onOpenSpeech}>
                {strings.openSpeech}
              </button>
              <button type="button" onClick={onOpenLookup}>
                {strings.openLookup}
              </button>
            </p>
          </section>
        );
      }
      return (
        <>
          <div className="toolbar">
            <h2 className="toolbar__count" id="matches-heading">
              {strings.matchesHeading(items.length)}
              {phase.scanning && <span className="spinner spinner--small" role="img" aria-label={strings.scanning} />}
            </h2>
            <fieldset className="segmented">
              <legend className="sr-only">{strings.viewLabel}</legend>
              <button type="button" aria-pressed={view === 'page'} onClick={() => onView('page')}>
                {strings.pageOrder}
              </button>
              <button type="button" aria-pressed={view === 'section'} onClick={() => onView('section')}>
                {strings.bySection}
              </button>
            </fieldset>
          </div>
          {pageActions}
          {view === 'page' ? (
            <ol className="matches" aria-labelledby="matches-heading">
              {items.slice(0, shown).map(renderItem)}
            </ol>
          ) : (
            visibleGroups(groupBySection(items), shown).map(({ group, visible }) => {
              const id = `group-${group.documentId === SPEECH_DOCUMENT_ID ? '' : `${group.documentId}-`}${group.section?.index ?? 'title'}`;
              const first = group.items[0];
              return (
                <section className="group" key={id} aria-labelledby={id}>
                  <h3 className="group__title" id={id} title={group.section?.heading ?? undefined}>
                    {first ? sectionText(first, strings) : ''}
                    <span className="group__count">{strings.groupCount(group.items.length)}</span>
                  </h3>
                  <ol className="matches" aria-labelledby={id}>
                    {visible.map(renderItem)}
                  </ol>
                </section>
              );
            })
          )}
          {items.length > shown && (
            <button type="button" className="show-more" onClick={onShowMore}>
              {strings.showMore(items.length - shown)}
            </button>
          )}
        </>
      );
  }
}

/** The groups cut to the first `limit` items in group order; groups left empty are dropped. */
function visibleGroups(groups: SectionGroup[], limit: number): { group: SectionGroup; visible: PopupItem[] }[] {
  const out: { group: SectionGroup; visible: PopupItem[] }[] = [];
  let left = limit;
  for (const group of groups) {
    if (left <= 0) break;
    const visible = group.items.slice(0, left);
    left -= visible.length;
    out.push({ group, visible });
  }
  return out;
}

/**
 * Asked once, in the popup rather than a tab opened on install: whether pages get highlights (which their
 * own scripts can read) or quiet mode. The list stays usable below it; either answer or the footer's toggle
 * stores the choice, and the question does not come back.
 */
function QuietOffer({ strings, onChoose }: { strings: PopupStrings; onChoose: (quiet: boolean) => void }) {
  const id = useId();
  return (
    <section className="quiet-offer" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`} className="quiet-offer__title">
        {strings.quietOfferTitle}
      </h2>
      <p className="quiet-offer__text">{strings.quietOfferText}</p>
      <p className="quiet-offer__actions">
        <button type="button" onClick={() => onChoose(false)}>
          {strings.quietOfferHighlight}
        </button>
        <button type="button" onClick={() => onChoose(true)}>
          {strings.quietOfferQuiet}
        </button>
      </p>
    </section>
  );
}
