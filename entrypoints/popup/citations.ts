/**
 * Loads the citation formats in their own chunk, at idle after the first
 * paint (or on the first copy), so the popup paints its list before any
 * formatting code is parsed.
 */
import type { CitationApi } from '../../components/popup/platform';

export async function loadCitationApi(): Promise<CitationApi> {
  const { CITATION_FORMATS, formatCitation, formatCitations } = await import('../../lib/citations');
  return { formats: CITATION_FORMATS, format: formatCitation, formatAll: formatCitations };
}
