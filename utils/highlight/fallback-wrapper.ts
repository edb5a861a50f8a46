/**
 * The fallback mechanism, where the Custom Highlight API is missing: each highlighted piece of
 * text is wrapped in an inline element. Every text-node split and every wrapper is recorded (see
 * `own-nodes.ts`) so that clearing restores the DOM exactly: the same text nodes, with the same
 * contents, in the same places. The wrapper's styles are inline and `!important`, since those beat
 * any rule in the page's style sheets.
 *
 * Every change repaints from scratch: unwrap and rejoin everything, then split and wrap again.
 * Each piece of text is wrapped once, however many highlights overlap it, which keeps overlapping
 * ranges and restoration simple and exact. Before unwrapping, every range is written down as
 * "character N of the page's original text node" (or "before this element"), so that ranges can
 * be put back on the same characters afterwards.
 */
import type { OwnNodeRegistry } from './own-nodes';
import { pageScheme } from './page-scheme';
import type { PaintBackend, PaintEntry } from './paint-entry';
import { declarationsOf } from './styles';

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

/** Creates the wrapping backend for `doc`; splits and wrappers are recorded in `ownNodes`. */
export function createFallbackBackend(doc: Document, ownNodes: OwnNodeRegistry): PaintBackend {
  /** Every wrapper on the page, with the entries covering its text (topmost first). */
  const wrappers = new Map<HTMLElement, PaintEntry[]>();
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

  function wrapEntries(entries: readonly PaintEntry[], activeId: string | null): void {
    // Which parts of which text nodes each entry covers, before anything is split.
    const coverage = new Map<Text, Array<{ from: number; to: number; entry: PaintEntry }>>();
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

  function render(
    entries: readonly PaintEntry[],
    previous: readonly PaintEntry[],
    activeId: string | null,
  ): void {
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
    isWrapper,
  };
}

/** Inline styles beat every rule in the page's sheets, `!important` ones included. */
function styleWrapper(
  wrapper: HTMLElement,
  covering: PaintEntry[],
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

function paintOrder(a: PaintEntry, b: PaintEntry, activeId: string | null): number {
  const activeA = a.id === activeId ? 1 : 0;
  const activeB = b.id === activeId ? 1 : 0;
  if (activeA !== activeB) return activeB - activeA;
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
// Small DOM helpers

function isText(node: Node): node is Text {
  return node.nodeType === 3; // Node.TEXT_NODE; the constant is not on every realm's globals
}

function indexOf(node: Node): number {
  let index = 0;
  for (let sibling = node.previousSibling; sibling; sibling = sibling.previousSibling) index++;
  return index;
}
