import { describe, expect, it } from 'vitest';
import { declarationsOf, glyphOf } from '../utils/highlight/styles';
import { VERDICTS } from '../utils/packs/types';
import { VERDICT_GLYPHS } from '../utils/packs/verdicts';
import {
  COUNTERPOINT_CSS,
  DARK_PALETTE,
  LEGEND_UNDERLINES,
  type LegendKey,
  LIGHT_PALETTE,
  type ThemePalette,
} from './styles';

/** WCAG 2 relative luminance of a #rrggbb colour. */
function luminance(hex: string): number {
  const channels = [1, 3, 5].map((start) => Number.parseInt(hex.slice(start, start + 2), 16) / 255);
  const [red = 0, green = 0, blue = 0] = channels.map((channel) =>
    channel <= 0.03928 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4,
  );
  return 0.2126 * red + 0.7152 * green + 0.0722 * blue;
}

function contrast(first: string, second: string): number {
  const [lighter, darker] = [luminance(first), luminance(second)].sort((a, b) => b - a);
  return ((lighter ?? 0) + 0.05) / ((darker ?? 0) + 0.05);
}

const LEGEND_KEYS: LegendKey[] = [...VERDICTS, 'note'];
const THEMES: [string, ThemePalette][] = [
  ['light', LIGHT_PALETTE],
  ['dark', DARK_PALETTE],
];

describe('palettes', () => {
  it.each(THEMES)('%s theme: text colours meet WCAG AA (4.5:1) on the surface', (_, palette) => {
    for (const colour of [
      palette.text,
      palette.muted,
      palette.link,
      palette.danger,
      palette.warning,
    ]) {
      expect(contrast(colour, palette.surface), colour).toBeGreaterThanOrEqual(4.5);
    }
    // Primary buttons put the surface colour on the link colour.
    expect(contrast(palette.surface, palette.link)).toBeGreaterThanOrEqual(4.5);
  });

  it.each(THEMES)(
    '%s theme: verdict and note colours meet AA on their tint and the surface',
    (_, palette) => {
      for (const key of LEGEND_KEYS) {
        const { text, background } = palette.legend[key];
        expect(contrast(text, background), `${key} on its tint`).toBeGreaterThanOrEqual(4.5);
        expect(contrast(text, palette.surface), `${key} on the surface`).toBeGreaterThanOrEqual(
          4.5,
        );
      }
    },
  );

  it('uses the agreed underline styles of the page legend', () => {
    expect(
      Object.fromEntries(LEGEND_KEYS.map((key) => [key, LEGEND_UNDERLINES[key].style])),
    ).toEqual({
      supported: 'solid',
      'partly-supported': 'dashed',
      misleading: 'wavy',
      contradicted: 'solid',
      unsupported: 'double',
      opinion: 'dotted',
      note: 'solid',
    });
    // Contradicted shares the solid line with Supported but adds a line over the text.
    expect(LEGEND_UNDERLINES.contradicted.line).toBe('underline overline');
    const looks = VERDICTS.map(
      (verdict) => `${LEGEND_UNDERLINES[verdict].line} ${LEGEND_UNDERLINES[verdict].style}`,
    );
    expect(new Set(looks).size).toBe(VERDICTS.length);
  });
});

/** `#rrggbb` as the `rgb(r, g, b)` the highlight declarations write. */
function rgb(hex: string): string {
  const value = Number.parseInt(hex.slice(1), 16);
  return `rgb(${(value >> 16) & 255}, ${(value >> 8) & 255}, ${value & 255})`;
}

describe('the page highlights and the popover legend', () => {
  // One verdict table feeds both; this fails if either side grows its own colours again.
  it.each(THEMES)(
    '%s: paint each verdict in the colour, line and glyph of its chip',
    (name, palette) => {
      const scheme = name === 'dark' ? 'dark' : 'light';
      for (const verdict of VERDICTS) {
        const page = Object.fromEntries(declarationsOf(verdict, scheme, false));
        expect(page['text-decoration-color'], verdict).toBe(rgb(palette.legend[verdict].text));
        expect(page['text-decoration-style'], verdict).toBe(LEGEND_UNDERLINES[verdict].style);
        expect(page['text-decoration-line'], verdict).toBe(LEGEND_UNDERLINES[verdict].line);
        expect(page['text-decoration-thickness'], verdict).toBe(
          LEGEND_UNDERLINES[verdict].thickness,
        );
        expect(glyphOf(verdict), verdict).toBe(VERDICT_GLYPHS[verdict]);
      }
    },
  );
});

describe('stylesheet', () => {
  it('isolates the shadow root from the page and themes by system and by data-theme', () => {
    expect(COUNTERPOINT_CSS).toMatch(/:host\s*\{\s*all: initial;/);
    expect(COUNTERPOINT_CSS).toContain('@media (prefers-color-scheme: dark)');
    expect(COUNTERPOINT_CSS).toContain("[data-theme='dark']");
    expect(COUNTERPOINT_CSS).toContain("[data-theme='light']");
    expect(COUNTERPOINT_CSS).toContain('@media (prefers-reduced-motion: reduce)');
    expect(COUNTERPOINT_CSS).toContain(':focus-visible');
    expect(COUNTERPOINT_CSS).toContain('width: min(360px');
    expect(COUNTERPOINT_CSS).toContain('[hidden] { display: none !important; }');
  });

  it('styles every verdict chip', () => {
    for (const verdict of VERDICTS) {
      expect(COUNTERPOINT_CSS).toContain(`.cp-chip[data-verdict='${verdict}']`);
    }
  });

  it('is well-formed: braces balance and no value is left undefined', () => {
    const opened = COUNTERPOINT_CSS.split('{').length;
    const closed = COUNTERPOINT_CSS.split('}').length;
    expect(opened).toBe(closed);
    expect(COUNTERPOINT_CSS).not.toContain('undefined');
  });

  it('parses in a real stylesheet with the forced themes applied', () => {
    const style = document.createElement('style');
    style.textContent = COUNTERPOINT_CSS;
    document.head.append(style);
    const wrapper = document.createElement('div');
    wrapper.dataset.theme = 'dark';
    document.body.append(wrapper);
    try {
      expect(style.sheet?.cssRules.length).toBeGreaterThan(20);
      expect(getComputedStyle(wrapper).getPropertyValue('--cp-surface').trim()).toBe(
        DARK_PALETTE.surface,
      );
    } finally {
      style.remove();
      wrapper.remove();
    }
  });
});
