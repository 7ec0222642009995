import type { CitationFormatId } from '../citations/types';

export type Sensitivity = 'slogans' | 'passages' | 'near-verbatim';
export type UiLanguage = 'auto' | 'zh' | 'en';
export type ColourKind = 'slogan' | 'passage' | 'nearVerbatim';

/** What the user controls. Stored versioned; see lib/settings for defaults, validation and migrations. */
export interface Settings {
  /** On/off everywhere. */
  enabled: boolean;
  /** Hostnames where Yuanwen is paused (lower case, no port). */
  pausedSites: string[];
  sensitivity: Sensitivity;
  /** Shortest passage (in normalised characters) reported on its own. */
  minPassageLength: number;
  /** Match traditional-script pages. */
  traditional: boolean;
  /** Highlight fills, `#rrggbbaa` (or #rgb/#rgba/#rrggbb). */
  colours: Record<ColourKind, string>;
  citationFormat: CitationFormatId;
  language: UiLanguage;
}

export type SettingsField = keyof Settings;

/**
 * Why stored settings could not be used as they were. Reading never fails:
 * each bad field falls back to its default, and the UI shows this notice.
 */
export interface SettingsNotice {
  /** The whole stored value was unusable (not an object, unparsable JSON…). */
  unreadable: boolean;
  /** Fields whose stored value was invalid and was replaced by the default. */
  resetFields: SettingsField[];
  /** Stored keys Yuanwen does not know (ignored). */
  unknownKeys: string[];
}
