/**
 * The note shade's measuring and grouping: note passages grouped by their block (paragraph),
 * the blocks' positions read once per layout, a passage's boxes measured line by line, and the
 * passages under a point found.
 * Pure DOM: no drawing, no Preact, no extension API.
 */

/** A note passage to draw. */
export interface ShadeItem {
  id: string;
  range: Range;
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
  range: Range;
  /** The passage's length in characters, read when first needed (-1 until then). */
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
  const passages: Passage[] = items.map((item) => ({
    id: item.id,
    range: item.range,
    length: -1,
    boxes: null,
  }));
  for (const passage of passages) {
    const element = blockElementOf(passage.range.startContainer, doc);
    let block = byElement.get(element);
    if (!block) {
      block = { element, passages: [], top: 0, bottom: 0 };
      byElement.set(element, block);
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
    .map((passage) => {
      if (passage.length < 0) passage.length = passage.range.toString().length;
      return passage;
    })
    .sort((a, b) => a.length - b.length)
    .map((passage) => passage.id);
}

/** The nearest element holding a passage's lines (its paragraph, usually). */
export function blockElementOf(node: Node, doc: Document): Element {
  const element = node.nodeType === 1 ? (node as Element) : node.parentElement;
  return element?.closest(BLOCK_SELECTOR) ?? doc.documentElement;
}

/**
 * The boxes of a range's text, line by line, relative to `origin`, measured with `part`, which is
 * moved from text to text. Pass one range for every measure: a browser keeps every live range up
 * to date on each change of the page until it is collected, which may be long after it is
 * dropped, so a range made per measure leaves the page's own DOM work slower with every scroll.
 */
export function boxesOf(doc: Document, range: Range, origin: DOMRect, part: Range): Box[] {
  const boxes: Box[] = [];
  const root = range.commonAncestorContainer;
  const add = (text: Text): void => {
    const from = text === range.startContainer ? range.startOffset : 0;
    const to = text === range.endContainer ? range.endOffset : text.length;
    if (from >= to) return;
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
  };
  if (root.nodeType === 3) {
    add(root as Text);
    return boxes;
  }
  const walker = doc.createTreeWalker(root, 4 /* NodeFilter.SHOW_TEXT */);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (range.intersectsNode(node)) add(node as Text);
  }
  return boxes;
}
