/**
 * The verdict table: how each verdict reads and looks, in one place. The page's highlights and
 * markers (utils/highlight/styles.ts), the popover's chips and legend (components/styles.ts) and
 * the method page all read it, so a verdict cannot be one colour on the page and another in the
 * popover.
 *
 * Colour is never the only cue: every verdict has its own word, glyph and underline. The colours
 * follow the Okabe–Ito palette's hues, darkened (light scheme) or lightened (dark scheme) until
 * the ink reads at 4.5:1 or more on the popover's surface and on its own tint; a test checks it.
 */
import type { Verdict } from './types';

/** The underline line styles CSS offers. */
export type UnderlineStyle = 'solid' | 'dashed' | 'dotted' | 'wavy' | 'double';

/** Ink and tint of one verdict in one colour scheme, as `#rrggbb`. */
export interface VerdictColours {
  /** Underlines, badges, chip text and the popover's top border. */
  ink: string;
  /** The chip's background; the page's highlight washes the ink instead, translucent. */
  tint: string;
}

/** Everything that tells one verdict from another. */
export interface VerdictLook {
  /** The word readers see. */
  label: string;
  /** A glyph for markers and chips, distinct in shape, from fonts every system has. */
  glyph: string;
  /** The underline's line style on the page and under the chip's label. */
  underline: UnderlineStyle;
  /** A line over the text as well as under it, for the one verdict that needs a sixth look. */
  overline: boolean;
  /** Underline thickness in px. */
  thickness: number;
  light: VerdictColours;
  dark: VerdictColours;
}

/** The verdict table, in the order the reading guide and the method page list verdicts. */
export const VERDICT_TABLE: Readonly<Record<Verdict, VerdictLook>> = {
  supported: {
    label: 'Supported',
    glyph: '✓',
    underline: 'solid',
    overline: false,
    thickness: 2,
    light: { ink: '#0a5d92', tint: '#e2eff8' },
    dark: { ink: '#6cc0ee', tint: '#14293a' },
  },
  'partly-supported': {
    label: 'Partly supported',
    glyph: '◐',
    underline: 'dashed',
    overline: false,
    thickness: 2,
    light: { ink: '#00694d', tint: '#ddf2ea' },
    dark: { ink: '#45cda6', tint: '#102f28' },
  },
  misleading: {
    label: 'Misleading',
    glyph: '!',
    underline: 'wavy',
    overline: false,
    thickness: 1.5,
    light: { ink: '#8a5300', tint: '#fbeed6' },
    dark: { ink: '#f2b44a', tint: '#35280c' },
  },
  contradicted: {
    label: 'Contradicted',
    glyph: '≠',
    underline: 'solid',
    overline: true,
    thickness: 2,
    light: { ink: '#b02a00', tint: '#fde4da' },
    dark: { ink: '#ff8f66', tint: '#3f1a0e' },
  },
  unsupported: {
    label: 'Unsupported',
    glyph: '?',
    underline: 'double',
    overline: false,
    thickness: 3,
    light: { ink: '#98105f', tint: '#f8e2ee' },
    dark: { ink: '#ee98cb', tint: '#3b1630' },
  },
  opinion: {
    label: 'Opinion',
    glyph: '❝',
    underline: 'dotted',
    overline: false,
    thickness: 2,
    light: { ink: '#4f5b6b', tint: '#e7ecf2' },
    dark: { ink: '#b3c1d3', tint: '#262d36' },
  },
};

/** The words readers see for each verdict. */
export const VERDICT_LABELS: Readonly<Record<Verdict, string>> = /* @__PURE__ */ mapTable(
  (look) => look.label,
);

/** A glyph per verdict (never ✕, which means Close). */
export const VERDICT_GLYPHS: Readonly<Record<Verdict, string>> = /* @__PURE__ */ mapTable(
  (look) => look.glyph,
);

/** The CSS `text-decoration-line` value of a verdict's look. */
export function decorationLineOf(look: VerdictLook): string {
  return look.overline ? 'underline overline' : 'underline';
}

/** `#rrggbb` as the `r, g, b` triple CSS `rgb()` and `rgba()` take. */
export function rgbTriple(hex: string): string {
  const value = Number.parseInt(hex.slice(1), 16);
  return `${(value >> 16) & 255}, ${(value >> 8) & 255}, ${value & 255}`;
}

function mapTable<T>(pick: (look: VerdictLook) => T): Record<Verdict, T> {
  const entries = Object.entries(VERDICT_TABLE) as [Verdict, VerdictLook][];
  return Object.fromEntries(entries.map(([verdict, look]) => [verdict, pick(look)])) as Record<
    Verdict,
    T
  >;
}
