/**
 * Paints the claim highlights over ranges of a page, and takes them off again without leaving a
 * trace. (Notes are not painted here: they are private, drawn by `note-shade.ts`.)
 *
 * Two mechanisms, chosen once per painter:
 *
 * - The CSS Custom Highlight API (`highlight-registry.ts`), whenever the browser has it. The
 *   page's DOM is not touched at all: ranges are registered under hard-to-guess names and styled
 *   by a constructed style sheet. Nothing can shift the layout, and the site's scripts and
 *   selectors never see an extra node.
 * - A fallback that wraps each highlighted piece of text in an inline element
 *   (`fallback-wrapper.ts`), restoring the DOM exactly when cleared.
 *
 * Hit testing (`hit-test.ts`) matches points against the ranges' geometry, the same in both.
 */

import { createFallbackBackend } from './fallback-wrapper';
import type { RequestFrame } from './frames';
import { createHighlightRegistryBackend } from './highlight-registry';
import { hitTest } from './hit-test';
import { type OwnNodeRegistry, sharedOwnNodes } from './own-nodes';
import type { PaintBackend, PaintEntry, PaintMode } from './paint-entry';
import { resolveStyle } from './styles';
import { createViewportGate } from './viewport-gate';

export type { PaintMode } from './paint-entry';

/** One highlight to paint: the caller's id, the text it covers and its style token. */
export interface PaintItem {
  id: string;
  range: Range;
  /** 'supported' | 'partly-supported' | 'misleading' | 'contradicted' | 'unsupported' | 'opinion'. */
  style: string;
}

/** Options for `createPainter`. */
export interface PainterOptions {
  /** Wrap text in elements even where the Custom Highlight API exists (for tests). */
  forceFallback?: boolean;
  /** The registry shared with the markers; defaults to the realm-wide `sharedOwnNodes`. */
  ownNodes?: OwnNodeRegistry;
  /** The page's scheme, if already read (reading it forces a style pass). */
  scheme?: 'light' | 'dark';
  /** How animation frames are asked for; the window's own by default. */
  requestFrame?: RequestFrame;
}

/** Paints and removes the claim highlights of one document. */
export interface Painter {
  /** The mechanism in use, for diagnostics and tests. */
  readonly mode: PaintMode;
  /** The registry of nodes this painter (and markers sharing it) added to the page. */
  readonly ownNodes: OwnNodeRegistry;
  /**
   * Replaces the highlights. The painter holds the given ranges (it does not copy them); in
   * fallback mode it keeps them, and every range tracked in `ownNodes`, on the same characters
   * while it splits and wraps text. Other ranges into painted text may be moved by those changes.
   */
  paint(items: readonly PaintItem[]): void;
  /** Removes the highlights; their ranges are left on the page's original text nodes. */
  clear(): void;
  /** Emphasises the highlight with this id (or none), e.g. while its popover is open. */
  setActive(id: string | null): void;
  /** Ids of the highlights under a viewport point, smallest first. */
  hitTest(x: number, y: number): string[];
  /** The range of the highlight with this id, if painted. */
  rangeOf(id: string): Range | null;
  /** True for nodes Counterpoint added (wrappers, marker hosts), never for the page's own. */
  isOwnNode(node: Node): boolean;
  /** True for the fallback's wrappers, which hold the page's text (anchoring reads it). */
  isWrapper(node: Node): boolean;
  /**
   * While on, only the highlights near the viewport are registered (Custom Highlight API only):
   * for a page that keeps changing, where the browser repaints every registered highlight on
   * every change. Scrolling brings the others in. Hit testing and `rangeOf` still know them all.
   */
  setViewportOnly(on: boolean): void;
  /** Removes everything the painter added: highlights, style sheet, wrappers and splits. */
  destroy(): void;
}

/** Makes the wrapping fallback's backend (`createFallbackBackend`). */
export type FallbackFactory = (doc: Document, ownNodes: OwnNodeRegistry) => PaintBackend;

/**
 * Thrown by a painter made without the fallback (`createPainterWith(null, …)`) where it would
 * need it: the caller loads the fallback and makes a new painter.
 */
export class FallbackNeeded extends Error {
  override name = 'FallbackNeeded';
  constructor() {
    // Passed to Error, so the stack's first line names it too.
    super('The wrapping fallback is needed here.');
  }
}

/** Creates a painter for `doc`, using the Custom Highlight API where available. */
export function createPainter(doc: Document, options: PainterOptions = {}): Painter {
  return createPainterWith(createFallbackBackend, doc, options);
}

/**
 * `createPainter` with the fallback passed in, or none (null): then making the painter, or a
 * paint the browser refuses, throws `FallbackNeeded` where it would wrap text. The content
 * script loads the fallback only on the pages that need it.
 */
export function createPainterWith(
  fallback: FallbackFactory | null,
  doc: Document,
  options: PainterOptions = {},
): Painter {
  const ownNodes = options.ownNodes ?? sharedOwnNodes;
  let entries: PaintEntry[] = [];
  let activeId: string | null = null;
  let destroyed = false;

  const makeFallback = (): PaintBackend => {
    if (!fallback) throw new FallbackNeeded();
    return fallback(doc, ownNodes);
  };
  const custom = options.forceFallback ? null : createHighlightRegistryBackend(doc, options.scheme);
  let backend: PaintBackend = custom ?? makeFallback();

  // Wrapping changes the DOM: the fallback paints everything, always.
  const shown = (): readonly PaintEntry[] =>
    backend.mode === 'custom-highlight' ? gate.pass(entries, activeId) : entries;
  const gate = createViewportGate(
    doc,
    () => {
      if (!destroyed && backend.mode === 'custom-highlight') backend.render(shown(), [], activeId);
    },
    options.requestFrame,
  );

  function render(previous: readonly PaintEntry[]): void {
    try {
      backend.render(shown(), previous, activeId);
    } catch (error) {
      // Some content-script sandboxes refuse parts of the Custom Highlight API at call time
      // rather than hiding it; wrapping still works there.
      if (backend.mode !== 'custom-highlight') throw error;
      backend.destroy(previous);
      if (!fallback) {
        // Nothing of ours is left on the page: this painter is done, the caller makes another.
        for (const entry of entries) ownNodes.untrackRange(entry.range);
        entries = [];
        gate.destroy();
        destroyed = true;
        throw new FallbackNeeded();
      }
      backend = fallback(doc, ownNodes);
      backend.render(entries, previous, activeId);
    }
  }

  function replace(next: PaintEntry[]): void {
    if (destroyed) return;
    const previous = entries;
    for (const entry of previous) ownNodes.untrackRange(entry.range);
    entries = next;
    for (const entry of next) ownNodes.trackRange(entry.range);
    render([...previous, ...next]);
  }

  return {
    get mode() {
      return backend.mode;
    },
    ownNodes,
    paint(items) {
      replace(
        items.map((item) => ({
          id: item.id,
          range: item.range,
          style: resolveStyle('claims', item.style),
        })),
      );
    },
    clear() {
      replace([]);
    },
    setActive(id) {
      if (destroyed || id === activeId) return;
      activeId = id;
      backend.restyle(shown(), activeId);
    },
    hitTest(x, y) {
      return destroyed ? [] : hitTest(doc, entries, x, y);
    },
    rangeOf(id) {
      return entries.find((entry) => entry.id === id)?.range ?? null;
    },
    isOwnNode(node) {
      return ownNodes.has(node);
    },
    isWrapper(node) {
      return backend.isWrapper(node);
    },
    setViewportOnly(on) {
      if (!destroyed) gate.set(on);
    },
    destroy() {
      if (destroyed) return;
      const previous = entries;
      entries = [];
      for (const entry of previous) ownNodes.untrackRange(entry.range);
      gate.destroy();
      backend.destroy(previous);
      destroyed = true;
    },
  };
}
