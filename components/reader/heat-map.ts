/**
 * The reader's heat map: each sentence of the shown document shaded by how many
 * ledger pages quoted it, drawn with CSS Custom Highlights over the
 * reader's own text (the speech's DOM stays as React renders it). Hovering a
 * quoted sentence shows the count; clicking it (without selecting) opens the
 * ledger at the pages that quoted it.
 */
import type { Corpus } from '../../lib/corpus/types';
import type { SentenceHeat } from '../../lib/ledger/views';

export const HEAT_LEVELS = 4;
export const heatName = (level: number) => `yuanwen-heat-${level}`;

/** 1..HEAT_LEVELS for a count, relative to the most quoted sentence. */
export function heatLevel(count: number, max: number): number {
  if (count <= 0 || max <= 0) return 0;
  return Math.max(1, Math.ceil((count / max) * HEAT_LEVELS));
}

interface Run {
  start: number;
  node: Text;
}

function runsOf(root: ParentNode): Run[] {
  const runs: Run[] = [];
  for (const el of root.querySelectorAll<HTMLElement>('[data-speech] [data-o]')) {
    const node = el.firstChild;
    if (node instanceof Text) runs.push({ start: Number(el.dataset.o), node });
  }
  return runs.sort((a, b) => a.start - b.start);
}

/** The text node and offset holding speech offset `at` (the last run starting at or before it). */
function point(runs: Run[], at: number): [Text, number] | null {
  let lo = 0;
  let hi = runs.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if ((runs[mid] as Run).start <= at) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  const run = runs[found];
  if (!run) return null;
  return [run.node, Math.min(at - run.start, run.node.length)];
}

/** Paints the heat map; returns a function that removes it. */
export function paintHeat(
  root: HTMLElement,
  corpus: Corpus,
  heat: ReadonlyMap<number, SentenceHeat>,
  openPages: (start: number, end: number) => void,
  label: (count: number) => string,
): () => void {
  const max = Math.max(0, ...[...heat.values()].map((h) => h.count));
  const style = document.createElement('style');
  style.textContent = Array.from(
    { length: HEAT_LEVELS },
    (_, i) => `::highlight(${heatName(i + 1)}) { background-color: rgba(230, 90, 40, ${0.1 + 0.12 * (i + 1)}); }`,
  ).join('\n');
  document.head.append(style);
  const tip = document.createElement('div');
  tip.setAttribute('role', 'tooltip');
  tip.className = 'heat-tip';
  tip.hidden = true;
  tip.style.cssText =
    'position:fixed;z-index:10;padding:2px 6px;background:#222;color:#fff;font-size:12px;border-radius:3px;pointer-events:none';
  document.body.append(tip);

  const paint = () => {
    const runs = runsOf(root);
    const levels = Array.from({ length: HEAT_LEVELS }, () => new Highlight());
    for (const [index, h] of heat) {
      const s = corpus.sentences[index];
      const level = heatLevel(h.count, max);
      const from = s && point(runs, s.start);
      const to = s && point(runs, s.end);
      if (!from || !to || level === 0) continue;
      const range = document.createRange();
      range.setStart(...from);
      range.setEnd(...to);
      levels[level - 1]?.add(range);
    }
    for (const [i, h] of levels.entries()) CSS.highlights.set(heatName(i + 1), h);
  };
  paint();
  // React re-renders the speech (a new target span is marked): paint again on the new nodes.
  let pending = 0;
  const observer = new MutationObserver(() => {
    cancelAnimationFrame(pending);
    pending = requestAnimationFrame(paint);
  });
  observer.observe(root, { childList: true, subtree: true });

  const sentenceAt = (x: number, y: number) => {
    const caret = document.caretPositionFromPoint?.(x, y);
    const node = caret?.offsetNode;
    const run = node?.parentElement?.closest<HTMLElement>('[data-o]');
    if (!caret || !run || !root.contains(run)) return null;
    const loc = corpus.locate(Number(run.dataset.o) + caret.offset);
    const h = loc && heat.get(loc.sentence.index);
    return loc && h ? { sentence: loc.sentence, heat: h } : null;
  };
  const onMove = (e: MouseEvent) => {
    const hit = sentenceAt(e.clientX, e.clientY);
    tip.hidden = !hit;
    if (!hit) return;
    tip.textContent = label(hit.heat.count);
    tip.style.left = `${e.clientX + 12}px`;
    tip.style.top = `${e.clientY + 12}px`;
  };
  const onClick = (e: MouseEvent) => {
    if (!document.getSelection()?.isCollapsed) return;
    const hit = sentenceAt(e.clientX, e.clientY);
    if (hit) openPages(hit.sentence.start, hit.sentence.end);
  };
  root.addEventListener('mousemove', onMove);
  root.addEventListener('click', onClick);
  return () => {
    observer.disconnect();
    root.removeEventListener('mousemove', onMove);
    root.removeEventListener('click', onClick);
    for (let i = 1; i <= HEAT_LEVELS; i++) CSS.highlights.delete(heatName(i));
    style.remove();
    tip.remove();
  };
}

/** Waits for the reader to render the speech, then paints. */
export function whenSpeechRendered(root: HTMLElement, then: () => void): void {
  if (root.querySelector('[data-speech] [data-o]')) {
    then();
    return;
  }
  const observer = new MutationObserver(() => {
    if (!root.querySelector('[data-speech] [data-o]')) return;
    observer.disconnect();
    then();
  });
  observer.observe(root, { childList: true, subtree: true });
}
