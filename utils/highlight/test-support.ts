/**
 * Helpers for the highlight tests: a realistic article fixture, ranges by character offsets, and
 * a snapshot of a DOM subtree precise enough to prove it was restored exactly (markup, and the
 * identity and contents of every text node).
 */

/** An article with the awkward bits real pages have: links, inline markup, scripts, a table. */
export const ARTICLE_HTML = [
  '<article>',
  '<h1>Ministers say the river is <em>cleaner</em> than ever</h1>',
  '<p id="p1">The report claims that <a href="#s">sewage discharges fell by 40%</a> in two years, ',
  'a figure the regulator <strong>disputes</strong>.</p>',
  '<p id="p2">Campaigners counted 301 spills last summer.<script>window.counted = 1;</script> ',
  'Officials did not respond.</p>',
  '<table><tbody>\n<tr><td>2022</td><td>412</td></tr>\n<tr><td>2023</td><td>301</td></tr>\n</tbody></table>',
  '<p id="p3">It is, in the end, a question of trust.</p>',
  '</article>',
].join('');

/** Loads the article into `doc.body`, adding two adjacent text nodes the way scripts often do. */
export function loadArticle(doc: Document): HTMLElement {
  doc.body.innerHTML = ARTICLE_HTML;
  const p3 = doc.getElementById('p3');
  // Adjacent text nodes that the page made on purpose: restoring must not merge them.
  p3?.append(doc.createTextNode(' Or '), doc.createTextNode('of evidence.'));
  const article = doc.querySelector('article');
  if (!article) throw new Error('fixture has no article');
  return article;
}

/** Every text node under `root`, in document order. */
export function textNodes(root: Node): Text[] {
  const doc = root.ownerDocument ?? (root as Document);
  const walker = doc.createTreeWalker(root, 4 /* NodeFilter.SHOW_TEXT */);
  const nodes: Text[] = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) nodes.push(node as Text);
  return nodes;
}

/** A record of a subtree: compare two with `expect(after).toEqual(before)` and identity checks. */
export interface DomSnapshot {
  html: string;
  texts: string[];
  nodes: Text[];
}

/** Snapshots `root` for exact-restoration checks. */
export function snapshot(root: Element): DomSnapshot {
  const nodes = textNodes(root);
  return { html: root.innerHTML, texts: nodes.map((node) => node.data), nodes };
}

/** Asserts-free comparison: returns a list of differences (empty when restored exactly). */
export function differences(before: DomSnapshot, after: DomSnapshot): string[] {
  const found: string[] = [];
  if (before.html !== after.html) found.push('markup differs');
  if (before.nodes.length !== after.nodes.length) {
    found.push(`text node count ${before.nodes.length} -> ${after.nodes.length}`);
  }
  before.nodes.forEach((node, index) => {
    if (after.nodes[index] !== node) found.push(`text node ${index} is not the original object`);
    else if (node.data !== before.texts[index]) found.push(`text node ${index} changed contents`);
  });
  return found;
}

/** A range over characters [start, end) of the concatenated text of `root`. */
export function rangeAt(root: Node, start: number, end: number): Range {
  const doc = root.ownerDocument ?? (root as Document);
  const range = doc.createRange();
  let seen = 0;
  let startSet = false;
  for (const node of textNodes(root)) {
    const next = seen + node.length;
    if (!startSet && start < next) {
      range.setStart(node, start - seen);
      startSet = true;
    }
    if (startSet && end <= next) {
      range.setEnd(node, end - seen);
      return range;
    }
    seen = next;
  }
  throw new Error(`no range ${start}-${end} in a text of ${seen} characters`);
}

/** A range over the first occurrence of `quote` in the text of `root`. */
export function rangeOfQuote(root: Node, quote: string): Range {
  const start = (root.textContent ?? '').indexOf(quote);
  if (start < 0) throw new Error(`quote not found: ${quote}`);
  return rangeAt(root, start, start + quote.length);
}
