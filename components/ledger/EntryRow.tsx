/** One page of the ledger: its quotes, a star and a note, links to the spot and to the reader. */
import { memo, useState } from 'react';
import type { LedgerStrings } from '../../lib/i18n/ledger';
import { readerLinkFor } from '../../lib/ledger/links';
import type { LedgerEntry } from '../../lib/ledger/types';
import type { LedgerPlatform } from './platform';

const day = (t: number) => new Date(t).toISOString().slice(0, 10);

/** Memoised: a filter re-renders the page, and the rows it keeps are the same entry objects. */
export const EntryRow = memo(function EntryRow({
  entry,
  platform,
  onChange,
  t,
}: {
  entry: LedgerEntry;
  platform: LedgerPlatform;
  onChange: (entry: LedgerEntry) => void;
  t: LedgerStrings;
}) {
  const [note, setNote] = useState(entry.note);
  const save = async (change: { note?: string; starred?: boolean }) => {
    const next = await platform.annotate(entry.url, change);
    if (next) onChange(next);
  };
  return (
    <li className="ledger-entry" data-testid="ledger-entry" data-url={entry.url}>
      <div className="ledger-entry-head">
        <button
          type="button"
          className="ledger-star"
          aria-pressed={entry.starred}
          aria-label={entry.starred ? t.unstar : t.star}
          onClick={() => void save({ starred: !entry.starred })}
        >
          {entry.starred ? '★' : '☆'}
        </button>
        <a href={entry.quotes[0]?.link ?? entry.url} target="_blank" rel="noreferrer" className="ledger-title">
          {entry.title || entry.url}
        </a>
        <span className="ledger-meta">
          {entry.site} · {day(entry.firstSeen)}
          {entry.lastSeen !== entry.firstSeen ? ` – ${day(entry.lastSeen)}` : ''}
        </span>
      </div>
      <ul className="ledger-quotes">
        {entry.quotes.map((q) => (
          <li key={`${q.documentId}:${q.start}:${q.end}:${q.quote}`} data-kind={q.kind} data-edited={q.similarity < 1}>
            <q>{q.quote}</q>{' '}
            <span className="ledger-kind">
              {t.quoteKind(q.kind)}
              {q.similarity < 1 ? ` · ${t.similarity(Math.round(q.similarity * 100))} · ${q.diffSummary}` : ''}
            </span>{' '}
            <a href={q.link} target="_blank" rel="noreferrer">
              {t.openAtSpot}
            </a>{' '}
            <a href={platform.pageUrl(readerLinkFor(q.documentId, q.start, q.end))} target="_blank" rel="noreferrer">
              {t.inReader}
            </a>
          </li>
        ))}
      </ul>
      <textarea
        className="ledger-note"
        aria-label={t.note}
        placeholder={t.note}
        value={note}
        onChange={(e) => setNote(e.target.value)}
        onBlur={() => {
          if (note !== entry.note) void save({ note });
        }}
      />
    </li>
  );
});
