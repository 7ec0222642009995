/**
 * The passage the URL points at (#span=S-E or #p=N), following hashchange.
 * A hash that is not a reader target (malformed, or a table-of-contents
 * anchor like #section-2) is ignored: the last target stays highlighted.
 */
import { useEffect, useState } from 'react';
import type { Corpus } from '../../lib/corpus/types';
import { parseReaderHash, type ReaderTarget } from '../../lib/reader-link';

export function targetFromHash(hash: string, corpus: Corpus): ReaderTarget | null {
  const target = parseReaderHash(hash, corpus.text.length);
  if (target?.kind === 'paragraph' && target.number > corpus.paragraphs.length) return null;
  return target;
}

export function useReaderTarget(corpus: Corpus): [ReaderTarget | null, (t: ReaderTarget | null) => void] {
  const [target, setTarget] = useState<ReaderTarget | null>(() => targetFromHash(window.location.hash, corpus));
  useEffect(() => {
    const onHash = () => {
      const next = targetFromHash(window.location.hash, corpus);
      if (next) setTarget(next);
    };
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, [corpus]);
  return [target, setTarget];
}

/** The [start, end) the target covers in the speech. */
export function targetSpan(target: ReaderTarget, corpus: Corpus): { start: number; end: number } | null {
  if (target.kind === 'span') return target.span;
  const p = corpus.paragraphs[target.number - 1];
  return p ? { start: p.start, end: p.end } : null;
}
