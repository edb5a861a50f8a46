/**
 * A selection described as a note's selectors, in the article body first, else on the whole
 * page (a note on the headline or the byline); a selection that cannot take a note gets a
 * sentence for the reader.
 */
import { describe } from '../anchoring';
import type { DescribeResult } from '../anchoring/types';
import { rangeOutsideOwnNodes } from './selection-range';

/** The selectors of a selection, or why it cannot take a note. */
export type DescribedSelection =
  | Extract<DescribeResult, { ok: true }>
  | { ok: false; message: string };

const MESSAGES: Record<Extract<DescribeResult, { ok: false }>['reason'], string> = {
  'empty-range': 'Select some words of the article first.',
  'outside-root': 'Select text inside the article to add a note.',
  'in-ignored-node': 'Select some words of the article first.',
  'detached-root': 'The article changed while you were selecting; please select the passage again.',
  'invalid-range': 'Select some words of the article first.',
};

/** Describes `selected`, skipping our own nodes (`ignore`). */
export function describeSelection(
  doc: Document,
  body: Element,
  selected: Range,
  ignore: (node: Node) => boolean,
): DescribedSelection {
  const range = rangeOutsideOwnNodes(selected, ignore);
  const inBody =
    body.contains(range.commonAncestorContainer) || body === range.commonAncestorContainer;
  const root = inBody ? body : doc.body;
  if (!root) return { ok: false, message: 'This part of the page cannot take a note.' };
  const result = describe(root, range, { ignore });
  if (result.ok) return { ok: true, selectors: result.selectors };
  return { ok: false, message: MESSAGES[result.reason] };
}
