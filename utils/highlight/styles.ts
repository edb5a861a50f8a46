/**
 * How each highlight looks, in one table shared by the Custom Highlight style sheet, the fallback
 * wrappers' inline styles and the marker badges.
 *
 * Every style has a non-colour cue (the underline's line style, and a glyph on the marker), so a
 * reader who cannot tell the colours apart still can tell the verdicts apart. Colours come from the
 * Okabe–Ito palette, chosen to stay distinct under the common colour-vision deficiencies, darkened
 * where needed (the verdicts' inks read at 4.5:1 or more on white). Backgrounds are translucent tints
 * and the text colour is never changed, so the page's own text contrast is kept on light and dark
 * pages alike; `prefers-color-scheme: dark` only swaps in lighter inks.
 *
 * The verdicts' inks, line styles, thicknesses and glyphs come from the verdict table in
 * utils/packs/verdicts.ts, which the popover's legend reads as well.
 */
import { VERDICTS, type Verdict } from '../packs/types';
import { decorationLineOf, rgbTriple, type UnderlineStyle, VERDICT_TABLE } from '../packs/verdicts';

/** Which layer a highlight belongs to. Notes paint above claims. */
export type HighlightLayer = 'claims' | 'notes';

/** The style tokens the painter knows. Anything else is painted as `unrated` (or `note`). */
export type HighlightStyle = Verdict | 'unrated' | 'note';

interface Look {
  /** `text-decoration-line`: an underline, and for one verdict an overline too. */
  lines: string;
  line: UnderlineStyle;
  /** Underline thickness in px. */
  thickness: number;
  /** Ink for underlines and badges, as `r, g, b`, for light and dark colour schemes. */
  lightInk: string;
  darkInk: string;
  /** Background tint as `r, g, b`; notes use a marker-pen yellow, claims a wash of their ink. */
  tint?: string;
  /** Tint opacity; notes need more to read as a highlighter. */
  tintAlpha: number;
  /** A glyph for the marker badge: the verdict readable without colour. */
  glyph: string;
}

/** How strongly each verdict washes the text behind it; the rest of its look is the verdict table's. */
const VERDICT_TINT_ALPHA: Record<Verdict, number> = {
  supported: 0.12,
  'partly-supported': 0.12,
  misleading: 0.14,
  contradicted: 0.16,
  unsupported: 0.14,
  opinion: 0.1,
};

/** A verdict's page look, read from the one verdict table the popover's legend reads too. */
function verdictLook(verdict: Verdict): Look {
  const look = VERDICT_TABLE[verdict];
  return {
    lines: decorationLineOf(look),
    line: look.underline,
    thickness: look.thickness,
    lightInk: rgbTriple(look.light.ink),
    darkInk: rgbTriple(look.dark.ink),
    tintAlpha: VERDICT_TINT_ALPHA[verdict],
    glyph: look.glyph,
  };
}

const LOOKS: Record<HighlightStyle, Look> = {
  supported: verdictLook('supported'),
  'partly-supported': verdictLook('partly-supported'),
  misleading: verdictLook('misleading'),
  contradicted: verdictLook('contradicted'),
  unsupported: verdictLook('unsupported'),
  opinion: verdictLook('opinion'),
  unrated: {
    lines: 'underline',
    line: 'solid',
    thickness: 1,
    lightInk: '118, 118, 118',
    darkInk: '160, 160, 160',
    tintAlpha: 0.08,
    // Not "?", which is the glyph of Unsupported.
    glyph: '•',
  },
  note: {
    lines: 'underline',
    line: 'solid',
    thickness: 3,
    lightInk: '138, 106, 0',
    darkInk: '240, 228, 66',
    tint: '240, 228, 66',
    tintAlpha: 0.4,
    glyph: '✎',
  },
};

const CLAIM_STYLES: readonly HighlightStyle[] = [...VERDICTS, 'unrated'];

/** Every style a layer can paint, for building style sheets. */
export function stylesOfLayer(layer: HighlightLayer): readonly HighlightStyle[] {
  return layer === 'notes' ? ['note'] : CLAIM_STYLES;
}

/** Maps a caller's style token to one the painter knows, so a typo never paints nothing. */
export function resolveStyle(layer: HighlightLayer, token: string): HighlightStyle {
  if (layer === 'notes') return 'note';
  return (CLAIM_STYLES as readonly string[]).includes(token)
    ? (token as HighlightStyle)
    : 'unrated';
}

/** The glyph a marker badge shows for a style. */
export function glyphOf(style: HighlightStyle): string {
  return LOOKS[style].glyph;
}

/** The badge ink for a style, as a CSS colour, for the given colour scheme. */
export function inkOf(style: HighlightStyle, scheme: 'light' | 'dark'): string {
  const look = LOOKS[style];
  return `rgb(${scheme === 'dark' ? look.darkInk : look.lightInk})`;
}

/** The properties a highlight sets: only those `::highlight()` accepts, so both modes match. */
export function declarationsOf(
  style: HighlightStyle,
  scheme: 'light' | 'dark',
  active: boolean,
): ReadonlyArray<readonly [property: string, value: string]> {
  const look = LOOKS[style];
  const ink = scheme === 'dark' ? look.darkInk : look.lightInk;
  const tint = look.tint ?? ink;
  // Active highlights (popover open, marker focused) get a stronger wash and a heavier line.
  const alpha = (active ? 2.2 : 1) * look.tintAlpha * (scheme === 'dark' ? 1.4 : 1);
  return [
    ['background-color', `rgba(${tint}, ${Math.min(alpha, 0.6).toFixed(2)})`],
    ['text-decoration-line', look.lines],
    ['text-decoration-style', look.line],
    ['text-decoration-color', `rgb(${ink})`],
    ['text-decoration-thickness', `${look.thickness + (active ? 1 : 0)}px`],
  ];
}

/**
 * One `::highlight()` rule set for a registered highlight name, in the page's own scheme (see
 * `page-scheme.ts`: a white site stays white under a dark system theme), and for forced colours.
 */
export function highlightRules(
  name: string,
  style: HighlightStyle,
  active: boolean,
  scheme: 'light' | 'dark' = 'light',
): string {
  const block = declarationsOf(style, scheme, active)
    .map(([property, value]) => `${property}: ${value} !important;`)
    .join(' ');
  return [
    `::highlight(${name}) { ${block} }`,
    // High-contrast modes replace colours; keep the system's own highlight pair and the line.
    `@media (forced-colors: active) { ::highlight(${name}) { background-color: Mark !important; color: MarkText !important; text-decoration-color: MarkText !important; } }`,
    // A printed article is a clean copy: no wash, no underline.
    `@media print { ::highlight(${name}) { background-color: transparent !important; text-decoration-line: none !important; } }`,
  ].join('\n');
}
