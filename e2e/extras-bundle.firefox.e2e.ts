/**
 * The extras bundle in Firefox (MV2, `tabs.executeScript`): on a copy of the article whose markup
 * differs from the pack's quotes character for character (`article-variant.html`, where the
 * verbatim path settles only 3 of the 14 claims), the background injects the full matcher, and
 * every claim is highlighted and marked; the page cannot see where the bundle registered.
 */
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadBundledPacks } from '../utils/packs';
import { ARTICLE_PATH, ARTICLE_URL } from './fixtures';
import { type FirefoxSession, launchFirefox } from './harness/firefox';
import { waitUntil } from './harness/wait';

const [pack] = loadBundledPacks().packs;
const claimCount = pack?.claims.length ?? 0;

let session: FirefoxSession;
let page: Page;

/** Claim markers (buttons named "Claim: …" in closed shadow roots). */
async function markerCount(target: Page): Promise<number> {
  const buttons = await session.findControls(target, 'button');
  return buttons.filter((button) => (button.attributes['aria-label'] ?? '').startsWith('Claim: '))
    .length;
}

/** How many ranges the page's highlight registry holds. */
function highlightedCount(target: Page): Promise<number> {
  return target.evaluate(() => {
    const registry = (CSS as unknown as { highlights?: Map<string, Set<Range>> }).highlights;
    return [...(registry?.values() ?? [])].reduce((sum, highlight) => sum + highlight.size, 0);
  });
}

beforeAll(async () => {
  session = await launchFirefox({
    site: (url) =>
      url.pathname.replace(/\/+$/, '') === ARTICLE_PATH ? 'article-variant.html' : undefined,
  });
  page = await session.open(ARTICLE_URL);
});

afterAll(async () => {
  await session?.close();
});

describe('the extras bundle in Firefox', () => {
  it('places every claim of the article in different markup, through the full matcher', async () => {
    const markers = await waitUntil(
      () => markerCount(page),
      (count) => count === claimCount,
      { what: 'a marker for every claim', timeoutMs: 15_000 },
    );
    expect(markers).toBe(claimCount);
    expect(await highlightedCount(page)).toBe(claimCount);
  });

  it('leaves no trace of the bundle where the page can look', async () => {
    const seen = await page.evaluate(() =>
      Object.keys(window).filter((key) => key.toLowerCase().includes('counterpoint')),
    );
    expect(seen).toEqual([]);
  });
});
