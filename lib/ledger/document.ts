/**
 * Which document a match quotes. The one place that reads it: a match
 * without a document id quotes the built-in speech.
 */
import { SPEECH_DOCUMENT_ID } from '../library/types';
import type { Match } from '../match/types';

export function documentOf(match: Match): string {
  const id = (match as Match & { documentId?: unknown }).documentId;
  return typeof id === 'string' && id !== '' ? id : SPEECH_DOCUMENT_ID;
}
