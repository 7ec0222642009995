/**
 * Highlight colours and their legibility. A highlight is a translucent fill
 * under the page's own text, so what matters is the contrast between the
 * page's text and the blended fill, on light pages and on dark ones alike.
 */

export interface Rgba {
  r: number;
  g: number;
  b: number;
  /** 0–1 */
  a: number;
}

export interface PageTheme {
  background: Rgba;
  text: Rgba;
}

const opaque = (r: number, g: number, b: number): Rgba => ({ r, g, b, a: 1 });

/** A typical light page (black on white) and a typical dark one (light grey on near-black). */
export const LIGHT_PAGE: PageTheme = { background: opaque(255, 255, 255), text: opaque(17, 17, 17) };
export const DARK_PAGE: PageTheme = { background: opaque(18, 18, 18), text: opaque(230, 230, 230) };

/** WCAG AA for body text. */
export const MIN_TEXT_CONTRAST = 4.5;
/** Below this opacity a fill is too faint to notice on a busy page. */
export const MIN_FILL_ALPHA = 0.15;

const HEX_RE = /^#(?:[0-9a-f]{3,4}|[0-9a-f]{6}|[0-9a-f]{8})$/i;

export function isHexColour(x: unknown): x is string {
  return typeof x === 'string' && HEX_RE.test(x);
}

export function parseHexColour(hex: string): Rgba | null {
  if (!isHexColour(hex)) return null;
  let h = hex.slice(1);
  if (h.length <= 4) h = [...h].map((c) => c + c).join('');
  const n = (i: number) => Number.parseInt(h.slice(i, i + 2), 16);
  return { r: n(0), g: n(2), b: n(4), a: h.length === 8 ? n(6) / 255 : 1 };
}

const hex2 = (n: number) =>
  Math.round(Math.min(255, Math.max(0, n)))
    .toString(16)
    .padStart(2, '0');

/** `#rrggbbaa`, the stored form. */
export function toHexColour(c: Rgba): string {
  return `#${hex2(c.r)}${hex2(c.g)}${hex2(c.b)}${hex2(c.a * 255)}`;
}

/** Splits a stored colour into the `<input type=color>` value and an opacity 0–1. */
export function splitColour(hex: string): { rgb: string; alpha: number } {
  const c = parseHexColour(hex) ?? { r: 0, g: 0, b: 0, a: 1 };
  return { rgb: `#${hex2(c.r)}${hex2(c.g)}${hex2(c.b)}`, alpha: c.a };
}

export function joinColour(rgb: string, alpha: number): string {
  const c = parseHexColour(rgb) ?? { r: 0, g: 0, b: 0, a: 1 };
  return toHexColour({ ...c, a: Math.min(1, Math.max(0, alpha)) });
}

/** `fill` composited over an opaque `background`. */
export function blend(fill: Rgba, background: Rgba): Rgba {
  const mix = (f: number, b: number) => f * fill.a + b * (1 - fill.a);
  return opaque(mix(fill.r, background.r), mix(fill.g, background.g), mix(fill.b, background.b));
}

function channel(v: number): number {
  const s = v / 255;
  return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
}

export function relativeLuminance(c: Rgba): number {
  return 0.2126 * channel(c.r) + 0.7152 * channel(c.g) + 0.0722 * channel(c.b);
}

export function contrastRatio(a: Rgba, b: Rgba): number {
  const [hi, lo] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

export interface Legibility {
  /** Contrast of the page's text over the highlighted background. */
  light: number;
  dark: number;
  /** True when text stays readable on both page themes and the fill is visible. */
  ok: boolean;
  tooFaint: boolean;
}

export function legibility(hex: string): Legibility | null {
  const fill = parseHexColour(hex);
  if (!fill) return null;
  const on = (theme: PageTheme) => contrastRatio(theme.text, blend(fill, theme.background));
  const light = on(LIGHT_PAGE);
  const dark = on(DARK_PAGE);
  const tooFaint = fill.a < MIN_FILL_ALPHA;
  return { light, dark, tooFaint, ok: light >= MIN_TEXT_CONTRAST && dark >= MIN_TEXT_CONTRAST && !tooFaint };
}
