/**
 * The page's main-thread tasks from a CDP trace, by wall time and by the thread's own CPU time.
 * A PerformanceObserver `longtask` entry is wall time: on a loaded machine a task waits for a
 * core and looks long however little it does. The trace's `tdur` is the time the thread ran,
 * which the machine's load does not stretch, so the two together say whether a long task is our
 * work or the machine's.
 */
import type { CDPSession, Page } from 'playwright-core';

/** One task of the renderer's main thread. */
export interface TraceTask {
  /** Start, µs on the trace clock. */
  ts: number;
  /** Wall time, ms. */
  wallMs: number;
  /** The thread's CPU time, ms. */
  cpuMs: number;
  /** What ran in it: the first script, timer, idle callback or frame callback it fired. */
  what: string;
}

/** One event of a Chromium trace, in the part read here. */
export interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  tdur?: number;
  pid: number;
  tid: number;
  args?: {
    name?: string;
    data?: {
      url?: string;
      message?: string;
      functionName?: string;
      type?: string;
    };
  };
}

/** A running trace of the browser; `stop` returns the page's main-thread tasks and the marks. */
export interface MainThreadTrace {
  /** Marks a moment in the trace (a `console.timeStamp` in the page's main world). */
  mark(page: Page, name: string): Promise<void>;
  /**
   * Ends the trace: the tasks of the main thread of the page that made the last mark, and that
   * thread's complete events (`ph` "X") in the order they started.
   */
  stop(): Promise<{ tasks: TraceTask[]; marks: Map<string, number>; events: TraceEvent[] }>;
}

const FIRED = new Set([
  'FunctionCall',
  'EvaluateScript',
  'TimerFire',
  'FireIdleCallback',
  'FireAnimationFrame',
  'EventDispatch',
  'ParseHTML',
  'Layout',
  'Paint',
]);

/** Starts tracing the browser through the page's CDP session. */
export async function traceMainThread(cdp: CDPSession): Promise<MainThreadTrace> {
  const events: TraceEvent[] = [];
  const collect = (data: { value: object[] }): void => {
    events.push(...(data.value as TraceEvent[]));
  };
  cdp.on('Tracing.dataCollected', collect);
  await cdp.send('Tracing.start', {
    categories: 'devtools.timeline,toplevel',
    transferMode: 'ReportEvents',
  });
  return {
    async mark(page, name) {
      await page.evaluate((label) => console.timeStamp(label), name);
    },
    async stop() {
      const complete = new Promise<void>((resolve) =>
        cdp.once('Tracing.tracingComplete', () => resolve()),
      );
      await cdp.send('Tracing.end');
      await complete;
      cdp.off('Tracing.dataCollected', collect);
      events.sort((a, b) => a.ts - b.ts);
      // The page's main thread: where its marks were made (after any reload).
      const marked = events.filter(
        (event) => event.name === 'TimeStamp' && event.args?.data?.message !== undefined,
      );
      const pid = marked.at(-1)?.pid;
      const mainTid = marked.at(-1)?.tid;
      const onMain = events
        .filter((event) => event.pid === pid && event.tid === mainTid && event.ph === 'X')
        .sort((a, b) => a.ts - b.ts);
      const tasks: TraceTask[] = [];
      for (const task of onMain) {
        if (task.name !== 'ThreadControllerImpl::RunTask') continue;
        const end = task.ts + (task.dur ?? 0);
        const fired = onMain.find(
          (event) => event.ts >= task.ts && event.ts < end && FIRED.has(event.name),
        );
        const data = fired?.args?.data;
        const script = data?.url ? ` ${data.url.split('/').pop()}` : '';
        tasks.push({
          ts: task.ts,
          wallMs: (task.dur ?? 0) / 1000,
          cpuMs: (task.tdur ?? 0) / 1000,
          what: fired
            ? `${fired.name}${data?.type ? ` ${data.type}` : ''}${data?.functionName ? ` ${data.functionName}` : ''}${script}`
            : 'native',
        });
      }
      const marks = new Map<string, number>();
      for (const event of events) {
        if (event.name === 'TimeStamp' && event.args?.data?.message) {
          marks.set(event.args.data.message, event.ts);
        }
      }
      return { tasks, marks, events: onMain };
    },
  };
}

/** The longest task by wall time and by CPU time, with what it ran. */
export function longestTasks(tasks: readonly TraceTask[]): { wall: TraceTask; cpu: TraceTask } {
  const none: TraceTask = { ts: 0, wallMs: 0, cpuMs: 0, what: 'none' };
  let wall = none;
  let cpu = none;
  for (const task of tasks) {
    if (task.wallMs > wall.wallMs) wall = task;
    if (task.cpuMs > cpu.cpuMs) cpu = task;
  }
  return { wall, cpu };
}
