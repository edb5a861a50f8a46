/**
 * What the painter's two mechanisms share: one highlight as they see it, and the interface each
 * mechanism offers the painter. Pure types and one ordering rule; no DOM work here.
 */
import type { HighlightStyle } from './styles';

/** One highlight as the mechanisms see it: the caller's id, its range and its resolved style. */
export interface PaintEntry {
  id: string;
  range: Range;
  style: HighlightStyle;
}

/** Which mechanism a painter uses. */
export type PaintMode = 'custom-highlight' | 'fallback';

/** A painting mechanism: the Custom Highlight API, or wrapping text in elements. */
export interface PaintBackend {
  readonly mode: PaintMode;
  /** Makes the page show exactly `entries`; `previous` are entries that may have been painted. */
  render(
    entries: readonly PaintEntry[],
    previous: readonly PaintEntry[],
    activeId: string | null,
  ): void;
  /** Re-applies emphasis only (no structural change). */
  restyle(entries: readonly PaintEntry[], activeId: string | null): void;
  /** Takes everything off the page. */
  destroy(entries: readonly PaintEntry[]): void;
  /** True for an element wrapping the page's text (the fallback's); never for a page node. */
  isWrapper(node: Node): boolean;
}

/** Paint priority of a highlight: an active one paints above the others. */
export function priorityOf(active: boolean): number {
  return active ? 3 : 1;
}
