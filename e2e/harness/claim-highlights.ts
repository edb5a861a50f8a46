/**
 * The claim highlights as the page itself can read them: the Custom Highlight API's registry,
 * which is shared with the page's scripts. The suites check through it that every highlight is
 * on a claim's words, in either browser.
 */
import type { ArticleTab } from './driver';

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
