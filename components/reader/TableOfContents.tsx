/** The table of contents: one link per section (label and heading), with the paragraphs it holds. */
import type { Corpus } from '../../lib/corpus/types';
import type { ReaderStrings } from '../../lib/i18n/reader';
import { sectionId } from './SpeechText';

export function TableOfContents({
  corpus,
  strings,
  current,
}: {
  corpus: Corpus;
  strings: ReaderStrings;
  /** Section index of the highlighted passage, marked in the list. */
  current: number | null;
}) {
  return (
    <nav className="toc" aria-labelledby="toc-heading">
      <h2 id="toc-heading" className="toc__heading">
        {strings.toc}
      </h2>
      <ol>
        {corpus.sections.map((s) => {
          const paragraphs = corpus.paragraphs.filter((p) => p.section === s.index).map((p) => p.number);
          const range =
            paragraphs.length > 1 ? `¶${paragraphs[0]}–${paragraphs[paragraphs.length - 1]}` : `¶${paragraphs[0]}`;
          return (
            <li key={s.index}>
              <a href={`#${sectionId(s)}`} aria-current={current === s.index ? 'location' : undefined}>
                <span className="toc__label">{strings.section(s)}</span>
                {s.title !== s.label && (
                  <span className="toc__title" lang="zh-CN">
                    {s.title}
                  </span>
                )}
                <span className="toc__paras">{range}</span>
              </a>
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
