import { describe, expect, it } from 'vitest';
import { STOCK_BELOW } from '../../lib/match/types';
import {
  cloneDefaults,
  DEFAULT_SETTINGS,
  joinColour,
  legibility,
  MIN_TEXT_CONTRAST,
  migrateV1toV2,
  normaliseHostname,
  parseHexColour,
  SettingsError,
  sanitiseSettings,
  scanOptionsFor,
  splitColour,
  validateSettingsPatch,
} from '../../lib/settings';
import { displayHostname } from '../../lib/settings/hostname';

describe('cloneDefaults', () => {
  it('gives the defaults as a copy that shares no array or object with them', () => {
    const copy = cloneDefaults();
    expect(copy).toEqual(DEFAULT_SETTINGS);
    for (const [field, value] of Object.entries(DEFAULT_SETTINGS)) {
      if (typeof value === 'object' && value !== null) expect(copy[field as keyof typeof copy], field).not.toBe(value);
    }
    copy.pausedSites.push('example.com');
    copy.colours.slogan = '#000000';
    expect(DEFAULT_SETTINGS.pausedSites).toEqual([]);
    expect(DEFAULT_SETTINGS.colours.slogan).toBe('#f5b70066');
  });
});

describe('sanitiseSettings', () => {
  it('returns the defaults for nothing stored, without a notice', () => {
    const { settings, notice } = sanitiseSettings(null);
    expect(settings).toEqual(DEFAULT_SETTINGS);
    expect(notice).toEqual({ unreadable: false, resetFields: [], unknownKeys: [] });
    expect(settings).not.toBe(DEFAULT_SETTINGS); // a copy: callers may mutate it
    expect(settings.colours).not.toBe(DEFAULT_SETTINGS.colours);
  });

  it('keeps every valid field as stored', () => {
    const stored = {
      enabled: false,
      pausedSites: ['example.com', 'news.cn'],
      sensitivity: 'slogans',
      minPassageLength: 12,
      traditional: false,
      stockPhrases: false,
      quiet: true,
      quietAsked: true,
      colours: { slogan: '#112233', passage: '#44556677', nearVerbatim: '#abc' },
      citationFormat: 'apa',
      language: 'en',
      ledger: { enabled: false, retentionDays: 30, recordQuietPages: true },
    };
    const { settings, notice } = sanitiseSettings(stored);
    expect(settings).toEqual(stored);
    expect(notice.resetFields).toEqual([]);
  });

  it('resets wrong-typed fields one by one and names them', () => {
    const { settings, notice } = sanitiseSettings({
      enabled: 'yes',
      pausedSites: 'example.com',
      sensitivity: 'loud',
      minPassageLength: 2.5,
      traditional: false,
      colours: { slogan: 'red', passage: '#000', nearVerbatim: '#000' },
      citationFormat: 'harvard',
      language: 'fr',
    });
    expect(settings).toEqual({ ...DEFAULT_SETTINGS, traditional: false });
    expect(notice.resetFields.sort()).toEqual(
      ['citationFormat', 'colours', 'enabled', 'language', 'minPassageLength', 'pausedSites', 'sensitivity'].sort(),
    );
    expect(notice.unreadable).toBe(false);
  });

  it('ignores and reports unknown keys, including prototype tricks', () => {
    const raw = JSON.parse('{"enabled": false, "theme": "dark", "__proto__": {"enabled": true}}');
    const { settings, notice } = sanitiseSettings(raw);
    expect(settings.enabled).toBe(false);
    expect(notice.unknownKeys.sort()).toEqual(['__proto__', 'theme']);
    expect(({} as Record<string, unknown>).enabled).toBeUndefined();
  });

  it('treats garbage as unreadable: defaults and a notice', () => {
    for (const raw of ['{"enabled": tru', 42, true, ['enabled'], 'settings']) {
      const { settings, notice } = sanitiseSettings(raw);
      expect(settings).toEqual(DEFAULT_SETTINGS);
      expect(notice.unreadable).toBe(true);
    }
  });

  it('reads a JSON string where the object belongs', () => {
    const { settings, notice } = sanitiseSettings(JSON.stringify({ enabled: false, language: 'zh' }));
    expect(settings.enabled).toBe(false);
    expect(settings.language).toBe('zh');
    expect(notice.unreadable).toBe(false);
  });

  it('rejects out-of-range passage lengths and bad hostnames', () => {
    expect(sanitiseSettings({ minPassageLength: 3 }).notice.resetFields).toEqual(['minPassageLength']);
    expect(sanitiseSettings({ minPassageLength: 41 }).notice.resetFields).toEqual(['minPassageLength']);
    expect(sanitiseSettings({ minPassageLength: 40 }).settings.minPassageLength).toBe(40);
    expect(sanitiseSettings({ pausedSites: ['ok.com', 'not a host'] }).notice.resetFields).toEqual(['pausedSites']);
    expect(sanitiseSettings({ pausedSites: ['A.com', 'a.com', 'https://b.org/x'] }).settings.pausedSites).toEqual([
      'a.com',
      'b.org',
    ]);
  });
});

describe('validateSettingsPatch', () => {
  it('accepts a valid patch and normalises it', () => {
    expect(validateSettingsPatch({ pausedSites: ['WWW.Example.com:8080'], enabled: false })).toEqual({
      pausedSites: ['www.example.com'],
      enabled: false,
    });
  });

  it('throws a SettingsError naming the field', () => {
    expect(() => validateSettingsPatch({ sensitivity: 'all' })).toThrow(SettingsError);
    expect(() => validateSettingsPatch({ sensitivity: 'all' })).toThrow(/sensitivity/);
    expect(() => validateSettingsPatch({ colour: {} })).toThrow(/Unknown setting "colour"/);
    expect(() => validateSettingsPatch('x')).toThrow(SettingsError);
  });
});

describe('migrateV1toV2', () => {
  it('turns the v1 paused map and colors key into the v2 shape', () => {
    expect(
      migrateV1toV2({
        enabled: true,
        paused: { 'Example.com': true, 'news.cn': false, 'http://foo.org:8080/a': true },
        colors: { slogan: '#111', passage: '#222', nearVerbatim: '#333' },
        sensitivity: 1,
      }),
    ).toEqual({
      enabled: true,
      pausedSites: ['example.com', 'foo.org'],
      colours: { slogan: '#111', passage: '#222', nearVerbatim: '#333' },
      sensitivity: 'passages',
    });
  });

  it('accepts a v1 paused list and leaves the first store’s v2-shaped fields alone', () => {
    expect(migrateV1toV2({ paused: ['a.com', 'A.com'] })).toEqual({ pausedSites: ['a.com'] });
    const firstStore = { ...DEFAULT_SETTINGS, pausedSites: ['x.org'] };
    expect(migrateV1toV2(firstStore)).toEqual(firstStore);
  });

  it('prefers v2 keys when both are present and never throws on garbage', () => {
    expect(migrateV1toV2({ paused: ['a.com'], pausedSites: ['b.com'] })).toEqual({ pausedSites: ['b.com'] });
    for (const raw of [null, 'x', 3, [], { paused: 5 }, { paused: [1, 2] }, { sensitivity: 9 }]) {
      expect(() => migrateV1toV2(raw)).not.toThrow();
    }
    // Unconvertible values pass through to the validator, which resets them visibly.
    expect(sanitiseSettings(migrateV1toV2({ paused: [1, 2] })).notice.resetFields).toEqual(['pausedSites']);
  });
});

describe('normaliseHostname', () => {
  it('reduces hostnames and URLs to lower-case hostnames', () => {
    expect(normaliseHostname(' News.CN ')).toBe('news.cn');
    expect(normaliseHostname('https://www.gov.cn/a/b?c#d')).toBe('www.gov.cn');
    expect(normaliseHostname('127.0.0.1:8080')).toBe('127.0.0.1');
    expect(normaliseHostname('example.com/path')).toBe('example.com');
    expect(normaliseHostname('例子.中国')).toBe('xn--fsqu00a.xn--fiqs8s');
    expect(normaliseHostname('localhost.')).toBe('localhost');
  });
  it('shows an internationalised name in its own script, stored in the ASCII form the browser reports', () => {
    const stored = normaliseHostname('例子.中国');
    expect(displayHostname(stored as string)).toBe('例子.中国');
    expect(displayHostname('news.cn')).toBe('news.cn');
    expect(displayHostname('xn--')).toBe('xn--');
  });
  it('rejects what is not a hostname', () => {
    for (const bad of ['', '   ', 'a b.com', 'http://', '-bad.com', 'x'.repeat(300)]) {
      expect(normaliseHostname(bad)).toBeNull();
    }
  });
});

describe('colours', () => {
  it('defaults keep page text readable on light and dark pages (WCAG AA)', () => {
    for (const hex of Object.values(DEFAULT_SETTINGS.colours)) {
      const l = legibility(hex);
      expect(l?.ok, hex).toBe(true);
      expect(l?.light).toBeGreaterThanOrEqual(MIN_TEXT_CONTRAST);
      expect(l?.dark).toBeGreaterThanOrEqual(MIN_TEXT_CONTRAST);
    }
  });

  it('flags an opaque dark fill as unreadable on light pages, and a faint one', () => {
    const navy = legibility('#000080ff');
    expect(navy?.ok).toBe(false);
    expect(navy?.light).toBeLessThan(MIN_TEXT_CONTRAST);
    expect(legibility('#ffff0010')?.tooFaint).toBe(true);
  });

  it('splits and joins colour and opacity', () => {
    expect(splitColour('#f5b70066')).toEqual({ rgb: '#f5b700', alpha: 0x66 / 255 });
    expect(joinColour('#f5b700', 0x66 / 255)).toBe('#f5b70066');
    expect(parseHexColour('#abc')).toEqual({ r: 0xaa, g: 0xbb, b: 0xcc, a: 1 });
    expect(parseHexColour('blue')).toBeNull();
  });
});

describe('scanOptionsFor', () => {
  it('maps sensitivity to matcher options', () => {
    const base = { ...DEFAULT_SETTINGS, minPassageLength: 10, traditional: false };
    expect(scanOptionsFor({ ...base, sensitivity: 'slogans' })).toEqual({
      slogans: true,
      passages: false,
      nearVerbatim: false,
      minPassageLength: 10,
      traditional: false,
      minDistinctiveness: 0,
    });
    expect(scanOptionsFor({ ...base, stockPhrases: false })).toMatchObject({ minDistinctiveness: STOCK_BELOW });
    expect(scanOptionsFor({ ...base, sensitivity: 'passages' })).toMatchObject({ passages: true, nearVerbatim: false });
    expect(scanOptionsFor({ ...base, sensitivity: 'near-verbatim' })).toMatchObject({
      passages: true,
      nearVerbatim: true,
    });
  });
});
