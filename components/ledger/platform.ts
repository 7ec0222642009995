/** What the ledger page needs from the extension (the browser's in main.tsx, a fake in tests). */
import type { LedgerEntry, LedgerSettings } from '../../lib/ledger/types';

export interface LedgerNoticeView {
  kind: 'storage-full';
  at: number;
  pruned: number;
}

export interface LedgerPlatform {
  /** Every entry, most recently seen first. */
  load(): Promise<LedgerEntry[]>;
  /** How many entries there are (known before they are read). */
  count(): Promise<number>;
  /** The `count` most recently seen entries, newest first (shown while the whole ledger loads). */
  loadNewest(count: number): Promise<LedgerEntry[]>;
  annotate(url: string, change: { note?: string; starred?: boolean }): Promise<LedgerEntry | null>;
  forgetSite(site: string): Promise<number>;
  clear(): Promise<void>;
  importEntries(entries: LedgerEntry[]): Promise<{ added: number; updated: number }>;
  notice(): Promise<LedgerNoticeView | null>;
  dismissNotice(): Promise<void>;
  settings(): Promise<LedgerSettings>;
  updateSettings(patch: Partial<LedgerSettings>): Promise<LedgerSettings>;
  /** Saves a file for the reader. */
  download(fileName: string, text: string, mime: string): void;
  /** The extension page URL of a path ('/reader.html#…'). */
  pageUrl(path: string): string;
  confirm(message: string): boolean;
  /** The document's name, for the filters and rows. */
  documentTitle(documentId: string): string;
}
