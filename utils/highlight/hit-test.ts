/**
 * Which highlights lie under a viewport point. Custom highlights get no events, so clicks and
 * hovers are matched against range geometry: a cheap caret test first, then the range's boxes.
 */
import type { PaintEntry } from './paint-entry';

/** Ids of the entries under (x, y), smallest first. */
export function hitTest(
  doc: Document,
  entries: readonly PaintEntry[],
  x: number,
  y: number,
): string[] {
  const caret = caretAt(doc, x, y);
  const hits: Array<{ id: string; length: number }> = [];
  for (const entry of entries) {
    // The caret nearest the point must lie in the range (boundaries included, so the first and
    // last characters count). Then the exact test against the range's boxes, since the nearest
    // caret can be far from the point (in a margin, past the end of a line).
    if (caret && !pointInRange(entry.range, caret.node, caret.offset)) continue;
    const inside = Array.from(entry.range.getClientRects()).some(
      (rect) => x >= rect.left && x <= rect.right && y >= rect.top && y <= rect.bottom,
    );
    if (inside) hits.push({ id: entry.id, length: entry.range.toString().length });
  }
  hits.sort((a, b) => a.length - b.length);
  return [...new Set(hits.map((hit) => hit.id))];
}

/** The caret position nearest a viewport point, in whichever form the browser offers. */
export function caretAt(
  doc: Document,
  x: number,
  y: number,
): { node: Node; offset: number } | null {
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
