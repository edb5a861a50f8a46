/** The stylesheet of the method page: the shared theme, verdict chips and a readable column. */
import { BASE_CSS, DARK_PALETTE, LIGHT_PALETTE, VERDICT_CHIP_CSS } from '../styles';

const PAGE_CSS = `
html { background: ${LIGHT_PALETTE.surface}; }
@media (prefers-color-scheme: dark) { html { background: ${DARK_PALETTE.surface}; } }
body { margin: 0; }
.cp-method {
  font-family: system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif;
  font-size: 1rem; line-height: 1.55; color: var(--cp-text); background: var(--cp-surface);
  max-width: 42rem; margin: 0 auto; padding: 1.5rem 1.25rem 3rem;
}
.cp-method h1 { font-size: 1.6em; line-height: 1.25; margin: 0.1em 0 0.5em; font-weight: 700; }
.cp-method h2 { font-size: 1.2em; margin: 1.6em 0 0.5em; }
.cp-method h3 { font-size: 1em; margin: 1.2em 0 0.4em; }
.cp-method p + p { margin-top: 0.6em; }
.cp-method-brand { font-size: 0.875em; font-weight: 600; color: var(--cp-muted); letter-spacing: 0.02em; }
.cp-method-verdicts { margin: 0.75em 0 0; display: flex; flex-direction: column; gap: 0.75em; }
.cp-method-verdict { display: grid; grid-template-columns: 12.5em 1fr; gap: 0.25em 0.75em; align-items: baseline; }
.cp-method-verdict dd { margin: 0; }
/* The column fits the longest verdict word of the three languages ("Partiellement étayée"). */
@media (max-width: 30rem) { .cp-method-verdict { grid-template-columns: 1fr; } }
.cp-method-list { list-style: disc; padding-left: 1.25em; display: flex; flex-direction: column; gap: 0.5em; }
.cp-method cite { font-style: italic; }
.cp-method-footer {
  display: flex; flex-wrap: wrap; gap: 0.5em 1.5em; margin-top: 2.5em; padding-top: 1em;
  border-top: 1px solid var(--cp-border);
}
`;

/** Everything the method page needs, in order. */
export const METHOD_CSS = [BASE_CSS, VERDICT_CHIP_CSS, PAGE_CSS].join('\n');
