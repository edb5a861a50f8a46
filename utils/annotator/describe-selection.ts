/**
 * A selection described as a note's selectors, in the article body first, else on the whole
 * page (a note on the headline or the byline); a selection that cannot take a note gets a
 * sentence for the reader.
 *
 * The describing itself needs the anchoring text model, which the extras bundle carries for the
 * full matcher: the content-script layer loads it and passes the engine's `describe` in
 * (`InteractionDependencies.describe`), so the in-page UI bundle holds no copy of the model.
 */
import type { AnchoringOptions, DescribeResult } from '../anchoring/types';
import { type MessageKey, t } from '../i18n';
import { rangeOutsideOwnNodes } from './selection-range';

/** The anchoring engine's `describe` as the content-script layer gives it: loaded on demand. */
export type RangeDescriber = (
  root: Element,
  range: Range,
  options: AnchoringOptions,
) => Promise<DescribeResult>;

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

/** Describes `selected` with `describe`, skipping our own nodes (`ignore`). Never rejects. */
export async function describeSelection(
  describe: RangeDescriber,
  doc: Document,
  body: Element,
  selected: Range,
  ignore: (node: Node) => boolean,
): Promise<DescribedSelection> {
  const range = rangeOutsideOwnNodes(selected, ignore);
  const inBody =
    body.contains(range.commonAncestorContainer) || body === range.commonAncestorContainer;
  const root = inBody ? body : doc.body;
  if (!root) return { ok: false, message: t('page_cannot_note') };
  // The describer fails only when its bundle cannot be loaded; the selection is left as it was.
  const result = await describe(root, range, { ignore }).catch(() => null);
  if (!result) return { ok: false, message: t('page_note_not_ready') };
  if (result.ok) return { ok: true, selectors: result.selectors };
  return { ok: false, message: t(MESSAGES[result.reason]) };
}
