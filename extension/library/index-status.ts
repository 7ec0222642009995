/** Validation of the background's index status as a page receives it (a reply is data, not trusted as typed). */
import type { IndexStatus } from './index-service';

const PHASES = ['loading', 'building', 'ready', 'failed'];
const SOURCES = ['built', 'persisted', 'none'];
const count = (x: unknown) => Number.isSafeInteger(x) && (x as number) >= 0;

export function isIndexStatus(x: unknown): x is IndexStatus {
  const s = x as IndexStatus;
  return (
    typeof s === 'object' &&
    s !== null &&
    PHASES.includes(s.phase) &&
    SOURCES.includes(s.source) &&
    count(s.done) &&
    count(s.total) &&
    count(s.documents) &&
    (s.error === undefined || typeof s.error === 'string') &&
    (s.buildMs === undefined || (typeof s.buildMs === 'number' && s.buildMs >= 0))
  );
}
