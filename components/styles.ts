/**
 * The stylesheet of Counterpoint's in-page UI, as strings the controller injects into its
 * (closed) shadow root; the popup can inject the same strings into its document.
 *
 * `:host { all: initial }` cuts every inherited property off at the shadow boundary, so the
 * article's CSS cannot restyle us; colours are custom properties so one set of rules serves
 * both themes. The theme follows the system unless a wrapper says `data-theme="light"|"dark"`.
 *
 * Verdict colours and underline styles are the page-highlight legend. Both come from the verdict
 * table in utils/packs/verdicts.ts, which the highlight painter reads too; the palettes are
 * exported as data so the contrast test reads the same values.
 */
import type { Verdict } from '../utils/packs/types';
import { VERDICTS } from '../utils/packs/types';
import { decorationLineOf, VERDICT_TABLE } from '../utils/packs/verdicts';

/** What the legend colours: every verdict, plus the reader's own notes. */
export type LegendKey = Verdict | 'note';

/** Text colour and tinted background of one legend entry in one theme. */
export interface LegendColours {
  text: string;
  background: string;
}

/** Every colour of one theme. Text colours are at least 4.5:1 on `surface` and on their own tint. */
export interface ThemePalette {
  surface: string;
  text: string;
  muted: string;
  border: string;
  link: string;
  focus: string;
  danger: string;
  warning: string;
  shadow: string;
  legend: Record<LegendKey, LegendColours>;
}

/** The verdicts' legend colours in one scheme: the verdict table's ink on its tint. */
function verdictLegend(scheme: 'light' | 'dark'): Record<Verdict, LegendColours> {
  return Object.fromEntries(
    VERDICTS.map((verdict) => {
      const colours = VERDICT_TABLE[verdict][scheme];
      return [verdict, { text: colours.ink, background: colours.tint }];
    }),
  ) as Record<Verdict, LegendColours>;
}

/** The light theme. */
export const LIGHT_PALETTE: ThemePalette = {
  surface: '#ffffff',
  text: '#1f2328',
  muted: '#59636e',
  border: '#d1d9e0',
  link: '#0b57d0',
  focus: '#0b57d0',
  danger: '#b42318',
  warning: '#7a4f00',
  shadow: 'rgba(31, 35, 40, 0.18)',
  legend: {
    ...verdictLegend('light'),
    note: { text: '#6b3fb8', background: '#efe7fb' },
  },
};

/** The dark theme. */
export const DARK_PALETTE: ThemePalette = {
  surface: '#1f2125',
  text: '#e6e8eb',
  muted: '#a3acb6',
  border: '#3a3f46',
  link: '#8ab4f8',
  focus: '#8ab4f8',
  danger: '#ff8a80',
  warning: '#f0c05a',
  shadow: 'rgba(0, 0, 0, 0.5)',
  legend: {
    ...verdictLegend('dark'),
    note: { text: '#c5a8ff', background: '#2c2143' },
  },
};

/** The underline each legend entry uses on the page, echoed under the chip labels here. */
export const LEGEND_UNDERLINES: Record<
  LegendKey,
  { line: string; style: string; thickness: string }
> = {
  ...(Object.fromEntries(
    VERDICTS.map((verdict) => {
      const look = VERDICT_TABLE[verdict];
      return [
        verdict,
        { line: decorationLineOf(look), style: look.underline, thickness: `${look.thickness}px` },
      ];
    }),
  ) as Record<Verdict, { line: string; style: string; thickness: string }>),
  note: { line: 'underline', style: 'solid', thickness: '4px' },
};

const LEGEND_KEYS: readonly LegendKey[] = [...VERDICTS, 'note'];

function themeVariables(palette: ThemePalette, colorScheme: 'light' | 'dark'): string {
  const legend = LEGEND_KEYS.map(
    (key) =>
      `--cp-${key}-text: ${palette.legend[key].text}; --cp-${key}-background: ${palette.legend[key].background};`,
  ).join('\n  ');
  return `color-scheme: ${colorScheme};
  --cp-surface: ${palette.surface};
  --cp-text: ${palette.text};
  --cp-muted: ${palette.muted};
  --cp-border: ${palette.border};
  --cp-link: ${palette.link};
  --cp-focus: ${palette.focus};
  --cp-danger: ${palette.danger};
  --cp-warning: ${palette.warning};
  --cp-shadow: ${palette.shadow};
  ${legend}`;
}

/** Isolation from the page, fonts, both themes, focus rings, reduced motion and shared bits (buttons, links, tags). */
export const BASE_CSS = `
:host {
  all: initial;
  font-family: system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif;
  font-size: medium;
  line-height: 1.5;
  color: var(--cp-text);
}
:host, .cp-theme { ${themeVariables(LIGHT_PALETTE, 'light')} }
@media (prefers-color-scheme: dark) {
  :host, .cp-theme { ${themeVariables(DARK_PALETTE, 'dark')} }
}
[data-theme='light'] { ${themeVariables(LIGHT_PALETTE, 'light')} color: var(--cp-text); }
[data-theme='dark'] { ${themeVariables(DARK_PALETTE, 'dark')} color: var(--cp-text); }
*, *::before, *::after { box-sizing: border-box; }
/* Our display rules would otherwise override the user-agent style of the hidden attribute. */
[hidden] { display: none !important; }
h2, h3, p, ul, ol, blockquote, figure { margin: 0; padding: 0; }
h2, h3 { font-size: 1em; font-weight: 600; }
ul { list-style: none; }
a { color: var(--cp-link); text-decoration: underline; text-underline-offset: 0.15em; }
a:hover { text-decoration-thickness: 2px; }
code {
  font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
  font-size: 0.9em;
  padding: 0 0.25em;
  border-radius: 3px;
  background: var(--cp-opinion-background);
}
:focus-visible { outline: 2px solid var(--cp-focus); outline-offset: 2px; }
[tabindex='-1']:focus:not(:focus-visible) { outline: none; }
.cp-visually-hidden {
  position: absolute; width: 1px; height: 1px; margin: -1px; padding: 0;
  overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; border: 0;
}
.cp-button {
  font: inherit; font-size: 0.875em; font-weight: 600; line-height: 1.3;
  min-height: 28px; padding: 0.3em 0.8em; border-radius: 6px; cursor: pointer;
  color: var(--cp-text); background: var(--cp-surface); border: 1px solid var(--cp-border);
}
.cp-button:hover { border-color: var(--cp-muted); }
.cp-button:disabled { cursor: default; opacity: 0.7; }
.cp-button-primary { color: var(--cp-surface); background: var(--cp-link); border-color: var(--cp-link); }
.cp-button-danger { color: var(--cp-danger); }
.cp-link-button {
  font: inherit; padding: 0; border: 0; background: none; cursor: pointer;
  color: var(--cp-link); text-decoration: underline; text-underline-offset: 0.15em;
}
.cp-icon-button {
  display: inline-grid; place-items: center; flex: none; width: 28px; height: 28px;
  padding: 0; border: 0; border-radius: 6px; cursor: pointer;
  font: inherit; font-size: 1.1em; line-height: 1; color: var(--cp-muted); background: none;
}
.cp-icon-button:hover { color: var(--cp-text); background: var(--cp-opinion-background); }
.cp-muted { color: var(--cp-muted); }
.cp-tags { display: flex; flex-wrap: wrap; gap: 0.3em; }
.cp-tag {
  font-size: 0.8125em; padding: 0 0.5em; border-radius: 999px;
  color: var(--cp-note-text); background: var(--cp-note-background);
}
@keyframes cp-appear { from { opacity: 0; transform: translateY(4px); } }
@media (prefers-reduced-motion: reduce) {
  *, *::before, *::after { animation: none !important; transition: none !important; }
}
`;

/** The verdict chip: tinted pill, glyph, label, and a sample of the page highlight's underline. */
export const VERDICT_CHIP_CSS = `
.cp-chip {
  display: inline-flex; align-items: center; gap: 0.35em; padding: 0.05em 0.6em;
  border-radius: 999px; border: 1px solid currentColor;
  font-size: 0.8125em; font-weight: 600; line-height: 1.6; white-space: nowrap;
}
.cp-chip-glyph { font-size: 0.95em; }
.cp-chip-line { text-decoration-line: underline; text-underline-offset: 0.25em; }
.cp-chip-line::before { content: '\\00a0\\00a0\\00a0\\00a0'; }
.cp-chip-count { font-variant-numeric: tabular-nums; }
button.cp-chip { font-family: inherit; cursor: pointer; min-height: 24px; }
button.cp-chip:hover { box-shadow: inset 0 0 0 1px currentColor; }
${LEGEND_KEYS.map(
  (
    key,
  ) => `.cp-chip[data-verdict='${key}'] { color: var(--cp-${key}-text); background: var(--cp-${key}-background); }
.cp-chip[data-verdict='${key}'] .cp-chip-line { text-decoration-line: ${LEGEND_UNDERLINES[key].line}; text-decoration-style: ${LEGEND_UNDERLINES[key].style}; text-decoration-thickness: ${LEGEND_UNDERLINES[key].thickness}; }`,
).join('\n')}
`;

/** The frame shared by the claim and note popovers and the editor: capped width, scrolling body. */
export const POPOVER_CSS = `
.cp-popover {
  display: flex; flex-direction: column;
  width: min(360px, calc(100vw - 16px)); max-height: min(70vh, 560px);
  font-size: 0.9375em; color: var(--cp-text); background: var(--cp-surface);
  border: 1px solid var(--cp-border); border-radius: 8px;
  box-shadow: 0 6px 24px var(--cp-shadow);
  animation: cp-appear 120ms ease-out;
}
${VERDICTS.map((verdict) => `.cp-popover[data-verdict='${verdict}'] { border-top: 4px solid var(--cp-${verdict}-text); }`).join('\n')}
.cp-popover[data-kind='note'] { border-top: 4px solid var(--cp-note-text); }
.cp-popover-header { display: flex; align-items: flex-start; gap: 0.5em; padding: 0.75em 0.5em 0.25em 1em; }
.cp-popover-heading { flex: 1; font-size: 1em; font-weight: 600; }
.cp-popover-body { overflow-y: auto; overscroll-behavior: contain; padding: 0.25em 1em 0.75em; }
.cp-popover-body > * + * { margin-top: 0.75em; }
.cp-popover-footer {
  display: flex; flex-wrap: wrap; align-items: center; gap: 0.5em;
  padding: 0.6em 1em; border-top: 1px solid var(--cp-border);
}
.cp-section-heading {
  font-size: 0.75em; font-weight: 700; letter-spacing: 0.04em; text-transform: uppercase;
  color: var(--cp-muted); margin-bottom: 0.25em;
}
.cp-claim-heading { font-size: 1.0625em; }
.cp-kind { margin-top: 0.2em; font-size: 0.8125em; color: var(--cp-muted); }
.cp-summary { font-weight: 600; }
.cp-counterpoints > li + li, .cp-sources > li + li { margin-top: 0.5em; }
.cp-sources { font-size: 0.875em; list-style: none; }
.cp-source-number { font-variant-numeric: tabular-nums; color: var(--cp-muted); }
.cp-source-refs { margin-top: 0.25em; padding-left: 0.75em; border-left: 2px solid var(--cp-border); font-size: 0.875em; color: var(--cp-muted); }
.cp-source-ref-number { font-weight: 600; color: var(--cp-text); }
.cp-copy-status { font-size: 0.8125em; color: var(--cp-muted); }
.cp-copy-status:empty { position: absolute; } /* kept in the tree as a live region, out of the flow */
.cp-copy-field { flex-basis: 100%; display: grid; gap: 0.25em; font-size: 0.8125em; }
.cp-copy-field input { font: inherit; width: 100%; padding: 0.3em 0.4em; color: var(--cp-text); background: var(--cp-surface); border: 1px solid var(--cp-border); border-radius: 4px; }
.cp-review-line { flex-basis: 100%; font-size: 0.8125em; color: var(--cp-muted); }
.cp-source-meta { color: var(--cp-muted); }
.cp-counterpoints .cp-sources { margin-top: 0.25em; padding-left: 0.75em; border-left: 2px solid var(--cp-border); }
.cp-quote {
  padding-left: 0.75em; border-left: 4px solid var(--cp-note-text); color: var(--cp-muted);
  display: -webkit-box; -webkit-box-orient: vertical; -webkit-line-clamp: 4; overflow: hidden;
}
.cp-note-body > p + p { margin-top: 0.6em; }
.cp-note-body { overflow-wrap: anywhere; }
.cp-dates { font-size: 0.8125em; color: var(--cp-muted); }
`;

/** Note cards as listed under a claim (compact) or on their own. */
export const NOTE_CARD_CSS = `
.cp-note-cards > li + li { margin-top: 0.5em; }
.cp-note-card {
  display: flex; flex-direction: column; gap: 0.25em; padding: 0.4em 0.6em;
  border-left: 4px solid var(--cp-note-text); border-radius: 0 6px 6px 0;
  background: var(--cp-note-background); font-size: 0.875em; overflow-wrap: anywhere;
}
.cp-note-card[data-compact] .cp-note-body {
  display: -webkit-box; -webkit-box-orient: vertical; -webkit-line-clamp: 3; overflow: hidden;
}
.cp-note-card .cp-tag { background: var(--cp-surface); }
.cp-note-card-meta { display: flex; flex-wrap: wrap; align-items: center; gap: 0.5em; color: var(--cp-muted); font-size: 0.9em; }
`;

/** The note editor: textarea, tags, live count and errors. */
export const NOTE_EDITOR_CSS = `
.cp-editor-form { display: flex; flex-direction: column; min-height: 0; }
.cp-field { display: flex; flex-direction: column; gap: 0.25em; }
.cp-field label { font-size: 0.875em; font-weight: 600; }
.cp-field textarea, .cp-field input {
  font: inherit; width: 100%; padding: 0.45em 0.6em; border-radius: 6px;
  color: var(--cp-text); background: var(--cp-surface); border: 1px solid var(--cp-muted);
}
.cp-field textarea { min-height: 7em; resize: vertical; }
.cp-field textarea[aria-invalid='true'], .cp-field input[aria-invalid='true'] { border-color: var(--cp-danger); }
.cp-hint, .cp-count { font-size: 0.8125em; color: var(--cp-muted); }
.cp-count { font-variant-numeric: tabular-nums; }
.cp-count[data-state='near'] { color: var(--cp-warning); font-weight: 600; }
.cp-count[data-state='over'] { color: var(--cp-danger); font-weight: 600; }
.cp-error { font-size: 0.875em; font-weight: 600; color: var(--cp-danger); }
.cp-error:empty { display: none; }
.cp-popover-footer .cp-shortcut-hint { margin-right: auto; font-size: 0.75em; color: var(--cp-muted); }
`;

/** The "Add note" button that appears by a selection. */
export const ADDER_CSS = `
.cp-adder {
  display: inline-flex; align-items: center; gap: 0.35em; min-height: 32px; padding: 0.3em 0.8em;
  font: inherit; font-size: 0.875em; font-weight: 600; cursor: pointer;
  color: var(--cp-note-text); background: var(--cp-surface);
  border: 1px solid var(--cp-border); border-radius: 999px; box-shadow: 0 3px 12px var(--cp-shadow);
  animation: cp-appear 100ms ease-out;
}
.cp-adder:hover { background: var(--cp-note-background); }
`;

/** The reading guide near the headline. */
export const READING_GUIDE_CSS = `
.cp-guide {
  display: flex; flex-direction: column; gap: 0.5em; max-width: 40em; padding: 0.6em 0.8em;
  font-size: 0.875em; color: var(--cp-text); background: var(--cp-surface);
  border: 1px solid var(--cp-border); border-left: 4px solid var(--cp-link); border-radius: 6px;
}
.cp-guide-row { display: flex; flex-wrap: wrap; align-items: center; gap: 0.4em 0.75em; }
.cp-guide-title { font-weight: 600; }
.cp-guide-counts { display: flex; flex-wrap: wrap; gap: 0.3em; }
.cp-guide-nav { display: flex; gap: 0.4em; margin-left: auto; }
.cp-about { display: flex; flex-direction: column; gap: 0.75em; padding-top: 0.25em; }
.cp-about h3 { font-size: 1em; }
.cp-about-role { font-weight: 400; color: var(--cp-muted); }
.cp-about-entry > * + * { margin-top: 0.35em; }
.cp-about-entry ul { list-style: disc; padding-left: 1.25em; }
.cp-about-entry .cp-sources { list-style: none; padding-left: 0; }
`;

/** The status toast. */
export const TOAST_CSS = `
.cp-toast {
  display: inline-flex; align-items: center; gap: 0.75em; padding: 0.5em 0.6em 0.5em 1em;
  font-size: 0.875em; color: var(--cp-surface); background: var(--cp-text);
  border-radius: 8px; box-shadow: 0 6px 24px var(--cp-shadow); animation: cp-appear 120ms ease-out;
}
.cp-toast:empty { display: none; }
.cp-toast .cp-link-button { color: inherit; font-weight: 700; }
.cp-toast .cp-icon-button { color: inherit; }
`;

/** Everything above, in the order it must be injected. */
export const COUNTERPOINT_CSS = [
  BASE_CSS,
  VERDICT_CHIP_CSS,
  POPOVER_CSS,
  NOTE_CARD_CSS,
  NOTE_EDITOR_CSS,
  ADDER_CSS,
  READING_GUIDE_CSS,
  TOAST_CSS,
].join('\n');
