/**
 * Start to claims painted, before and after a change, in one run: the article opened alternately
 * in two browsers, one with a baseline build (`START_BASELINE=<unpacked build>`, e.g. a build
 * of the main branch copied aside) and one with this checkout's build. For each: the paint time
 * the content script reports, the floor measured right after each load (an empty round trip
 * plus reading the same records), their ratio, the floor as a content script meets it (a
 * minimal extension in a third browser, `content-floor.ts`), and the start's breakdown from
 * logpoint loads (`start-breakdown.ts`).
 */
import { ARTICLE_URL } from '../fixtures';
import { type ChromiumSession, launchChromium } from '../harness/chromium';
import { ARTICLE_KEY } from '../harness/heavy-notes';
import { CHROME_BUILD } from '../harness/paths';
import { readTabRecordById } from '../harness/tab-record';
import { waitUntil } from '../harness/wait';
import { contentFloorOnce, launchFloorBrowser } from './content-floor';
import { floorOnce, PARTS, WAIT_DETAILS } from './content-script';
import { median } from './median';
import type { BenchSection } from './section';
import { probedStart, type StartSteps } from './start-breakdown';
import { type UiStart, uiStartOnce } from './ui-start';

/**
 * Plain loads per build, alternating (the first, cold, is left out of the medians); more with
 * `START_RUNS`, where the machine is too noisy for 15.
 */
const RUNS = Number(process.env.START_RUNS ?? 15);
/** Loads with the logpoints set, per build, alternating. */
const PROBED_RUNS = 12;
/** New tabs traced for the main thread's tasks, per build, alternating. */
const TRACED_RUNS = 8;

interface BuildRuns {
  label: string;
  build: string;
  session: ChromiumSession;
  paints: number[];
  floors: number[];
  probed: StartSteps[];
  traced: UiStart[];
}

async function paintOnce(session: ChromiumSession): Promise<number> {
  const page = await session.open(ARTICLE_URL);
  const tabId = await session.tabIdOf(page);
  const record = await waitUntil(
    () => readTabRecordById(session, tabId),
    (value) => typeof value?.paintMs === 'number',
    { what: 'the first paint report', timeoutMs: 15_000 },
  );
  await page.close();
  return record?.paintMs ?? Number.NaN;
}

const ms = (value: number) => `${value.toFixed(1)} ms`;

/** The before/after start section of `npm run bench` (needs `START_BASELINE`). */
export const startCompareSection: BenchSection = {
  name: 'Start before and after',
  async run({ log }) {
    const baseline = process.env.START_BASELINE;
    if (!baseline) throw new Error('START_BASELINE names no build to compare with');
    const builds: BuildRuns[] = [];
    // The floor as a content script meets it (`content-floor.ts`), a load after each round.
    const floorSession = await launchFloorBrowser();
    const contentFloors: number[] = [];
    try {
      for (const [label, build] of [
        ['before (baseline build)', baseline],
        ['after (this build)', CHROME_BUILD],
      ] as const) {
        builds.push({
          label,
          build,
          session: await launchChromium({ extensionPath: build }),
          paints: [],
          floors: [],
          probed: [],
          traced: [],
        });
      }
      for (let run = 0; run < RUNS; run++) {
        for (const entry of builds) {
          entry.paints.push(await paintOnce(entry.session));
          const floor = await floorOnce(entry.session, ARTICLE_KEY);
          entry.floors.push(floor.roundTrip + floor.read);
          log(`${entry.label} run ${run + 1}: ${entry.paints.at(-1)?.toFixed(1)} ms`);
        }
        contentFloors.push(await contentFloorOnce(floorSession));
      }
      for (let run = 0; run < PROBED_RUNS; run++) {
        for (const entry of builds) {
          entry.probed.push(await probedStart(entry.session, entry.build));
          log(
            `${entry.label} probed run ${run + 1}: ${entry.probed.at(-1)?.painted?.toFixed(1)} ms`,
          );
        }
      }
      for (let run = 0; run < TRACED_RUNS; run++) {
        for (const entry of builds) {
          entry.traced.push(await uiStartOnce(entry.session));
          log(
            `${entry.label} traced run ${run + 1}: longest task ${entry.traced.at(-1)?.longestMs.toFixed(1)} ms`,
          );
        }
      }
    } finally {
      for (const entry of builds) await entry.session.close();
      await floorSession.close();
    }
    // The floor does the same work whichever build is loaded: one median over both browsers.
    const floor = median(builds.flatMap((entry) => entry.floors.slice(1)));
    const contentFloor = median(contentFloors.slice(1));
    const part = (entry: BuildRuns, from: string, to: string) =>
      median(entry.probed.map((steps) => (steps[to] ?? Number.NaN) - (steps[from] ?? 0)));
    const summary = builds.map((entry) => ({ entry, paint: median(entry.paints.slice(1)) }));
    return {
      tables: [
        {
          title: 'Start to claims painted beside its floor, before and after (Chromium, one run)',
          header: [
            'build',
            'median of the warm loads',
            `÷ floor from an extension page (${ms(floor)}; target ≤ 2×)`,
            `÷ floor as a content script meets it (${ms(contentFloor)})`,
          ],
          rows: summary.map(({ entry, paint }) => [
            entry.label,
            ms(paint),
            `${(paint / floor).toFixed(1)}×`,
            `${(paint / contentFloor).toFixed(1)}×`,
          ]),
        },
        {
          title: `Where the start goes, before and after (medians of ${PROBED_RUNS} loads with logpoints each)`,
          header: ['part', ...builds.map((entry) => entry.label)],
          rows: [
            ...PARTS.map(({ label, from, to }) => [
              label,
              ...builds.map((entry) => ms(part(entry, from, to))),
            ]),
            ...WAIT_DETAILS.map(({ label, from, to }) => [
              label,
              ...builds.map((entry) => ms(part(entry, from, to))),
            ]),
          ],
        },
        {
          title: `A new tab's main thread, from the content script's start to 1.5 s later (${TRACED_RUNS} traced new tabs per build; medians, each load in brackets)`,
          header: ['measure', ...builds.map((entry) => entry.label)],
          rows: (
            [
              ['longest task, wall time', (run: UiStart) => run.longestMs],
              ['the same task, CPU time', (run: UiStart) => run.longestCpuMs],
              ['tasks that ran the in-page UI bundle, CPU time', (run: UiStart) => run.uiCpuMs],
              [
                'the content script’s compile before its first statement (not in the start’s figures)',
                (run: UiStart) => run.scriptCompileMs,
              ],
            ] as const
          ).map(([label, of]) => [
            label,
            ...builds.map(
              (entry) =>
                `${ms(median(entry.traced.map(of)))} (${entry.traced.map((run) => of(run).toFixed(0)).join(', ')})`,
            ),
          ]),
        },
      ],
      notes: [
        `The two builds run in two headless browsers side by side, one load of each in turn (${RUNS} plain loads, then ${PROBED_RUNS} with logpoints), so the machine's load falls on both alike. The figures and the floor are those of the Content script section: the \`paintMs\` the content script reports with its first status, and, right after each load, an empty round trip from an extension page plus the two IndexedDB reads the background makes for the page. That floor does the same work whichever build is loaded, so its median is taken over both browsers' loads. The second floor is a minimal extension's content script in a third browser, one load after each round (\`e2e/bench/content-floor.ts\`; see the Content script section).`,
        "The traced tabs read the trace of the renderer that runs the content script: its main thread's outermost events are the tasks, whether the page's, the browser's or ours. A new tab is a fresh renderer and pays what a reload in the same tab does not: the first `Intl` number format's data, the first read of the message catalogue, the compile of the in-page UI bundle. \"CPU time\" is the thread's own (the trace's `tdur`), which other work on the machine does not stretch.",
      ],
    };
  },
};

declare const chrome: {
  storage: { session: { get(key: string): Promise<Record<string, unknown>> } };
};
