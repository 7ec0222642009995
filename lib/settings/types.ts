import type { CitationFormatId } from '../citations/types';

export type Sensitivity = 'slogans' | 'passages' | 'near-verbatim';
export type UiLanguage = 'auto' | 'zh' | 'en';

/** What the user controls. Stored versioned; see lib/settings for defaults, validation and migrations. */
export interface Settings {
  /** On/off everywhere. */
  enabled: boolean;
  /** Hostnames where Yuanwen is paused. */
  pausedSites: string[];
  sensitivity: Sensitivity;
  /** Shortest passage (in normalised characters) reported on its own. */
  minPassageLength: number;
  /** Match traditional-script pages. */
  traditional: boolean;
  colours: { slogan: string; passage: string; nearVerbatim: string };
  citationFormat: CitationFormatId;
  language: UiLanguage;
}
