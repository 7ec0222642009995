/** The settings' shape, what a bad stored value is reported as, and the store the settings UI works with. */
import type { CitationFormatId } from '../citations/types';
import type { LedgerSettings } from '../ledger/types';

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
  /** Also report stock phrasing in the speech's order (shown quietly); off: distinctive quotes only. */
  stockPhrases: boolean;
  /**
   * Quiet mode: matches are listed in the popup and counted on the badge, but nothing a page can read is
   * left in it (no highlight registry entries, no stylesheets) until the reader shows them on that page.
   */
  quiet: boolean;
  /** The reader has answered the popup's one-time question: highlight on pages, or quiet mode. */
  quietAsked: boolean;
  /** Highlight fills, `#rrggbbaa` (or #rgb/#rgba/#rrggbb). */
  colours: Record<ColourKind, string>;
  citationFormat: CitationFormatId;
  language: UiLanguage;
  /** The quotation ledger: recording on or off, retention, quiet pages. */
  ledger: LedgerSettings;
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

export interface SettingsWithNotice {
  settings: Settings;
  /** Null when the stored value was fine (or absent). */
  notice: SettingsNotice | null;
}

/** The settings store as the UI sees it (extension/settings.ts in the extension, an in-memory one in tests). */
export interface SettingsStore {
  load(): Promise<SettingsWithNotice>;
  /** Rejects (storing nothing) when the patch is invalid. */
  update(patch: Partial<Settings>): Promise<Settings>;
  setSitePaused(hostname: string, paused: boolean): Promise<Settings>;
  /** Every default. */
  reset(): Promise<Settings>;
  /** Store the sanitised form of what is stored (clears the notice). */
  repair(): Promise<Settings>;
  /** Called on every change from any context; returns the unsubscribe function. */
  watch(callback: (state: SettingsWithNotice) => void): () => void;
}
