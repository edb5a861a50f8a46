/**
 * A claim whose words could not be had: the background refuses `page.claims` (a listener the
 * test adds in the service worker answers it first), and the reader who opens a claim from its
 * marker gets that claim's popover with its verdict and what to do, not a marker that does
 * nothing; the notes still work. Screenshots in light, dark and at 200 % go to docs/screenshots/.
 * Chromium only: the test answers in the service worker, which Firefox's MV2 build does not have.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ARTICLE_URL } from './fixtures';
import { probeAccessibility } from './harness/accessibility';
import { type ChromiumSession, launchChromium } from './harness/chromium';
import { openPhotoTab, PHOTO_LOOKS } from './harness/photo-tab';
import { waitForPopover, waitForPopoverClosed } from './harness/popover';

const MESSAGE = 'Counterpoint could not load this claim’s context. Reload the page to try again.';

describe('a claim whose words could not be loaded', () => {
  let session: ChromiumSession;

  beforeAll(async () => {
    session = await launchChromium();
    const worker = await session.worker();
    await worker.evaluate(() => {
      const api = (
        globalThis as unknown as {
          chrome: {
            runtime: {
              onMessage: {
                addListener(
                  listener: (
                    message: unknown,
                    sender: unknown,
                    reply: (r: unknown) => void,
                  ) => void,
                ): void;
              };
            };
          };
        }
      ).chrome;
      // Answers before the service does (the first answer wins), for this request only.
      api.runtime.onMessage.addListener((message, _sender, reply) => {
        if ((message as { type?: unknown } | null)?.type === 'page.claims') {
          reply({ ok: false, error: 'The claims could not be read.' });
        }
      });
    });
  });

  afterAll(async () => {
    await session?.close();
  });

  it('opens as the claim’s popover with its verdict and what to do, from the keyboard, and gives focus back', async () => {
    const page = await session.open(ARTICLE_URL);
    const probe = await probeAccessibility(page);
    try {
      const marker = await probe.waitFor('button', /^Claim: Misleading/, 10_000);
      await probe.focus(marker);
      await page.keyboard.press('Enter');
      const dialog = await waitForPopover(page, /^Claim: .*Misleading/);
      expect(await dialog.textContent()).toContain(MESSAGE);
      await page.keyboard.press('Escape');
      await waitForPopoverClosed(page);
      expect((await probe.focused())?.name?.value).toMatch(/^Claim: Misleading/);
    } finally {
      await probe.detach();
      await page.close();
    }
  });

  it('is photographed in light, dark and at 200 %', async () => {
    for (const look of PHOTO_LOOKS) {
      const { page: shot, photograph, close } = await openPhotoTab(session, look);
      await shot.goto(ARTICLE_URL);
      const probe = await probeAccessibility(shot);
      try {
        const marker = await probe.waitFor('button', /^Claim: Misleading/, 10_000);
        await probe.click(marker);
        await waitForPopover(shot, /^Claim: .*Misleading/);
        // Let the popover's entrance animation finish before the picture.
        await new Promise((resolve) => setTimeout(resolve, 300));
        await photograph(`claim-unavailable-${look}.png`);
      } finally {
        await probe.detach();
        await close();
      }
    }
  });
});
