/**
 * A passage's place in the page's own terms, held without a live `Range`.
 *
 * A browser keeps every live range of a document up to date on each change of it, until the
 * range is collected: a page holding one per note pays for them in all of its own DOM work. A
 * place is plain values instead: the page's own text node a boundary lies in and an offset in
 * that node's text as the page wrote it, before any split of ours (see `own-nodes.ts`). Our
 * markers and wrappers split and rejoin text nodes; a place stays on the same characters through
 * all of it, since the first piece of a split node keeps its identity and the offsets count the
 * unsplit text. A change of the page's own text is not followed: the change scope sees it and
 * the passage is anchored again, and until then a place that no longer fits reads as gone.
 * Pure DOM.
 */
import type { TextSpan } from '../anchoring/types';
import type { OwnNodeRegistry } from './own-nodes';

/** Where a passage starts and ends, in the page's own text nodes and their unsplit text. */
export interface TextPlace {
  /** The page's text node the passage starts in (the first piece, if we split it). */
  readonly startRoot: Text;
  /** Offset of the first character in `startRoot`'s unsplit text. */
  readonly startOffset: number;
  /** The page's text node the passage ends in. */
  readonly endRoot: Text;
  /** Offset just past the last character in `endRoot`'s unsplit text. */
  readonly endOffset: number;
}

/** The place of a span taken now (its text nodes may be pieces of our splits). */
export function placeOfSpan(span: TextSpan, ownNodes: OwnNodeRegistry): TextPlace {
  const start = ownNodes.originOf(span.startContainer);
  const end =
    span.endContainer === span.startContainer ? start : ownNodes.originOf(span.endContainer);
  return {
    startRoot: start.root,
    startOffset: start.start + span.startOffset,
    endRoot: end.root,
    endOffset: end.start + span.endOffset,
  };
}

/**
 * The span a place covers now, in the text pieces it lies in, or null when it no longer stands:
 * its text left the page, or is shorter than the place (the page changed it).
 */
export function spanOfPlace(place: TextPlace, ownNodes: OwnNodeRegistry): TextSpan | null {
  const start = pointOf(place.startRoot, place.startOffset, false, ownNodes);
  const end = start && pointOf(place.endRoot, place.endOffset, true, ownNodes);
  if (!start || !end) return null;
  if (start.text === end.text && start.offset >= end.offset) return null;
  return {
    startContainer: start.text,
    startOffset: start.offset,
    endContainer: end.text,
    endOffset: end.offset,
  };
}

/**
 * The piece of `root` that holds `offset` of its unsplit text, and the offset in that piece. An
 * end falls in the piece before a split (its last character), a start in the piece after it.
 */
function pointOf(
  root: Text,
  offset: number,
  isEnd: boolean,
  ownNodes: OwnNodeRegistry,
): { text: Text; offset: number } | null {
  let base = 0;
  for (const piece of ownNodes.piecesOf(root)) {
    const length = piece.length;
    if (isEnd ? offset <= base + length : offset < base + length) {
      return piece.isConnected && offset >= base ? { text: piece, offset: offset - base } : null;
    }
    base += length;
  }
  return null;
}
