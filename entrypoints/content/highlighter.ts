/**
 * Paints matches with the CSS Custom Highlight API: Ranges registered in
 * CSS.highlights and styled by ::highlight() rules. Nothing is added to the
 * page's DOM.
 *
 * The rules in the default colours come with the manifest (highlights.css),
 * injected before the page is parsed. Adding a stylesheet to a page that is
 * already laid out restyles the whole page, so the document gets an adopted
 * sheet only when the user chose other colours (the content script adopts it
 * at document_start, while the page is still empty). Only the open shadow
 * roots that hold a match get the sheet too (::highlight() rules apply per
 * tree scope; restyling one shadow tree is cheap): a root without one gets
 * nothing a page could read. A page that drops our sheet or our
 * registry entries gets them back on the next update.
 */
import { DEFAULT_SETTINGS } from '../../lib/settings/defaults';
import type { Settings } from '../../lib/settings/types';

export type HighlightKind = 'slogan' | 'passage' | 'near';

export const HIGHLIGHT_NAMES = {
  slogan: 'yuanwen-slogan',
  passage: 'yuanwen-passage',
  near: 'yuanwen-near',
  flash: 'yuanwen-flash',
} as const;

// Slogans sit inside passages: they paint on top. The flash paints over everything.
const PRIORITY = { passage: 1, near: 2, slogan: 3, flash: 10 } as const;

const COLOUR = /^#(?:[0-9a-f]{3,4}|[0-9a-f]{6}|[0-9a-f]{8})$/i;
const FALLBACK = { slogan: '#f5b70066', passage: '#3b9cff55', nearVerbatim: '#ff7a4566' };

/** The colour if it is a plain hex colour (a stored value is never pasted into CSS unchecked). */
function safeColour(value: unknown, fallback: string): string {
  return typeof value === 'string' && COLOUR.test(value) ? value : fallback;
}

/** The colour without its alpha, for underlines that must stay legible. */
function opaque(hex: string): string {
  if (hex.length === 5) return hex.slice(0, 4);
  if (hex.length === 9) return hex.slice(0, 7);
  return hex;
}

/**
 * Distinct by more than hue: slogans get a dotted underline, passages a solid
 * one, near-verbatim quotes a wavy one, so the kinds read apart for colour-blind
 * readers and on pages whose own colours are close to ours.
 */
export function highlightCss(colours: Settings['colours']): string {
  const slogan = safeColour(colours?.slogan, FALLBACK.slogan);
  const passage = safeColour(colours?.passage, FALLBACK.passage);
  const near = safeColour(colours?.nearVerbatim, FALLBACK.nearVerbatim);
  return [
    `::highlight(${HIGHLIGHT_NAMES.slogan}){background-color:${slogan};text-decoration:underline dotted 2px ${opaque(slogan)};}`,
    `::highlight(${HIGHLIGHT_NAMES.passage}){background-color:${passage};text-decoration:underline solid 2px ${opaque(passage)};}`,
    `::highlight(${HIGHLIGHT_NAMES.near}){background-color:${near};text-decoration:underline wavy 1px ${opaque(near)};}`,
    `::highlight(${HIGHLIGHT_NAMES.flash}){background-color:#ffd400;color:#000;}`,
  ].join('\n');
}

/** Whether these colours paint as the defaults (what the manifest's sheet already styles). */
function isDefault(colours: Settings['colours']): boolean {
  const d = DEFAULT_SETTINGS.colours;
  return (
    safeColour(colours?.slogan, FALLBACK.slogan) === d.slogan &&
    safeColour(colours?.passage, FALLBACK.passage) === d.passage &&
    safeColour(colours?.nearVerbatim, FALLBACK.nearVerbatim) === d.nearVerbatim
  );
}

type HighlightCtor = new (...ranges: AbstractRange[]) => Highlight;
type SheetHolder = { adoptedStyleSheets: CSSStyleSheet[] };

/**
 * Whether two references name one node. In Firefox a content script may hold two different wrappers of one
 * shadow root (reached through a range and through its host), so identity alone can say no.
 */
function sameNode(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  try {
    return (a as Node).isSameNode(b as Node);
  } catch {
    return false;
  }
}

export function highlightsSupported(): boolean {
  return typeof CSS !== 'undefined' && 'highlights' in CSS && typeof globalThis.Highlight === 'function';
}

export class Highlighter {
  private readonly highlights = new Map<HighlightKind | 'flash', Highlight>();
  /**
   * Built on first need (user colours, or a shadow root holding a match): most pages never need one, and the
   * first stylesheet parsed in a fresh isolated world costs part of the page's start (docs/performance.md).
   * Null: the browser refused it.
   */
  private sheet: CSSStyleSheet | null | undefined;
  private colours: Settings['colours'];
  private readonly scopes = new Set<SheetHolder>();
  /**
   * The tree root (document or shadow root) of each range added, kept here rather than read back from the
   * highlights: Firefox does not let a content script iterate a Highlight.
   */
  private readonly rangeRoots = new Map<Range, unknown>();
  private flashTimers: ReturnType<typeof setTimeout>[] = [];
  private visible = true;
  private readonly doc: SheetHolder;
  /** The document needs our sheet only for colours other than the manifest's defaults. */
  private docNeedsSheet: boolean;

  constructor(doc: Document, colours: Settings['colours']) {
    this.colours = colours;
    this.doc = doc as unknown as SheetHolder;
    this.docNeedsSheet = !isDefault(colours);
  }

  /** Adopts the document's sheet now, if it needs one: call while the page is still being parsed. */
  prepare(): void {
    if (this.docNeedsSheet && this.visible) this.adoptSheet(this.doc);
  }

  setColours(colours: Settings['colours']): void {
    this.colours = colours;
    try {
      this.sheet?.replaceSync(highlightCss(colours));
    } catch {
      // keep the previous rules
    }
    const needs = !isDefault(colours);
    if (needs === this.docNeedsSheet) return;
    this.docNeedsSheet = needs;
    if (needs && this.visible && this.totalSize() > 0) this.adoptSheet(this.doc);
    if (!needs) this.dropSheet(this.doc);
  }

  /** Styles highlights inside this shadow root too (its own tree scope), once it holds one. */
  addScope(root: ShadowRoot): void {
    if (this.scopes.has(root as unknown as SheetHolder)) return;
    this.scopes.add(root as unknown as SheetHolder);
    if (this.visible && this.totalSize() > 0) this.sync();
  }

  /** Adds ranges; they paint after commit(). */
  add(kind: HighlightKind, ranges: readonly Range[]): void {
    const hl = this.highlight(kind);
    for (const r of ranges) {
      hl.add(r);
      try {
        this.rangeRoots.set(r, r.startContainer.getRootNode());
      } catch {
        // a page that broke getRootNode: that range's root is left out
      }
    }
  }

  /** Registers what was added (once per batch: it checks the registry and every scope's sheets). */
  commit(): void {
    this.sync();
  }

  delete(kind: HighlightKind, ranges: readonly Range[]): void {
    const hl = this.highlights.get(kind);
    if (!hl) return;
    for (const r of ranges) {
      hl.delete(r);
      this.rangeRoots.delete(r);
    }
  }

  /** Removes every Yuanwen highlight and stylesheet from the page. */
  clear(): void {
    this.stopFlash();
    for (const hl of this.highlights.values()) hl.clear();
    this.rangeRoots.clear();
    this.unregister();
  }

  /** Shows or hides highlights without forgetting them (keyboard toggle). */
  setVisible(visible: boolean): void {
    this.visible = visible;
    if (visible) this.sync();
    else this.unregister();
  }

  isVisible(): boolean {
    return this.visible;
  }

  /** Names → the number of ranges registered, for tests and timings. */
  size(kind: HighlightKind): number {
    return this.highlights.get(kind)?.size ?? 0;
  }

  /** Blinks the ranges a few times, painted over everything else. */
  flash(ranges: readonly Range[], blinks = 3, periodMs = 260): void {
    this.stopFlash();
    const hl = this.highlight('flash');
    const on = () => {
      for (const r of ranges) hl.add(r);
      this.sync();
    };
    const off = () => hl.clear();
    // On, off, on … on: `blinks` times lit, the last one a moment longer, then gone.
    on();
    for (let i = 1; i < blinks * 2 - 1; i++) {
      this.flashTimers.push(setTimeout(i % 2 === 1 ? off : on, i * periodMs));
    }
    this.flashTimers.push(setTimeout(off, (blinks * 2 - 1) * periodMs + 600));
  }

  private stopFlash(): void {
    for (const t of this.flashTimers) clearTimeout(t);
    this.flashTimers = [];
    this.highlights.get('flash')?.clear();
  }

  private highlight(kind: HighlightKind | 'flash'): Highlight {
    let hl = this.highlights.get(kind);
    if (!hl) {
      hl = new (globalThis.Highlight as HighlightCtor)();
      hl.priority = PRIORITY[kind];
      this.highlights.set(kind, hl);
    }
    return hl;
  }

  private totalSize(): number {
    let n = 0;
    for (const hl of this.highlights.values()) n += hl.size;
    return n;
  }

  /** Puts our highlights in the registry and our sheet in every scope, if missing (a page may have removed them). */
  private sync(): void {
    if (!this.visible) return;
    for (const [kind, hl] of this.highlights) {
      const name = HIGHLIGHT_NAMES[kind];
      if (CSS.highlights.get(name) !== hl) CSS.highlights.set(name, hl);
    }
    if (this.docNeedsSheet) this.adoptSheet(this.doc);
    if (this.scopes.size === 0) return;
    const holding = [...this.rootsHoldingRanges()];
    for (const scope of this.scopes) {
      if (holding.some((root) => sameNode(root, scope))) this.adoptSheet(scope);
      else this.dropSheet(scope);
    }
  }

  /** The tree roots (document or shadow roots) our ranges lie in. */
  private rootsHoldingRanges(): Set<unknown> {
    return new Set(this.rangeRoots.values());
  }

  private sheetNow(): CSSStyleSheet | null {
    if (this.sheet === undefined) {
      try {
        const sheet = new CSSStyleSheet();
        sheet.replaceSync(highlightCss(this.colours));
        this.sheet = sheet;
      } catch {
        this.sheet = null;
      }
    }
    return this.sheet;
  }

  private adoptSheet(scope: SheetHolder): void {
    const sheet = this.sheetNow();
    if (!sheet) return;
    try {
      const sheets = scope.adoptedStyleSheets;
      if (!sheets.includes(sheet)) scope.adoptedStyleSheets = [...sheets, sheet];
    } catch {
      // A scope that refuses adopted sheets keeps the browser's default ::highlight look.
    }
  }

  private unregister(): void {
    for (const [kind, hl] of this.highlights) {
      const name = HIGHLIGHT_NAMES[kind];
      if (CSS.highlights.get(name) === hl) CSS.highlights.delete(name);
    }
    this.dropSheet(this.doc);
    for (const scope of this.scopes) this.dropSheet(scope);
  }

  private dropSheet(scope: SheetHolder): void {
    const sheet = this.sheet;
    if (!sheet) return;
    try {
      const sheets = scope.adoptedStyleSheets;
      if (sheets.includes(sheet)) scope.adoptedStyleSheets = sheets.filter((s) => s !== sheet);
    } catch {
      // nothing to undo
    }
  }
}
