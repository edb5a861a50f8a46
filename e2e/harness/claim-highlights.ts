/**
 * The claim highlights as the page itself can read them: the Custom Highlight API's registry,
 * which is shared with the page's scripts. The suites check through it that every highlight is
 * on a claim's words, in either browser.
 */
import type { ArticleTab } from './driver';
import { waitUntil } from './wait';

/** The texts of the page's claim highlights, white space squashed, in registry order. */
export function claimHighlightTexts(tab: ArticleTab): Promise<string[]> {
  return tab.evaluate(() => {
    const registry = (CSS as unknown as { highlights?: Map<string, Set<Range>> }).highlights;
    const texts: string[] = [];
    for (const [name, highlight] of registry ?? []) {
      if (!name.includes('claim')) continue;
      for (const range of highlight) texts.push(range.toString().replace(/\s+/g, ' ').trim());
    }
    return texts;
  }, undefined);
}

/**
 * The middle of the first line of a claim's highlighted text, in viewport coordinates, once the
 * claim is scrolled to the middle of the viewport.
 */
export function pointInClaim(tab: ArticleTab, exact: string): Promise<{ x: number; y: number }> {
  return tab.evaluate((wanted: string) => {
    const registry = (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights;
    for (const highlight of registry.values()) {
      for (const range of highlight) {
        if (range.toString().replace(/\s+/g, ' ').trim() === wanted) {
          range.startContainer.parentElement?.scrollIntoView({ block: 'center' });
          const rect = range.getClientRects()[0];
          if (rect)
            return { x: rect.left + Math.min(rect.width / 2, 40), y: rect.top + rect.height / 2 };
        }
      }
    }
    throw new Error(`claim not highlighted: ${wanted}`);
  }, exact.replace(/\s+/g, ' ').trim());
}

/** Waits until `count` claims are highlighted (a fresh tab's first paint), and returns their texts. */
export function waitForEveryClaim(tab: ArticleTab, count: number): Promise<string[]> {
  return waitUntil(
    () => claimHighlightTexts(tab),
    (texts) => texts.length === count,
    { what: 'all claims to be highlighted', timeoutMs: 15_000 },
  );
}
