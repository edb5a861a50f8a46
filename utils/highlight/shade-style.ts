/**
 * The note shade's look: the host's inline style and the style sheet inside its closed shadow
 * root (the rectangles, the partial notice, light and dark pages, forced colours, print).
 */
import { hostStyle } from './host-style';

/** Follows the document (so it scrolls natively), catches no pointer, sits in the page's own layer. */
export const HOST_STYLE = hostStyle('absolute', [
  'pointer-events: none',
  'contain: none',
  'z-index: auto',
]);

/**
 * The style sheet inside the shade's closed root. The boxes are drawn over the text, multiplied
 * (screened on dark pages), so the text shows through however many passages overlap. (Notes
 * stay out of the sheet itself: a comment inside the string would ship in the content script.)
 */
export const SHADE_CSS = `
:host { ${HOST_STYLE}; }
.box { position: absolute; box-sizing: border-box; pointer-events: none; background: rgba(255, 204, 0, 0.32); border-bottom: 2px solid rgba(196, 140, 0, 0.9); border-radius: 2px; mix-blend-mode: multiply; }
.box.active { background: rgba(255, 204, 0, 0.5); border-bottom-color: rgba(150, 100, 0, 1); }
[data-scheme='dark'] .box { background: rgba(255, 214, 64, 0.28); border-bottom-color: rgba(255, 214, 64, 0.9); mix-blend-mode: screen; }
@media (forced-colors: active) { .box { background: transparent; border-bottom: 2px solid Highlight; } }
.notice { position: fixed; right: 12px; bottom: 12px; max-width: 26em; padding: 6px 10px; box-sizing: border-box; pointer-events: none; font: 13px/1.35 system-ui, sans-serif; color: #1f1a00; background: #fff6c2; border: 1px solid #8a6a00; border-radius: 6px; box-shadow: 0 1px 4px rgba(0, 0, 0, 0.2); }
.notice[hidden] { display: none; }
[data-scheme='dark'] > .notice { color: #fff6c2; background: #2b2600; border-color: #f0e442; }
@media (forced-colors: active) { .notice { border-color: CanvasText; } }
@media print { .box, .notice { display: none; } }
`;
