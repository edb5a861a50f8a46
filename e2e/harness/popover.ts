/**
 * The popover frame, as the browser tests meet it in Chromium: an extension page inside the
 * article's tab (placed by the content script in a closed shadow root), found among the page's
 * frames and read by role and accessible name, as a screen reader would. Nothing here reaches
 * through the page: the page's own scripts cannot see the frame's content, and neither do these
 * helpers from the page's side.
 */
import type { Frame, Locator, Page } from 'playwright-core';
import { waitUntil } from './wait';

/** The popover frame of a page, once the content script has created it. */
export async function popoverFrame(page: Page, timeoutMs = 5000): Promise<Frame> {
  return waitUntil(
    async () => page.frames().find((frame) => frame.url().includes('/popover.html')) ?? null,
    (frame) => frame !== null,
    { what: 'the popover frame', timeoutMs },
  ) as Promise<Frame>;
}

/** Waits for a dialog of that name in the popover frame, shown to the reader, and returns it. */
export async function waitForPopover(
  page: Page,
  name: string | RegExp,
  timeoutMs = 5000,
): Promise<Locator> {
  const frame = await popoverFrame(page, timeoutMs);
  const dialog = frame.getByRole('dialog', { name });
  await dialog.first().waitFor({ state: 'visible', timeout: timeoutMs });
  // Shown once the page side has sized and revealed the frame.
  await waitUntil(
    async () => (await (await frame.frameElement()).boundingBox())?.height ?? 0,
    (height) => height > 40,
    { what: 'the popover frame to open', timeoutMs },
  );
  return dialog.first();
}

/** How many dialogs the popover frame shows now (0 when closed). */
export async function openPopovers(page: Page): Promise<number> {
  const frame = page.frames().find((candidate) => candidate.url().includes('/popover.html'));
  if (!frame) return 0;
  return frame.getByRole('dialog').count();
}

/** Waits until no popover is open. */
export async function waitForPopoverClosed(page: Page): Promise<void> {
  await waitUntil(
    () => openPopovers(page),
    (count) => count === 0,
    { what: 'the popover to close' },
  );
}

/** The accessible role and name of what has focus inside the popover frame, if focus is there. */
export async function focusInPopover(
  page: Page,
): Promise<{ role: string | null; label: string | null; tag: string } | null> {
  const frame = page.frames().find((candidate) => candidate.url().includes('/popover.html'));
  if (!frame) return null;
  return frame.evaluate(() => {
    if (!document.hasFocus()) return null;
    const active = document.activeElement;
    if (!active || active === document.body) return null;
    return {
      role: active.getAttribute('role'),
      label: active.getAttribute('aria-label'),
      tag: active.localName,
    };
  });
}

/** The popover's box in the page's viewport: the frame's, which holds and clips it. */
export async function popoverBox(
  page: Page,
): Promise<{ x: number; y: number; width: number; height: number }> {
  const frame = await popoverFrame(page);
  const box = await (await frame.frameElement()).boundingBox();
  if (!box) throw new Error('the popover is not laid out');
  return box;
}
