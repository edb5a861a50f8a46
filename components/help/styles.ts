/** The stylesheet of the help and about pages: the shared theme and a readable column. */
import { BASE_CSS, DARK_PALETTE, LIGHT_PALETTE, TOAST_CSS } from '../styles';

/** The column, headings, tables and footer both pages share. */
const PAGE_CSS = `
html { background: ${LIGHT_PALETTE.surface}; }
@media (prefers-color-scheme: dark) { html { background: ${DARK_PALETTE.surface}; } }
body { margin: 0; }
.cp-help {
  font-family: system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif;
  font-size: 1rem; line-height: 1.55; color: var(--cp-text); background: var(--cp-surface);
  max-width: 42rem; margin: 0 auto; padding: 1.5rem 1.25rem 3rem;
}
.cp-help h1 { font-size: 1.6em; line-height: 1.25; margin: 0.1em 0 0.5em; font-weight: 700; }
.cp-help h2 { font-size: 1.2em; margin: 1.6em 0 0.5em; }
.cp-help h3 { font-size: 1em; margin: 1.2em 0 0.4em; }
.cp-help p + p, .cp-help p + table, .cp-help table + p { margin-top: 0.6em; }
.cp-help-brand { font-size: 0.875em; font-weight: 600; color: var(--cp-muted); letter-spacing: 0.02em; }
.cp-help-table { width: 100%; border-collapse: collapse; margin-top: 0.6em; }
.cp-help-table th, .cp-help-table td {
  text-align: start; vertical-align: top; padding: 0.45em 0.5em 0.45em 0;
  border-bottom: 1px solid var(--cp-border);
}
.cp-help-table thead th { font-size: 0.875em; color: var(--cp-muted); }
.cp-help-table tbody th { font-weight: 400; }
.cp-help-table td { width: 40%; }
.cp-help-keys { white-space: nowrap; }
.cp-help kbd {
  font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 0.875em;
  padding: 0.05em 0.4em; border-radius: 4px; border: 1px solid var(--cp-border);
  border-bottom-width: 2px; background: var(--cp-opinion-background); color: var(--cp-text);
}
.cp-help-error:empty { display: none; }
.cp-help-error { color: var(--cp-danger); }
.cp-help-list { list-style: disc; padding-left: 1.25em; display: flex; flex-direction: column; gap: 0.5em; }
.cp-help-footer {
  display: flex; flex-wrap: wrap; gap: 0.5em 1.5em; margin-top: 2.5em; padding-top: 1em;
  border-top: 1px solid var(--cp-border);
}
@media (max-width: 30rem) { .cp-help-table td { width: auto; } }
`;

/** Everything the help page needs, in order. */
export const HELP_CSS = [BASE_CSS, PAGE_CSS].join('\n');

/** Everything the about page needs: the help page's look, a dialog and the toast. */
export const ABOUT_CSS = [
  BASE_CSS,
  PAGE_CSS,
  TOAST_CSS,
  `
.cp-about-stored { margin: 0.6em 0 0; }
.cp-about-stored dt { font-weight: 600; margin-top: 0.75em; }
.cp-about-stored dd { margin: 0.1em 0 0; }
.cp-about-dialog {
  max-width: min(28rem, calc(100vw - 2rem)); padding: 1.25rem; border-radius: 10px;
  border: 1px solid var(--cp-border); color: var(--cp-text); background: var(--cp-surface);
}
.cp-about-dialog::backdrop { background: rgba(0, 0, 0, 0.45); }
.cp-about-dialog h2 { margin-top: 0; }
.cp-about-actions { display: flex; flex-wrap: wrap; gap: 0.6em; margin-top: 1em; }
.cp-about .cp-toast-region { position: sticky; bottom: 1rem; margin-top: 1em; }
`,
].join('\n');
