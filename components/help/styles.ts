/** The stylesheet of the help and about pages: the shared theme and a readable column. */
import { readingColumnCss } from '../page/PageChrome';
import { BASE_CSS, TOAST_CSS } from '../styles';

/** The tables, keys and error line both pages share, on the reading pages' column. */
const PAGE_CSS = `${readingColumnCss('cp-help')}
.cp-help p + table, .cp-help table + p { margin-top: 0.6em; }
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
