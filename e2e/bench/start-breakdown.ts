/**
 * Where the content script's start goes, part by part, without a line of benchmark code in the
 * shipped bundle: the harness sets logpoints (DevTools breakpoints whose condition makes a
 * `performance.mark` and never pauses) at the start path's steps in the built content script,
 * and listens in the service worker for the page's request arriving. The marks go to the page's
 * performance timeline, which every world of the page shares, so the main world reads them.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CDPSession, Page } from 'playwright-core';
import { ARTICLE_URL } from '../fixtures';
import type { ChromiumSession } from '../harness/chromium';
import { CHROME_BUILD } from '../harness/paths';
import { waitUntil } from '../harness/wait';

/** A step of the start, found in the minified bundle by the code around it. */
interface Probe {
  name: string;
  /**
   * Group 1 is what comes before the probe's statement or call. Several: the first that matches
   * (the bundle of an older build, compared beside this one, may name the step differently).
   */
  pattern: RegExp | readonly RegExp[];
  /** Marks only when this holds (given the match, for the bundle's short names). */
  when?: (found: RegExpExecArray) => string;
}

const ID = '[\\w$]+';
const PROBES: readonly Probe[] = [
  { name: 'start', pattern: new RegExp(`(async function ${ID}\\(${ID}\\)\\{)let\\{browser:`) },
  {
    name: 'recognised',
    pattern: new RegExp(`(;)if\\(!${ID}\\|\\|${ID}\\.aborted\\)return null;let ${ID}=new URL`),
  },
  { name: 'sent', pattern: new RegExp(`(\\]\\),)${ID}=new MutationObserver\\(\\(\\)=>void 0\\)`) },
  {
    name: 'text read',
    // After the text (and, in later builds, the page's scheme) is read, before the replies' await.
    pattern: new RegExp(
      `(let ${ID}=${ID}\\(${ID}\\.body\\),(?:${ID}=${ID}\\(${ID}\\.doc\\),)?)\\[${ID}(?:,${ID}|,\\{[^}]*\\})*\\]=await`,
    ),
  },
  {
    name: 'reply',
    pattern: new RegExp(
      `(return async function\\((${ID}),${ID}\\)\\{let ${ID};for\\(let ${ID}=0;${ID}<=${ID}\\.length;${ID}\\+\\+\\)\\{let (${ID});try\\{\\3=await ${ID}\\(\\{type:\\2,payload:${ID}\\}\\)\\}catch\\(${ID}\\)\\{[^}]*\\})if`,
    ),
    when: (found) => `${found[2]}==="page.opened"`,
  },
  {
    // The settings, the painting option and the first-run flag, read at once (older builds read
    // the settings apart from the other two).
    name: 'storage read',
    pattern: [
      new RegExp(
        `(async function ${ID}\\(${ID}\\)\\{let ${ID}=await ${ID}\\.get\\(\\[\\.\\.\\.${ID},${ID},${ID}\\]\\);)return\\{settings:`,
      ),
      new RegExp(`(async function ${ID}\\(${ID}\\)\\{return )${ID}\\(await ${ID}\\.get\\(`),
    ],
  },
  {
    name: 'replied',
    // After the replies (and the yield a large reply takes before its paint, when it is there:
    // a function's name in older builds, an arrow on the page clock since).
    pattern: new RegExp(
      `(\\]=await ${ID}[,;](?:${ID}\\.notes\\.length>${ID}&&await\\(${ID}\\.yieldToPage\\?\\?[^;]*?\\)\\(\\);let )?)${ID}=${ID}\\.takeRecords\\(\\)`,
    ),
  },
  {
    name: 'anchoring',
    pattern: new RegExp(
      `(setData\\(${ID},${ID},${ID}\\)\\{[^}]*?,)${ID}\\(${ID}\\),${ID}\\(\\)\\},setVisibility`,
    ),
  },
  {
    name: 'painting',
    pattern: new RegExp(
      `(setData\\(${ID},${ID},${ID}\\)\\{[^}]*?,${ID}\\(${ID}\\),)${ID}\\(\\)\\},setVisibility`,
    ),
  },
  { name: 'painted', pattern: new RegExp(`(onStatus:${ID}=>\\{)let`) },
];

/** The line and column (both from 0) of each probe in the built content script. */
export function probeLocations(build: string): {
  name: string;
  lineNumber: number;
  columnNumber: number;
  condition: string;
}[] {
  const source = readFileSync(join(build, 'content-scripts/content.js'), 'utf8');
  return PROBES.map((probe) => {
    const patterns = Array.isArray(probe.pattern) ? probe.pattern : [probe.pattern];
    const found = patterns.map((pattern) => pattern.exec(source)).find((match) => match !== null);
    if (!found) throw new Error(`the start's step "${probe.name}" is not in the built bundle`);
    const offset = found.index + (found[1] ?? '').length;
    const before = source.slice(0, offset);
    const lineNumber = before.split('\n').length - 1;
    const columnNumber = offset - (before.lastIndexOf('\n') + 1);
    const mark = `performance.mark(${JSON.stringify(`cp:${probe.name}`)})`;
    const condition = probe.when ? `(${probe.when(found)}&&${mark}),false` : `${mark},false`;
    return { name: probe.name, lineNumber, columnNumber, condition };
  });
}

/** One start, as times (ms) from the content script's start to each step. */
export type StartSteps = Record<string, number>;

/**
 * Opens the article once with the probes set and returns when each step was reached (epoch
 * ms of the page's clock turned into offsets from `start`), with the paint time the content
 * script reported itself and when the service worker got the request.
 */
export async function probedStart(
  session: ChromiumSession,
  build: string = CHROME_BUILD,
): Promise<StartSteps> {
  const worker = await session.worker();
  await worker.evaluate(() => {
    const scope = globalThis as unknown as {
      cpArrivals?: number[];
      chrome: { runtime: { onMessage: { addListener(fn: (m: unknown) => void): void } } };
    };
    if (scope.cpArrivals) return;
    scope.cpArrivals = [];
    // Registered after the service's own listener, so it runs right after the service began.
    scope.chrome.runtime.onMessage.addListener((message) => {
      if ((message as { type?: unknown } | null)?.type === 'page.opened') {
        scope.cpArrivals?.push(performance.timeOrigin + performance.now());
      }
    });
  });
  const page: Page = await session.context.newPage();
  const cdp = await session.context.newCDPSession(page);
  await cdp.send('Debugger.enable');
  for (const probe of probeLocations(build)) {
    await cdp.send('Debugger.setBreakpointByUrl', {
      urlRegex: 'content-scripts/content\\.js$',
      lineNumber: probe.lineNumber,
      columnNumber: probe.columnNumber,
      condition: probe.condition,
    });
  }
  await page.goto(ARTICLE_URL, { waitUntil: 'load' });
  await page.bringToFront();
  const marks = await waitUntil(
    () =>
      page.evaluate(() => ({
        origin: performance.timeOrigin,
        marks: performance
          .getEntriesByType('mark')
          .filter((mark) => mark.name.startsWith('cp:'))
          .map((mark) => [mark.name.slice(3), mark.startTime] as const),
      })),
    (value) => value.marks.some(([name]) => name === 'painted'),
    { what: 'the probed start to paint', timeoutMs: 15_000 },
  );
  const arrivals = await worker.evaluate(() =>
    (globalThis as unknown as { cpArrivals: number[] }).cpArrivals.splice(0),
  );
  // The floor's round trip as the content script sees it: a request refused at once.
  const roundTrips = await emptyRoundTrips(cdp);
  await cdp.detach();
  await page.close();
  const first = new Map<string, number>();
  for (const [name, at] of marks.marks) if (!first.has(name)) first.set(name, at);
  const start = first.get('start') ?? Number.NaN;
  const steps: StartSteps = {};
  for (const [name, at] of first) steps[name] = at - start;
  const arrival = arrivals.at(-1);
  if (arrival !== undefined) steps.arrived = arrival - marks.origin - start;
  steps['empty round trip'] = roundTrips;
  return steps;
}

/** The median of a few requests from the content script's own world that the background refuses. */
async function emptyRoundTrips(cdp: CDPSession): Promise<number> {
  const contexts: { id: number; origin: string; auxData?: { type?: string } }[] = [];
  cdp.on('Runtime.executionContextCreated', (event) => contexts.push(event.context));
  await cdp.send('Runtime.enable');
  const world = contexts.find(
    (context) =>
      context.auxData?.type === 'isolated' && context.origin.startsWith('chrome-extension://'),
  );
  if (!world) return Number.NaN;
  const reply = await cdp.send('Runtime.evaluate', {
    contextId: world.id,
    awaitPromise: true,
    returnByValue: true,
    expression: `(async () => {
      const times = [];
      for (let run = 0; run < 5; run++) {
        const started = performance.now();
        await chrome.runtime.sendMessage({ type: 'none' });
        times.push(performance.now() - started);
      }
      return times.sort((a, b) => a - b)[2];
    })()`,
  });
  return typeof reply.result.value === 'number' ? reply.result.value : Number.NaN;
}
