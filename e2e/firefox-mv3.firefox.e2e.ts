/**
 * The Firefox Manifest V3 build does not half-work (the package shipped is MV2; see
 * docs/firefox.md): installed in real Firefox it paints the claims and opens a claim's popover
 * (the in-page UI is injected with `scripting.executeScript`), and when the reader withholds its
 * access to the site, the popup says so and offers the button that asks for it.
 *
 * Needs `.output/firefox-mv3` (`npx tsx e2e/check-firefox-mv3.ts` builds and checks it; `npm
 * test` runs that before the browser tests).
 */
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadBundledPacks } from '../utils/packs';
import { SITE_ORIGINS } from '../utils/popup/host-access';
import { ARTICLE_URL } from './fixtures';
import { type FirefoxSession, launchFirefox } from './harness/firefox';
import { setWebsiteAppearance } from './harness/firefox-console';
import { frameDialog, waitForPopoverFrame } from './harness/firefox-popover';
import { FIREFOX_MV3_BUILD, PROJECT_ROOT } from './harness/paths';
import { waitUntil } from './harness/wait';

const [pack] = loadBundledPacks().packs;
const claimCount = pack?.claims.length ?? 0;
let session: FirefoxSession;

beforeAll(async () => {
  session = await launchFirefox({ extensionPath: FIREFOX_MV3_BUILD });
});

afterAll(async () => {
  await session?.close();
});

/** The popup's buttons and status lines, by accessible name and text. */
function popupReads(popup: Page): Promise<{ buttons: string[]; statuses: string[] }> {
  return popup.evaluate(() => ({
    buttons: [...document.querySelectorAll('button')].map((button) => button.textContent ?? ''),
    statuses: [...document.querySelectorAll('[role="status"]')].map(
      (status) => status.textContent ?? '',
    ),
  }));
}

describe('the Firefox MV3 build', () => {
  it('paints every claim and opens a claim’s popover from its marker', async () => {
    const page = await session.open(ARTICLE_URL);
    const markers = await waitUntil(
      async () =>
        (await session.findControls(page, 'button')).filter((control) =>
          (control.attributes['aria-label'] ?? '').startsWith('Claim: '),
        ),
      (found) => found.length === claimCount,
      { what: 'every claim marker', timeoutMs: 15_000 },
    );
    await session.click(page, markers[0]!);
    const frame = await waitForPopoverFrame(session, page);
    const dialog = await waitUntil(
      () => frameDialog(frame),
      (shown) => shown !== null,
      { what: 'the claim popover' },
    );
    expect(dialog?.name).toMatch(/^Claim: /);
    await page.close();
  });

  it('tells the reader in the popup when access to the site is withheld, and offers to ask', async () => {
    const granted = await session.inExtension(
      (origins: string[]) =>
        (
          globalThis as unknown as {
            browser: { permissions: { contains(p: object): Promise<boolean> } };
          }
        ).browser.permissions.contains({ origins }),
      [...SITE_ORIGINS],
    );
    expect(granted).toBe(true);
    const popup = await session.openExtensionPage('popup.html');
    await waitUntil(
      () => popupReads(popup),
      (reads) => reads.statuses.length > 0,
      { what: 'the popup' },
    );
    expect((await popupReads(popup)).buttons).not.toContain('Allow on globalresearch.ca');
    await popup.close();

    // What the reader does in the add-ons manager: take the site's access away.
    await session.inExtension(
      (origins: string[]) =>
        (
          globalThis as unknown as {
            browser: { permissions: { remove(p: object): Promise<boolean> } };
          }
        ).browser.permissions.remove({ origins }),
      [...SITE_ORIGINS],
    );
    const withheld = await session.openExtensionPage('popup.html');
    const reads = await waitUntil(
      () => popupReads(withheld),
      (shown) => shown.buttons.includes('Allow on globalresearch.ca'),
      { what: 'the host-access notice' },
    );
    expect(reads.statuses.join(' ')).toContain('not allowed to read Global Research pages');
    // How it looks: light, dark, and at 200 % (a popup grows with its zoom: the same CSS width, twice the pixels).
    const shots = join(PROJECT_ROOT, 'docs', 'screenshots');
    for (const [file, scheme, width, scale] of [
      ['host-access-light.png', 'light', 380, 1],
      ['host-access-dark.png', 'dark', 380, 1],
      ['host-access-zoom200.png', 'light', 380, 2],
    ] as const) {
      await setWebsiteAppearance(session, scheme);
      await withheld.setViewport({ width, height: 420, deviceScaleFactor: scale });
      await waitUntil(
        () =>
          withheld.evaluate(
            (wanted) => matchMedia(`(prefers-color-scheme: ${wanted})`).matches,
            scheme,
          ),
        (matches) => matches,
        { what: `the ${scheme} scheme` },
      );
      await withheld.screenshot({ path: join(shots, file) as `${string}.png` });
    }
    await setWebsiteAppearance(session, 'light');
    await withheld.close();
  });
});
