/**
 * A reader's selection, made to fit the article: our own nodes (a claim's marker, the note
 * layer's host) may sit at either end of a selection, as after a triple-click on a paragraph
 * that holds a claim, or a drag that ends just past a claim's last word. Such an end is moved
 * out of our node, so the note is on the reader's words and never refused for touching ours.
 */

/** A copy of `range` whose ends lie outside every node `isOwn` says is ours. */
export function rangeOutsideOwnNodes(range: Range, isOwn: (node: Node) => boolean): Range {
  const result = range.cloneRange();
  const ownAncestor = (node: Node): Node | null => {
    let found: Node | null = null;
    for (let up: Node | null = node; up; up = up.parentNode) if (isOwn(up)) found = up;
    return found;
  };
  const startOwner = ownAncestor(result.startContainer);
  if (startOwner?.parentNode) result.setStartAfter(startOwner);
  const endOwner = ownAncestor(result.endContainer);
  if (endOwner?.parentNode) result.setEndBefore(endOwner);
  // An end that points at one of our nodes as a child: step over it.
  const pointed = (container: Node, offset: number): Node | null =>
    container.nodeType === 1 ? (container.childNodes[offset] ?? null) : null;
  const atStart = pointed(result.startContainer, result.startOffset);
  if (atStart && isOwn(atStart) && atStart.parentNode) result.setStartAfter(atStart);
  const beforeEnd =
    result.endContainer.nodeType === 1 && result.endOffset > 0
      ? (result.endContainer.childNodes[result.endOffset - 1] ?? null)
      : null;
  if (beforeEnd && isOwn(beforeEnd) && beforeEnd.parentNode) result.setEndBefore(beforeEnd);
  return result;
}
