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

/** The blocks of the placed passages, to tell which passages a mutation concerns. */
export interface PassageBlocks {
  /** Binds a placed passage to the blocks its range lies in (replacing what it had). */
  set(id: string, range: Range): void;
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

/** Every block a range's text lies in (one, unless it spans paragraphs). */
export function blocksOfRange(range: Range, root: Element): Element[] {
  const first = blockOf(range.startContainer, root);
  const last = blockOf(range.endContainer, root);
  if (first === last) return [first];
  const blocks = new Set<Element>([first, last]);
  const ancestor = range.commonAncestorContainer;
  const doc = ancestor.ownerDocument ?? (ancestor as Document);
  const walker = doc.createTreeWalker(ancestor, NodeFilter.SHOW_TEXT);
  for (let text = walker.nextNode(); text; text = walker.nextNode()) {
    if (range.intersectsNode(text)) blocks.add(blockOf(text, root));
  }
  return [...blocks];
}

function hasText(node: Node, isOwn: (node: Node) => boolean): boolean {
  if (isOwn(node)) return false;
  return (node.textContent ?? '').trim().length > 0;
}

/** Creates the block index of one article root. */
export function createPassageBlocks(root: Element): PassageBlocks {
  const blocksById = new Map<string, Element[]>();
  const idsByBlock = new Map<Element, Set<string>>();
  const ranges = new Map<string, Range>();

  const unbind = (id: string): void => {
    for (const block of blocksById.get(id) ?? []) {
      const ids = idsByBlock.get(block);
      ids?.delete(id);
      if (ids?.size === 0) idsByBlock.delete(block);
    }
    blocksById.delete(id);
    ranges.delete(id);
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

  /** The passages an added or removed node can have changed: blocks inside it, or a range across it. */
  const passagesWithin = (node: Node, into: Set<string>): void => {
    if (node.nodeType === Node.ELEMENT_NODE) {
      for (const [block, ids] of idsByBlock) {
        if (node === block || node.contains(block)) for (const id of ids) into.add(id);
      }
    }
    if (!node.isConnected) return;
    for (const [id, range] of ranges) {
      // Only a passage across blocks can take in a node between them.
      if ((blocksById.get(id)?.length ?? 0) > 1 && range.intersectsNode(node)) into.add(id);
    }
  };

  return {
    set(id, range) {
      unbind(id);
      const blocks = blocksOfRange(range, root);
      blocksById.set(id, blocks);
      ranges.set(id, range);
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
      ranges.clear();
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
