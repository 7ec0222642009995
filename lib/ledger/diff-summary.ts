/** A near-verbatim quote's changes in a few words: +inserted −dropped old→new. */
import type { DiffOp } from '../match/types';

const MAX_OPS = 4;
const MAX_CHARS = 12;

function clip(s: string): string {
  const chars = [...s];
  return chars.length <= MAX_CHARS ? s : `${chars.slice(0, MAX_CHARS).join('')}…`;
}

export function diffSummary(diff: readonly DiffOp[] | null): string {
  if (!diff) return '';
  const edits = diff.filter((d) => d.op !== 'equal');
  const parts = edits.slice(0, MAX_OPS).map((d) => {
    if (d.op === 'insert') return `+${clip(d.page)}`;
    if (d.op === 'delete') return `−${clip(d.speech)}`;
    return `${clip(d.speech)}→${clip(d.page)}`;
  });
  if (edits.length > MAX_OPS) parts.push(`(+${edits.length - MAX_OPS})`);
  return parts.join(' ');
}
