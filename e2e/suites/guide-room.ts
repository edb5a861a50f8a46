/**
 * Where the reading guide's pill sits at the window widths readers have, one suite for every
 * browser: at 1280, 1366, 1440 and 1920 px and in narrower windows, the pill (and the guide, where
 * it starts open) covers neither the site's sidebar (its first heading, "Get Our Free
 * Newsletter", above all) nor the headline and byline, and stays in the window; pinned under the
 * site's header once the article is scrolled, it covers none of the article's text. The welcome
 * card of a first visit covers none of the guide, folded or open, scrolled or not, in those
 * windows and at 200 % zoom. `guide-room.chromium.e2e.ts` and `guide-room.firefox.e2e.ts` run it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIRST_RUN_KEY } from '../../utils/settings';
import { ARTICLE_URL } from '../fixtures';
import type { ArticleTab, Box, BrowserDriver, BrowserSession, Control } from '../harness/driver';
import { boxAtRest, intersects, scrollDown } from '../harness/layout';
import { waitUntil } from '../harness/wait';

const PILL = /^Counterpoint · 14 claims checked/;

/** The window sizes checked: common screens, a small laptop, a narrow window. */
const WINDOWS: readonly [number, number][] = [
  [1280, 900],
  [1366, 768],
  [1440, 900],
  [1920, 1080],
  [1024, 768],
  [800, 600],
];

/** The windows of 200 % zoom on a 1280 × 900 and a 1366 × 768 screen, in CSS pixels. */
const ZOOMED: readonly [number, number][] = [
  [640, 450],
  [683, 384],
];

const WELCOME = 'Counterpoint is checking this article';

/** Forgets that the welcome card was shown, as a new profile would: the next article shows it. */
function forgetWelcome(session: BrowserSession): Promise<void> {
  return session.inExtension(async (key) => {
    const api =
      (globalThis as unknown as { browser?: unknown; chrome?: unknown }).browser ??
      (globalThis as unknown as { chrome: unknown }).chrome;
    await (
      api as { storage: { local: { remove(key: string): Promise<void> } } }
    ).storage.local.remove(key);
  }, FIRST_RUN_KEY);
}

/** A control's box once it has stopped moving (placed in the frame after it is drawn). */
const placedBox = (tab: ArticleTab, control: Control): Promise<Box> =>
  boxAtRest(() => tab.box(control), 'the pill to be placed');

/** The boxes of the site's content the guide must leave uncovered, read in the page. */
function siteBoxes(tab: ArticleTab): Promise<{ heading: Box; sidebar: Box[]; text: Box[] }> {
  return tab.evaluate(() => {
    const boxOf = (element: Element) => {
      const { x, y, width, height } = element.getBoundingClientRect();
      return { x, y, width, height };
    };
    const heading = document.querySelector('#sidebar h3');
    if (!heading) throw new Error('no sidebar heading');
    const text: { x: number; y: number; width: number; height: number }[] = [];
    for (const selector of ['[itemprop="headline"]', '.author-date']) {
      const block = document.querySelector(selector);
      if (!block) throw new Error(`no ${selector}`);
      const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        if (!node.textContent?.trim()) continue;
        const range = document.createRange();
        range.selectNodeContents(node);
        for (const rect of range.getClientRects()) {
          text.push({ x: rect.x, y: rect.y, width: rect.width, height: rect.height });
        }
      }
    }
    return {
      heading: boxOf(heading),
      sidebar: [...document.querySelectorAll('#sidebar .widget')].map(boxOf),
      text,
    };
  }, undefined);
}

/** Defines the suite of the guide's room beside the sidebar for one browser. */
export function defineGuideRoomSuite(driver: BrowserDriver): void {
  let session: BrowserSession;
  let tab: ArticleTab;

  beforeAll(async () => {
    session = await driver.launch();
    tab = await session.open(ARTICLE_URL);
  });

  afterAll(async () => {
    await session?.close();
  });

  describe(`the reading guide's pill beside the site's sidebar in ${driver.name}`, () => {
    it.each(WINDOWS)(
      'covers none of the sidebar or the headline in a %i×%i window',
      async (width, height) => {
        await tab.resize(width, height);
        // The guide decides at the start whether it opens: start afresh in this window.
        await tab.reload();
        const pill = await tab.waitForControl('button', PILL);
        const boxes = [await placedBox(tab, pill)];
        const [guide] = await tab.controls('region', 'Counterpoint');
        if (guide) boxes.push(await tab.box(guide));
        const site = await siteBoxes(tab);
        expect(site.text.length).toBeGreaterThan(3);
        for (const box of boxes) {
          expect(intersects(box, site.heading), 'the sidebar heading').toBe(false);
          for (const widget of site.sidebar)
            expect(intersects(box, widget), 'a widget').toBe(false);
          for (const rect of site.text)
            expect(intersects(box, rect), JSON.stringify(rect)).toBe(false);
        }
        const [pillBox] = boxes;
        expect(pillBox!.x).toBeGreaterThanOrEqual(0);
        expect(pillBox!.x + pillBox!.width).toBeLessThanOrEqual(width);
        expect(pillBox!.y).toBeGreaterThanOrEqual(0);
      },
    );

    it.each([
      [1280, 900],
      [800, 600],
    ])(
      'pinned under the header once scrolled, covers none of the article’s text in a %i×%i window',
      async (width, height) => {
        await tab.resize(width, height);
        await tab.reload();
        const pill = await tab.waitForControl('button', PILL);
        await placedBox(tab, pill);
        await scrollDown(tab, width, height);
        const pinned = await placedBox(tab, pill);
        // The article's lines in the window now.
        const lines = await tab.evaluate(() => {
          const body = document.querySelector('.articleBody');
          if (!body) throw new Error('no article body');
          const rects: { x: number; y: number; width: number; height: number }[] = [];
          const walker = document.createTreeWalker(body, NodeFilter.SHOW_TEXT);
          for (let node = walker.nextNode(); node; node = walker.nextNode()) {
            if (!node.textContent?.trim()) continue;
            const range = document.createRange();
            range.selectNodeContents(node);
            for (const rect of range.getClientRects()) {
              if (rect.bottom > 0 && rect.top < window.innerHeight) {
                rects.push({ x: rect.x, y: rect.y, width: rect.width, height: rect.height });
              }
            }
          }
          return rects;
        }, undefined);
        expect(lines.length).toBeGreaterThan(3);
        expect(pinned.y).toBeGreaterThanOrEqual(0);
        expect(pinned.y).toBeLessThan(height / 2);
        for (const rect of lines)
          expect(intersects(pinned, rect), JSON.stringify(rect)).toBe(false);
      },
    );

    it.each([...WINDOWS, ...ZOOMED])(
      'the welcome card covers none of the guide, folded, open or scrolled, in a %i×%i window',
      async (width, height) => {
        await tab.resize(width, height);
        await forgetWelcome(session);
        await tab.reload();
        const pill = await tab.waitForControl('button', PILL);
        await placedBox(tab, pill);
        await tab.waitForControl('region', WELCOME);
        /** The guide's boxes and the card's, once both have stopped moving; the card may be away. */
        const apart = async (what: string): Promise<boolean> => {
          const guide = [await placedBox(tab, pill)];
          const [open] = await tab.controls('region', 'Counterpoint');
          if (open) guide.push(await tab.box(open));
          const [card] = await tab.controls('region', WELCOME);
          if (!card) return false;
          const cardBox = await placedBox(tab, card);
          expect(cardBox.height, `the card ${what}`).toBeGreaterThan(0);
          expect(cardBox.y + cardBox.height, `the card ${what}`).toBeLessThanOrEqual(height);
          for (const box of guide) {
            expect(intersects(box, cardBox), `${what}: ${JSON.stringify([box, cardBox])}`).toBe(
              false,
            );
          }
          return true;
        };
        // As it starts (the guide open where it has room), the card is shown, clear of it.
        expect(await apart('as it starts')).toBe(true);
        // The guide folded or opened by the reader: the card keeps clear, or steps aside.
        const openAtStart = (await tab.controls('region', 'Counterpoint')).length;
        await tab.click(pill);
        await waitUntil(
          () => tab.controls('region', 'Counterpoint'),
          (open) => open.length !== openAtStart,
          { what: 'the guide to fold or open' },
        );
        await apart('with the guide toggled');
        await tab.click(pill);
        expect(await apart('with the guide back as it started')).toBe(true);
        // Scrolled: the guide pinned under the header, the card where it was.
        await scrollDown(tab, width, height);
        expect(await apart('once scrolled')).toBe(true);
      },
    );
  });
}
