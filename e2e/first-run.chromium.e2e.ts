/**
 * The welcome card in real Chromium: on the first article with claims it shows once, in the
 * page's overlay, without taking the focus; "Help and shortcuts" opens the help page; Escape
 * puts it away; the next visit does not show it again. Screenshots in light, dark and at 200 %.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIRST_RUN_KEY } from '../utils/settings';
import { ARTICLE_URL } from './fixtures';
import { probeAccessibility } from './harness/accessibility';
import { type ChromiumSession, launchChromium } from './harness/chromium';
import { openPhotoTab, PHOTO_LOOKS } from './harness/photo-tab';
import { waitUntil } from './harness/wait';

const TITLE = 'Counterpoint is checking this article';
let session: ChromiumSession;

beforeAll(async () => {
  session = await launchChromium();
});

afterAll(async () => {
  await session?.close();
});

describe('the welcome card', () => {
  it('shows on the first article, leaves the focus alone, links to help, and goes on Escape', async () => {
    const page = await session.open(ARTICLE_URL);
    const probe = await probeAccessibility(page);
    try {
      const card = await probe.waitFor('region', TITLE, 10_000);
      expect((await probe.within(card, 'button', 'Got it')).length).toBe(1);
      // The reader's focus stays where it was: on the page itself.
      expect(await page.evaluate(() => document.activeElement === document.body)).toBe(true);

      const [help] = await Promise.all([
        session.context.waitForEvent('page'),
        probe.click((await probe.within(card, 'button', 'Help and shortcuts'))[0]!),
      ]);
      await help.getByRole('heading', { level: 1, name: 'Counterpoint help' }).waitFor();
      await help.close();

      await page.bringToFront();
      await page.keyboard.press('Escape');
      await waitUntil(
        async () => (await probe.find('region', TITLE)).length,
        (count) => count === 0,
        { what: 'Escape to put the card away' },
      );
    } finally {
      await probe.detach();
    }

    await page.reload({ waitUntil: 'load' });
    const again = await probeAccessibility(page);
    try {
      await waitUntil(
        async () => (await again.find('button', /^Claim: /)).length,
        (count) => count > 0,
        { what: 'the claims painted again' },
      );
      await again.waitFor('button', /^Counterpoint · /);
      expect(await again.find('region', TITLE)).toEqual([]);
    } finally {
      await again.detach();
      await page.close();
    }
  });

  it('goes with its button, and is photographed in light, dark and at 200 %', async () => {
    // A new profile: a first visit again.
    const second = await launchChromium();
    try {
      for (const look of PHOTO_LOOKS) {
        // Forgotten before each look, as a new profile would have it.
        await second.inExtension((key) => chrome.storage.local.remove(key), FIRST_RUN_KEY);
        const { page, photograph, close } = await openPhotoTab(second, look);
        await page.goto(ARTICLE_URL);
        const probe = await probeAccessibility(page);
        try {
          const card = await probe.waitFor('region', TITLE, 10_000);
          await probe.waitFor('button', /^Counterpoint · /);
          // Let the card's entrance animation finish before the picture.
          await new Promise((resolve) => setTimeout(resolve, 300));
          await photograph(`welcome-card-${look}.png`);
          if (look === '200') {
            await probe.click((await probe.within(card, 'button', 'Got it'))[0]!);
            await waitUntil(
              async () => (await probe.find('region', TITLE)).length,
              (count) => count === 0,
              { what: 'Got it to put the card away' },
            );
          }
        } finally {
          await probe.detach();
          await close();
        }
      }
    } finally {
      await second.close();
    }
  });
});

/** The extension API's storage, as the extension page that `inExtension` runs in has it. */
declare const chrome: { storage: { local: { remove(key: string): Promise<void> } } };
