/** Selecting a passage of the page with the mouse, as a reader does (Playwright or Puppeteer). */

/** Where a passage is on screen: the ends of its first and last lines, and its whole box. */
export interface PassageBox {
  from: { x: number; y: number };
  to: { x: number; y: number };
  top: number;
  centre: number;
}

/** The part of a Playwright or Puppeteer page this helper uses. */
interface PageLike {
  // Playwright's and Puppeteer's `evaluate` differ in their generics; both take (function, arg).
  evaluate: (...args: never[]) => Promise<unknown>;
  mouse: {
    move(x: number, y: number, options?: { steps?: number }): Promise<void>;
    down(): Promise<void>;
    up(): Promise<void>;
  };
}

/** Scrolls a passage into view and says where it is. Throws if the page does not have it. */
export function findPassage(page: PageLike, passage: string): Promise<PassageBox> {
  const evaluate = page.evaluate as unknown as (
    fn: (wanted: string) => PassageBox,
    arg: string,
  ) => Promise<PassageBox>;
  return evaluate.call(
    page,
    (wanted: string) => {
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const at = node.textContent?.indexOf(wanted) ?? -1;
        if (at < 0) continue;
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + wanted.length);
        node.parentElement?.scrollIntoView({ block: 'center' });
        const rects = [...range.getClientRects()];
        const first = rects[0];
        const last = rects.at(-1);
        if (!first || !last) break;
        const all = range.getBoundingClientRect();
        return {
          from: { x: first.left + 1, y: first.top + first.height / 2 },
          to: { x: last.right - 1, y: last.top + last.height / 2 },
          top: all.top,
          centre: all.left + all.width / 2,
        };
      }
      throw new Error(`passage not found: ${wanted}`);
    },
    passage,
  );
}

/** Drags the mouse across a passage, selecting it; returns where it is. */
export async function selectWithMouse(page: PageLike, passage: string): Promise<PassageBox> {
  const box = await findPassage(page, passage);
  await page.mouse.move(box.from.x, box.from.y);
  await page.mouse.down();
  await page.mouse.move(box.to.x, box.to.y, { steps: 8 });
  await page.mouse.up();
  return box;
}

/**
 * Where a reader clicks a highlighted passage: a few characters into its first line, scrolled to
 * the middle of the window. Runs in the page (`evaluate`), so it is self-contained.
 */
export function passageClickPoint(wanted: string): { x: number; y: number } {
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node as Text;
    const at = text.data.replace(/\s+/g, ' ').indexOf(wanted.slice(0, 24));
    if (at < 0) continue;
    const range = document.createRange();
    range.setStart(text, at + 2);
    range.setEnd(text, at + 8);
    text.parentElement?.scrollIntoView({ block: 'center' });
    const rect = range.getClientRects()[0];
    if (rect) return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
  }
  throw new Error(`passage not on the page: ${wanted}`);
}
