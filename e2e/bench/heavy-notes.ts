/**
 * Heavy annotation: 1,000, 10,000 and 100,000 notes on the article, written to the database as an
 * import leaves them. For each count, in one browser: the main thread's long tasks (over 50 ms,
 * PerformanceObserver `longtask`) from navigation until every note is placed and while the reader
 * scrolls the whole article, the time until every note is placed, the elements we add to the page
 * (its DOM, and inside closed shadow roots), and the renderer's JS heap; beside the same tab with
 * no note, and (heap only) a context of the plain browser.
 */
import type { Page } from 'playwright-core';
import { ARTICLE_URL } from '../fixtures';
import { launchChromium } from '../harness/chromium';
import {
  articlePassages,
  clearArticleNotes,
  countElements,
  seedArticleNotes,
} from '../harness/heavy-notes';
import { defaultSite, isSiteAddress, pageFor } from '../harness/offline-site';
import { readPageSummary } from '../harness/page-ui';
import { waitUntil } from '../harness/wait';
import type { BenchSection } from './section';

const COUNTS = [0, 1_000, 10_000, 100_000] as const;

/** Long tasks seen by the page since it started (an init script keeps the observer). */
const LONG_TASKS_SCRIPT = `
  globalThis.__longTasks = [];
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) globalThis.__longTasks.push(entry.duration);
  }).observe({ type: 'longtask', buffered: true });
`;

function longTasks(page: Page): Promise<number[]> {
  return page.evaluate(() =>
    (globalThis as unknown as { __longTasks: number[] }).__longTasks.splice(0),
  );
}

/** The renderer's JS heap after a forced collection, in MiB. */
async function heapMiB(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
  await cdp.detach();
  return usedSize / 2 ** 20;
}

async function scrollThrough(page: Page): Promise<void> {
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  for (let y = 0; y <= height; y += 400) {
    await page.mouse.wheel(0, 400);
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(resolve)));
  }
  await page.evaluate(() => window.scrollTo(0, 0));
}

interface Row {
  notes: number;
  placedMs: number;
  placed: string;
  loadTasks: number[];
  scrollTasks: number[];
  light: number;
  shadow: number;
  heap: number;
}

const ms = (value: number) => `${value.toFixed(0)} ms`;
const tasks = (values: readonly number[]) =>
  values.length === 0 ? 'none' : `${values.length} (longest ${ms(Math.max(...values))})`;

/** The heavy-annotation section of `npm run bench`. */
export const heavyNotesSection: BenchSection = {
  name: 'Heavy annotation',
  async run({ browser, log }) {
    const session = await launchChromium();
    const rows: Row[] = [];
    let plainHeap = Number.NaN;
    try {
      await session.context.addInitScript(LONG_TASKS_SCRIPT);
      await session.context.addInitScript('globalThis.__name = (target) => target;');
      (await session.worker()).evaluate('globalThis.__name = (target) => target;');
      const page = await session.open(ARTICLE_URL);
      const tabId = await session.tabIdOf(page);
      await waitUntil(
        () => readPageSummary(session, page, tabId),
        (state) => state.claimsAnchored > 0,
        { what: 'the claims placed', timeoutMs: 15_000 },
      );
      const passages = await articlePassages(page, 2_000);
      log(`${passages.length} distinct passages of the article`);
      for (const count of COUNTS) {
        await clearArticleNotes(session);
        if (count > 0) await seedArticleNotes(session, passages, count);
        await longTasks(page);
        const started = Date.now();
        await page.reload({ waitUntil: 'load' });
        const summary = await waitUntil(
          () => readPageSummary(session, page, tabId),
          (state) =>
            state.claimsAnchored === state.claimsTotal &&
            state.notesAnchored + state.orphanedNoteIds.length === count,
          { what: `${count} notes placed`, timeoutMs: 180_000, intervalMs: 100 },
        );
        const placedMs = Date.now() - started;
        // Let the interactive UI finish loading before the scroll.
        await page.waitForTimeout(500);
        const loadTasks = await longTasks(page);
        await scrollThrough(page);
        const scrollTasks = await longTasks(page);
        const elements = await countElements(page);
        const heap = await heapMiB(page);
        rows.push({
          notes: count,
          placedMs,
          placed: `${summary.notesAnchored} placed, ${summary.orphanedNoteIds.length} orphans`,
          loadTasks,
          scrollTasks,
          light: elements.light,
          shadow: elements.shadow,
          heap,
        });
        log(
          `${count} notes: placed in ${placedMs} ms, long tasks ${tasks(loadTasks)} / scroll ${tasks(scrollTasks)}, elements ${elements.light} + ${elements.shadow} in closed roots, heap ${heap.toFixed(1)} MiB`,
        );
      }
      await clearArticleNotes(session);
      await page.close();
      // The same page in a context of the plain browser, for the heap without the extension.
      const plain = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      await plain.route('**/*', async (route) => {
        const address = route.request().url();
        const html = isSiteAddress(address) ? pageFor(defaultSite, address) : undefined;
        if (html === undefined) await route.abort('blockedbyclient');
        else
          await route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html });
      });
      const plainPage = await plain.newPage();
      await plainPage.goto(ARTICLE_URL, { waitUntil: 'load' });
      await plainPage.waitForTimeout(500);
      plainHeap = await heapMiB(plainPage);
      await plain.close();
    } finally {
      await session.close();
    }
    const base = rows[0];
    return {
      tables: [
        {
          title: 'Notes on the article page (Chromium): long tasks, placement, elements and heap',
          header: [
            'notes',
            'reload to every note placed',
            'placed',
            'long tasks (> 50 ms) until placed',
            'long tasks while scrolling the article',
            'elements in the page (Δ from no note)',
            'nodes in closed shadow roots (Δ)',
            'renderer JS heap (Δ from no note)',
          ],
          rows: rows.map((row) => [
            row.notes.toLocaleString('en'),
            ms(row.placedMs),
            row.placed,
            tasks(row.loadTasks),
            tasks(row.scrollTasks),
            `${row.light} (${row.light - (base?.light ?? 0) >= 0 ? '+' : ''}${row.light - (base?.light ?? 0)})`,
            `${row.shadow} (+${row.shadow - (base?.shadow ?? 0)})`,
            `${row.heap.toFixed(1)} MiB (+${(row.heap - (base?.heap ?? 0)).toFixed(1)})`,
          ]),
        },
        {
          title: 'Renderer JS heap of the article tab (after a forced GC)',
          header: ['page', 'heap'],
          rows: [
            ['without the extension (plain browser context)', `${plainHeap.toFixed(1)} MiB`],
            ['with Counterpoint, 14 claims, no note', `${base?.heap.toFixed(1)} MiB`],
            [
              'with Counterpoint, 14 claims and 1,000 notes',
              `${rows.find((row) => row.notes === 1000)?.heap.toFixed(1)} MiB`,
            ],
          ],
        },
      ],
      notes: [
        'Notes are written straight to the extension’s database from its service worker, as an import leaves them: passages of 5–12 words cut from the article body (with 24 characters of context either side), cycled through when there are more notes than passages. The tab is reloaded for each count; "reload to every note placed" ends at the first look (every 100 ms) at the background’s record of the tab that finds every note placed or reported as an orphan, so it includes the database read and the message to the page.',
        'Long tasks are the page’s PerformanceObserver `longtask` entries (any task over 50 ms on the renderer’s main thread: the page, the content script and the in-page UI share it), from navigation until every note is placed (plus 0.5 s), then while the mouse wheel scrolls the whole article 400 px at a time, a frame after each step.',
        'Elements are counted through CDP (`DOM.getDocument` with `pierce`): in the page’s DOM, and inside shadow roots (only ours are on this page: the markers’ buttons, the notes layer’s rectangles, the overlay). Heap: `Runtime.getHeapUsage` after `HeapProfiler.collectGarbage` on the tab’s renderer; the page and the content script share that heap, so the difference from the plain browser’s tab is what Counterpoint adds.',
      ],
    };
  },
};
