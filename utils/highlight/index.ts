/**
 * Painting ranges of a news article: the claim highlights (styled by verdict) and the keyboard
 * markers that open their context (the reader's notes are drawn apart, by `note-shade.ts`, where
 * the page cannot read them). Pure DOM code: it takes a Document and Ranges, and imports neither
 * Preact nor the extension API.
 *
 * The rule is "the page stays the page": highlights must not move the layout, break the site's
 * scripts, or be spoiled by its CSS, and turning them off must leave the DOM exactly as it was.
 *
 * - The CSS Custom Highlight API comes first (`createPainter`, `highlight-registry.ts`): ranges
 *   are registered with `CSS.highlights` and styled by `::highlight()` rules in an adopted style
 *   sheet. The DOM is not changed at all, so nothing can shift and the page's scripts see no new
 *   nodes. The few properties `::highlight()` allows (colours, text decoration) are exactly the
 *   ones that cannot move text.
 * - Where that API is missing, the painter wraps the covered text (`fallback-wrapper.ts`) in
 *   inline elements whose only visible styles are a background and an underline, set inline with
 *   `!important` along with resets of anything a page rule could give them that would move text.
 * - Exact restoration: every text split and every element we add is recorded in one shared
 *   registry (`createOwnNodeRegistry`). Clearing unwraps our elements and rejoins only the text
 *   nodes we split — never `normalize()`, which would merge the page's own adjacent text nodes too.
 *   The registry is also how a MutationObserver or the anchoring engine recognises our nodes
 *   (`isOwnNode`), by object identity rather than by an attribute the page could forge.
 * - Markers (`insertMarker`) are real buttons in closed shadow roots on zero-size inline hosts, so
 *   Tab reaches them in reading order without them taking room in the line.
 *
 * Pass the painter's `ownNodes` to `insertMarker` (or rely on the shared default for both), so
 * that splits made by either are undone correctly whatever order things are removed in.
 *
 * A MutationObserver on the page sees our changes in fallback mode (and a marker's insertion in
 * both modes); call `observer.takeRecords()` right after painting to drop them, as all changes are
 * made synchronously.
 */

export type { Marker, MarkerOptions } from './marker-host';
export { insertMarker } from './marker-host';
export type { OwnNodeRegistry, TextOrigin } from './own-nodes';
export { createOwnNodeRegistry, sharedOwnNodes } from './own-nodes';
export type {
  FallbackFactory,
  Painter,
  PainterOptions,
  PaintItem,
  PaintMode,
} from './painter';
export { createPainter, createPainterWith, FallbackNeeded } from './painter';
export type { HighlightStyle } from './styles';
