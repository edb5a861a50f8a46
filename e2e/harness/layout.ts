/** Where things are on a page, for the browser tests that check what covers what. */
import type { Page } from 'playwright-core';
import type { ArticleTab, Box } from './driver';
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

/**
 * Scrolls an element into view and returns the middle of its box once the box has stopped
 * moving, in viewport coordinates (run in the page, in either browser: passed to the protocol as
 * its source, so it uses nothing from outside itself). What the scroll sets moving (the reading
 * guide docks in the window a frame or two after its headline goes under the site's header)
 * settles first: the same box before and after two frames, or 200 ms where the tab draws none (a
 * tab in the background), at most ten times. A reader aims at where a control is drawn, not where it
 * was a moment ago.
 */
export async function settledCenter(
  element: Element,
  block: ScrollLogicalPosition,
): Promise<[number, number]> {
  element.scrollIntoView({ block });
  let box = element.getBoundingClientRect();
  for (let tries = 0; tries < 10; tries += 1) {
    await new Promise<void>((done) => {
      setTimeout(done, 200);
      // After the second frame's callbacks have all run: a box placed in that frame (from an
      // observer's callback of the first) is read where it was placed.
      requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(done, 0)));
    });
    const again = element.getBoundingClientRect();
    const still =
      Math.abs(again.left - box.left) < 0.5 &&
      Math.abs(again.top - box.top) < 0.5 &&
      Math.abs(again.width - box.width) < 0.5 &&
      Math.abs(again.height - box.height) < 0.5;
    box = again;
    if (still) break;
  }
  return [box.left + box.width / 2, box.top + box.height / 2];
}

/** Scrolls the article well down with the mouse wheel, as a reader does, and waits for it. */
export async function scrollDown(tab: ArticleTab, width: number, height: number): Promise<void> {
  await tab.mouse.move(width / 4, height / 2);
  await tab.mouse.wheel(1500);
  await waitUntil(
    () => tab.evaluate(() => window.scrollY, undefined),
    (y) => y > 1000,
    { what: 'the article to scroll' },
  );
}
