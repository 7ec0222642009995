/**
 * The speech: its title and every paragraph, grouped by section, with the
 * target span wrapped in <mark> (our own page, so marking the DOM is fine).
 * Each run of text carries its speech offset in data-o (see selection.ts).
 */
import { memo } from 'react';
import type { Corpus, Paragraph, Section, Span } from '../../lib/corpus/types';
import type { ReaderStrings } from '../../lib/i18n/reader';
import { inDocument } from '../../lib/library/doc-link';
import { SPEECH_DOCUMENT_ID } from '../../lib/library/types';
import { readerHash } from '../../lib/page-links';
import { pieces } from './segments';

interface Props {
  corpus: Corpus;
  highlight: Span | null;
  targetParagraph: number | null;
  strings: ReaderStrings;
}

export function sectionId(section: Section): string {
  return `section-${section.index}`;
}

export function paragraphId(n: number): string {
  return `p-${n}`;
}

function Runs({
  text,
  run,
  highlight,
  heading,
}: {
  text: string;
  run: Span;
  highlight: Span | null;
  heading: Span | null;
}) {
  return (
    <>
      {pieces(run, highlight, heading).map((piece) => {
        let node = (
          <span key={piece.start} data-o={piece.start}>
            {text.slice(piece.start, piece.end)}
          </span>
        );
        if (piece.heading) node = <strong key={piece.start}>{node}</strong>;
        if (piece.marked) {
          node = (
            <mark key={piece.start} data-target="">
              {node}
            </mark>
          );
        }
        return node;
      })}
    </>
  );
}

function ParagraphView({
  corpus,
  paragraph,
  heading,
  highlight,
  isTarget,
  strings,
  documentId,
}: {
  documentId: string;
  corpus: Corpus;
  paragraph: Paragraph;
  heading: Span | null;
  highlight: Span | null;
  isTarget: boolean;
  strings: ReaderStrings;
}) {
  const touches = highlight && highlight.start < paragraph.end && highlight.end > paragraph.start ? highlight : null;
  return (
    <div className={`para${isTarget ? ' para--target' : ''}`} id={paragraphId(paragraph.number)} tabIndex={-1}>
      <a
        className="para__num"
        href={inDocument(documentId, readerHash({ kind: 'paragraph', number: paragraph.number }))}
        aria-label={strings.paragraphLink(paragraph.number)}
      >
        ¶{paragraph.number}
      </a>
      <p>
        <Runs text={corpus.text} run={paragraph} highlight={touches} heading={heading} />
      </p>
    </div>
  );
}

/** The speech's title line, highlightable like the rest (a span can cover it). */
export function SpeechTitle({ corpus, highlight }: { corpus: Corpus; highlight: Span | null }) {
  const start = corpus.text.indexOf(corpus.meta.title);
  const run = { start, end: start + corpus.meta.title.length };
  return (
    <h1 id="speech-title" lang="zh-CN" data-speech="">
      <Runs text={corpus.text} run={run} highlight={highlight} heading={null} />
    </h1>
  );
}

/** Every section with its heading and numbered paragraphs. */
export const SpeechBody = memo(function SpeechBody({
  corpus,
  highlight,
  targetParagraph,
  strings,
  documentId = SPEECH_DOCUMENT_ID,
}: Props & { documentId?: string }) {
  return (
    <div className="speech" lang="zh-CN" data-speech="">
      {corpus.sections.map((section) => (
        <section key={section.index} id={sectionId(section)} aria-labelledby={`${sectionId(section)}-h`}>
          <h2 id={`${sectionId(section)}-h`} className="section__heading">
            <span className="section__label" lang={strings.htmlLang}>
              {strings.section(section)}
            </span>
            {section.title !== section.label && <span className="section__title">{section.title}</span>}
          </h2>
          {corpus.paragraphs
            .filter((p) => p.section === section.index)
            .map((p) => (
              <ParagraphView
                key={p.number}
                documentId={documentId}
                corpus={corpus}
                paragraph={p}
                heading={
                  section.titleSpan && section.titleSpan.start >= p.start && section.titleSpan.end <= p.end
                    ? section.titleSpan
                    : null
                }
                highlight={highlight}
                isTarget={targetParagraph === p.number}
                strings={strings}
              />
            ))}
        </section>
      ))}
    </div>
  );
});
