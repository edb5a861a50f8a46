/**
 * Paints two layers of highlights (claims, notes) over ranges of a page, and takes them off again
 * without leaving a trace.
 *
 * Two mechanisms, chosen once per painter:
 *
 * - The CSS Custom Highlight API (`CSS.highlights`), whenever the browser has it. The page's DOM is
 *   not touched at all: ranges are registered under hard-to-guess names and styled by a constructed
 *   style sheet in `document.adoptedStyleSheets`. Nothing can shift the layout, and the site's
 *   scripts and selectors never see an extra node.
 * - A fallback that wraps each highlighted piece of text in an inline element. Every text-node split
 *   and every wrapper is recorded (see `own-nodes.ts`) so that clearing restores the DOM exactly:
 *   the same text nodes, with the same contents, in the same places. The wrapper's styles are inline
 *   and `!important`, since those beat any rule in the page's style sheets.
 *
 * In fallback mode every change repaints from scratch: unwrap and rejoin everything, then split and
 * wrap again for all layers at once. Each piece of text is wrapped once, however many highlights
 * overlap it, which keeps overlapping ranges and restoration simple and exact. Before unwrapping,
 * every range is written down as "character N of the page's original text node" (or "before this
 * element"), so that ranges can be put back on the same characters afterwards.
 */

import { type OwnNodeRegistry, sharedOwnNodes } from './own-nodes';
import { pageScheme } from './page-scheme';
import {
  declarationsOf,
  type HighlightLayer,
  type HighlightStyle,
  highlightRules,
  resolveStyle,
  stylesOfLayer,
} from './styles';

/** One highlight to paint: the caller's id, the text it covers and its style token. */
export interface PaintItem {
  id: string;
  range: Range;
  /** 'supported' | 'partly-supported' | 'misleading' | 'unsupported' | 'opinion' | 'note'. */
  style: string;
}

/** Options for `createPainter`. */
export interface PainterOptions {
  /** Wrap text in elements even where the Custom Highlight API exists (for tests). */
  forceFallback?: boolean;
  /** The registry shared with the markers; defaults to the realm-wide `sharedOwnNodes`. */
  ownNodes?: OwnNodeRegistry;
}

/** Which mechanism a painter uses. */
export type PaintMode = 'custom-highlight' | 'fallback';

/** Paints and removes the claim and note layers of one document. */
export interface Painter {
  /** The mechanism in use, for diagnostics and tests. */
  readonly mode: PaintMode;
  /** The registry of nodes this painter (and markers sharing it) added to the page. */
  readonly ownNodes: OwnNodeRegistry;
  /**
   * Replaces a layer's highlights. The painter holds the given ranges (it does not copy them); in
   * fallback mode it keeps them, and every range tracked in `ownNodes`, on the same characters
   * while it splits and wraps text. Other ranges into painted text may be moved by those changes.
   */
  paint(layer: HighlightLayer, items: readonly PaintItem[]): void;
  /** Removes a layer's highlights; its ranges are left on the page's original text nodes. */
  clear(layer: HighlightLayer): void;
  /** Emphasises the highlight with this id (or none), e.g. while its popover is open. */
  setActive(id: string | null): void;
  /** Ids of the highlights under a viewport point: notes before claims, then smallest first. */
  hitTest(x: number, y: number): string[];
  /** The range of the highlight with this id, if painted. */
  rangeOf(id: string): Range | null;
  /** True for nodes Counterpoint added (wrappers, marker hosts), never for the page's own. */
  isOwnNode(node: Node): boolean;
  /** Removes everything the painter added: highlights, style sheet, wrappers and splits. */
  destroy(): void;
}

interface Entry {
  id: string;
  range: Range;
  layer: HighlightLayer;
  style: HighlightStyle;
}

interface Backend {
  readonly mode: PaintMode;
  /** Makes the page show exactly `entries`; `previous` are entries that may have been painted. */
  render(entries: readonly Entry[], previous: readonly Entry[], activeId: string | null): void;
  /** Re-applies emphasis only (no structural change). */
  restyle(entries: readonly Entry[], activeId: string | null): void;
  destroy(entries: readonly Entry[]): void;
}

/** Paint order: higher paints above. Active highlights go above everything else. */
const PRIORITY: Record<HighlightLayer, number> = { claims: 1, notes: 2 };
const ACTIVE_PRIORITY_BOOST = 2;

/** Creates a painter for `doc`, using the Custom Highlight API where available. */
export function createPainter(doc: Document, options: PainterOptions = {}): Painter {
  const ownNodes = options.ownNodes ?? sharedOwnNodes;
  const layers: Record<HighlightLayer, Entry[]> = { claims: [], notes: [] };
  let activeId: string | null = null;
  let destroyed = false;

  const customBackend = options.forceFallback ? null : createCustomHighlightBackend(doc);
  let backend: Backend = customBackend ?? createFallbackBackend(doc, ownNodes);

  const allEntries = (): Entry[] => [...layers.claims, ...layers.notes];

  function render(previous: readonly Entry[]): void {
    try {
      backend.render(allEntries(), previous, activeId);
    } catch (error) {
      // Some content-script sandboxes refuse parts of the Custom Highlight API at call time
      // rather than hiding it; wrapping still works there.
      if (backend.mode !== 'custom-highlight') throw error;
      backend.destroy(previous);
      backend = createFallbackBackend(doc, ownNodes);
      backend.render(allEntries(), previous, activeId);
    }
  }

  function setLayer(layer: HighlightLayer, next: Entry[]): void {
    if (destroyed) return;
    const previous = allEntries();
    for (const entry of layers[layer]) ownNodes.untrackRange(entry.range);
    layers[layer] = next;
    for (const entry of next) ownNodes.trackRange(entry.range);
    render([...previous, ...next]);
  }

  return {
    get mode() {
      return backend.mode;
    },
    ownNodes,
    paint(layer, items) {
      setLayer(
        layer,
        items.map((item) => ({
          id: item.id,
          range: item.range,
          layer,
          style: resolveStyle(layer, item.style),
        })),
      );
    },
    clear(layer) {
      setLayer(layer, []);
    },
    setActive(id) {
      if (destroyed || id === activeId) return;
      activeId = id;
      backend.restyle(allEntries(), activeId);
    },
    hitTest(x, y) {
      return destroyed ? [] : hitTest(doc, allEntries(), x, y);
    },
    rangeOf(id) {
      return allEntries().find((entry) => entry.id === id)?.range ?? null;
    },
    isOwnNode(node) {
      return ownNodes.has(node);
    },
    destroy() {
      if (destroyed) return;
      const previous = allEntries();
      layers.claims = [];
      layers.notes = [];
      for (const entry of previous) ownNodes.untrackRange(entry.range);
      backend.destroy(previous);
      destroyed = true;
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Custom Highlight API

function createCustomHighlightBackend(doc: Document): Backend | null {
  const view = doc.defaultView;
  const foundRegistry = view?.CSS?.highlights;
  const foundConstructor = view?.Highlight;
  if (!view || !foundRegistry || typeof foundConstructor !== 'function') return null;
  // Re-bound as non-optional so the closures below keep the narrowing.
  const registry: HighlightRegistry = foundRegistry;
  const HighlightConstructor: typeof Highlight = foundConstructor;

  // A random suffix per painter: a site cannot style (or restyle) our highlights by name in
  // advance, and two painters in one page cannot collide.
  const suffix = Math.random().toString(36).slice(2, 8);
  const nameOf = (layer: HighlightLayer, style: HighlightStyle, active: boolean) =>
    `counterpoint-${layer === 'claims' ? 'claim' : 'note'}-${style}${active ? '-active' : ''}-${suffix}`;

  const css: string[] = [];
  const scheme = pageScheme(doc);
  for (const layer of ['claims', 'notes'] as const) {
    for (const style of stylesOfLayer(layer)) {
      for (const active of [false, true]) {
        css.push(highlightRules(nameOf(layer, style, active), style, active, scheme));
      }
    }
  }
  const sheet = createPageStyleSheet(doc, css.join('\n'));
  const ours = new Map<string, Highlight>();

  function sync(entries: readonly Entry[], activeId: string | null): void {
    const wanted = new Map<string, { ranges: Range[]; priority: number }>();
    for (const entry of entries) {
      const active = entry.id === activeId;
      const name = nameOf(entry.layer, entry.style, active);
      const group = wanted.get(name) ?? {
        ranges: [],
        priority: PRIORITY[entry.layer] + (active ? ACTIVE_PRIORITY_BOOST : 0),
      };
      group.ranges.push(entry.range);
      wanted.set(name, group);
    }
    for (const [name, group] of wanted) {
      let highlight = ours.get(name);
      if (!highlight) {
        highlight = new HighlightConstructor();
        highlight.priority = group.priority;
        ours.set(name, highlight);
      }
      highlight.clear();
      for (const range of group.ranges) highlight.add(range);
      if (registry.get(name) !== highlight) registry.set(name, highlight);
    }
    for (const [name, highlight] of ours) {
      if (wanted.has(name)) continue;
      // Only delete what is still ours: never someone else's entry that took the name.
      if (registry.get(name) === highlight) registry.delete(name);
      ours.delete(name);
    }
    // The style sheet is on the page only while something is painted.
    if (wanted.size > 0) sheet.attach();
    else sheet.detach();
  }

  return {
    mode: 'custom-highlight',
    render: (entries, _previous, activeId) => sync(entries, activeId),
    restyle: (entries, activeId) => sync(entries, activeId),
    destroy: () => sync([], null),
  };
}

/** A style sheet that can be put on and taken off the page, leaving others' sheets alone. */
interface PageStyleSheet {
  attach(): void;
  detach(): void;
}

function createPageStyleSheet(doc: Document, cssText: string): PageStyleSheet {
  let adopted: CSSStyleSheet | null = null;
  let element: HTMLStyleElement | null = null;

  function attachAdopted(): boolean {
    const SheetConstructor = doc.defaultView?.CSSStyleSheet;
    if (!SheetConstructor || !Array.isArray(doc.adoptedStyleSheets)) return false;
    try {
      const sheet = new SheetConstructor();
      sheet.replaceSync(cssText);
      // push, not reassignment: another script's sheets stay exactly where they are.
      doc.adoptedStyleSheets.push(sheet);
      if (!doc.adoptedStyleSheets.includes(sheet)) return false;
      adopted = sheet;
      return true;
    } catch {
      // Firefox content scripts may refuse sheets made in their own compartment.
      return false;
    }
  }

  return {
    attach() {
      if (adopted || element) return;
      if (attachAdopted()) return;
      element = doc.createElement('style');
      element.textContent = cssText;
      (doc.head ?? doc.documentElement).append(element);
    },
    detach() {
      if (adopted) {
        const index = doc.adoptedStyleSheets.indexOf(adopted);
        if (index >= 0) doc.adoptedStyleSheets.splice(index, 1);
        adopted = null;
      }
      element?.remove();
      element = null;
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Fallback: wrapping text in inline elements

/**
 * Tag of the fallback wrappers: a plain `span`, never a custom-element name, so a page that
 * defines such a name first cannot run its own constructor on our elements. The page's `span`
 * rules are overridden by the inline `!important` resets (`LAYOUT_NEUTRAL`).
 */
const WRAPPER_TAG = 'span';

/** Elements whose text is not rendered as inline content, or would break if wrapped. */
const UNWRAPPABLE_PARENTS = new Set([
  'script',
  'style',
  'textarea',
  'title',
  'noscript',
  'template',
  'option',
  'optgroup',
  'select',
  'iframe',
  'xmp',
  'plaintext',
]);

const XHTML_NAMESPACE = 'http://www.w3.org/1999/xhtml';

/**
 * A range boundary described independently of our splits and wrappers: either a character offset
 * in a page's original text node, or "just before this page node" (null: at the container's end).
 */
type StablePoint =
  | { kind: 'text'; root: Text; offset: number }
  | { kind: 'node'; container: Node; before: Node | null };

function createFallbackBackend(doc: Document, ownNodes: OwnNodeRegistry): Backend {
  /** Every wrapper on the page, with the entries covering its text (topmost first). */
  const wrappers = new Map<HTMLElement, Entry[]>();
  const isWrapper = (node: Node): node is HTMLElement =>
    wrappers.has(node as HTMLElement) && node.nodeType === node.ELEMENT_NODE;

  function pointBefore(node: Node): StablePoint {
    if (isText(node)) {
      const origin = ownNodes.originOf(node);
      return { kind: 'text', root: origin.root, offset: origin.start };
    }
    const parent = node.parentNode;
    if (isWrapper(node) || (ownNodes.has(node) && parent)) {
      // Our own nodes are transparent: a point before one is a point before what it holds (or
      // what follows it).
      const first = isWrapper(node) ? node.firstChild : null;
      if (first) return pointBefore(first);
      if (parent) return capture(parent, indexOf(node) + 1);
    }
    return { kind: 'node', container: parent ?? node, before: node };
  }

  function capture(container: Node, offset: number): StablePoint {
    if (isText(container)) {
      const origin = ownNodes.originOf(container);
      return { kind: 'text', root: origin.root, offset: origin.start + offset };
    }
    const child = container.childNodes[offset];
    if (child) return pointBefore(child);
    if (isWrapper(container)) {
      const last = container.lastChild;
      if (last && isText(last)) {
        const origin = ownNodes.originOf(last);
        return { kind: 'text', root: origin.root, offset: origin.start + last.length };
      }
      const parent = container.parentNode;
      if (parent) return capture(parent, indexOf(container) + 1);
    }
    return { kind: 'node', container, before: null };
  }

  function resolve(point: StablePoint, edge: 'start' | 'end'): [Node, number] | null {
    if (point.kind === 'node') {
      if (point.before === null) return [point.container, point.container.childNodes.length];
      // The page may have moved the node; our wrappers never hold elements, so this is exact.
      if (point.before.parentNode !== point.container) return null;
      return [point.container, indexOf(point.before)];
    }
    const pieces = ownNodes.piecesOf(point.root);
    let pieceStart = 0;
    let last: Text | undefined;
    for (const piece of pieces) {
      const pieceEnd = pieceStart + piece.length;
      // A start on a piece boundary belongs to the next piece, an end to the previous one, so
      // ranges hug the text they cover and never reach into a neighbouring wrapper.
      const inside = edge === 'start' ? point.offset < pieceEnd : point.offset <= pieceEnd;
      if (inside) return [piece, Math.max(0, point.offset - pieceStart)];
      pieceStart = pieceEnd;
      last = piece;
    }
    return last ? [last, last.length] : null;
  }

  function captureRange(range: Range): [StablePoint, StablePoint] {
    return [
      capture(range.startContainer, range.startOffset),
      capture(range.endContainer, range.endOffset),
    ];
  }

  function applyRange(range: Range, points: [StablePoint, StablePoint]): boolean {
    const start = resolve(points[0], 'start');
    const end = resolve(points[1], 'end');
    if (!start || !end) return false;
    try {
      range.setStart(start[0], start[1]);
      range.setEnd(end[0], end[1]);
      return true;
    } catch {
      return false;
    }
  }

  function unwrapAll(): void {
    for (const wrapper of wrappers.keys()) {
      const parent = wrapper.parentNode;
      if (parent) {
        while (wrapper.firstChild) parent.insertBefore(wrapper.firstChild, wrapper);
        parent.removeChild(wrapper);
      }
      ownNodes.delete(wrapper);
    }
    wrappers.clear();
    ownNodes.rejoinSplits();
  }

  function wrapEntries(entries: readonly Entry[], activeId: string | null): void {
    // Which parts of which text nodes each entry covers, before anything is split.
    const coverage = new Map<Text, Array<{ from: number; to: number; entry: Entry }>>();
    for (const entry of entries) {
      for (const { text, from, to } of textSegments(entry.range, ownNodes)) {
        const list = coverage.get(text) ?? [];
        list.push({ from, to, entry });
        coverage.set(text, list);
      }
    }
    const scheme = pageScheme(doc);
    for (const [text, segments] of coverage) {
      const cuts = new Set<number>([0, text.length]);
      for (const segment of segments) {
        cuts.add(segment.from);
        cuts.add(segment.to);
      }
      const bounds = [...cuts].sort((a, b) => a - b);
      // Split from the right so `text` keeps the first piece and each split returns the next one.
      const pieces: Text[] = [];
      for (let index = bounds.length - 2; index >= 1; index--) {
        pieces.unshift(ownNodes.splitText(text, bounds[index] ?? 0));
      }
      pieces.unshift(text);
      pieces.forEach((piece, index) => {
        const from = bounds[index] ?? 0;
        const to = bounds[index + 1] ?? from;
        const covering = segments
          .filter((segment) => segment.from <= from && to <= segment.to)
          .map((segment) => segment.entry);
        if (covering.length === 0 || from === to) return;
        const wrapper = doc.createElement(WRAPPER_TAG);
        piece.parentNode?.insertBefore(wrapper, piece);
        wrapper.appendChild(piece);
        ownNodes.add(wrapper);
        wrappers.set(wrapper, covering);
        styleWrapper(wrapper, covering, activeId, scheme);
      });
    }
  }

  function render(entries: readonly Entry[], previous: readonly Entry[], activeId: string | null) {
    // Write every range down in page terms before the DOM changes under it.
    const known = new Map<Range, [StablePoint, StablePoint]>();
    const ranges = [...previous, ...entries].map((entry) => entry.range);
    for (const range of [...ranges, ...ownNodes.trackedRanges()]) {
      if (!known.has(range)) known.set(range, captureRange(range));
    }
    unwrapAll();
    // Put every range back on the restored page, so ranges of cleared layers end up on the
    // page's original nodes and the ranges to paint are measured against the clean page.
    const placed = new Set<Range>();
    for (const [range, points] of known) if (applyRange(range, points)) placed.add(range);
    if (entries.length === 0) return;
    // A range whose text the page has since removed is not painted rather than painted wrong.
    wrapEntries(
      entries.filter((entry) => placed.has(entry.range)),
      activeId,
    );
    for (const [range, points] of known) applyRange(range, points);
  }

  return {
    mode: 'fallback',
    render,
    restyle(_entries, activeId) {
      const scheme = pageScheme(doc);
      for (const [wrapper, covering] of wrappers) {
        styleWrapper(wrapper, covering, activeId, scheme);
      }
    },
    destroy(entries) {
      render([], entries, null);
    },
  };
}

/** Inline styles beat every rule in the page's sheets, `!important` ones included. */
function styleWrapper(
  wrapper: HTMLElement,
  covering: Entry[],
  activeId: string | null,
  scheme: 'light' | 'dark',
): void {
  covering.sort((a, b) => paintOrder(a, b, activeId));
  const top = covering[0];
  if (!top) return;
  const style = wrapper.style;
  // Undo anything a page rule could give our element that would move text around.
  for (const [property, value] of LAYOUT_NEUTRAL) style.setProperty(property, value, 'important');
  for (const [property, value] of declarationsOf(top.style, scheme, top.id === activeId)) {
    style.setProperty(property, value, 'important');
  }
}

const LAYOUT_NEUTRAL: ReadonlyArray<readonly [string, string]> = [
  ['display', 'inline'],
  ['position', 'static'],
  ['float', 'none'],
  ['margin', '0'],
  ['padding', '0'],
  ['border', '0 none'],
  ['font', 'inherit'],
  ['line-height', 'inherit'],
  ['letter-spacing', 'inherit'],
  ['word-spacing', 'inherit'],
  ['text-transform', 'inherit'],
  ['vertical-align', 'baseline'],
  ['transform', 'none'],
];

function paintOrder(a: Entry, b: Entry, activeId: string | null): number {
  const activeA = a.id === activeId ? 1 : 0;
  const activeB = b.id === activeId ? 1 : 0;
  if (activeA !== activeB) return activeB - activeA;
  if (a.layer !== b.layer) return PRIORITY[b.layer] - PRIORITY[a.layer];
  return a.range.toString().length - b.range.toString().length;
}

/** The parts of text nodes a range covers, skipping text that must not or need not be wrapped. */
function textSegments(
  range: Range,
  ownNodes: OwnNodeRegistry,
): Array<{ text: Text; from: number; to: number }> {
  const segments: Array<{ text: Text; from: number; to: number }> = [];
  const root = range.commonAncestorContainer;
  const doc = root.ownerDocument ?? (root as Document);
  const candidates: Text[] = [];
  if (isText(root)) candidates.push(root);
  else {
    const walker = doc.createTreeWalker(root, 4 /* NodeFilter.SHOW_TEXT */);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (isText(node)) candidates.push(node);
    }
  }
  for (const text of candidates) {
    if (!range.intersectsNode(text)) continue;
    const from = text === range.startContainer ? range.startOffset : 0;
    const to = text === range.endContainer ? range.endOffset : text.length;
    if (from >= to) continue;
    // Whitespace-only nodes sit between blocks and table rows, where an inline element would
    // create a box of its own.
    if (text.data.trim() === '') continue;
    const parent = text.parentElement;
    if (!parent || parent.namespaceURI !== XHTML_NAMESPACE) continue;
    if (UNWRAPPABLE_PARENTS.has(parent.localName)) continue;
    if (insideOwnNode(text, ownNodes)) continue;
    segments.push({ text, from, to });
  }
  return segments;
}

function insideOwnNode(node: Node, ownNodes: OwnNodeRegistry): boolean {
  for (let current = node.parentNode; current; current = current.parentNode) {
    // Our wrappers are gone by the time segments are measured; any own ancestor is a marker.
    if (ownNodes.has(current)) return true;
  }
  return false;
}

// ---------------------------------------------------------------------------------------------
// Hit testing

/** Custom highlights get no events, so clicks and hovers are matched against range geometry. */
function hitTest(doc: Document, entries: readonly Entry[], x: number, y: number): string[] {
  const caret = caretAt(doc, x, y);
  const hits: Array<{ entry: Entry; length: number }> = [];
  for (const entry of entries) {
    // Cheap first: the caret nearest the point must lie in the range (boundaries included, so
    // the first and last characters count). Then the exact test against the range's boxes, since
    // the nearest caret can be far from the point (in a margin, past the end of a line).
    if (caret && !pointInRange(entry.range, caret.node, caret.offset)) continue;
    const inside = Array.from(entry.range.getClientRects()).some(
      (rect) => x >= rect.left && x <= rect.right && y >= rect.top && y <= rect.bottom,
    );
    if (inside) hits.push({ entry, length: entry.range.toString().length });
  }
  hits.sort((a, b) => PRIORITY[b.entry.layer] - PRIORITY[a.entry.layer] || a.length - b.length);
  return [...new Set(hits.map((hit) => hit.entry.id))];
}

function caretAt(doc: Document, x: number, y: number): { node: Node; offset: number } | null {
  if (typeof doc.caretPositionFromPoint === 'function') {
    const position = doc.caretPositionFromPoint(x, y);
    return position ? { node: position.offsetNode, offset: position.offset } : null;
  }
  if (typeof doc.caretRangeFromPoint === 'function') {
    const range = doc.caretRangeFromPoint(x, y);
    return range ? { node: range.startContainer, offset: range.startOffset } : null;
  }
  return null;
}

function pointInRange(range: Range, node: Node, offset: number): boolean {
  try {
    return range.comparePoint(node, offset) === 0;
  } catch {
    // A point in another tree (a shadow root, say) cannot be compared; let geometry decide.
    return true;
  }
}

// ---------------------------------------------------------------------------------------------
// Small DOM helpers

function isText(node: Node): node is Text {
  return node.nodeType === 3; // Node.TEXT_NODE; the constant is not on every realm's globals
}

function indexOf(node: Node): number {
  let index = 0;
  for (let sibling = node.previousSibling; sibling; sibling = sibling.previousSibling) index++;
  return index;
}
