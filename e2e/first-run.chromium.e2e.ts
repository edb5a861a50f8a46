/**
 * The welcome card in real Chromium: on the first article with claims it shows once, in the
 * page's overlay, without taking the focus; "Help and shortcuts" opens the help page; Escape
 * puts it away; the next visit does not show it again. Screenshots in light and at 200 %.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ARTICLE_URL } from './fixtures';
import { probeAccessibility } from './harness/accessibility';
import { type ChromiumSession, launchChromium } from './harness/chromium';
import { PROJECT_ROOT } from './harness/paths';
import { waitUntil } from './harness/wait';

const SCREENSHOTS = join(PROJECT_ROOT, 'docs', 'screenshots');
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
      await page.screenshot({ path: join(SCREENSHOTS, 'welcome-card-light.png') });

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

  it('goes with its button, and is photographed at 200 %', async () => {
    // A new profile: a first visit again, in a small window (200 % zoom of a 1280 px screen).
    const second = await launchChromium();
    try {
      const page = await second.open(ARTICLE_URL);
      await page.setViewportSize({ width: 640, height: 450 });
      const probe = await probeAccessibility(page);
      const card = await probe.waitFor('region', TITLE, 10_000);
      await page.screenshot({ path: join(SCREENSHOTS, 'welcome-card-200.png') });
      await probe.click((await probe.within(card, 'button', 'Got it'))[0]!);
      await waitUntil(
        async () => (await probe.find('region', TITLE)).length,
        (count) => count === 0,
        { what: 'Got it to put the card away' },
      );
      await probe.detach();
    } finally {
      await second.close();
    }
  });
});
