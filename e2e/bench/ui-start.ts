/**
 * The main thread of a newly opened article tab, from the content script's start to 1.5 s later,
 * from a CDP trace: its longest task and the tasks that ran the in-page UI bundle. A new tab is
 * a fresh renderer, so it pays what a reload does not: the first `Intl` format's data, the first
 * message-catalogue read, the UI bundle's compile.
 */
import type { Page } from 'playwright-core';
import { ARTICLE_URL } from '../fixtures';
import type { ChromiumSession } from '../harness/chromium';
import { type TraceEvent, traceMainThread } from './main-thread-trace';

/** One traced new tab. */
export interface UiStart {
  /** The longest main-thread task in the window, wall time (ms). */
  longestMs: number;
  /** The same task's CPU time (ms): what the machine's load does not stretch. */
  longestCpuMs: number;
  /** CPU time of the tasks that ran the in-page UI bundle (ms). */
  uiCpuMs: number;
  /**
   * V8's compile of the content script before its first statement runs (ms): the start's
   * figures are timed from that statement, so this comes before them.
   */
  scriptCompileMs: number;
}

const WINDOW_US = 1_500_000;
const ours = (event: TraceEvent, script: string) =>
  event.args?.data?.url?.includes(script) === true;

/** Opens the article in a new tab with the trace on, and reads its main thread. */
export async function uiStartOnce(session: ChromiumSession): Promise<UiStart> {
  const page: Page = await session.context.newPage();
  const cdp = await session.context.newCDPSession(page);
  const trace = await traceMainThread(cdp);
  await page.goto(ARTICLE_URL, { waitUntil: 'load' });
  await page.waitForTimeout(WINDOW_US / 1000 + 100);
  // The mark names the page's main thread, where the content script and the UI run too.
  await trace.mark(page, 'traced');
  const { events } = await trace.stop();
  await cdp.detach();
  await page.close();

  const start = events.find((event) => ours(event, 'content-scripts/content.js'));
  if (!start) throw new Error('the content script did not run in the traced tab');
  const inWindow = events.filter(
    (event) => event.ts >= start.ts - 1000 && event.ts <= start.ts + WINDOW_US,
  );
  // The outermost events are the tasks; what starts inside one belongs to it.
  const tasks: { event: TraceEvent; inner: TraceEvent[] }[] = [];
  for (const event of inWindow) {
    const last = tasks.at(-1);
    if (last && event.ts < last.event.ts + (last.event.dur ?? 0)) last.inner.push(event);
    else tasks.push({ event, inner: [] });
  }
  const longest = tasks.reduce<(typeof tasks)[number] | null>(
    (best, task) => (!best || (task.event.dur ?? 0) > (best.event.dur ?? 0) ? task : best),
    null,
  );
  const uiCpu = tasks
    .filter((task) => task.inner.some((event) => ours(event, 'content-ui.js')))
    .reduce((sum, task) => sum + (task.event.tdur ?? task.event.dur ?? 0), 0);
  const compile = inWindow.find(
    (event) => event.name === 'v8.compile' && ours(event, 'content-scripts/content.js'),
  );
  return {
    scriptCompileMs: (compile?.dur ?? Number.NaN) / 1000,
    longestMs: (longest?.event.dur ?? 0) / 1000,
    longestCpuMs: (longest?.event.tdur ?? 0) / 1000,
    uiCpuMs: uiCpu / 1000,
  };
}
