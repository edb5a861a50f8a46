/**
 * The quick way to anchor: most pages have not changed since a passage was saved, so its quote
 * and the text around it are still there, character for character.
 *
 * This path reads only the raw text of the root's text nodes (no styles, no normalisation)
 * and settles a target when its passage is there with the saved context: first by looking for
 * the quote and its context as one string, which occurs once in the common case; failing that,
 * by finding the quote's raw occurrences and keeping the single one whose surroundings agree
 * with the saved prefix and suffix (whitespace aside). A settled passage must also lie within
 * one block, and every text node that it and its context touch must be visible. Anything less
 * certain (no occurrence, several that fit, an edited page, hidden text nearby, a position
 * without a quote) is left to the full matcher in anchor.ts, which reads the visible text,
 * normalises it and weighs candidates. So this path decides only the cases the full matcher
 * would settle at once, the same way, without reading styles or normalising the whole page.
 */

import { findAllOccurrences } from './find-all';
import { MAX_EXACT_CANDIDATES } from './match-quote';
import { blockOf, nodeIndexAt, spanFromTextOffsets, type TextNodeRun } from './text-model';
import { isInvisibleCode } from './text-rules';
import type { TextSpan } from './types';

/**
 * The raw text of every text node under a root, in document order: their data joined with
 * nothing between, every node listed (hidden and empty ones included).
 */
export interface RawText extends TextNodeRun {
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
 * Whether a character is left out when context is compared: the shared invisible characters
 * (text-rules.ts), since the visible text adds line breaks between blocks that the raw text
 * does not have.
 */
const isSkipped = isInvisibleCode;

/**
 * Whether the saved prefix ends right before `start` and the saved suffix begins right after
 * `end`, skipped characters aside. Returns the span of text the comparison covered, or null.
 *
 * Skipped characters may differ in kind and number, but not be missing: where the saved
 * context has a gap (a space, a line break) between two characters, the raw text must have one
 * too, or the two characters must lie in different text nodes (where the visible text may put
 * the line break between blocks). Otherwise "o a" would be taken for "oa".
 */
function contextSpan(
  raw: RawText,
  start: number,
  end: number,
  prefix: string,
  suffix: string,
): [number, number] | null {
  const { text } = raw;
  let before = start;
  let expectGap = false;
  for (let index = prefix.length - 1; index >= 0; index -= 1) {
    const expected = prefix.charCodeAt(index);
    if (isSkipped(expected)) {
      expectGap = true;
      continue;
    }
    const from = before;
    do before -= 1;
    while (before >= 0 && isSkipped(text.charCodeAt(before)));
    if (before < 0 || text.charCodeAt(before) !== expected) return null;
    if (expectGap && from - before === 1 && sameNode(raw, before, from)) return null;
    expectGap = false;
  }
  let after = end - 1;
  expectGap = false;
  for (let index = 0; index < suffix.length; index += 1) {
    const expected = suffix.charCodeAt(index);
    if (isSkipped(expected)) {
      expectGap = true;
      continue;
    }
    const from = after;
    do after += 1;
    while (after < text.length && isSkipped(text.charCodeAt(after)));
    if (after >= text.length || text.charCodeAt(after) !== expected) return null;
    if (expectGap && after - from === 1 && sameNode(raw, from, after)) return null;
    expectGap = false;
  }
  return [before, after + 1];
}

/** Whether two offsets of the raw text lie in the same text node. */
function sameNode(raw: RawText, a: number, b: number): boolean {
  return nodeIndexAt(raw, a) === nodeIndexAt(raw, b);
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
  if (first < 0) return false;
  if (first === last) return true;
  const block = blockOf(raw.nodes[first] as Node, raw.root);
  for (let index = first + 1; index <= last; index += 1) {
    if (blockOf(raw.nodes[index] as Node, raw.root) !== block) return false;
  }
  return true;
}

/**
 * The quote with as much of its saved context as the raw text should hold verbatim: the end
 * of the prefix and the start of the suffix, up to a line break (the visible text puts one
 * between blocks, where the raw text may have none). A longer string is found with fewer
 * samples (find-all.ts), and is far rarer than a short quote alone.
 */
export function keyOf(quote: VerbatimQuote): { key: string; quoteOffset: number } {
  // Context that is only white space says nothing the full matcher would trust (it counts such
  // a quote as having no context): the key is then the quote alone, as it is for the matcher.
  if (quote.prefix.trim() === '' && quote.suffix.trim() === '') {
    return { key: quote.exact, quoteOffset: 0 };
  }
  const prefixTail = quote.prefix.split('\n').pop() as string;
  const suffixHead = quote.suffix.split('\n', 1)[0] as string;
  return { key: prefixTail + quote.exact + suffixHead, quoteOffset: prefixTail.length };
}

/**
 * Settles one quote given raw occurrences of its exact text (see the module header). `verified`
 * says how much of the saved context is already known to be there verbatim, right before and
 * right after every occurrence given: that much is not compared again.
 */
function settleAmong(
  raw: RawText,
  quote: VerbatimQuote,
  starts: readonly number[],
  isExcluded: (node: Node) => boolean,
  verified: { before: number; after: number } = { before: 0, after: 0 },
): TextSpan | null {
  const prefix = quote.prefix.slice(0, quote.prefix.length - verified.before);
  const suffix = quote.suffix.slice(verified.after);
  let settled: { start: number; span: [number, number] } | null = null;
  for (const start of starts) {
    const end = start + quote.exact.length;
    const span = contextSpan(raw, start - verified.before, end + verified.after, prefix, suffix);
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
  return spanFromTextOffsets(raw, start, end);
}

/**
 * Settles the quotes that can be settled from the raw text alone (see the module header).
 * Returns, per quote, its span, or null when the full matcher must decide. `null` quotes are
 * skipped. May throw if the DOM changes mid-way; callers fall back to the full matcher.
 *
 * Two rounds: first each quote together with its saved context, as one string; a quote whose
 * string occurs exactly once is settled there. The others (context changed, whitespace
 * different, or the passage repeated with its context) are looked for by their exact text
 * alone, and settled when exactly one occurrence has the saved context around it.
 *
 * `fullMatcherFollows` says that the full matcher will see every quote left undecided. The second
 * round is then skipped when the first quote it would look for is not in the text at all: that
 * quote leaves the full matcher to run anyway, and it settles whatever the second round would,
 * the same way. An edited page saves a pass over its text; a page whose only change is white
 * space in the context pays one `includes` before the second round settles everything.
 */
export function anchorVerbatim(
  raw: RawText,
  quotes: ReadonlyArray<VerbatimQuote | null>,
  isExcluded: (node: Node) => boolean,
  fullMatcherFollows = false,
): Array<TextSpan | null> {
  const keys = quotes.map((quote) => (quote ? keyOf(quote) : null));
  const keyHits = findAllOccurrences(
    raw.text,
    keys.map((key) => key?.key ?? ''),
    2,
  );
  const results = quotes.map((quote, index): TextSpan | null => {
    const key = keys[index];
    const hits = keyHits[index];
    if (!quote || !key || hits?.length !== 1) return null;
    // The key is the quote with the end of its prefix and the start of its suffix: those parts
    // of the context are already checked.
    const verified = {
      before: key.quoteOffset,
      after: key.key.length - key.quoteOffset - quote.exact.length,
    };
    const start = (hits[0] as number) + key.quoteOffset;
    return settleAmong(raw, quote, [start], isExcluded, verified);
  });
  const second = quotes.map((quote, index) => (results[index] ? null : quote));
  const first = second.find(Boolean);
  if (fullMatcherFollows && first && !raw.text.includes(first.exact)) return results;
  const occurrences = findAllOccurrences(
    raw.text,
    second.map((quote) => quote?.exact ?? ''),
    MAX_OCCURRENCES + 1,
  );
  return results.map((settled, index) => {
    if (settled) return settled;
    const quote = second[index];
    const starts = occurrences[index];
    if (!quote || !starts || starts.length === 0 || starts.length > MAX_OCCURRENCES) return null;
    return settleAmong(raw, quote, starts, isExcluded);
  });
}
