/**
 * Stored settings are data from the past (an older version, another device's
 * sync, a hand edit in devtools): never trusted as typed. `sanitiseSettings`
 * takes anything and returns usable settings field by field, plus a notice of
 * what it had to reset. `validateSettingsPatch` guards writes: a bad patch is
 * rejected with a clear error and nothing is stored.
 */
import type { CitationFormatId } from '../citations/types';
import { sanitiseLedgerSettings } from '../ledger/rules';
import { isHexColour } from './colour';
import { DEFAULT_SETTINGS } from './defaults';
import { normaliseHostname } from './hostname';
import type { ColourKind, Sensitivity, Settings, SettingsField, SettingsNotice, UiLanguage } from './types';

// Records keyed by the union types: adding a member without listing it here fails to compile.
const CITATION_FORMATS: Record<CitationFormatId, true> = {
  gbt7714: true,
  'gbt7714-web': true,
  'gbt7714-2015': true,
  'gbt7714-2015-web': true,
  apa: true,
  mla: true,
  chicago: true,
  'zh-note': true,
  bibtex: true,
  ris: true,
  'csl-json': true,
  markdown: true,
  plain: true,
};
const SENSITIVITIES: Record<Sensitivity, true> = { slogans: true, passages: true, 'near-verbatim': true };
const LANGUAGES: Record<UiLanguage, true> = { auto: true, zh: true, en: true };
export const COLOUR_KINDS: readonly ColourKind[] = ['slogan', 'passage', 'nearVerbatim'];

export const CITATION_FORMAT_IDS = Object.keys(CITATION_FORMATS) as CitationFormatId[];
export const SENSITIVITY_LEVELS = Object.keys(SENSITIVITIES) as Sensitivity[];

export const MIN_PASSAGE_LENGTH = { min: 4, max: 40 } as const;
export const MAX_PAUSED_SITES = 1000;

const FIELDS = Object.keys(DEFAULT_SETTINGS) as SettingsField[];

export class SettingsError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
    this.name = 'SettingsError';
  }
}

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

const has = <K extends string>(table: Record<K, true>, x: unknown): x is K =>
  typeof x === 'string' && Object.hasOwn(table, x);

/** Parses one field; undefined when the value is not acceptable. */
type FieldParser<F extends SettingsField> = (x: unknown) => Settings[F] | undefined;

const PARSERS: { [F in SettingsField]: FieldParser<F> } = {
  enabled: (x) => (typeof x === 'boolean' ? x : undefined),
  traditional: (x) => (typeof x === 'boolean' ? x : undefined),
  stockPhrases: (x) => (typeof x === 'boolean' ? x : undefined),
  quiet: (x) => (typeof x === 'boolean' ? x : undefined),
  quietAsked: (x) => (typeof x === 'boolean' ? x : undefined),
  sensitivity: (x) => (has(SENSITIVITIES, x) ? x : undefined),
  language: (x) => (has(LANGUAGES, x) ? x : undefined),
  citationFormat: (x) => (has(CITATION_FORMATS, x) ? x : undefined),
  minPassageLength: (x) =>
    Number.isInteger(x) && (x as number) >= MIN_PASSAGE_LENGTH.min && (x as number) <= MIN_PASSAGE_LENGTH.max
      ? (x as number)
      : undefined,
  pausedSites: (x) => {
    if (!Array.isArray(x) || x.length > MAX_PAUSED_SITES) return undefined;
    const hosts: string[] = [];
    for (const item of x) {
      const host = typeof item === 'string' ? normaliseHostname(item) : null;
      if (host === null) return undefined;
      if (!hosts.includes(host)) hosts.push(host);
    }
    return hosts;
  },
  // All three fields, each valid (a stored or patched ledger object is written whole).
  ledger: (x) => {
    if (!isObject(x)) return undefined;
    const ledger = sanitiseLedgerSettings(x);
    return ledger.enabled === x.enabled &&
      ledger.retentionDays === x.retentionDays &&
      ledger.recordQuietPages === x.recordQuietPages
      ? ledger
      : undefined;
  },
  colours: (x) => {
    if (!isObject(x)) return undefined;
    const out = {} as Settings['colours'];
    for (const kind of COLOUR_KINDS) {
      const c = x[kind];
      if (!isHexColour(c)) return undefined;
      out[kind] = c.toLowerCase();
    }
    return out;
  },
};

function parseField<F extends SettingsField>(field: F, x: unknown): Settings[F] | undefined {
  return (PARSERS[field] as FieldParser<F>)(x);
}

export function cloneDefaults(): Settings {
  return structuredClone(DEFAULT_SETTINGS);
}

/** A notice is worth showing when anything was reset or ignored. */
export function hasProblems(notice: SettingsNotice): boolean {
  return notice.unreadable || notice.resetFields.length > 0 || notice.unknownKeys.length > 0;
}

/**
 * Usable settings from any stored value. Absent fields take their default
 * silently (a fresh install stores nothing); present but invalid ones take
 * their default and are listed in the notice. Never throws.
 */
export function sanitiseSettings(raw: unknown): { settings: Settings; notice: SettingsNotice } {
  const settings = cloneDefaults();
  const notice: SettingsNotice = { unreadable: false, resetFields: [], unknownKeys: [] };
  if (raw === null || raw === undefined) return { settings, notice };
  let value: unknown = raw;
  if (typeof value === 'string') {
    // A JSON string where the object belongs (written by hand or by a buggy sync): use it if it parses.
    try {
      value = JSON.parse(value);
    } catch {
      value = undefined;
    }
  }
  if (!isObject(value)) {
    notice.unreadable = true;
    return { settings, notice };
  }
  for (const [key, x] of Object.entries(value)) {
    if (!(FIELDS as string[]).includes(key)) {
      notice.unknownKeys.push(key);
      continue;
    }
    const field = key as SettingsField;
    if (x === undefined) continue;
    const parsed = parseField(field, x);
    if (parsed === undefined) notice.resetFields.push(field);
    else (settings as unknown as Record<string, unknown>)[field] = parsed;
  }
  return { settings, notice };
}

/** Checks a patch before it is written; throws SettingsError naming the first bad field. */
export function validateSettingsPatch(patch: unknown): Partial<Settings> {
  if (!isObject(patch)) throw new SettingsError('', 'Settings patch must be an object');
  const out: Record<string, unknown> = {};
  for (const [key, x] of Object.entries(patch)) {
    if (!(FIELDS as string[]).includes(key)) throw new SettingsError(key, `Unknown setting "${key}"`);
    if (x === undefined) continue;
    const parsed = parseField(key as SettingsField, x);
    if (parsed === undefined) throw new SettingsError(key, `Invalid value for setting "${key}": ${JSON.stringify(x)}`);
    out[key] = parsed;
  }
  return out as Partial<Settings>;
}
