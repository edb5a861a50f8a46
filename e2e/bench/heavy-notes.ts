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
import { readPageSummary } from '../harness/page-ui';
import { readTabRecordById } from '../harness/tab-record';
import { waitUntil } from '../harness/wait';
import { longestTasks, type TraceTask, traceMainThread } from './main-thread-trace';
import { plainContext } from './plain-browser';
import type { BenchSection } from './section';

/** Note counts from an environment variable (`1000,100000`), or the default. */
function countsFrom(value: string | undefined, fallback: readonly number[]): readonly number[] {
  const counts = (value ?? '')
    .split(',')
    .filter((part) => part.trim() !== '')
    .map((part) => Number(part.trim()))
    .filter((count) => Number.isInteger(count) && count >= 0);
  return counts.length > 0 ? counts : fallback;
}

/** The counts of the main table (`HEAVY_NOTES_COUNTS`, e.g. `0,100000` for a quick look). */
const COUNTS = countsFrom(process.env.HEAVY_NOTES_COUNTS, [0, 1_000, 10_000, 100_000]);

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

/** What the page's own DOM work costs it (see {@link pageDomWork}), medians in ms. */
export interface DomWork {
  /** One replacement of a small element's content (`innerHTML`), as a teaser rotates. */
  replaceMs: number;
  /** Removing 300 paragraphs one by one, as a comment widget or an infinite scroll does. */
  removeMs: number;
}

/**
 * Times the page's own DOM work, in the page, after the article: a teaser's content replaced 200
 * times, then 300 paragraphs appended and removed one by one, five rounds (medians). A browser
 * keeps every live `Range` of the document up to date on each such change, so this grows with
 * the live ranges the page holds, Counterpoint's among them. Passed to `evaluate` as it is, or
 * as its source text (the two-browser section).
 */
export function pageDomWork(): DomWork {
  const body = document.querySelector('[itemprop="articleBody"]');
  if (!body) throw new Error('no article body');
  const host = document.createElement('div');
  body.after(host);
  const replace: number[] = [];
  const remove: number[] = [];
  for (let round = 0; round < 5; round++) {
    let started = performance.now();
    for (let step = 0; step < 200; step++) {
      host.innerHTML = `<span>Read also: story ${step}</span> <b>${round}</b>`;
    }
    replace.push((performance.now() - started) / 200);
    const paragraphs: HTMLElement[] = [];
    for (let index = 0; index < 300; index++) {
      const paragraph = document.createElement('p');
      paragraph.textContent = `Comment ${index}`;
      host.append(paragraph);
      paragraphs.push(paragraph);
    }
    started = performance.now();
    for (const paragraph of paragraphs) paragraph.remove();
    remove.push(performance.now() - started);
  }
  host.remove();
  // Medians of the five rounds. No named function inside: this is evaluated as its source text,
  // where the helper a bundler adds for function names does not exist.
  replace.sort((a, b) => a - b);
  remove.sort((a, b) => a - b);
  return { replaceMs: replace[2] ?? 0, removeMs: remove[2] ?? 0 };
}

interface Row {
  notes: number;
  /** The page's own DOM work once every note is placed. */
  domWork: DomWork;
  /** The longest main-thread tasks of the page in the trace, until placed and while scrolling. */
  traced: { load: ReturnType<typeof longestTasks>; scroll: ReturnType<typeof longestTasks> };
  /** The five tasks with the most CPU time until placed, for the log. */
  heaviest: TraceTask[];
  placedMs: number;
  /** The content script's start to the claims painted (its own clock, from its first report). */
  claimsPaintMs: number;
  placed: string;
  loadTasks: number[];
  scrollTasks: number[];
  light: number;
  shadow: number;
  heap: number;
}

const ms = (value: number) => `${value.toFixed(0)} ms`;
/** `value` as a multiple of `base` ("—" without a base). */
const ratio = (value: number, base: number | undefined) =>
  base ? `${(value / base).toFixed(value / base >= 10 ? 0 : 1)}×` : '—';
const tasks = (values: readonly number[]) =>
  values.length === 0 ? 'none' : `${values.length} (longest ${ms(Math.max(...values))})`;

/** A browser with one build loaded and the article open, measuring one note count at a time. */
interface Measurer {
  measure(count: number): Promise<Row>;
  close(): Promise<void>;
}

async function openMeasurer(
  extensionPath: string | undefined,
  log: (message: string) => void,
): Promise<Measurer> {
  const session = await launchChromium(extensionPath ? { extensionPath } : {});
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
  const cdp = await page.context().newCDPSession(page);
  return {
    async measure(count) {
      // Away from the article while its notes are written: a page still showing it would hear
      // the change and ask for every note again, and the load measured would wait behind that.
      await page.goto('about:blank');
      await clearArticleNotes(session);
      if (count > 0) await seedArticleNotes(session, passages, count);
      await longTasks(page);
      const trace = await traceMainThread(cdp);
      // The last load's record, with the same note count, must not pass for this one's.
      await session.inExtension((id: number) => chrome.storage.session.remove(`tab:${id}`), tabId);
      const started = Date.now();
      await page.goto(ARTICLE_URL, { waitUntil: 'load' });
      const summary = await waitUntil(
        () => readPageSummary(session, page, tabId),
        (state) =>
          state.claimsAnchored > 0 &&
          state.claimsAnchored === state.claimsTotal &&
          state.notesAnchored + state.orphanedNoteIds.length === count,
        { what: `${count} notes placed`, timeoutMs: 180_000, intervalMs: 100 },
      );
      const placedMs = Date.now() - started;
      const claimsPaintMs = (await readTabRecordById(session, tabId))?.paintMs ?? Number.NaN;
      // Let the interactive UI finish loading before the scroll.
      await page.waitForTimeout(500);
      const loadTasks = await longTasks(page);
      await trace.mark(page, SCROLL_MARK);
      await scrollThrough(page);
      const scrollTasks = await longTasks(page);
      const { tasks: traced, marks } = await trace.stop();
      const scrollFrom = marks.get(SCROLL_MARK) ?? Number.POSITIVE_INFINITY;
      const elements = await countElements(page);
      const domWork = await page.evaluate(pageDomWork);
      const heap = await heapMiB(page);
      return {
        notes: count,
        domWork,
        traced: {
          load: longestTasks(traced.filter((task) => task.ts < scrollFrom)),
          scroll: longestTasks(traced.filter((task) => task.ts >= scrollFrom)),
        },
        heaviest: [
          ...traced
            .filter((task) => task.ts < scrollFrom)
            .sort((a, b) => b.cpuMs - a.cpuMs)
            .slice(0, 5),
          // And the heaviest with no script at its start (a message's reply being decoded).
          ...traced
            .filter((task) => task.ts < scrollFrom && task.what === 'native')
            .sort((a, b) => b.cpuMs - a.cpuMs)
            .slice(0, 3),
        ],
        placedMs,
        claimsPaintMs,
        placed: `${summary.notesAnchored} placed, ${summary.orphanedNoteIds.length} orphans`,
        loadTasks,
        scrollTasks,
        light: elements.light,
        shadow: elements.shadow,
        heap,
      };
    },
    async close() {
      await clearArticleNotes(session).catch(() => undefined);
      await session.close();
    },
  };
}

const logRow = (log: (message: string) => void, label: string, row: Row) =>
  log(
    `${label}${row.notes} notes: claims painted in ${row.claimsPaintMs.toFixed(0)} ms, notes placed in ${row.placedMs} ms, long tasks ${tasks(row.loadTasks)} / scroll ${tasks(row.scrollTasks)}; traced longest CPU ${cpuOf(row.traced.load)} / scroll ${cpuOf(row.traced.scroll)}; elements ${row.light} + ${row.shadow} in closed roots, page's DOM work ${row.domWork.replaceMs.toFixed(3)} ms a replacement, ${row.domWork.removeMs.toFixed(1)} ms for 300 removals, heap ${row.heap.toFixed(1)} MiB; heaviest tasks until placed: ${row.heaviest.map((task) => `${task.cpuMs.toFixed(0)} ms ${task.what}`).join(', ')}`,
  );

/** The longest task by the thread's CPU time: its CPU and wall time, and what it ran. */
const cpuOf = ({ cpu }: ReturnType<typeof longestTasks>) =>
  `${ms(cpu.cpuMs)} CPU (${ms(cpu.wallMs)} wall, ${cpu.what})`;

/** The console.timeStamp that splits the trace between placing and scrolling. */
const SCROLL_MARK = 'counterpoint-bench-scroll';

/**
 * A build to compare with, in the same run (`HEAVY_NOTES_BASELINE=<unpacked build>`, e.g. a
 * build of the main branch copied aside): each count is measured with it, then with this build.
 */
const BASELINE_BUILD = process.env.HEAVY_NOTES_BASELINE;
/**
 * The counts compared with the baseline (`HEAVY_NOTES_COMPARED`; 100,000 takes a minute or more
 * per load and build).
 */
const COMPARED = countsFrom(process.env.HEAVY_NOTES_COMPARED, [1_000, 10_000]);
/** Runs of each compared count per build (`HEAVY_NOTES_RUNS`): the tasks vary with the machine's load. */
const COMPARED_RUNS = Number(process.env.HEAVY_NOTES_RUNS ?? 3);

/** The heavy-annotation section of `npm run bench`. */
export const heavyNotesSection: BenchSection = {
  name: 'Heavy annotation',
  async run({ browser, log }) {
    const rows: Row[] = [];
    const compared: { build: string; row: Row }[] = [];
    let plainHeap = Number.NaN;
    if (BASELINE_BUILD) {
      const before = await openMeasurer(BASELINE_BUILD, log);
      const after = await openMeasurer(undefined, log);
      try {
        for (const count of COMPARED) {
          for (let run = 0; run < COMPARED_RUNS; run++) {
            for (const [build, measurer] of [
              ['before', before],
              ['after', after],
            ] as const) {
              const row = await measurer.measure(count);
              compared.push({ build, row });
              logRow(log, `${build}: `, row);
            }
          }
        }
      } finally {
        await before.close();
        await after.close();
      }
    }
    const measurer = await openMeasurer(undefined, log);
    try {
      for (const count of COUNTS) {
        const row = await measurer.measure(count);
        rows.push(row);
        logRow(log, '', row);
      }
    } finally {
      await measurer.close();
    }
    {
      // The same page in a context of the plain browser, for the heap without the extension.
      const plain = await plainContext(browser);
      const plainPage = await plain.newPage();
      await plainPage.goto(ARTICLE_URL, { waitUntil: 'load' });
      await plainPage.waitForTimeout(500);
      plainHeap = await heapMiB(plainPage);
      await plain.close();
    }
    const longest = (values: readonly number[]) => (values.length === 0 ? 0 : Math.max(...values));
    const comparison = COMPARED.flatMap((count) =>
      (['before', 'after'] as const).map((build) => {
        const runs = compared.filter((entry) => entry.build === build && entry.row.notes === count);
        const load = runs.map((entry) => longest(entry.row.loadTasks));
        const scroll = runs.map((entry) => longest(entry.row.scrollTasks));
        const over = (values: number[]) => values.filter((value) => value > 0).length;
        return [
          count.toLocaleString('en'),
          build === 'before' ? 'before (baseline build)' : 'after (this build)',
          load.map((value) => (value > 0 ? ms(value) : 'none')).join(', '),
          scroll.map((value) => (value > 0 ? ms(value) : 'none')).join(', '),
          `${over(load)} / ${runs.length}`,
          `${over(scroll)} / ${runs.length}`,
          runs.map((entry) => ms(entry.row.traced.load.cpu.cpuMs)).join(', '),
          runs.map((entry) => ms(entry.row.traced.scroll.cpu.cpuMs)).join(', '),
          runs.map((entry) => ms(entry.row.claimsPaintMs)).join(', '),
          runs.map((entry) => ms(entry.row.placedMs)).join(', '),
          runs.map((entry) => `${entry.row.domWork.removeMs.toFixed(1)} ms`).join(', '),
        ];
      }),
    );
    const base = rows[0];
    return {
      tables: [
        ...(compared.length > 0
          ? [
              {
                title: `Before and after, same run, ${COMPARED_RUNS} loads each (longest task over 50 ms of each load, "none" when no task was over 50 ms)`,
                header: [
                  'notes',
                  'build',
                  'longest task until placed',
                  'longest task while scrolling',
                  'loads with a long task, until placed',
                  'loads with a long task, scrolling',
                  'longest task by CPU time until placed (trace)',
                  'longest task by CPU time while scrolling (trace)',
                  'start to claims painted',
                  'reload to every note placed',
                  'the page’s own DOM work: 300 paragraphs removed one by one',
                ],
                rows: comparison,
              },
            ]
          : []),
        {
          title: 'Notes on the article page (Chromium): long tasks, placement, elements and heap',
          header: [
            'notes',
            'start to claims painted',
            'reload to every note placed',
            'placed',
            'long tasks (> 50 ms) until placed',
            'long tasks while scrolling the article',
            'longest task by CPU time, until placed / scrolling (trace)',
            'elements in the page (Δ from no note)',
            'nodes in closed shadow roots (Δ)',
            'renderer JS heap (Δ from no note)',
            'the page’s own DOM work: one replacement of a teaser’s content (÷ no note)',
            '… 300 paragraphs removed one by one (÷ no note)',
          ],
          rows: rows.map((row) => [
            row.notes.toLocaleString('en'),
            ms(row.claimsPaintMs),
            ms(row.placedMs),
            row.placed,
            tasks(row.loadTasks),
            tasks(row.scrollTasks),
            `${cpuOf(row.traced.load)} / ${cpuOf(row.traced.scroll)}`,
            `${row.light} (${row.light - (base?.light ?? 0) >= 0 ? '+' : ''}${row.light - (base?.light ?? 0)})`,
            `${row.shadow} (+${row.shadow - (base?.shadow ?? 0)})`,
            `${row.heap.toFixed(1)} MiB (+${(row.heap - (base?.heap ?? 0)).toFixed(1)})`,
            `${row.domWork.replaceMs.toFixed(3)} ms (${ratio(row.domWork.replaceMs, base?.domWork.replaceMs)})`,
            `${row.domWork.removeMs.toFixed(1)} ms (${ratio(row.domWork.removeMs, base?.domWork.removeMs)})`,
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
        'Notes are written straight to the extension’s database from its service worker, as an import leaves them: passages of 5–12 words cut from the article body (with 24 characters of context either side), cycled through when there are more notes than passages. For each count the tab leaves the article (for `about:blank`) while the notes are written, then opens it again; "reload to every note placed" ends at the first look (every 100 ms) at the background’s record of the tab that finds every note placed or reported as an orphan, so it includes the database read and the message to the page. "Start to claims painted" is the content script’s own figure (its start to the claims painted, sent with its first report), as the Content script section gives it; since the notes are written just before each load, the worker has not read them when the page asks.',
        'Long tasks are the page’s PerformanceObserver `longtask` entries (any task over 50 ms on the renderer’s main thread: the page, the content script and the in-page UI share it), from navigation until every note is placed (plus 0.5 s), then while the mouse wheel scrolls the whole article 400 px at a time, a frame after each step.',
        'The trace (CDP `Tracing`, categories `devtools.timeline` and `toplevel`, over the same reload and scroll) gives each task of the page’s renderer main thread its wall time and its thread time (`tdur`, the time the thread ran on a core). The observer’s long tasks are wall time, which a loaded machine stretches: a task that waits for a core looks long however little it does. The thread time is what the task cost; "what" is the first script, timer, idle callback or frame callback the task ran.',
        `With \`HEAVY_NOTES_BASELINE=<unpacked build>\` (a build of the main branch copied aside) the loads of ${COMPARED.map((count) => count.toLocaleString('en')).join(', ')} notes (\`HEAVY_NOTES_COMPARED\`) run first in two browsers side by side, the baseline build and this one, one load of each in turn, ${COMPARED_RUNS} loads per build and count, so both get the machine’s load alike.`,
        'The page’s own DOM work is timed in the page once every note is placed, after the scroll: a small element after the article has its content replaced 200 times (`innerHTML`, as a rotating teaser does), then 300 paragraphs are appended to it and removed one by one (as a comment widget or an infinite scroll recycles them); five rounds, medians. A browser keeps every live `Range` of a document up to date on each change of it, so this cost grows with the live ranges the page holds (Counterpoint keeps one per claim, none per note); the row with no note is the floor.',
        'Elements are counted through CDP (`DOM.getDocument` with `pierce`): in the page’s DOM, and inside shadow roots (only ours are on this page: the markers’ buttons, the notes layer’s rectangles, the overlay). Heap: `Runtime.getHeapUsage` after `HeapProfiler.collectGarbage` on the tab’s renderer; the page and the content script share that heap, so the difference from the plain browser’s tab is what Counterpoint adds.',
      ],
    };
  },
};

declare const chrome: { storage: { session: { remove(key: string): Promise<void> } } };
