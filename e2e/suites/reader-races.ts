/**
 * What a quick reader does before the page has caught up, one suite for every browser: Escape
 * pressed at once after the click that opens a claim (before its popover has even drawn) closes
 * it, and the pointer still resting on the claim does not bring it back as a hover popover.
 * `reader-races.chromium.e2e.ts` and `reader-races.firefox.e2e.ts` run it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HOVER_OPEN_MS } from '../../utils/annotator/interactions';
import { loadBundledPacks } from '../../utils/packs';
import { ARTICLE_URL } from '../fixtures';
import type { ArticleTab, BrowserDriver, BrowserSession } from '../harness/driver';
import { waitUntil } from '../harness/wait';
import { clickPassage } from './reader-actions';

const [pack] = loadBundledPacks().packs;
if (!pack) throw new Error('no bundled pack');
const claims = pack.claims;

/** How tall the popover is as the reader sees it (0 while closed or still drawing). */
async function shownHeight(tab: ArticleTab): Promise<number> {
  try {
    return (await tab.popover.box()).height;
  } catch {
    return 0;
  }
}

/**
 * Watches the popover for `ms` and fails as soon as the reader would see one. Absence can only
 * be watched for a while: the while is a few times the hover delay the page counts down.
 */
async function staysClosed(tab: ArticleTab, ms: number): Promise<void> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    expect(await shownHeight(tab), 'a popover the reader closed came back').toBeLessThan(40);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Defines the quick-reader suite for one browser. */
export function defineReaderRacesSuite(driver: BrowserDriver): void {
  let session: BrowserSession;
  let tab: ArticleTab;

  beforeAll(async () => {
    session = await driver.launch();
    tab = await session.open(ARTICLE_URL);
    await tab.waitForControl('button', /^Claim: /);
  });

  afterAll(async () => {
    await session?.close();
  });

  describe(`a quick reader in ${driver.name}`, () => {
    it('closes a claim on an Escape pressed right after the click, and it does not come back on hover', async () => {
      for (const claim of claims.slice(0, 3)) {
        // The pointer arrives on the claim with the click (a hover starts counting there) and
        // Escape follows at once, without waiting for the popover to draw or take focus.
        await tab.mouse.move(5, 5);
        await clickPassage(tab, claim.quote.exact.replace(/\s+/g, ' ').trim());
        await tab.keyboard.press('Escape');
        await waitUntil(
          () => shownHeight(tab),
          (height) => height < 40,
          { what: 'the popover closed by Escape' },
        );
        // The pointer rests on the claim past the hover delay: the popover stays closed.
        await staysClosed(tab, HOVER_OPEN_MS * 3);
      }
    });
  });
}
