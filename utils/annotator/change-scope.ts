/**
 * Which placed passages a change of the page can have moved: each passage is bound to the blocks
 * (nearest block-level ancestors) its text lies in, computed once per anchoring, and a mutation
 * only concerns the passages whose blocks it touched. A mutation elsewhere moves none of them;
 * if it brought text, it may still hold a passage that failed to anchor (late content). Pure DOM.
 */
import { isBlockElement } from '../anchoring/text-rules';

/** What a batch of mutations concerns. */
export interface ChangeScope {
  /** Placed passages whose blocks the mutations touched: they must be anchored again. */
  touched: Set<string>;
  /** Whether text arrived (nodes with text added, or text edited) outside those blocks. */
  addedText: boolean;
}

/**
 * Where a placed passage starts and ends: a live range (a claim's) or a span taken at anchoring
 * (a note's, which holds no live range). Only the boundary nodes are read.
 */
export type PassageBounds = Pick<AbstractRange, 'startContainer' | 'endContainer'>;

/** The blocks of the placed passages, to tell which passages a mutation concerns. */
export interface PassageBlocks {
  /** Binds a placed passage to the blocks it lies in (replacing what it had). */
  set(id: string, bounds: PassageBounds): void;
  /** Forgets a passage (it is anchored again, or gone). */
  delete(id: string): void;
  clear(): void;
  /** Adds to `scope` what these mutations concern; `isOwn` nodes are never a change. */
  collect(
    records: readonly MutationRecord[],
    isOwn: (node: Node) => boolean,
    scope: ChangeScope,
  ): void;
}

/** The nearest block-level ancestor of a node, or `root` when there is none below it. */
export function blockOf(node: Node, root: Element): Element {
  let current: Node | null = node.nodeType === Node.ELEMENT_NODE ? node : node.parentNode;
  while (current && current !== root) {
    if (current.nodeType === Node.ELEMENT_NODE && isBlockElement(current as Element)) {
      return current as Element;
    }
    current = current.parentNode;
  }
  return root;
}

/** Every block a passage's text lies in (one, unless it spans paragraphs). */
export function blocksOfRange(bounds: PassageBounds, root: Element): Element[] {
  const { startContainer: start, endContainer: end } = bounds;
  const first = blockOf(start, root);
  const last = blockOf(end, root);
  if (first === last) return [first];
  const blocks = new Set<Element>([first, last]);
  const doc = root.ownerDocument;
  // The text nodes from the start to the end, in document order.
  const walker = doc.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  walker.currentNode = start;
  for (let text = walker.nextNode(); text && !isAfter(text, end); text = walker.nextNode()) {
    blocks.add(blockOf(text, root));
  }
  return [...blocks];
}

/** Whether a text node comes after `boundary` (a text node holds no other node). */
function isAfter(text: Node, boundary: Node): boolean {
  return (boundary.compareDocumentPosition(text) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0;
}

/** Whether a node lies across a passage's bounds or between them. */
function crosses(bounds: PassageBounds, node: Node): boolean {
  const { startContainer: start, endContainer: end } = bounds;
  if (node.contains(start) || node.contains(end)) return true;
  const fromStart = start.compareDocumentPosition(node);
  const fromEnd = end.compareDocumentPosition(node);
  return (
    (fromStart & Node.DOCUMENT_POSITION_FOLLOWING) !== 0 &&
    (fromEnd & Node.DOCUMENT_POSITION_PRECEDING) !== 0
  );
}

function hasText(node: Node, isOwn: (node: Node) => boolean): boolean {
  if (isOwn(node)) return false;
  return (node.textContent ?? '').trim().length > 0;
}

/** Creates the block index of one article root. */
export function createPassageBlocks(root: Element): PassageBlocks {
  const blocksById = new Map<string, Element[]>();
  const idsByBlock = new Map<Element, Set<string>>();
  /** The bounds of the passages across blocks (only they can take in a node between blocks). */
  const spanning = new Map<string, PassageBounds>();

  const unbind = (id: string): void => {
    for (const block of blocksById.get(id) ?? []) {
      const ids = idsByBlock.get(block);
      ids?.delete(id);
      if (ids?.size === 0) idsByBlock.delete(block);
    }
    blocksById.delete(id);
    spanning.delete(id);
  };

  /** The passages whose block holds `node` (walking up to the root). */
  const passagesAround = (node: Node, into: Set<string>): boolean => {
    let found = false;
    for (
      let current: Node | null = node;
      current && current !== root;
      current = current.parentNode
    ) {
      const ids =
        current.nodeType === Node.ELEMENT_NODE ? idsByBlock.get(current as Element) : undefined;
      if (ids) {
        for (const id of ids) into.add(id);
        found = true;
      }
    }
    // The root itself is a passage's block when its text sits in no block below it.
    const atRoot = idsByBlock.get(root);
    if (atRoot) {
      for (const id of atRoot) into.add(id);
      found = true;
    }
    return found;
  };

  /** The passages an added or removed node can have changed: blocks inside it, or a passage across it. */
  const passagesWithin = (node: Node, into: Set<string>): void => {
    if (node.nodeType === Node.ELEMENT_NODE) {
      for (const [block, ids] of idsByBlock) {
        if (node === block || node.contains(block)) for (const id of ids) into.add(id);
      }
    }
    if (!node.isConnected) return;
    for (const [id, bounds] of spanning) if (crosses(bounds, node)) into.add(id);
  };

  return {
    set(id, bounds) {
      unbind(id);
      const blocks = blocksOfRange(bounds, root);
      blocksById.set(id, blocks);
      if (blocks.length > 1) spanning.set(id, bounds);
      for (const block of blocks) {
        const ids = idsByBlock.get(block) ?? new Set<string>();
        ids.add(id);
        idsByBlock.set(block, ids);
      }
    },
    delete: unbind,
    clear() {
      blocksById.clear();
      idsByBlock.clear();
      spanning.clear();
    },
    collect(records, isOwn, scope) {
      for (const record of records) {
        if (isOwn(record.target)) continue;
        const theirs = (nodes: NodeList) => [...nodes].filter((node) => !isOwn(node));
        const added = theirs(record.addedNodes);
        const removed = theirs(record.removedNodes);
        if (record.type === 'childList' && added.length === 0 && removed.length === 0) continue;
        const inBlock = passagesAround(record.target, scope.touched);
        for (const node of [...added, ...removed]) passagesWithin(node, scope.touched);
        if (inBlock || scope.addedText) continue;
        if (record.type === 'characterData' || added.some((node) => hasText(node, isOwn))) {
          scope.addedText = true;
        }
      }
    },
  };
}
