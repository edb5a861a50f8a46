/**
 * A selection described as a note's selectors, in the article body first, else on the whole
 * page (a note on the headline or the byline); a selection that cannot take a note gets a
 * sentence for the reader.
 */
import { describe } from '../anchoring';
import type { DescribeResult } from '../anchoring/types';
import { type MessageKey, t } from '../i18n';
import { rangeOutsideOwnNodes } from './selection-range';

/** The selectors of a selection, or why it cannot take a note. */
export type DescribedSelection =
  | Extract<DescribeResult, { ok: true }>
  | { ok: false; message: string };

const MESSAGES: Record<Extract<DescribeResult, { ok: false }>['reason'], MessageKey> = {
  'empty-range': 'page_select_words',
  'outside-root': 'page_select_inside',
  'in-ignored-node': 'page_select_words',
  'detached-root': 'page_selection_changed',
  'invalid-range': 'page_select_words',
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
  if (!root) return { ok: false, message: t('page_cannot_note') };
  const result = describe(root, range, { ignore });
  if (result.ok) return { ok: true, selectors: result.selectors };
  return { ok: false, message: t(MESSAGES[result.reason]) };
}
