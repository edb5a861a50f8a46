/**
 * A tab set up for the screenshots in docs/screenshots/: the article at 1280 × 900, on a site
 * painted dark, or at 200 % zoom (half the window's CSS pixels, each drawn with two device
 * pixels), and a capture as the window shows it (Playwright's own screenshot would reset the
 * density). Chromium only (CDP).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { ChromiumSession } from './chromium';
import { PROJECT_ROOT } from './paths';

/** The three looks the screenshots take, and the suffix of their file names. */
export type PhotoLook = 'light' | 'dark' | '200';

/** Every look, in the order the screenshots are taken. */
export const PHOTO_LOOKS: readonly PhotoLook[] = ['light', 'dark', '200'];

/** A tab for screenshots of one look. */
export interface PhotoTab {
  page: Page;
  /** Saves what the window shows as docs/screenshots/<name>. */
  photograph(name: string): Promise<void>;
  close(): Promise<void>;
}

/** Opens a new tab for screenshots of this look; the caller navigates it. */
export async function openPhotoTab(session: ChromiumSession, look: PhotoLook): Promise<PhotoTab> {
  const page = await session.context.newPage();
  const cdp = await session.context.newCDPSession(page);
  if (look === '200') {
    await cdp.send('Emulation.setDeviceMetricsOverride', {
      width: 640,
      height: 450,
      deviceScaleFactor: 2,
      mobile: false,
    });
  } else {
    await page.setViewportSize({ width: 1280, height: 900 });
  }
  if (look === 'dark') {
    // A site painted dark: our page-side UI follows the page's own scheme.
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.addInitScript(() => {
      document.addEventListener('DOMContentLoaded', () => {
        const sheet = document.createElement('style');
        sheet.textContent =
          'html, body, #content, .widget { background: #16181c !important; color: #e6e6e6 !important; }';
        document.head.append(sheet);
      });
    });
  }
  return {
    page,
    async photograph(name) {
      const { data } = (await cdp.send('Page.captureScreenshot', { format: 'png' })) as {
        data: string;
      };
      writeFileSync(join(PROJECT_ROOT, 'docs', 'screenshots', name), Buffer.from(data, 'base64'));
    },
    async close() {
      await cdp.detach();
      await page.close();
    },
  };
}
