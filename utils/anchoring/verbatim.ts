/**
 * The quick way to anchor: most pages have not changed since a passage was saved, so its quote
 * and the text around it are still there, character for character.
 *
 * This path reads only the raw text of the root's text nodes (no styles, no normalisation),
 * finds each quote's raw occurrences, and settles a target only when exactly one occurrence is
 * surrounded by the saved prefix and suffix (whitespace aside) and every text node that the
 * occurrence and its context touch is visible. Anything less certain (no occurrence, several
 * that fit, an edited page, hidden text nearby, a position without a quote) is left to the full
 * matcher in anchor.ts, which reads the visible text, normalises it and weighs candidates. So
 * this path decides only the cases the full matcher would settle at once, and decides them the
 * same way, without reading styles or normalising the whole page.
 */

import { findAllOccurrences } from './find-all';
import { MAX_EXACT_CANDIDATES } from './match-quote';
import { blockOf } from './text-model';

/** The raw text of every text node under a root, in document order. */
export interface RawText {
  root: Element;
  /** The data of every text node under the root, joined with nothing between. */
  text: string;
  /** The text nodes, in document order (empty ones included). */
  nodes: Text[];
  /** `nodeStarts[i]` is where `nodes[i]`'s data starts in `text`. */
  nodeStarts: number[];
}

/** A quote to settle: the saved strings as they are, not normalised. */
export interface VerbatimQuote {
  exact: string;
  prefix: string;
  suffix: string;
}

/** NodeFilter.SHOW_TEXT | NodeFilter.SHOW_CDATA_SECTION, spelled out for DOMs without NodeFilter. */
const SHOW_TEXT_AND_CDATA = 0x4 | 0x8;
/** More raw occurrences than this and the quote is too common to settle quickly. */
const MAX_OCCURRENCES = MAX_EXACT_CANDIDATES;

/** Reads the raw text of every text node under `root` with one TreeWalker pass. */
export function readRawText(root: Element): RawText {
  const walker = root.ownerDocument.createTreeWalker(root, SHOW_TEXT_AND_CDATA);
  const pieces: string[] = [];
  const nodes: Text[] = [];
  const nodeStarts: number[] = [];
  let length = 0;
  for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
    const data = (node as Text).data;
    nodes.push(node as Text);
    nodeStarts.push(length);
    pieces.push(data);
    length += data.length;
  }
  return { root, text: pieces.join(''), nodes, nodeStarts };
}

/**
 * Whether a character is left out when context is compared: whitespace of every kind (the
 * visible text adds line breaks between blocks that the raw text does not have), soft hyphens
 * and zero-width characters.
 */
function isSkipped(code: number): boolean {
  if (code <= 0x20) return true;
  if (code < 0x85) return false;
  return (
    code === 0x85 ||
    code === 0xa0 ||
    code === 0xad ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200f) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x2060 ||
    code === 0x3000 ||
    code === 0xfeff
  );
}

/**
 * Whether the saved prefix ends right before `start` and the saved suffix begins right after
 * `end`, skipped characters aside. Returns the span of text the comparison covered, or null.
 */
function contextSpan(
  text: string,
  start: number,
  end: number,
  prefix: string,
  suffix: string,
): [number, number] | null {
  let before = start;
  for (let index = prefix.length - 1; index >= 0; index -= 1) {
    const expected = prefix.charCodeAt(index);
    if (isSkipped(expected)) continue;
    do before -= 1;
    while (before >= 0 && isSkipped(text.charCodeAt(before)));
    if (before < 0 || text.charCodeAt(before) !== expected) return null;
  }
  let after = end - 1;
  for (let index = 0; index < suffix.length; index += 1) {
    const expected = suffix.charCodeAt(index);
    if (isSkipped(expected)) continue;
    do after += 1;
    while (after < text.length && isSkipped(text.charCodeAt(after)));
    if (after >= text.length || text.charCodeAt(after) !== expected) return null;
  }
  return [before, after + 1];
}

/** Index of the last node that starts at or before `offset`. */
function nodeIndexAt(raw: RawText, offset: number): number {
  const starts = raw.nodeStarts;
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if ((starts[middle] ?? 0) <= offset) low = middle;
    else high = middle - 1;
  }
  return low;
}

/** Whether every text node holding a character of text[from, to) is visible. */
function allVisible(
  raw: RawText,
  from: number,
  to: number,
  isExcluded: (node: Node) => boolean,
): boolean {
  const last = nodeIndexAt(raw, to - 1);
  for (let index = nodeIndexAt(raw, from); index <= last; index += 1) {
    const node = raw.nodes[index];
    if (!node || isExcluded(node)) return false;
  }
  return true;
}

/**
 * Whether text[start, end) lies within one line of the visible text. The raw text joins the
 * last word of a paragraph to the first of the next ("one.</p><p>Start" reads "one.Start"),
 * words the visible text keeps apart; such a match is left to the full matcher.
 */
function withinOneBlock(raw: RawText, start: number, end: number): boolean {
  const first = nodeIndexAt(raw, start);
  const last = nodeIndexAt(raw, end - 1);
  if (first === last) return true;
  const block = blockOf(raw.nodes[first] as Node, raw.root);
  for (let index = first + 1; index <= last; index += 1) {
    if (blockOf(raw.nodes[index] as Node, raw.root) !== block) return false;
  }
  return true;
}

/** A DOM Range over raw text [start, end); both ends fall inside text nodes. */
function rangeOf(raw: RawText, start: number, end: number): Range {
  const startIndex = nodeIndexAt(raw, start);
  // The end is placed in the node holding the last character, not at the start of the next.
  const endIndex = nodeIndexAt(raw, end - 1);
  const range = raw.root.ownerDocument.createRange();
  range.setStart(raw.nodes[startIndex] as Text, start - (raw.nodeStarts[startIndex] ?? 0));
  range.setEnd(raw.nodes[endIndex] as Text, end - (raw.nodeStarts[endIndex] ?? 0));
  return range;
}

/**
 * Settles the quotes that can be settled from the raw text alone (see the module header).
 * Returns, per quote, its range, or null when the full matcher must decide. `null` quotes are
 * skipped. May throw if the DOM changes mid-way; callers fall back to the full matcher.
 */
export function anchorVerbatim(
  raw: RawText,
  quotes: ReadonlyArray<VerbatimQuote | null>,
  isExcluded: (node: Node) => boolean,
): Array<Range | null> {
  const exacts = quotes.map((quote) => quote?.exact ?? '');
  const occurrences = findAllOccurrences(raw.text, exacts, MAX_OCCURRENCES + 1);
  return quotes.map((quote, index) => {
    const starts = occurrences[index];
    if (!quote || !starts || starts.length === 0 || starts.length > MAX_OCCURRENCES) return null;
    let settled: { start: number; span: [number, number] } | null = null;
    for (const start of starts) {
      const span = contextSpan(
        raw.text,
        start,
        start + quote.exact.length,
        quote.prefix,
        quote.suffix,
      );
      if (span === null) continue;
      // Two places fit the saved context: only the full matcher (with the position) may choose.
      if (settled !== null) return null;
      settled = { start, span };
    }
    if (settled === null) return null;
    const { start, span } = settled;
    const end = start + quote.exact.length;
    if (!withinOneBlock(raw, start, end)) return null;
    if (!allVisible(raw, Math.min(span[0], start), Math.max(span[1], end), isExcluded)) {
      return null;
    }
    return rangeOf(raw, start, end);
  });
}
