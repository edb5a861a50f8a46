/**
 * Whether the page is light or dark, by what it actually paints rather than by the reader's
 * system setting: a white site read with a dark system theme stays white, and our marks and
 * popovers should sit on it as on a white page. Pure DOM.
 */

/** The page's scheme: the first opaque background of `body` or `html`, light when none is set. */
export function pageScheme(doc: Document): 'light' | 'dark' {
  const view = doc.defaultView;
  if (!view) return 'light';
  for (const element of [doc.body, doc.documentElement]) {
    if (!element) continue;
    const rgba = parseColor(view.getComputedStyle(element).backgroundColor);
    if (rgba && rgba[3] >= 0.5) return luminance(rgba) < 0.4 ? 'dark' : 'light';
  }
  // Nothing painted: the canvas shows, which is dark only where the page asks for it.
  const asked = view.getComputedStyle(doc.documentElement).colorScheme ?? '';
  return /^\s*dark\b/.test(asked) ? 'dark' : 'light';
}

/** `rgb(…)` / `rgba(…)` as [r, g, b, a] (0–255, alpha 0–1), or null. */
function parseColor(value: string): [number, number, number, number] | null {
  const match = /rgba?\(([^)]+)\)/.exec(value);
  if (!match?.[1]) return null;
  const parts = match[1]
    .split(/[\s,/]+/)
    .filter(Boolean)
    .map(Number);
  const [r = 0, g = 0, b = 0, a = 1] = parts;
  return parts.length >= 3 && parts.every(Number.isFinite) ? [r, g, b, a] : null;
}

/** Relative luminance (WCAG), 0 (black) to 1 (white). */
function luminance([r, g, b]: readonly number[]): number {
  const channel = (value = 0) => {
    const c = value / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
}
