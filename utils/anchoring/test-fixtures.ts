/**
 * Helpers for the anchoring tests. They find passages with plain DOM walking, independent of
 * the engine, so a test cannot pass because the engine agrees with itself.
 */

/** Mounts HTML in a fresh article element attached to the test document and returns it. */
export function mountArticle(html: string): HTMLElement {
  document.body.innerHTML = '';
  const article = document.createElement('article');
  article.innerHTML = html;
  document.body.append(article);
  return article;
}

/** All text nodes under `root` in document order (hidden ones included). */
export function textNodesOf(root: Node): Text[] {
  const walker = root.ownerDocument?.createTreeWalker(root, 4 /* NodeFilter.SHOW_TEXT */);
  const nodes: Text[] = [];
  if (!walker) return nodes;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) nodes.push(node as Text);
  return nodes;
}

/**
 * A Range over the `occurrence`-th appearance of `needle` in the concatenated text nodes under
 * `root` (textContent order). Throws when absent: a broken fixture should fail loudly.
 */
export function rangeOfText(root: Element, needle: string, occurrence = 0): Range {
  const nodes = textNodesOf(root);
  const text = nodes.map((node) => node.data).join('');
  let at = -1;
  for (let seen = 0; seen <= occurrence; seen += 1) {
    at = text.indexOf(needle, at + 1);
    if (at === -1) throw new Error(`fixture has no occurrence ${occurrence} of "${needle}"`);
  }
  return rangeOfOffsets(root, nodes, at, at + needle.length);
}

/** A Range over textContent offsets [start, end) of the given text nodes. */
export function rangeOfOffsets(root: Element, nodes: Text[], start: number, end: number): Range {
  const range = root.ownerDocument.createRange();
  let base = 0;
  let startSet = false;
  for (const node of nodes) {
    const length = node.data.length;
    if (!startSet && start < base + length) {
      range.setStart(node, start - base);
      startSet = true;
    }
    if (startSet && end <= base + length) {
      range.setEnd(node, end - base);
      return range;
    }
    base += length;
  }
  throw new Error('offsets beyond the text');
}

/** The text a range covers, as the DOM reads it. */
export function textOf(range: Range): string {
  return range.toString();
}

/**
 * Runs `work` and returns its result with the elements whose computed style it read: how the
 * tests see whether the engine looked at every element or only near the passages.
 */
export function withStylesRead<T>(
  root: Element,
  work: () => T,
): { result: T; styled: Set<Element> } {
  const view = root.ownerDocument.defaultView as Window;
  const original = view.getComputedStyle;
  const styled = new Set<Element>();
  view.getComputedStyle = (element: Element, pseudo?: string | null) => {
    styled.add(element);
    return original.call(view, element, pseudo);
  };
  try {
    return { result: work(), styled };
  } finally {
    view.getComputedStyle = original;
  }
}
