/**
 * The note shade's measuring and grouping: note passages grouped by their block (paragraph),
 * the blocks' positions read once per layout, a passage's boxes measured line by line, and the
 * passages under a point found.
 * Pure DOM: no drawing, no Preact, no extension API.
 */
import type { TextSpan } from '../anchoring/types';
import type { TextPlace } from './text-place';

/** A note passage to draw, at its place in page terms (no live range per note). */
export interface ShadeItem {
  id: string;
  place: TextPlace;
}

/** A rectangle in the host's coordinates. */
export interface Box {
  left: number;
  top: number;
  width: number;
  height: number;
}

/** A note passage and what was measured of it. */
export interface Passage {
  id: string;
  place: TextPlace;
  /** The passage's length in characters, read when it is measured (-1 until then). */
  length: number;
  /** Boxes in the host's coordinates (document coordinates, in effect), once measured. */
  boxes: Box[] | null;
}

/** The passages that start in one block element, and its vertical extent. */
export interface Block {
  element: Element;
  passages: Passage[];
  /** Document-relative vertical extent, once read for the current layout. */
  top: number;
  bottom: number;
}

/** Tags whose elements hold a passage's lines: a passage is placed by its nearest one. */
const BLOCK_SELECTOR =
  'p, li, blockquote, pre, h1, h2, h3, h4, h5, h6, td, th, dd, dt, figcaption, caption, div, section, article, aside, main, body';

/** The passages of these items, unmeasured, and the blocks they are grouped by. */
export function groupPassages(
  doc: Document,
  items: readonly ShadeItem[],
): { passages: Passage[]; blocks: Block[] } {
  const byElement = new Map<Element, Block>();
  // Passages share their text nodes (a paragraph holds many notes), so each node's block is
  // looked up once, not once per passage: a repaint of 100,000 notes made as many `closest`
  // calls, tens of milliseconds of one task.
  const byStartNode = new Map<Node, Block>();
  const passages: Passage[] = items.map((item) => ({
    id: item.id,
    place: item.place,
    length: -1,
    boxes: null,
  }));
  for (const passage of passages) {
    const node = passage.place.startRoot;
    let block = byStartNode.get(node);
    if (!block) {
      const element = blockElementOf(node, doc);
      block = byElement.get(element);
      if (!block) {
        block = { element, passages: [], top: 0, bottom: 0 };
        byElement.set(element, block);
      }
      byStartNode.set(node, block);
    }
    block.passages.push(passage);
  }
  return { passages, blocks: [...byElement.values()] };
}

/** Reads the blocks' positions (one layout read per block, not per passage); forgets the boxes. */
export function readBlockLayout(
  blocks: readonly Block[],
  passages: readonly Passage[],
  scrollTop: number,
): void {
  for (const block of blocks) {
    const rect = block.element.getBoundingClientRect();
    block.top = rect.top + scrollTop;
    block.bottom = rect.bottom + scrollTop;
  }
  for (const passage of passages) passage.boxes = null;
}

/** Ids of the passages with a box under this point (host coordinates), shortest first. */
export function passagesAt(passages: readonly Passage[], px: number, py: number): string[] {
  return passages
    .filter((passage) =>
      (passage.boxes ?? []).some(
        (box) =>
          px >= box.left &&
          px <= box.left + box.width &&
          py >= box.top &&
          py <= box.top + box.height,
      ),
    )
    .sort((a, b) => a.length - b.length)
    .map((passage) => passage.id);
}

/** The nearest element holding a passage's lines (its paragraph, usually). */
export function blockElementOf(node: Node, doc: Document): Element {
  const element = node.nodeType === 1 ? (node as Element) : node.parentElement;
  return element?.closest(BLOCK_SELECTOR) ?? doc.documentElement;
}

/**
 * Calls `visit` with each text node of a span and the part of it the span covers, in document
 * order. A span whose end does not follow its start (the page moved its nodes) visits nothing.
 */
export function eachTextOf(
  doc: Document,
  span: TextSpan,
  visit: (text: Text, from: number, to: number) => void,
): void {
  const { startContainer: first, endContainer: last } = span;
  if (first === last) {
    visit(first, span.startOffset, span.endOffset);
    return;
  }
  if (!((first.compareDocumentPosition(last) & 4) /* Node.DOCUMENT_POSITION_FOLLOWING */)) return;
  const walker = doc.createTreeWalker(doc, 4 /* NodeFilter.SHOW_TEXT */);
  walker.currentNode = first;
  for (let node: Node | null = first; node; node = walker.nextNode()) {
    const text = node as Text;
    visit(
      text,
      node === first ? span.startOffset : 0,
      node === last ? span.endOffset : text.length,
    );
    if (node === last) return;
  }
}

/** A span's text boxes, line by line, and how many characters it covers. */
export interface SpanMeasure {
  boxes: Box[];
  length: number;
}

/**
 * Measures a span in one walk of its text: its boxes relative to `origin`, measured with `part`,
 * which is moved from text to text, and its length. Pass one range for every measure: a browser
 * keeps every live range up to date on each change of the page until it is collected, which may
 * be long after it is dropped, so a range made per measure leaves the page's own DOM work slower
 * with every scroll.
 */
export function measureSpan(
  doc: Document,
  span: TextSpan,
  origin: DOMRect,
  part: Range,
): SpanMeasure {
  const boxes: Box[] = [];
  let length = 0;
  eachTextOf(doc, span, (text, from, to) => {
    if (from >= to) return;
    length += to - from;
    part.setStart(text, from);
    part.setEnd(text, to);
    for (const rect of Array.from(part.getClientRects())) {
      if (rect.width < 0.5 || rect.height < 0.5) continue;
      boxes.push({
        left: rect.left - origin.left,
        top: rect.top - origin.top,
        width: rect.width,
        height: rect.height,
      });
    }
  });
  return { boxes, length };
}
