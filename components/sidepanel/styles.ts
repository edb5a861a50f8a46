/**
 * The side panel's stylesheet: the shared theme (light and dark follow the system, as on every
 * extension page), the verdict chips, and the overview's own rules. Sizes are in `em`, and rows
 * wrap rather than clip, so the panel stays usable at 200 % zoom in a narrow side bar.
 */
import { BASE_CSS, DARK_PALETTE, LIGHT_PALETTE, VERDICT_CHIP_CSS } from '../styles';

const PANEL_CSS = `
html { background: ${LIGHT_PALETTE.surface}; }
@media (prefers-color-scheme: dark) { html { background: ${DARK_PALETTE.surface}; } }
body { margin: 0; }
.cp-sidepanel {
  min-height: 100vh;
  font-family: system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif;
  font-size: 14px; line-height: 1.45; color: var(--cp-text); background: var(--cp-surface);
  overflow-wrap: anywhere;
}
.cp-sidepanel h1 { font-size: 1.15em; margin: 0; }
.cp-sidepanel h2 { font-size: 1em; }
.cp-sp-header { display: flex; flex-direction: column; gap: 0.25em; padding: 0.75em 1em; border-bottom: 1px solid var(--cp-border); }
.cp-sp-title { font-weight: 600; }
.cp-sp-section { display: flex; flex-direction: column; gap: 0.5em; padding: 0.75em 1em; }
.cp-sp-section + .cp-sp-section { border-top: 1px solid var(--cp-border); }
.cp-sp-empty { padding: 1em; display: flex; flex-direction: column; gap: 0.5em; }
.cp-sp-empty strong { font-size: 1.05em; }
.cp-sp-review { font-size: 0.9em; color: var(--cp-muted); }
.cp-sp-filter { margin: 0; padding: 0; border: 0; min-width: 0; display: flex; flex-wrap: wrap; gap: 0.35em; }
.cp-sp-filter-button {
  font: inherit; padding: 2px; border-radius: 999px; border: 2px solid transparent;
  background: none; cursor: pointer; min-height: 24px;
}
.cp-sp-filter-button[aria-pressed='true'] { border-color: var(--cp-text); }
/* Longer verdict words ("Partiellement étayée : 3") wrap inside their chip in a narrow panel. */
.cp-sidepanel .cp-chip { white-space: normal; max-width: 100%; }
.cp-sp-filter-button { max-width: 100%; }
.cp-sp-filter-button[aria-pressed='true'] .cp-chip-glyph::before { content: '✔ '; }
.cp-sp-filter-summary { font-size: 0.9em; color: var(--cp-muted); }
.cp-sp-clear { align-self: flex-start; }
.cp-sp-status { font-size: 0.9em; color: var(--cp-muted); min-height: 1.45em; }
.cp-sp-copy-field { display: grid; gap: 0.25em; font-size: 0.85em; }
.cp-sp-copy-field input { font: inherit; width: 100%; color: var(--cp-text); background: var(--cp-surface); border: 1px solid var(--cp-muted); border-radius: 4px; padding: 0.25em; }

.cp-vlist { position: relative; margin: 0; padding: 0; list-style: none; }
.cp-vlist-row { position: absolute; left: 0; right: 0; padding-bottom: 0.5em; }
.cp-entry {
  display: flex; flex-direction: column; gap: 0.25em;
  border: 1px solid var(--cp-border); border-radius: 6px; background: var(--cp-surface);
}
.cp-entry[data-current='true'] { border-color: var(--cp-focus); box-shadow: inset 4px 0 0 var(--cp-focus); }
.cp-entry-main {
  display: flex; flex-direction: column; align-items: flex-start; gap: 0.3em; width: 100%;
  padding: 0.5em 0.6em; border: 0; border-radius: 6px; cursor: pointer;
  font: inherit; text-align: left; color: var(--cp-text); background: none;
}
.cp-entry:has(button.cp-entry-main:hover) { border-color: var(--cp-muted); }
.cp-entry:has(button.cp-entry-main:hover) .cp-entry-quote { text-decoration: underline; text-underline-offset: 0.15em; }
div.cp-entry-main { cursor: default; }
.cp-entry-quote { font-size: 0.95em; }
.cp-entry-note-quote {
  font-size: 0.85em; color: var(--cp-muted); padding-left: 0.5em; border-left: 3px solid var(--cp-note-text);
  display: -webkit-box; -webkit-box-orient: vertical; -webkit-line-clamp: 2; overflow: hidden;
}
.cp-entry-body { display: -webkit-box; -webkit-box-orient: vertical; -webkit-line-clamp: 4; overflow: hidden; white-space: pre-line; }
.cp-entry-missing, .cp-entry-current { font-size: 0.8em; font-weight: 600; }
.cp-entry-missing { color: var(--cp-warning); }
.cp-entry-current { color: var(--cp-focus); }
.cp-entry-actions { display: flex; flex-wrap: wrap; gap: 0.5em; padding: 0 0.6em 0.5em; }
.cp-entry-actions .cp-button { min-height: 24px; }
`;

/** Everything the side panel needs, in order. */
export const SIDEPANEL_CSS = [BASE_CSS, VERDICT_CHIP_CSS, PANEL_CSS].join('\n');
