/**
 * The text model: the root's visible text, read once, with a map back to DOM text nodes.
 *
 * THE VISIBLE TEXT (what TextPositionSelector offsets count, and what a quote's `exact` is cut
 * from) is the data of every visible text node under the root, in document order, with one `\n`
 * wherever a block element (p, div, li, h1…, td…) or a `<br>` starts or ends; never two `\n` in
 * a row for one boundary, none before the first text or after the last. It is close to what a
 * reader copies, and it keeps words of adjacent paragraphs apart (textContent would glue
 * "end.</p><p>Start" into "end.Start").
 *
 * Not visible, so never part of the text: script, style, noscript, template, textarea, select,
 * iframe, object, embed, svg and canvas content; elements with `hidden`, `aria-hidden="true"`
 * or a computed `display: none` (checked once per element, only where a window computes
 * styles); and any node for which the caller's `ignore` returns true (our own UI).
 *
 * The model also holds the normalised text (see normalise.ts) that quotes are matched against.
 */

import { type NormalisedText, normaliseText } from './normalise';
import { BLOCK_TAGS, SKIPPED_TAGS } from './text-rules';
import { walkText } from './text-walk';
import type { Anchored, AnchoringOptions, MatchQuality, TextSpan } from './types';

/**
 * Text nodes laid end to end in a string, with where each starts: what turns offsets in that
 * string back into DOM positions. The visible text model is one; the verbatim path's raw text
 * (verbatim.ts) is another.
 */
export interface TextNodeRun {
  root: Element;
  /** The nodes' text, in document order. */
  text: string;
  /** The text nodes, in document order. */
  nodes: Text[];
  /** `nodeStarts[i]` is where `nodes[i]`'s data starts in `text`. */
  nodeStarts: ArrayLike<number>;
}

/** The root's visible text, its text nodes and its normalised form. */
export interface TextModel extends TextNodeRun {
  /** The visible text, as defined in this module's header. */
  text: string;
  /** Visible, non-empty text nodes in document order. */
  nodes: Text[];
  nodeStarts: Int32Array;
  /** `text` normalised for matching, with each character's span in `text`. */
  normalised: NormalisedText;
  /** Whether a node is hidden or ignored (itself or an ancestor up to the root). */
  isExcluded: (node: Node) => boolean;
}

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;
const CDATA_SECTION_NODE = 4;

/**
 * The nearest element at or above `node` that begins and ends a line of the visible text (a
 * block-level element or the root), or null when the node is not under the root.
 */
export function blockOf(node: Node, root: Element): Node | null {
  for (let current: Node | null = node; current !== null; current = current.parentNode) {
    if (current === root) return root;
    if (
      current.nodeType === ELEMENT_NODE &&
      BLOCK_TAGS.has((current as Element).tagName.toUpperCase())
    ) {
      return current;
    }
  }
  return null;
}

/** Builds the predicate that says whether one element hides its content (ancestors aside). */
function makeHidesContent(root: Element, options: AnchoringOptions): (element: Element) => boolean {
  const view = root.ownerDocument?.defaultView ?? null;
  // Looked up once: reading a property of the window is slow, and this runs per element.
  const computedStyleOf =
    view && typeof view.getComputedStyle === 'function' ? view.getComputedStyle.bind(view) : null;
  const ignore = options.ignore;
  return (element: Element): boolean => {
    if (SKIPPED_TAGS.has(element.tagName.toUpperCase())) return true;
    if (element.hasAttribute('hidden')) return true;
    if (element.getAttribute('aria-hidden') === 'true') return true;
    if (ignore?.(element)) return true;
    // Computed style is the costly check, so it runs last and once per element.
    if (computedStyleOf) {
      try {
        if (computedStyleOf(element).display === 'none') return true;
      } catch {
        // Some environments throw for elements outside a rendered document: treat as visible.
      }
    }
    return false;
  };
}

/**
 * Builds the test "is this node's text left out of the visible text": the node, or an element
 * between it and the root, is hidden or ignored. Answers are remembered per element, so testing
 * many nodes of one paragraph checks the paragraph's ancestors once.
 */
export function makeExclusionTest(
  root: Element,
  options: AnchoringOptions = {},
): (node: Node) => boolean {
  const hidesContent = makeHidesContent(root, options);
  const ignore = options.ignore;
  const known = new Map<Node, boolean>();
  const isExcluded = (node: Node): boolean => {
    // A text node is only asked about once or twice, so only elements' answers are kept.
    let current: Node | null = node;
    if (node.nodeType !== ELEMENT_NODE) {
      if (ignore?.(node)) return true;
      current = node.parentNode;
    }
    // Walk up until an answer is known, then give it to every element passed on the way.
    const unknown: Node[] = [];
    let excluded = false;
    while (current !== null && current !== root) {
      const remembered = known.get(current);
      if (remembered !== undefined) {
        excluded = remembered;
        break;
      }
      unknown.push(current);
      if (
        current.nodeType === ELEMENT_NODE ? hidesContent(current as Element) : ignore?.(current)
      ) {
        excluded = true;
        break;
      }
      current = current.parentNode;
    }
    for (const passed of unknown) {
      if (passed.nodeType === ELEMENT_NODE) known.set(passed, excluded);
    }
    return excluded;
  };
  return isExcluded;
}

/** Reads the root's visible text once and returns the model that anchor and describe share. */
export function buildTextModel(root: Element, options: AnchoringOptions = {}): TextModel {
  const hidesContent = makeHidesContent(root, options);
  const ignore = options.ignore;
  const pieces: string[] = [];
  const nodes: Text[] = [];
  const starts: number[] = [];
  let length = 0;
  // A boundary is written lazily, just before the next text, so none leads or trails.
  let boundaryPending = false;

  // Entering or leaving a block element ends the line, if any text came before.
  const endLine = (element: Element): void => {
    if (length > 0 && BLOCK_TAGS.has(element.tagName.toUpperCase())) boundaryPending = true;
  };
  walkText(root, {
    enter(element) {
      if (hidesContent(element)) return false;
      endLine(element);
      return true;
    },
    leave: endLine,
    text(node) {
      const data = node.data;
      if (data.length === 0 || ignore?.(node)) return;
      if (boundaryPending) {
        pieces.push('\n');
        length += 1;
        boundaryPending = false;
      }
      nodes.push(node);
      starts.push(length);
      pieces.push(data);
      length += data.length;
    },
  });

  const text = pieces.join('');
  return {
    root,
    text,
    nodes,
    nodeStarts: Int32Array.from(starts),
    normalised: normaliseText(text),
    isExcluded: makeExclusionTest(root, options),
  };
}

/** Index of the last node that starts at or before `offset` (-1 if none). */
export function nodeIndexAt(model: TextNodeRun, offset: number): number {
  const starts = model.nodeStarts;
  let low = 0;
  let high = starts.length - 1;
  let found = -1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    if ((starts[middle] ?? 0) <= offset) {
      found = middle;
      low = middle + 1;
    } else {
      high = middle - 1;
    }
  }
  return found;
}

/**
 * The span [start, end) of a run's text, as boundary points in its text nodes. Both ends must
 * fall on characters of text nodes, not on the visible text's boundary `\n`s; callers trim
 * whitespace first. Returns null otherwise.
 */
export function spanFromTextOffsets(
  model: TextNodeRun,
  start: number,
  end: number,
): TextSpan | null {
  if (start < 0 || end > model.text.length || start >= end) return null;
  const startIndex = nodeIndexAt(model, start);
  const endIndex = nodeIndexAt(model, end - 1);
  const startNode = model.nodes[startIndex];
  const endNode = model.nodes[endIndex];
  const startBase = model.nodeStarts[startIndex];
  const endBase = model.nodeStarts[endIndex];
  if (!startNode || !endNode || startBase === undefined || endBase === undefined) return null;
  const startOffset = start - startBase;
  const endOffset = end - endBase;
  // CharacterData.length, not data.length: reading `data` makes the browser hand over a string.
  if (startOffset >= startNode.length || endOffset > endNode.length) return null;
  return { startContainer: startNode, startOffset, endContainer: endNode, endOffset };
}

/** A live DOM Range on a span's boundary points. */
export function rangeOfSpan(span: TextSpan): Range {
  const range = span.startContainer.ownerDocument.createRange();
  range.setStart(span.startContainer, span.startOffset);
  range.setEnd(span.endContainer, span.endOffset);
  return range;
}

/**
 * A passage anchored at `span`. Its `range` is made when first read (see `Anchored`): a caller
 * that keeps only the span holds no live range.
 */
export function anchoredAt(span: TextSpan, quality: MatchQuality, score: number): Anchored {
  let range: Range | undefined;
  return {
    status: 'anchored',
    span,
    get range() {
      range ??= rangeOfSpan(span);
      return range;
    },
    quality,
    score,
  };
}

/**
 * The visible-text offset of a DOM boundary point (container, offset): the length of the visible
 * text before it. Returns null when the container is not under the root.
 */
export function textOffsetOfPoint(
  model: TextModel,
  container: Node,
  offset: number,
): number | null {
  if (container !== model.root && !model.root.contains(container)) return null;
  if (container.nodeType === TEXT_NODE || container.nodeType === CDATA_SECTION_NODE) {
    const index = model.nodes.indexOf(container as Text);
    const base = model.nodeStarts[index];
    if (index >= 0 && base !== undefined) {
      return base + Math.min(offset, (container as Text).data.length);
    }
  }
  // The point sits between nodes (or in a hidden text node): count the text of every model node
  // before it. Nodes are in document order, so a binary search finds the first one after it.
  const isAtOrAfterPoint = pointComparer(container, offset);
  let low = 0;
  let high = model.nodes.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    const node = model.nodes[middle];
    if (node && isAtOrAfterPoint(node)) high = middle;
    else low = middle + 1;
  }
  // Between paragraphs this lands on the next line's first character, not on the boundary `\n`;
  // describe trims whitespace at both ends, so either side of the boundary gives the same span.
  const firstAfter = model.nodeStarts[low];
  if (firstAfter !== undefined) return firstAfter;
  return model.text.length;
}

/** Builds a test for "this text node starts at or after the boundary point (container, offset)". */
function pointComparer(container: Node, offset: number): (node: Node) => boolean {
  const FOLLOWING = 4;
  if (container.nodeType === TEXT_NODE || container.nodeType === CDATA_SECTION_NODE) {
    // A text node outside the model: everything after it in document order counts as after.
    return (node) => (container.compareDocumentPosition(node) & FOLLOWING) !== 0;
  }
  const child = container.childNodes[offset];
  if (child) {
    return (node) =>
      node === child ||
      child.contains(node) ||
      (child.compareDocumentPosition(node) & FOLLOWING) !== 0;
  }
  return (node) =>
    !container.contains(node) && (container.compareDocumentPosition(node) & FOLLOWING) !== 0;
}
