/**
 * The one record of what Counterpoint has changed in a page's DOM.
 *
 * The painter (fallback mode) and the markers both add elements and split text nodes. Both must be
 * able to undo exactly what they did, in any order, without touching anything the page did itself.
 * So they share this registry:
 *
 * - an identity set of the elements we created (wrappers, marker hosts). It is a WeakSet of the
 *   objects themselves: a class name or data attribute could be copied by the page, an object
 *   identity cannot;
 * - a ledger of the text-node splits we made. A split is undone (the two halves rejoined into the
 *   page's original node) as soon as the halves are direct neighbours again, whoever removed what
 *   stood between them. `Node.normalize()` is never used: it would also merge the page's own
 *   adjacent text nodes, which the page may rely on;
 * - the ranges we hold, so that splitting and rejoining keep them on the same characters even in
 *   DOM implementations that do not update live ranges on `splitText`, and so that rejoining (which
 *   removes a node, and would collapse a live range inside it) moves them to the merged node.
 *
 * Text pieces are not "own nodes": they hold the page's text, which the anchoring engine must read.
 */

/** Where a text piece sits in the page's original text node, before any of our splits. */
export interface TextOrigin {
  /** The page's own text node: the first piece, which keeps its identity through every split. */
  root: Text;
  /** Offset of the piece's first character within the original, unsplit text. */
  start: number;
}

/** The shared record of Counterpoint's own nodes and text splits in one page. */
export interface OwnNodeRegistry {
  /** Records a node Counterpoint created and inserted into the page. */
  add(node: Node): void;
  /** Forgets a node after it has been taken out of the page. */
  delete(node: Node): void;
  /** True only for nodes Counterpoint created, whatever attributes the page puts on its own. */
  has(node: Node): boolean;
  /** Splits `text` at `offset` like `Text.splitText`, remembering the split so it can be undone. */
  splitText(text: Text, offset: number): Text;
  /** The original text node a piece came from and where the piece starts in it. */
  originOf(text: Text): TextOrigin;
  /** The pieces an original text node is currently split into, in order (just `[root]` if none). */
  piecesOf(root: Text): readonly Text[];
  /** Rejoins every recorded split whose halves are neighbours again; returns how many remain. */
  rejoinSplits(): number;
  /**
   * Keeps a range on the same characters while we split, wrap, unwrap and rejoin text. The painter
   * tracks the ranges it paints; track any other range you hold across painting (an anchoring
   * cache, say), or anchor again afterwards. Counted: track and untrack in pairs.
   */
  trackRange(range: Range): void;
  /** Undoes one `trackRange`. */
  untrackRange(range: Range): void;
  /** The ranges currently tracked. */
  trackedRanges(): Range[];
}

/** Creates an empty registry. Share one between the painter and the markers of a page. */
export function createOwnNodeRegistry(): OwnNodeRegistry {
  const ownNodes = new WeakSet<Node>();
  // Only originals that are currently split are listed, so the map empties itself as splits are
  // undone and never keeps a page's removed text alive for long.
  const piecesByRoot = new Map<Text, Text[]>();
  const rootOfPiece = new WeakMap<Text, Text>();
  const trackedRanges = new Map<Range, number>();

  function piecesOf(root: Text): readonly Text[] {
    return piecesByRoot.get(root) ?? [root];
  }

  function originOf(text: Text): TextOrigin {
    const root = rootOfPiece.get(text) ?? text;
    let start = 0;
    for (const piece of piecesOf(root)) {
      if (piece === text) break;
      start += piece.length;
    }
    return { root, start };
  }

  function splitText(text: Text, offset: number): Text {
    // Remember where tracked boundaries sit before the split: not every DOM moves them for us.
    const moved: Array<{ range: Range; edge: 'start' | 'end'; offset: number }> = [];
    for (const range of trackedRanges.keys()) {
      if (range.startContainer === text && range.startOffset > offset) {
        moved.push({ range, edge: 'start', offset: range.startOffset - offset });
      }
      if (range.endContainer === text && range.endOffset > offset) {
        moved.push({ range, edge: 'end', offset: range.endOffset - offset });
      }
    }
    const tail = text.splitText(offset);
    // End boundaries first: moving a start past its end would collapse the range.
    for (const { range, edge, offset: tailOffset } of moved.sort(endsFirst)) {
      if (edge === 'end') range.setEnd(tail, tailOffset);
      else range.setStart(tail, tailOffset);
    }
    const root = rootOfPiece.get(text) ?? text;
    const pieces = piecesByRoot.get(root) ?? [root];
    pieces.splice(pieces.indexOf(text) + 1, 0, tail);
    piecesByRoot.set(root, pieces);
    rootOfPiece.set(tail, root);
    return tail;
  }

  function rejoinSplits(): number {
    let remaining = 0;
    for (const [root, pieces] of piecesByRoot) {
      // From the end, so each piece is merged into its predecessor after its own tail came home.
      for (let index = pieces.length - 1; index >= 1; index--) {
        const head = pieces[index - 1];
        const tail = pieces[index];
        if (head === undefined || tail === undefined) continue;
        if (tail.parentNode === null) {
          // The page removed this piece; nothing to rejoin it to any more.
          pieces.splice(index, 1);
          rootOfPiece.delete(tail);
          continue;
        }
        if (head.nextSibling !== tail) continue;
        const headLength = head.length;
        head.appendData(tail.data);
        for (const range of trackedRanges.keys()) {
          if (range.startContainer === tail) range.setStart(head, headLength + range.startOffset);
          if (range.endContainer === tail) range.setEnd(head, headLength + range.endOffset);
        }
        tail.remove();
        pieces.splice(index, 1);
        rootOfPiece.delete(tail);
      }
      if (pieces.length <= 1) piecesByRoot.delete(root);
      else remaining += pieces.length - 1;
    }
    return remaining;
  }

  return {
    add: (node) => void ownNodes.add(node),
    delete: (node) => void ownNodes.delete(node),
    has: (node) => ownNodes.has(node),
    splitText,
    originOf,
    piecesOf,
    rejoinSplits,
    trackRange(range) {
      trackedRanges.set(range, (trackedRanges.get(range) ?? 0) + 1);
    },
    untrackRange(range) {
      const count = trackedRanges.get(range) ?? 0;
      if (count <= 1) trackedRanges.delete(range);
      else trackedRanges.set(range, count - 1);
    },
    trackedRanges: () => [...trackedRanges.keys()],
  };
}

function endsFirst(a: { edge: 'start' | 'end' }, b: { edge: 'start' | 'end' }): number {
  return (a.edge === 'end' ? 0 : 1) - (b.edge === 'end' ? 0 : 1);
}

/**
 * The registry used when a caller does not pass one: shared by every painter and marker in this
 * JavaScript realm, so that the two always agree about what was split and what is ours.
 */
export const sharedOwnNodes: OwnNodeRegistry = createOwnNodeRegistry();
