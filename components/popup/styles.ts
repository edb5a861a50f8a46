/**
 * The stylesheet of the toolbar popup and the notes manager. They are ordinary extension pages,
 * not shadow roots, so the shared rules apply through the `.cp-theme` wrapper (light and dark
 * follow the system), and the page itself gets the surface colour of the theme.
 */
import {
  BASE_CSS,
  DARK_PALETTE,
  LIGHT_PALETTE,
  NOTE_CARD_CSS,
  NOTE_EDITOR_CSS,
  POPOVER_CSS,
  TOAST_CSS,
  VERDICT_CHIP_CSS,
} from '../styles';

/** Page-level rules and the parts both views share: switches, note rows, toolbar, sections. */
const VIEWS_CSS = `
html { background: ${LIGHT_PALETTE.surface}; }
@media (prefers-color-scheme: dark) { html { background: ${DARK_PALETTE.surface}; } }
body { margin: 0; }
.cp-view {
  font-family: system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif;
  font-size: 14px; line-height: 1.45; color: var(--cp-text); background: var(--cp-surface);
}
.cp-view h1 { font-size: 1.15em; margin: 0; }
.cp-view h2 { font-size: 1em; }
.cp-view h3 { font-size: 0.95em; }
.cp-view section + section { border-top: 1px solid var(--cp-border); }
.cp-section { display: flex; flex-direction: column; gap: 0.5em; padding: 0.75em 1em; }
.cp-section-title { display: flex; align-items: baseline; gap: 0.5em; }
.cp-section-title h2 { flex: 1; }
.cp-header { display: flex; flex-direction: column; gap: 0.25em; padding: 0.75em 1em; border-bottom: 1px solid var(--cp-border); }
.cp-header-status strong { font-weight: 600; }
.cp-problem {
  padding: 0.5em 0.75em; border-radius: 6px; border-left: 4px solid var(--cp-warning);
  background: var(--cp-partly-supported-background); color: var(--cp-text);
}
.cp-error-box {
  padding: 0.5em 0.75em; border-radius: 6px; border-left: 4px solid var(--cp-danger);
  font-weight: 600; color: var(--cp-danger);
}
.cp-error-box:empty { display: none; }
.cp-empty { color: var(--cp-muted); }
.cp-empty strong { color: var(--cp-text); }

.cp-switches { display: flex; flex-direction: column; gap: 0.35em; }
.cp-switch {
  display: flex; align-items: center; justify-content: space-between; gap: 0.75em; width: 100%;
  min-height: 32px; padding: 0.25em 0; border: 0; background: none; cursor: pointer;
  font: inherit; color: var(--cp-text); text-align: left;
}
.cp-switch-track {
  position: relative; flex: none; width: 36px; height: 20px; border-radius: 999px;
  background: var(--cp-surface); border: 2px solid var(--cp-muted);
}
.cp-switch-track::after {
  content: ''; position: absolute; top: 2px; left: 2px; width: 12px; height: 12px;
  border-radius: 50%; background: var(--cp-muted); transition: transform 120ms ease-out;
}
.cp-switch[aria-checked='true'] .cp-switch-track { background: var(--cp-link); border-color: var(--cp-link); }
.cp-switch[aria-checked='true'] .cp-switch-track::after { transform: translateX(16px); background: var(--cp-surface); }
.cp-switch-hint { font-size: 0.85em; color: var(--cp-muted); }

.cp-tally { display: flex; flex-wrap: wrap; gap: 0.3em; }
.cp-claims-details summary { cursor: pointer; font-weight: 600; color: var(--cp-link); padding: 0.2em 0; }
.cp-claims-details[open] summary { margin-bottom: 0.4em; }
.cp-claims { display: flex; flex-direction: column; gap: 0.35em; }
.cp-claim-row {
  display: flex; flex-direction: column; align-items: flex-start; gap: 0.25em; width: 100%;
  padding: 0.45em 0.6em; border: 1px solid var(--cp-border); border-radius: 6px; cursor: pointer;
  font: inherit; text-align: left; color: var(--cp-text); background: var(--cp-surface);
}
.cp-claim-row:hover { border-color: var(--cp-muted); }
.cp-claim-quote { font-size: 0.9em; overflow-wrap: anywhere; }
.cp-claim-row[data-found='false'] { border-style: dashed; }
.cp-claim-missing { font-size: 0.8em; color: var(--cp-warning); font-weight: 600; }
.cp-orphans > li + li { margin-top: 0.5em; }
.cp-orphan { display: flex; flex-direction: column; gap: 0.2em; font-size: 0.9em; }

.cp-notes-toolbar { display: flex; flex-wrap: wrap; gap: 0.4em; }
.cp-notes-toolbar input[type='search'] { flex: 1 1 100%; }
.cp-notes-toolbar select { flex: 1 1 0; min-width: 0; }
.cp-view input[type='search'], .cp-view select {
  font: inherit; padding: 0.35em 0.5em; border-radius: 6px; min-height: 30px;
  color: var(--cp-text); background: var(--cp-surface); border: 1px solid var(--cp-muted);
}
.cp-scope { display: flex; gap: 0; border: 1px solid var(--cp-border); border-radius: 6px; padding: 2px; margin: 0; }
.cp-scope legend { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); }
.cp-scope label {
  position: relative; flex: 1; display: flex; justify-content: center; padding: 0.25em 0.5em; border-radius: 4px;
  cursor: pointer; font-size: 0.9em; font-weight: 600; color: var(--cp-muted);
}
.cp-scope label:has(input:checked) { color: var(--cp-text); background: var(--cp-opinion-background); }
.cp-scope label:has(input:focus-visible) { outline: 2px solid var(--cp-focus); outline-offset: 1px; }
.cp-scope input { position: absolute; inset: 0; width: 100%; height: 100%; margin: 0; opacity: 0; cursor: pointer; }
.cp-result-count { font-size: 0.85em; color: var(--cp-muted); }
.cp-groups { display: flex; flex-direction: column; gap: 0.9em; }
.cp-group-title { font-size: 0.9em; display: flex; flex-wrap: wrap; gap: 0.25em 0.5em; align-items: baseline; }
.cp-group-title .cp-muted { font-weight: 400; }
.cp-note-rows { display: flex; flex-direction: column; gap: 0.5em; margin-top: 0.35em; }
.cp-note-row .cp-quote { font-size: 0.95em; -webkit-line-clamp: 3; }
.cp-note-row[data-orphan] { outline: 1px dashed var(--cp-warning); }
.cp-note-actions { display: flex; flex-wrap: wrap; gap: 0.75em; margin-left: auto; }
.cp-note-flag { font-size: 0.85em; color: var(--cp-warning); font-weight: 600; }
.cp-view .cp-editor { width: 100%; max-height: none; box-shadow: none; animation: none; }
.cp-transfer { display: flex; flex-wrap: wrap; gap: 0.4em; align-items: center; }
.cp-file-button { position: relative; display: inline-flex; align-items: center; }
.cp-file-button:focus-within { outline: 2px solid var(--cp-focus); outline-offset: 2px; }
.cp-file-button input { position: absolute; inset: 0; width: 100%; height: 100%; opacity: 0; cursor: pointer; }
.cp-import-summary { font-size: 0.9em; }
.cp-import-summary:empty { display: none; }
.cp-toast-dock { position: sticky; bottom: 0; display: flex; justify-content: center; padding: 0 1em 0.75em; pointer-events: none; }
.cp-toast-dock .cp-toast { pointer-events: auto; }
.cp-footer { display: flex; flex-wrap: wrap; gap: 0.5em; padding: 0.75em 1em; border-top: 1px solid var(--cp-border); }
.cp-footer-links { display: flex; flex-wrap: wrap; align-items: center; gap: 0.25em 1em; margin-inline-start: auto; font-size: 0.875em; }
`;

/** The popup: 380 px wide, as browsers size popups by their content. */
const POPUP_ONLY_CSS = `
.cp-popup { width: 380px; }
`;

/** The notes manager: the same notes area, centred and wider. */
const MANAGER_ONLY_CSS = `
.cp-manager { min-height: 100vh; }
.cp-manager-main { max-width: 60rem; margin: 0 auto; }
.cp-manager .cp-notes-toolbar input[type='search'] { flex: 3 1 20em; }
.cp-manager .cp-notes-toolbar select { flex: 1 1 10em; }
`;

const SHARED = [
  BASE_CSS,
  VERDICT_CHIP_CSS,
  POPOVER_CSS,
  NOTE_CARD_CSS,
  NOTE_EDITOR_CSS,
  TOAST_CSS,
  VIEWS_CSS,
];

/** Everything the popup needs, in order. */
export const POPUP_CSS = [...SHARED, POPUP_ONLY_CSS].join('\n');

/** Everything the notes manager needs, in order. */
export const MANAGER_CSS = [...SHARED, MANAGER_ONLY_CSS].join('\n');
