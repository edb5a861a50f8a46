/**
 * The one walk over a page's text for every reader that chooses what to read: anchoring's visible
 * text (text-model.ts), the article text of the fingerprint and body-size estimates of page
 * recognition (utils/page/). Each reader says which elements it enters, and hears of text nodes
 * and of elements it leaves; the rules for what is read are in text-rules.ts.
 *
 * An explicit walk with no recursion and no stack of its own: markup can be nested deeper than the
 * call stack (20,000 nested spans), and a recursive walk then throws, orphaning every target. The
 * verbatim path (verbatim.ts) reads every text node without choosing, and uses the browser's
 * TreeWalker for that.
 */

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;
const CDATA_SECTION_NODE = 4;

/** What a reader of the text does at each node of the walk. */
export interface TextVisitor {
  /** Whether to read an element's content; an element not entered is not left either. */
  enter(element: Element): boolean;
  /** An element entered, once its content is read (at once, for an empty one). */
  leave?(element: Element): void;
  /** A text or CDATA node among what is read; returning false ends the walk there. */
  text(node: Text): boolean | undefined;
}

/** Walks the content under `root` in document order (the root itself is not entered or left). */
export function walkText(root: Element, visitor: TextVisitor): void {
  let node: Node | null = root.firstChild;
  while (node !== null) {
    const type = node.nodeType;
    if (type === TEXT_NODE || type === CDATA_SECTION_NODE) {
      if (visitor.text(node as Text) === false) return;
    } else if (type === ELEMENT_NODE && visitor.enter(node as Element)) {
      const first: Node | null = node.firstChild;
      if (first !== null) {
        node = first;
        continue;
      }
      visitor.leave?.(node as Element);
    }
    // Climb until a next sibling exists; each element climbed out of is finished.
    while (node !== null && node !== root && node.nextSibling === null) {
      node = node.parentNode;
      if (node !== null && node !== root) visitor.leave?.(node as Element);
    }
    if (node === null || node === root) return;
    node = node.nextSibling;
  }
}
