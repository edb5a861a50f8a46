/**
 * The toolbar button and its popup on the article, one suite for every browser: the badge counts
 * the claims found on the tab and its tooltip says what the number means; the popup for that tab
 * says the article is recognised and how many claims it found, and its "Claim highlights" switch,
 * clicked with the mouse, takes the claims off the open tab and puts them back.
 * `toolbar.chromium.e2e.ts` and `toolbar.firefox.e2e.ts` run it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadBundledPacks } from '../../utils/packs';
import { ARTICLE_HEADLINE, ARTICLE_URL } from '../fixtures';
import type { ArticleTab, BrowserDriver, BrowserSession } from '../harness/driver';
import { waitUntil } from '../harness/wait';

const [pack] = loadBundledPacks().packs;
if (!pack) throw new Error('no bundled pack');
const claimCount = pack.claims.length;

/** How many claim ranges the page's highlight registry holds. */
function claimHighlights(tab: ArticleTab): Promise<number> {
  return tab.evaluate(() => {
    const registry = (CSS as unknown as { highlights?: Map<string, Set<Range>> }).highlights;
    let count = 0;
    for (const [name, highlight] of registry ?? [])
      if (name.includes('claim')) count += highlight.size;
    return count;
  }, undefined);
}

/** Defines the toolbar suite for one browser. */
export function defineToolbarSuite(driver: BrowserDriver): void {
  let session: BrowserSession;
  let tab: ArticleTab;
  let tabId: number;

  beforeAll(async () => {
    session = await driver.launch();
    tab = await session.open(ARTICLE_URL);
    await waitUntil(
      () => claimHighlights(tab),
      (count) => count === claimCount,
      { what: 'every claim to be highlighted', timeoutMs: 15_000 },
    );
    tabId = await session.tabIdOf(tab);
  });

  afterAll(async () => {
    await session?.close();
  });

  describe(`the toolbar button in ${driver.name}`, () => {
    it('counts the claims found on the tab on its badge, and its tooltip says what the number means', async () => {
      const button = await waitUntil(
        () => session.toolbarButton(tabId),
        (shown) => shown.badge === String(claimCount),
        { what: 'the badge to count every claim' },
      );
      expect(button.title).toBe(`Counterpoint: ${claimCount} claims checked on this page`);
    });

    it('opens a popup for the tab that says what it found, and its switch takes the claims off the page and back', async () => {
      const popup = await session.openExtensionPage(`popup.html?tabId=${tabId}`);
      const text = await waitUntil(
        () => popup.text(),
        (shown) => shown.includes(`${claimCount} of ${claimCount} claims found on this page`),
        { what: 'the popup to list the claims' },
      );
      expect(text).toContain(`Global Research article recognised: ${ARTICLE_HEADLINE}`);
      // The switches are drawn once the settings are read, which may be after the claims.
      const before = await waitUntil(
        () => popup.switchState('Claim highlights'),
        (state) => state !== null,
        { what: 'the claim highlights switch' },
      );
      expect(before).toBe('true');
      await popup.clickByRole('switch', 'Claim highlights');
      await waitUntil(
        () => claimHighlights(tab),
        (count) => count === 0,
        { what: 'the claims to go from the page' },
      );
      expect(await popup.switchState('Claim highlights')).toBe('false');
      await popup.clickByRole('switch', 'Claim highlights');
      await waitUntil(
        () => claimHighlights(tab),
        (count) => count === claimCount,
        { what: 'the claims to come back' },
      );
      await popup.close();
    });

    it('made no network request of its own', () => {
      expect(session.unexpectedRequests).toEqual([]);
    });
  });
}
