/**
 * `npm run store-screenshots`: the store listing's screenshots (1280×800) in docs/store/, taken in
 * headless Chromium with the built extension on the article's offline copy, served at its real
 * address: the article with its claims highlighted, a claim's popover, and the toolbar popup
 * shown over the article as it opens from the toolbar.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { ARTICLE_URL } from './fixtures';
import { launchChromium } from './harness/chromium';
import { openFirstClaim, readPageSummary } from './harness/page-ui';
import { PROJECT_ROOT } from './harness/paths';
import { waitUntil } from './harness/wait';

const OUT = join(PROJECT_ROOT, 'docs', 'store');
const SIZE = { width: 1280, height: 800 };

/** Scrolls so the first claim highlight sits `offset` pixels below the top of the window. */
async function scrollToFirstClaim(page: Page, offset: number): Promise<void> {
  await page.evaluate((offset) => {
    const registry = (CSS as unknown as { highlights?: Map<string, Set<Range>> }).highlights;
    let top = Number.POSITIVE_INFINITY;
    for (const [name, highlight] of registry ?? []) {
      if (name.includes('note')) continue;
      for (const range of highlight) top = Math.min(top, range.getBoundingClientRect().top);
    }
    if (Number.isFinite(top)) window.scrollTo(0, window.scrollY + top - offset);
  }, offset);
  await page.waitForTimeout(300);
}

async function main(): Promise<void> {
  mkdirSync(OUT, { recursive: true });
  const session = await launchChromium({ args: ['--hide-scrollbars'] });
  try {
    const page = await session.open(ARTICLE_URL);
    await page.setViewportSize(SIZE);
    const tabId = await session.tabIdOf(page);
    const summary = await waitUntil(
      () => readPageSummary(session, page, tabId),
      (found) => found.claimsAnchored > 0,
      { what: 'the claims to be highlighted', timeoutMs: 15_000 },
    );
    // Below the site's fixed header, with a line of the text before it.
    await scrollToFirstClaim(page, 230);
    await page.screenshot({ path: join(OUT, 'screenshot-1-highlights.png') });
    // Higher up for the popover, so it opens below the claim with its sources in view.
    await scrollToFirstClaim(page, 150);

    const opened = await openFirstClaim(page);
    if (!opened) throw new Error('the first claim’s popover did not open');
    await page.screenshot({ path: join(OUT, 'screenshot-2-claim-popover.png') });
    await page.keyboard.press('Escape');
    await page.waitForTimeout(300);
    const article = await page.screenshot();

    // The popup is a page of its own: shot at its real size, then set over the article's top
    // right corner, where it opens from the toolbar button.
    const popup = await session.openPopup(tabId);
    await popup.setViewportSize({ width: 400, height: 700 });
    await popup.getByRole('status').first().waitFor();
    await popup.waitForTimeout(300);
    const popupShot = await popup.screenshot();
    await popup.close();
    const frame = await session.context.newPage();
    await frame.setViewportSize(SIZE);
    const dataUrl = (png: Buffer) => `data:image/png;base64,${png.toString('base64')}`;
    await frame.setContent(`<!doctype html><html><body style="margin:0;overflow:hidden">
      <img src="${dataUrl(article)}" style="position:absolute;inset:0;filter:brightness(0.75)">
      <img src="${dataUrl(popupShot)}" style="position:absolute;top:12px;right:16px;
        border-radius:8px;box-shadow:0 8px 32px rgba(0,0,0,.45);border:1px solid #999">
      </body></html>`);
    await frame.waitForTimeout(200);
    await frame.screenshot({ path: join(OUT, 'screenshot-3-popup.png') });

    console.log(`${summary.claimsAnchored} of ${summary.claimsTotal} claims highlighted`);
    console.log(`popover: ${opened}`);
    for (const name of ['1-highlights', '2-claim-popover', '3-popup']) {
      const png = readFileSync(join(OUT, `screenshot-${name}.png`));
      console.log(
        `docs/store/screenshot-${name}.png ${png.readUInt32BE(16)}×${png.readUInt32BE(20)}`,
      );
    }
    if (session.unexpectedRequests.length > 0) {
      throw new Error(`unexpected requests: ${session.unexpectedRequests.join(', ')}`);
    }
  } finally {
    await session.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
