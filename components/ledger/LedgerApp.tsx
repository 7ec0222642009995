/**
 * The ledger page: every page where Yuanwen found quotes, filtered by
 * document, kind, site, dates, edited only, starred, or words; shown as
 * pages, by passage, by site, or as a timeline; exported and imported;
 * with the ledger's settings.
 */
import { useCallback, useDeferredValue, useEffect, useMemo, useState } from 'react';
import { getCorpus } from '../../lib/corpus';
import type { Lang } from '../../lib/i18n';
import { type LedgerStrings, ledgerStrings } from '../../lib/i18n/ledger';
import {
  LedgerImportError,
  ledgerToCslJson,
  ledgerToCsv,
  ledgerToJson,
  parseLedgerJson,
} from '../../lib/ledger/export';
import {
  buildLedgerIndex,
  type LedgerIndex,
  ledgerEntryAt,
  prepareSearchText,
  selectLedgerRows,
  withEntry,
} from '../../lib/ledger/filter-index';
import { parseLedgerHash, readerLinkFor } from '../../lib/ledger/links';
import type { LedgerEntry, LedgerQuery, LedgerSettings } from '../../lib/ledger/types';
import { type Bucket, byPassage, bySite, speechPassages, timeline } from '../../lib/ledger/views';
import type { MatchKind } from '../../lib/match/types';
import { EntryRow } from './EntryRow';
import type { LedgerNoticeView, LedgerPlatform } from './platform';
import { Timeline } from './Timeline';

type View = 'pages' | 'passages' | 'sites' | 'timeline';
const PAGE_SIZE = 100;
/** Entries whose search text is made per idle slice (a few milliseconds of work). */
const SEARCH_TEXT_SLICE = 2_000;

const dayStart = (s: string) => (s ? Date.parse(`${s}T00:00:00Z`) : undefined);
const dayEnd = (s: string) => (s ? Date.parse(`${s}T23:59:59.999Z`) : undefined);

export function LedgerApp({
  platform,
  hash = '',
  lang = 'en',
}: {
  platform: LedgerPlatform;
  hash?: string;
  lang?: Lang;
}) {
  const t = ledgerStrings(lang);
  const [index, setIndex] = useState<LedgerIndex | null>(null);
  const [preview, setPreview] = useState<LedgerEntry[] | null>(null);
  const [total, setTotal] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [notice, setNotice] = useState<LedgerNoticeView | null>(null);
  const [settings, setSettings] = useState<LedgerSettings | null>(null);
  const [view, setView] = useState<View>('pages');
  const [shown, setShown] = useState(PAGE_SIZE);
  const [bucket, setBucket] = useState<Bucket>('day');
  const target = useMemo(() => parseLedgerHash(hash), [hash]);
  const [text, setText] = useState('');
  const [documentId, setDocumentId] = useState(target?.documentId ?? '');
  const [kind, setKind] = useState<'' | MatchKind>('');
  const [site, setSite] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [editedOnly, setEditedOnly] = useState(false);
  const [starredOnly, setStarredOnly] = useState(false);
  const [span, setSpan] = useState(target ? { start: target.start, end: target.end } : undefined);

  const reload = async () => {
    try {
      // The newest screenful and the count come first and are shown while the whole ledger is read and indexed.
      // Read before, not beside, the whole ledger: the database answers requests in turn, and the long read of
      // every entry would hold the short ones up behind it.
      // The newest screenful alone first: counting a large store holds the database for longer than that read,
      // and a count beside it would hold the read up too.
      setPreview(await platform.loadNewest(PAGE_SIZE));
      await Promise.all([
        platform.count().then(setTotal),
        platform.notice().then(setNotice),
        platform.settings().then(setSettings),
      ]);
      const all = await platform.load();
      setIndex(buildLedgerIndex(all)); // read newest first: no sort, flat columns each filter scans
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };
  // biome-ignore lint/correctness/useExhaustiveDependencies: load once
  useEffect(() => {
    void reload();
  }, []);

  // The search text of every entry, made in small slices while the page is idle, so the first search is quick.
  useEffect(() => {
    if (!index) return;
    let from = 0;
    let timer: ReturnType<typeof setTimeout>;
    const step = () => {
      from = prepareSearchText(index, from, SEARCH_TEXT_SLICE);
      if (from < index.entries.length) timer = setTimeout(step, 0);
    };
    timer = setTimeout(step, 0);
    return () => clearTimeout(timer);
  }, [index]);

  const query: LedgerQuery = useMemo(
    () => ({
      ...(text.trim() ? { text } : {}),
      ...(documentId ? { documentId } : {}),
      ...(kind ? { kind } : {}),
      ...(site ? { site } : {}),
      ...(from ? { from: dayStart(from) } : {}),
      ...(to ? { to: dayEnd(to) } : {}),
      ...(editedOnly ? { editedOnly } : {}),
      ...(starredOnly ? { starredOnly } : {}),
      ...(span ? { span } : {}),
    }),
    [text, documentId, kind, site, from, to, editedOnly, starredOnly, span],
  );
  const deferredQuery = useDeferredValue(query);
  const rows = useMemo(() => (index ? selectLedgerRows(index, deferredQuery) : []), [index, deferredQuery]);
  const entryAt = (row: number) => ledgerEntryAt(index as LedgerIndex, deferredQuery, row);
  // Every filtered entry, built only for the view that needs them all (not the pages list) and for exports.
  const filteredEntries = () => rows.map(entryAt);
  // biome-ignore lint/correctness/useExhaustiveDependencies: entryAt follows index and deferredQuery, as rows do
  const filtered = useMemo(() => (view === 'pages' ? [] : rows.map(entryAt)), [rows, view]);
  const sites = useMemo(() => [...new Set(index?.site ?? [])].sort(), [index]);
  const documents = useMemo(() => [...new Set(index?.quoteDocument ?? [])].sort(), [index]);

  const replace = useCallback((next: LedgerEntry) => {
    setIndex((current) => (current ? withEntry(current, next) : current));
    setPreview((current) => current?.map((e) => (e.url === next.url ? next : e)) ?? null);
  }, []);

  const exportAs = (format: 'csv' | 'json' | 'csl') => {
    const filtered = filteredEntries();
    const date = new Date().toISOString().slice(0, 10);
    if (format === 'csv') platform.download(`yuanwen-ledger-${date}.csv`, ledgerToCsv(filtered), 'text/csv');
    else if (format === 'json')
      platform.download(`yuanwen-ledger-${date}.json`, ledgerToJson(filtered, new Date()), 'application/json');
    else platform.download(`yuanwen-ledger-${date}.csl.json`, ledgerToCslJson(filtered), 'application/json');
  };

  const importFile = async (file: File) => {
    try {
      const imported = parseLedgerJson(await file.text());
      const { added, updated } = await platform.importEntries(imported);
      setMessage(t.imported({ total: imported.length, added, updated }));
      await reload();
    } catch (e) {
      setMessage(e instanceof LedgerImportError ? t.importRefused(e.message) : t.importFailed(String(e)));
    }
  };

  if (error) return <main className="ledger">{t.openFailed(error)}</main>;
  if (!index) {
    const loading = t.loadingNewest(preview?.length ?? 0);
    return (
      <main className="ledger">
        <h1>{t.heading}</h1>
        <p className="ledger-summary" data-testid="ledger-loading" role="status">
          {total === null ? (
            t.loading
          ) : (
            <>
              {loading.before}
              <span data-testid="ledger-total">{total}</span>
              {loading.after}
            </>
          )}
        </p>
        {preview && (
          <ul className="ledger-entries">
            {preview.map((e) => (
              <EntryRow key={e.url} entry={e} platform={platform} onChange={replace} t={t} />
            ))}
          </ul>
        )}
      </main>
    );
  }

  const summary = t.summary(rows.length);
  return (
    <main className="ledger">
      <h1>{t.heading}</h1>
      <p className="ledger-summary" data-testid="ledger-summary">
        {summary.before}
        <span data-testid="ledger-total">{index.entries.length}</span>
        {summary.after}
      </p>
      {notice && (
        <div className="ledger-notice" role="alert">
          {t.storageFull(notice.pruned)}{' '}
          <button type="button" onClick={() => void platform.dismissNotice().then(() => setNotice(null))}>
            {t.ok}
          </button>
        </div>
      )}
      {message && (
        <p className="ledger-message" role="status">
          {message}
        </p>
      )}
      <fieldset className="ledger-filters">
        <legend>{t.filters}</legend>
        <input
          type="search"
          aria-label={t.search}
          placeholder={t.search}
          value={text}
          onChange={(e) => setText(e.target.value)}
        />
        <select aria-label={t.document} value={documentId} onChange={(e) => setDocumentId(e.target.value)}>
          <option value="">{t.allDocuments}</option>
          {documents.map((d) => (
            <option key={d} value={d}>
              {platform.documentTitle(d)}
            </option>
          ))}
        </select>
        <select aria-label={t.kind} value={kind} onChange={(e) => setKind(e.target.value as '' | MatchKind)}>
          <option value="">{t.allKinds}</option>
          <option value="slogan">{t.kinds.slogan}</option>
          <option value="passage">{t.kinds.passage}</option>
        </select>
        <select aria-label={t.site} value={site} onChange={(e) => setSite(e.target.value)}>
          <option value="">{t.allSites}</option>
          {sites.map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </select>
        <label>
          {t.from} <input type="date" aria-label={t.from} value={from} onChange={(e) => setFrom(e.target.value)} />
        </label>
        <label>
          {t.to} <input type="date" aria-label={t.to} value={to} onChange={(e) => setTo(e.target.value)} />
        </label>
        <label>
          <input type="checkbox" checked={editedOnly} onChange={(e) => setEditedOnly(e.target.checked)} />{' '}
          {t.editedOnly}
        </label>
        <label>
          <input type="checkbox" checked={starredOnly} onChange={(e) => setStarredOnly(e.target.checked)} /> {t.starred}
        </label>
        {span && (
          <button type="button" onClick={() => setSpan(undefined)}>
            {t.passageFilter(span.start, span.end)}
          </button>
        )}
      </fieldset>
      <nav className="ledger-tabs">
        {(['pages', 'passages', 'sites', 'timeline'] as const).map((v) => (
          <button key={v} type="button" aria-pressed={view === v} onClick={() => setView(v)}>
            {t.views[v]}
          </button>
        ))}
      </nav>
      {view === 'pages' && (
        <section>
          <ul className="ledger-entries">
            {rows.slice(0, shown).map((row) => {
              const e = entryAt(row);
              return <EntryRow key={e.url} entry={e} platform={platform} onChange={replace} t={t} />;
            })}
          </ul>
          {rows.length > shown && (
            <button type="button" onClick={() => setShown((n) => n + PAGE_SIZE)}>
              {t.showMore(rows.length - shown)}
            </button>
          )}
        </section>
      )}
      {view === 'passages' && <Passages entries={filtered} platform={platform} onPick={setSpan} t={t} />}
      {view === 'sites' && <Sites entries={filtered} onPick={setSite} t={t} />}
      {view === 'timeline' && (
        <section>
          <label>
            <input type="radio" checked={bucket === 'day'} onChange={() => setBucket('day')} /> {t.perDay}
          </label>
          <label>
            <input type="radio" checked={bucket === 'week'} onChange={() => setBucket('week')} /> {t.perWeek}
          </label>
          <Timeline points={timeline(filtered, bucket)} documents={documents} t={t} />
        </section>
      )}
      <section className="ledger-tools">
        <h2>{t.exportImport}</h2>
        <button type="button" onClick={() => exportAs('csv')}>
          {t.exportCsv}
        </button>
        <button type="button" onClick={() => exportAs('json')}>
          {t.exportJson}
        </button>
        <button type="button" onClick={() => exportAs('csl')}>
          {t.exportCsl}
        </button>
        <label>
          {t.importJson}{' '}
          <input
            type="file"
            accept="application/json,.json"
            aria-label={t.importJson}
            onChange={(e) => {
              const file = e.target.files?.[0];
              if (file) void importFile(file);
            }}
          />
        </label>
      </section>
      {settings && (
        <LedgerSettingsView settings={settings} sites={sites} platform={platform} onChanged={reload} t={t} />
      )}
    </main>
  );
}

function Passages({
  entries,
  platform,
  onPick,
  t,
}: {
  entries: LedgerEntry[];
  platform: LedgerPlatform;
  onPick: (span: { start: number; end: number }) => void;
  t: LedgerStrings;
}) {
  const rows = useMemo(() => byPassage(entries, speechPassages(getCorpus())).slice(0, 500), [entries]);
  return (
    <table className="ledger-table" data-testid="by-passage">
      <thead>
        <tr>
          <th>{t.columns.passage}</th>
          <th>{t.columns.pages}</th>
          <th>{t.columns.verbatim}</th>
          <th>{t.columns.edited}</th>
          <th>{t.columns.sites}</th>
          <th>{t.columns.lastSeen}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.key} data-key={r.key}>
            <td>
              <button type="button" className="ledger-link" onClick={() => onPick({ start: r.start, end: r.end })}>
                {r.label.length > 60 ? `${r.label.slice(0, 60)}…` : r.label}
              </button>{' '}
              <a href={platform.pageUrl(readerLinkFor(r.documentId, r.start, r.end))} target="_blank" rel="noreferrer">
                {t.inReader}
              </a>
            </td>
            <td>{r.pages}</td>
            <td>{r.verbatim}</td>
            <td>{r.edited}</td>
            <td>{r.sites.slice(0, 3).join(', ')}</td>
            <td>{new Date(r.lastSeen).toISOString().slice(0, 10)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Sites({ entries, onPick, t }: { entries: LedgerEntry[]; onPick: (site: string) => void; t: LedgerStrings }) {
  const rows = useMemo(() => bySite(entries), [entries]);
  return (
    <table className="ledger-table" data-testid="by-site">
      <thead>
        <tr>
          <th>{t.columns.site}</th>
          <th>{t.columns.pages}</th>
          <th>{t.columns.quotes}</th>
          <th>{t.columns.edited}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.site} data-site={r.site}>
            <td>
              <button type="button" className="ledger-link" onClick={() => onPick(r.site)}>
                {r.site}
              </button>
            </td>
            <td>{r.pages}</td>
            <td>{r.quotes}</td>
            <td>{r.edited}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function LedgerSettingsView({
  settings,
  sites,
  platform,
  onChanged,
  t,
}: {
  settings: LedgerSettings;
  sites: string[];
  platform: LedgerPlatform;
  onChanged: () => Promise<void>;
  t: LedgerStrings;
}) {
  const [forget, setForget] = useState('');
  const [days, setDays] = useState(String(settings.retentionDays));
  const update = async (patch: Partial<LedgerSettings>) => {
    try {
      await platform.updateSettings(patch);
    } catch {
      setDays(String(settings.retentionDays)); // refused (e.g. not a number of days): the stored value stands
      return;
    }
    await onChanged();
  };
  return (
    <section className="ledger-settings">
      <h2>{t.settings}</h2>
      <label>
        <input
          type="checkbox"
          checked={settings.enabled}
          onChange={(e) => void update({ enabled: e.target.checked })}
        />{' '}
        {t.recordPages}
      </label>
      <label>
        {t.keepFor.before}{' '}
        <input
          type="number"
          min={1}
          aria-label={t.retentionDays}
          value={days}
          onChange={(e) => setDays(e.target.value)}
          onBlur={() => void update({ retentionDays: Number(days) })}
        />{' '}
        {t.keepFor.after}
      </label>
      <label>
        <input
          type="checkbox"
          checked={settings.recordQuietPages}
          onChange={(e) => void update({ recordQuietPages: e.target.checked })}
        />{' '}
        {t.recordQuiet}
      </label>
      <div>
        <select aria-label={t.siteToForget} value={forget} onChange={(e) => setForget(e.target.value)}>
          <option value="">{t.forgetPlaceholder}</option>
          {sites.map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </select>
        <button
          type="button"
          disabled={!forget}
          onClick={async () => {
            await platform.forgetSite(forget);
            setForget('');
            await onChanged();
          }}
        >
          {t.forgetSite}
        </button>
        <button
          type="button"
          onClick={() => {
            if (platform.confirm(t.confirmClear)) void platform.clear().then(onChanged);
          }}
        >
          {t.clearAll}
        </button>
      </div>
    </section>
  );
}
