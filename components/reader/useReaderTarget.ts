/**
 * What the URL's hash asks of the reader, following hashchange: a passage
 * (#span=S-E or #p=N) to mark, a plain anchor (#section-2, #text) to scroll
 * to, or a link that cannot be followed, with the reason (shown to the user).
 * A hash that is not a target leaves the last target highlighted.
 */

import { useEffect, useState } from 'react';
import type { Corpus } from '../../lib/corpus/types';
import { readDocumentHash } from '../../lib/library/doc-link';
import { type LinkProblem, type ReaderHash, type ReaderTarget, readReaderHash } from '../../lib/page-links';

export function readHash(hash: string, corpus: Corpus): ReaderHash {
  // A library document's link (#doc=ID&span=S-E) carries the speech's own target after its id.
  return readReaderHash(readDocumentHash(hash)?.rest ?? hash, {
    textLength: corpus.text.length,
    paragraphs: corpus.paragraphs.length,
  });
}

export interface ReaderLocation {
  target: ReaderTarget | null;
  setTarget: (t: ReaderTarget | null) => void;
  /** The last link that could not be followed (cleared by the next good one). */
  problem: LinkProblem | null;
  /** The anchor the page was opened at or moved to (an element id), and a count that changes each time. */
  anchor: { id: string; seq: number } | null;
}

export function useReaderLocation(corpus: Corpus): ReaderLocation {
  const [initial] = useState(() => readHash(window.location.hash, corpus));
  const [target, setTarget] = useState<ReaderTarget | null>(initial.kind === 'target' ? initial.target : null);
  const [problem, setProblem] = useState<LinkProblem | null>(initial.kind === 'invalid' ? initial.problem : null);
  const [anchor, setAnchor] = useState<ReaderLocation['anchor']>(
    initial.kind === 'anchor' && initial.id ? { id: initial.id, seq: 0 } : null,
  );
  useEffect(() => {
    const onHash = () => {
      const next = readHash(window.location.hash, corpus);
      if (next.kind === 'target') {
        setTarget(next.target);
        setProblem(null);
      } else if (next.kind === 'invalid') {
        setProblem(next.problem);
      } else {
        setProblem(null);
        if (next.id) setAnchor((a) => ({ id: next.id, seq: (a?.seq ?? 0) + 1 }));
      }
    };
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, [corpus]);
  return { target, setTarget, problem, anchor };
}

/** The [start, end) the target covers in the speech. */
export function targetSpan(target: ReaderTarget, corpus: Corpus): { start: number; end: number } | null {
  if (target.kind === 'span') return target.span;
  const p = corpus.paragraphs[target.number - 1];
  return p ? { start: p.start, end: p.end } : null;
}
