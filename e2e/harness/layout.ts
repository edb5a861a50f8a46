/** Where things are on a page, for the browser tests that check what covers what. */
import type { Page } from 'playwright-core';
import type { Box } from './driver';
import { waitUntil } from './wait';

/** Whether two boxes of the viewport overlap (touching edges do not). */
export function intersects(a: Box, b: Box): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

/**
 * A box once it has stopped moving: two reads in a row the same, and not empty (a control placed
 * in the frame after it is drawn, a notice that slides in).
 */
export async function boxAtRest(read: () => Promise<Box>, what: string): Promise<Box> {
  let last = '';
  return waitUntil(
    read,
    (next) => {
      const key = JSON.stringify(next);
      const still = key === last && next.width > 0;
      last = key;
      return still;
    },
    { what },
  );
}

/** Waits until the page has stopped scrolling (a claim is scrolled into place smoothly). */
export async function untilStill(page: Page): Promise<void> {
  await waitUntil(
    () =>
      page.evaluate(
        () =>
          new Promise<boolean>((done) => {
            const before = scrollY;
            requestAnimationFrame(() => requestAnimationFrame(() => done(scrollY === before)));
          }),
      ),
    (still) => still,
    { what: 'the page to stop scrolling' },
  );
}
