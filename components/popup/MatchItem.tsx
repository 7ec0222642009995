/**
 * One match in the popup's list: the page's words, the section and paragraph
 * of the speech, the original sentence with the span emphasised and its
 * context, the diff of a near-verbatim quote, and the actions.
 */
import { formatLabel } from '../../lib/citations/label';
import type { CitationFormat, CitationFormatId } from '../../lib/citations/types';
import type { PopupStrings } from '../../lib/i18n/popup';
import { SPEECH_DOCUMENT_ID } from '../../lib/library/types';
import { CitationMenu } from '../shared/CitationMenu';
import { DocumentChip as DocumentChipView } from '../shared/DocumentChip';
import { DiffView } from './DiffView';
import type { PopupItem } from './popup-model';

/** A document's chip: its title in its colour. */
export interface DocumentChip {
  title: string;
  colour: string;
}

export interface MatchItemProps {
  item: PopupItem;
  /** The match's document and the others sharing the passage, when the library has more than the speech. */
  chips?: { document: DocumentChip | null; alsoIn: DocumentChip[]; alsoInLabel: string };
  strings: PopupStrings;
  formats: readonly CitationFormat[] | null;
  defaultFormat: CitationFormatId;
  onJump: (item: PopupItem) => void;
  onOpen: (item: PopupItem) => void;
  onCopy: (item: PopupItem, format: CitationFormatId) => void;
  onNeedFormats: () => void;
}

export function sectionText(item: PopupItem, strings: PopupStrings): string {
  if (item.documentId !== SPEECH_DOCUMENT_ID) {
    // An imported document's section is its heading, as the document writes it.
    if (!item.section || item.section.index === 0) return item.section?.heading ?? '';
    const { label, shortHeading } = item.section;
    return shortHeading && shortHeading !== label ? `${label} ${shortHeading}` : label;
  }
  if (!item.section) return strings.titleLine;
  const label = strings.section(item.section.index);
  return item.section.shortHeading ? `${label} · ${item.section.shortHeading}` : label;
}

/** The quote as a button's name says it: its first characters, enough to tell cards apart. */
export function shortQuote(quote: string, max = 16): string {
  const chars = [...quote];
  return chars.length > max ? `${chars.slice(0, max).join('')}…` : quote;
}

/** Rounded down, so a near-verbatim quote never reads 100%. */
export function similarityPercent(similarity: number): number {
  return Math.floor(similarity * 100 + 1e-9);
}

export function MatchItem({
  item,
  chips,
  strings,
  formats,
  defaultFormat,
  onJump,
  onOpen,
  onCopy,
  onNeedFormats,
}: MatchItemProps) {
  const quoteId = `quote-${item.order}`;
  const kind = item.nearVerbatim ? 'nearVerbatim' : item.kind;
  const { context: c } = item;
  const short = shortQuote(item.quote);
  return (
    <li
      className={`match match--${kind}${item.stock ? ' match--stock' : ''}`}
      // Named by its kind and the page's words (not by the quote's paragraph, whose decorative “ would lead).
      aria-label={`${strings.kind[kind]}${strings.colon}${item.quote}`}
      data-match-id={item.id}
      data-speech-span={`${item.speechStart}-${item.speechEnd}`}
      data-document-id={item.documentId}
    >
      {chips && (chips.document || chips.alsoIn.length > 0) && (
        <div className="match__docs">
          {chips.document && <DocumentChipView title={chips.document.title} colour={chips.document.colour} />}
          {chips.alsoIn.length > 0 && <span className="match__also">{chips.alsoInLabel}</span>}
          {chips.alsoIn.map((c) => (
            <DocumentChipView key={c.title} title={c.title} colour={c.colour} />
          ))}
        </div>
      )}
      <div className="match__meta">
        <span
          className={`match__kind match__kind--${kind}`}
          title={item.stock ? `${strings.rule[item.rule]} ${strings.stock}` : strings.rule[item.rule]}
        >
          {strings.kind[kind]}
        </span>
        <span className="match__section" title={item.section?.heading ?? undefined}>
          {sectionText(item, strings)}
        </span>
        {item.paragraph !== null && <span className="match__para">{strings.paragraph(item.paragraph)}</span>}
      </div>
      <p className="match__quote" id={quoteId}>
        <span className="sr-only">{strings.pageWords + strings.colon}</span>
        {item.quote}
      </p>
      <blockquote className="match__passage">
        <span className="sr-only">{strings.original + strings.colon}</span>
        {c.clippedStart && <span aria-hidden="true">…</span>}
        {c.before && <span className="match__context">{c.before}</span>}
        {c.lead}
        <mark className="match__span">{c.matched}</mark>
        {c.tail}
        {c.after && <span className="match__context">{c.after}</span>}
        {c.clippedEnd && <span aria-hidden="true">…</span>}
      </blockquote>
      {item.nearVerbatim && item.diff && item.diffSummary && (
        <div className="match__near">
          <p className="match__similarity">{strings.similarity(similarityPercent(item.similarity))}</p>
          <DiffView segments={item.diff} summary={item.diffSummary} strings={strings} />
        </div>
      )}
      <div className="match__actions">
        <button type="button" aria-label={strings.jumpTo(short)} onClick={() => onJump(item)}>
          {strings.jump}
        </button>
        <button type="button" aria-label={strings.openPassageOf(short)} onClick={() => onOpen(item)}>
          {strings.openPassage}
        </button>
        <CitationMenu
          formats={formats}
          defaultFormat={defaultFormat}
          onCopy={(format) => onCopy(item, format)}
          onOpenMenu={onNeedFormats}
          describedBy={quoteId}
          formatTitle={(f) => f.description?.[strings.lang] ?? f.label}
          formatLabel={(f) => formatLabel(f, strings.lang)}
          strings={{
            copyCitation: strings.copyCitation,
            moreFormats: strings.moreFormats,
            loading: strings.loadingFormats,
          }}
        />
      </div>
    </li>
  );
}
