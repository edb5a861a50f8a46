/**
 * The busy page and heavy annotation in Chromium and Firefox ESR, side by side, measured the
 * same way in both. Firefox has neither CDP `Performance.getMetrics` nor PerformanceObserver
 * `longtask`, so this section uses what both browsers give:
 *
 * - main-thread CPU time of the tab's content process, read from the browser's own per-thread
 *   clock: in Chromium TaskDuration with CDP's `threadTicks` time domain (the renderer main
 *   thread's CPU time inside tasks), in Firefox the main thread ("Web Content", the thread whose
 *   id is the process id) of the process showing the article, from `ChromeUtils.requestProcInfo`
 *   in the browser's own realm (the kernel's count, in 10 ms ticks);
 * - a probe in the page for the heavy-annotation runs, the same script in both, installed before
 *   the page's own scripts: an animation-frame loop that records every gap over 50 ms between
 *   two frames (a frame the page could not have, because its main thread was held: a long task
 *   seen from the page);
 * - the page's own DOM work once every note is placed and the article scrolled, timed in the
 *   page by the same function as the Chromium-only Heavy annotation section (`pageDomWork`): it
 *   grows with the live ranges the page holds.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page as PlaywrightPage } from 'playwright-core';
import type { Page as PuppeteerPage } from 'puppeteer-core';
import { ARTICLE_URL } from '../fixtures';
import { type ChromiumSession, launchChromium } from '../harness/chromium';
import { type FirefoxSession, GECKO_ID, launchFirefox } from '../harness/firefox';
import {
  articlePassages,
  clearArticleNotes,
  type Passage,
  seedArguments,
  seedArticleNotes,
  writeArticleNotes,
} from '../harness/heavy-notes';
import { readPageSummary } from '../harness/page-ui';
import { waitUntil } from '../harness/wait';
import { samplesInWindows, type TimeWindow, type WindowSamples } from './gecko-profile';
import { type DomWork, pageDomWork } from './heavy-notes';
import { median } from './median';
import { plainContext } from './plain-browser';
import type { BenchSection } from './section';

/** Rounds of the busy page per browser (`BUSY_ROUNDS`): its CPU time varies with the machine's load. */
const ROUNDS = Number(process.env.BUSY_ROUNDS ?? 3);
/**
 * Builds to compare the busy page with, in the same rounds (`BUSY_BASELINE=<unpacked Chrome
 * build>`, `BUSY_BASELINE_FIREFOX=<unpacked Firefox build>`, e.g. builds of the main branch
 * copied aside).
 */
const CHROMIUM_BASELINE = process.env.BUSY_BASELINE;
const FIREFOX_BASELINE = process.env.BUSY_BASELINE_FIREFOX;
/**
 * Rounds of the heavy-annotation loads per build (`HEAVY_ROUNDS`): the frame gaps vary from one
 * load to the next. With a baseline build, its loads alternate with this build's.
 */
const HEAVY_ROUNDS = Number(process.env.HEAVY_ROUNDS ?? 3);
const BUSY_MS = 10_000;
const SETTLE_MS = 600;
const NOTE_COUNTS = [0, 1_000, 10_000] as const;
/**
 * Where to write a Firefox profile of one more 10,000-note load per build, after the measured
 * ones (`FIREFOX_PROFILE=<file prefix>`: `<prefix>-this.json`, `<prefix>-baseline.json`), read for
 * what ran inside its frame gaps. The profiler slows what it watches, so that load is not counted.
 */
const FIREFOX_PROFILE = process.env.FIREFOX_PROFILE;
/** The notes of the profiled load. */
const PROFILED_COUNT = 10_000;
/** A gap between two animation frames longer than this counts as a long task. */
const LONG_GAP_MS = 50;

/**
 * The page probe (see the module header): an animation-frame loop that records every gap over
 * LONG_GAP_MS between two frames. It runs only in a tab whose session storage says so (set
 * before the reload of the heavy-annotation runs), so that it adds no frames to the busy-page
 * windows. Where the browser has it, a PerformanceObserver for `longtask` runs beside it, so
 * that Chromium's table shows how the probe compares.
 */
const PROBE_SCRIPT = `(() => {
  if (globalThis.__probe) return;
  const probe = { gaps: [], at: [], longTasks: [], last: performance.now() };
  Object.defineProperty(globalThis, '__probe', { value: probe });
  let on = false;
  try {
    on = sessionStorage.getItem('counterpoint-bench-probe') === 'on';
  } catch {}
  if (!on) return;
  const frame = () => {
    const now = performance.now();
    const gap = now - probe.last;
    probe.last = now;
    if (gap > ${LONG_GAP_MS}) {
      probe.gaps.push(gap);
      probe.at.push(performance.timeOrigin + now - gap);
    }
    requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
  try {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) probe.longTasks.push(entry.duration);
    }).observe({ type: 'longtask', buffered: true });
  } catch {}
})();`;

/** Turns the probe on for the tab's next loads. */
const PROBE_ON = `sessionStorage.setItem('counterpoint-bench-probe', 'on')`;

/** What the probe saw since it was last read, and a fresh start for it. */
interface ProbeReading {
  gaps: number[];
  /** When each gap began, in ms since the epoch. */
  at: number[];
  longTasks: number[];
}

const TAKE_PROBE = `(() => {
  const probe = globalThis.__probe;
  const reading = { gaps: probe.gaps.splice(0), at: probe.at.splice(0), longTasks: probe.longTasks.splice(0) };
  return JSON.stringify(reading);
})()`;

/** The busy script of the busy-page section: a teaser replaced every 200 ms, a paragraph a second. */
const BUSY_SCRIPT = `(async () => {
  const body = document.querySelector('[itemprop="articleBody"]');
  if (!body) throw new Error('no article body');
  const teaser = document.createElement('aside');
  teaser.className = 'teaser';
  body.querySelectorAll('p')[1]?.after(teaser);
  let tick = 0;
  const rotate = setInterval(() => {
    tick += 1;
    teaser.innerHTML = '<h4>Read next</h4><a href="#t' + tick + '">Story ' + tick + ': what happened at the border today</a>';
  }, 200);
  const append = setInterval(() => {
    const paragraph = document.createElement('p');
    paragraph.textContent = 'Update ' + tick + ': more reporting on the meeting arrived, with reactions from officials in both capitals.';
    body.append(paragraph);
  }, 1000);
  await new Promise((resolve) => setTimeout(resolve, ${BUSY_MS}));
  clearInterval(rotate);
  clearInterval(append);
  await new Promise((resolve) => setTimeout(resolve, ${SETTLE_MS}));
})()`;

/** One tab as both drivers can drive it. */
interface Tab {
  /** Evaluates an expression in the page and returns its (JSON-able) value. */
  evaluate<T>(expression: string): Promise<T>;
  /** The main thread's CPU time so far, in ms. */
  cpuMs(): Promise<number>;
  /** Scrolls by 400 px with the mouse wheel. */
  wheel(): Promise<void>;
  reload(): Promise<void>;
  close(): Promise<void>;
}

/** A Playwright (Chromium) page as a Tab, its CPU time from CDP in the thread-time domain. */
async function chromiumTab(page: PlaywrightPage): Promise<Tab> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
  return {
    evaluate: (expression) => page.evaluate(expression),
    async cpuMs() {
      const { metrics } = await cdp.send('Performance.getMetrics');
      return (metrics.find((metric) => metric.name === 'TaskDuration')?.value ?? Number.NaN) * 1000;
    },
    wheel: () => page.mouse.wheel(0, 400),
    async reload() {
      await page.reload({ waitUntil: 'load' });
    },
    async close() {
      await cdp.detach().catch(() => undefined);
      await page.close();
    },
  };
}

/** Evaluates an expression in Firefox's own (chrome) realm, which the harness's flag opens. */
async function inFirefoxChrome(session: FirefoxSession, expression: string): Promise<unknown> {
  const bidi = (
    session.browser as unknown as {
      connection: { send(method: string, params: object): Promise<{ result: unknown }> };
    }
  ).connection;
  const { result: tree } = await bidi.send('browsingContext.getTree', { 'moz:scope': 'chrome' });
  const [window] = (tree as { contexts: { context: string }[] }).contexts;
  if (!window) throw new Error('no browser window');
  const { result } = await bidi.send('script.evaluate', {
    expression,
    target: { context: window.context },
    awaitPromise: true,
  });
  const outcome = result as { result?: { value?: unknown }; exceptionDetails?: { text: string } };
  if (outcome.exceptionDetails) throw new Error(outcome.exceptionDetails.text);
  return outcome.result?.value;
}

/** A Puppeteer (Firefox) page as a Tab, its CPU time from the browser's process information. */
function firefoxTab(session: FirefoxSession, page: PuppeteerPage): Tab {
  return {
    async evaluate<T>(expression: string) {
      return (await page.evaluate(expression)) as T;
    },
    async cpuMs() {
      const value = await inFirefoxChrome(
        session,
        `(async () => {
          const info = await ChromeUtils.requestProcInfo();
          const process = info.children.find((child) =>
            (child.windows ?? []).some((window) => window.documentURI?.spec === ${JSON.stringify(page.url())}),
          );
          const main = process?.threads.find((thread) => thread.tid === process.pid);
          return main ? main.cpuTime / 1e6 : null;
        })()`,
      );
      if (typeof value !== 'number') throw new Error('no content process shows the article');
      return value;
    },
    wheel: () => page.mouse.wheel({ deltaY: 400 }),
    async reload() {
      await page.reload({ waitUntil: 'load' });
    },
    close: () => page.close(),
  };
}

const windows = (reading: ProbeReading): TimeWindow[] =>
  reading.gaps.map((duration, index) => ({ start: reading.at[index] ?? 0, duration }));

async function takeProbe(tab: Tab): Promise<ProbeReading> {
  return JSON.parse(await tab.evaluate<string>(TAKE_PROBE)) as ProbeReading;
}

/** Main-thread CPU time over the busy script's 10 s (and the settling after it), in ms. */
async function busyCpuMs(tab: Tab): Promise<number> {
  const before = await tab.cpuMs();
  await tab.evaluate(BUSY_SCRIPT);
  return (await tab.cpuMs()) - before;
}

/** Scrolls the whole article, a frame after each step, and back to the top. */
async function scrollThrough(tab: Tab): Promise<void> {
  const height = await tab.evaluate<number>('document.documentElement.scrollHeight');
  for (let y = 0; y <= height; y += 400) {
    await tab.wheel();
    await tab.evaluate('new Promise((resolve) => requestAnimationFrame(() => resolve(true)))');
  }
  await tab.evaluate('window.scrollTo(0, 0)');
}

/** A folder holding an add-on that does nothing: Firefox "without the extension". */
function emptyAddOn(): string {
  const folder = mkdtempSync(join(tmpdir(), 'counterpoint-empty-addon-'));
  writeFileSync(
    join(folder, 'manifest.json'),
    JSON.stringify({
      manifest_version: 2,
      name: 'Nothing',
      version: '1.0',
      browser_specific_settings: { gecko: { id: GECKO_ID } },
    }),
  );
  return folder;
}

/** The tab record the background keeps for a Firefox tab, read through an extension page. */
function firefoxRecord(
  session: FirefoxSession,
  tabId: number,
): Promise<{ claimsAnchored?: number; notesAnchored?: number; orphanedNoteIds?: string[] } | null> {
  return session.inExtension(async (id: number) => {
    const api = (globalThis as unknown as { browser: FirefoxStorage }).browser;
    const area = api.storage.session ?? api.storage.local;
    const key = `tab:${id}`;
    return ((await area.get(key))[key] ?? null) as {
      claimsAnchored?: number;
      notesAnchored?: number;
      orphanedNoteIds?: string[];
    } | null;
  }, tabId);
}

interface FirefoxStorage {
  storage: {
    session?: {
      get(key: string): Promise<Record<string, unknown>>;
      remove(key: string): Promise<void>;
    };
    local: {
      get(key: string): Promise<Record<string, unknown>>;
      set(items: object): Promise<void>;
      remove(key: string): Promise<void>;
    };
  };
}

/** Replaces the article's notes in Firefox's database with `count` notes cut from `passages`. */
function seedFirefoxNotes(
  session: FirefoxSession,
  passages: readonly Passage[],
  count: number,
): Promise<void> {
  return session.inExtension(writeArticleNotes, seedArguments(passages, count, true));
}

/** One browser's figures. */
interface BrowserFigures {
  busyWith: number[];
  busyWithout: number[];
  /** The busy page with the baseline build, when there is one. */
  busyBaseline: number[];
  /** Every heavy-annotation load, this build's and the baseline build's, in the order run. */
  notes: HeavyLoad[];
  /** The profiled loads (Firefox, with `FIREFOX_PROFILE`). */
  profiles: ProfiledLoad[];
}

/** One heavy-annotation load: a reload with `count` notes, until placed, then a scroll. */
interface HeavyLoad {
  count: number;
  /** Whether the baseline build ran it. */
  baseline: boolean;
  placedMs: number;
  placed: string;
  loadGaps: number[];
  scrollGaps: number[];
  /** The gaps as windows of wall time (for a profile of the load). */
  loadWindows: TimeWindow[];
  scrollWindows: TimeWindow[];
  loadLongTasks: number[];
  scrollLongTasks: number[];
  /** The page's own DOM work once placed and scrolled (`pageDomWork`). */
  domWork: DomWork;
}

/** A profiled load's gaps, read in its Firefox profile (`FIREFOX_PROFILE`). */
interface ProfiledLoad {
  baseline: boolean;
  file: string;
  loadGaps: number[];
  scrollGaps: number[];
  load: WindowSamples;
  scroll: WindowSamples;
}

/** One build's article tab, ready for heavy-annotation loads. */
interface HeavyTab {
  tab: Tab;
  /** Replaces the article's notes with `count` notes. */
  seed(count: number): Promise<void>;
  /**
   * What the background's record of the tab says is placed; `painted` once this load's page has
   * reported its claims (the record is dropped before each reload).
   */
  placed(): Promise<{ anchored: number; orphans: number; painted: boolean }>;
  /** Drops the background's record of the tab, so the last load's cannot pass for this one's. */
  forget(): Promise<void>;
}

const emptyFigures = (): BrowserFigures => ({
  busyWith: [],
  busyWithout: [],
  busyBaseline: [],
  notes: [],
  profiles: [],
});

/** One heavy-annotation load: seed, reload, wait until placed, scroll; the probe's readings. */
async function heavyLoad(
  heavy: HeavyTab,
  count: number,
  baseline: boolean,
  label: string,
  log: (line: string) => void,
): Promise<HeavyLoad> {
  const { tab } = heavy;
  await heavy.seed(count);
  await heavy.forget();
  const started = Date.now();
  await tab.reload();
  const state = await waitUntil(
    heavy.placed,
    (now) => now.painted && now.anchored + now.orphans === count,
    {
      what: `${count} notes placed in ${label}`,
      timeoutMs: 180_000,
      intervalMs: 100,
    },
  );
  const placedMs = Date.now() - started;
  await new Promise((resolve) => setTimeout(resolve, 500));
  const load = await takeProbe(tab);
  await scrollThrough(tab);
  const scroll = await takeProbe(tab);
  // The same function the Chromium-only section runs, as an expression both drivers evaluate.
  const domWork = await tab.evaluate<DomWork>(`(${pageDomWork.toString()})()`);
  log(
    `${label}, ${count} notes: placed in ${placedMs} ms; frame gaps over ${LONG_GAP_MS} ms: load ${load.gaps.length}, scroll ${scroll.gaps.length}; long tasks ${load.longTasks.length} / ${scroll.longTasks.length}; page's 300 removals ${domWork.removeMs.toFixed(1)} ms`,
  );
  return {
    count,
    baseline,
    placedMs,
    placed: `${state.anchored} placed, ${state.orphans} orphans`,
    loadGaps: load.gaps,
    scrollGaps: scroll.gaps,
    loadWindows: windows(load),
    scrollWindows: windows(scroll),
    loadLongTasks: load.longTasks,
    scrollLongTasks: scroll.longTasks,
    domWork,
  };
}

/**
 * The heavy-annotation loads of one browser kind: every count in each round, this build's load
 * and then the baseline build's (when there is one), so both get the machine's load alike.
 */
async function heavyRounds(
  builds: ReadonlyArray<{ heavy: HeavyTab; baseline: boolean }>,
  figures: BrowserFigures,
  label: string,
  log: (line: string) => void,
): Promise<void> {
  for (const { heavy } of builds) await heavy.tab.evaluate(PROBE_ON);
  for (let round = 0; round < HEAVY_ROUNDS; round++) {
    for (const count of NOTE_COUNTS) {
      for (const { heavy, baseline } of builds) {
        const what = `${label}${baseline ? ' (baseline build)' : ''}, round ${round + 1}`;
        figures.notes.push(await heavyLoad(heavy, count, baseline, what, log));
      }
    }
  }
}

/** One busy window on a new tab of a Chromium with a build loaded, once its claims are placed. */
async function chromiumBuildBusyMs(session: ChromiumSession, what: string): Promise<number> {
  const page = await session.open(ARTICLE_URL);
  const tabId = await session.tabIdOf(page);
  await waitUntil(
    () => readPageSummary(session, page, tabId),
    (state) => state.claimsAnchored > 0,
    { what, timeoutMs: 15_000 },
  );
  await page.waitForTimeout(1000);
  const tab = await chromiumTab(page);
  const ms = await busyCpuMs(tab);
  await tab.close();
  return ms;
}

/** A tab of a Chromium with a build loaded, on the article with its claims placed, for heavy loads. */
async function chromiumHeavyTab(session: ChromiumSession, what: string): Promise<HeavyTab> {
  const page = await session.open(ARTICLE_URL);
  const tabId = await session.tabIdOf(page);
  await waitUntil(
    () => readPageSummary(session, page, tabId),
    (state) => state.claimsAnchored > 0,
    { what, timeoutMs: 15_000 },
  );
  const passages = await articlePassages(page, 2_000);
  return {
    tab: await chromiumTab(page),
    async seed(count) {
      await clearArticleNotes(session);
      if (count > 0) await seedArticleNotes(session, passages, count);
    },
    async placed() {
      const summary = await readPageSummary(session, page, tabId);
      return {
        anchored: summary.notesAnchored,
        orphans: summary.orphanedNoteIds.length,
        painted: summary.claimsAnchored > 0,
      };
    },
    forget: () =>
      session.inExtension((id: number) => chrome.storage.session.remove(`tab:${id}`), tabId),
  };
}

async function measureChromium(
  context: Parameters<BenchSection['run']>[0],
  figures: BrowserFigures,
): Promise<void> {
  const { browser, log } = context;
  const session = await launchChromium();
  const baseline = CHROMIUM_BASELINE
    ? await launchChromium({ extensionPath: CHROMIUM_BASELINE })
    : null;
  const plain = await plainContext(browser);
  try {
    for (const on of [session, baseline]) {
      await on?.context.addInitScript(PROBE_SCRIPT);
      await on?.context.addInitScript('globalThis.__name = (target) => target;');
    }
    await plain.addInitScript(PROBE_SCRIPT);
    for (let round = 0; round < ROUNDS; round++) {
      figures.busyWith.push(await chromiumBuildBusyMs(session, 'the claims placed'));
      if (baseline) {
        figures.busyBaseline.push(
          await chromiumBuildBusyMs(baseline, 'the claims placed (baseline build)'),
        );
      }
      const plainPage = await plain.newPage();
      await plainPage.goto(ARTICLE_URL, { waitUntil: 'load' });
      await plainPage.bringToFront();
      await plainPage.waitForTimeout(1000);
      const withoutTab = await chromiumTab(plainPage);
      figures.busyWithout.push(await busyCpuMs(withoutTab));
      await withoutTab.close();
      log(
        `Chromium busy round ${round + 1}: ${figures.busyWith.at(-1)?.toFixed(0)} ms with, ${figures.busyWithout.at(-1)?.toFixed(0)} ms without`,
      );
    }
    const heavy = await chromiumHeavyTab(session, 'the claims placed');
    const builds = [{ heavy, baseline: false }];
    if (baseline) {
      builds.push({
        heavy: await chromiumHeavyTab(baseline, 'the claims placed (baseline build)'),
        baseline: true,
      });
    }
    await heavyRounds(builds, figures, 'Chromium', context.log);
    for (const build of builds) {
      await build.heavy.seed(0);
      await build.heavy.tab.close();
    }
  } finally {
    await plain.close();
    await session.close();
    await baseline?.close();
  }
}

/**
 * One more 10,000-note load of a Firefox build under the Gecko profiler (every process's main
 * thread, 0.5 ms interval, JS and native stacks), its profile written to a file and read for what
 * ran inside the load's frame gaps.
 */
async function profiledLoad(
  on: FirefoxSession,
  heavy: HeavyTab,
  baseline: boolean,
  log: (line: string) => void,
): Promise<ProfiledLoad> {
  const file = `${FIREFOX_PROFILE}-${baseline ? 'baseline' : 'this'}.json`;
  await inFirefoxChrome(
    on,
    `Services.profiler.StartProfiler(1 << 26, 0.5, ['js', 'stackwalk', 'cpu'], ['GeckoMain'])`,
  );
  const label = `Firefox${baseline ? ' (baseline build)' : ''}, profiled`;
  const load = await heavyLoad(heavy, PROFILED_COUNT, baseline, label, log);
  await inFirefoxChrome(on, `Services.profiler.dumpProfileToFileAsync(${JSON.stringify(file)})`);
  await inFirefoxChrome(on, 'Services.profiler.StopProfiler()');
  const profile = JSON.parse(readFileSync(file, 'utf8'));
  const read = {
    baseline,
    file,
    loadGaps: load.loadGaps,
    scrollGaps: load.scrollGaps,
    load: samplesInWindows(profile, load.loadWindows),
    scroll: samplesInWindows(profile, load.scrollWindows),
  };
  for (const phase of ['load', 'scroll'] as const) {
    log(
      `${label}, ${phase}: ${read[phase].samples} samples in the gaps, ${read[phase].ours} with our scripts on the stack; ${read[phase].top.map((entry) => `${entry.samples} ${entry.frame}`).join('; ')}`,
    );
  }
  return read;
}

async function measureFirefox(log: (line: string) => void, figures: BrowserFigures) {
  const viewport = { width: 1280, height: 900 };
  const addOn = emptyAddOn();
  const session = await launchFirefox({ viewport });
  const plain = await launchFirefox({ viewport, extensionPath: addOn });
  const baseline = FIREFOX_BASELINE
    ? await launchFirefox({ viewport, extensionPath: FIREFOX_BASELINE })
    : null;
  // The reader's tab must be the front one: Firefox throttles the timers of a background tab
  // to one a second, which would slow the busy script and the probe alike. The extension page
  // that reads the background's records is opened first, so the article's tabs open in front.
  const open = async (on: FirefoxSession) => {
    const page = await on.open(ARTICLE_URL, (page) => page.evaluateOnNewDocument(PROBE_SCRIPT));
    await page.bringToFront();
    return page;
  };
  /** The article in a new tab of a session with a build loaded, once its claims are placed. */
  const openPainted = async (on: FirefoxSession, what: string) => {
    const page = await open(on);
    const tabId = await on.tabIdOf(page);
    await waitUntil(
      () => firefoxRecord(on, tabId),
      (record) => (record?.claimsAnchored ?? 0) > 0,
      { what, timeoutMs: 15_000 },
    );
    return { page, tabId };
  };
  /** One busy window on a new tab of a session with a build loaded, once its claims are placed. */
  const buildBusyMs = async (on: FirefoxSession, what: string): Promise<number> => {
    const { page } = await openPainted(on, what);
    await page.bringToFront();
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const tab = firefoxTab(on, page);
    const ms = await busyCpuMs(tab);
    await tab.close();
    return ms;
  };
  /** A tab of a session on the article with its claims placed, for heavy-annotation loads. */
  const heavyTab = async (on: FirefoxSession, what: string): Promise<HeavyTab> => {
    const { page, tabId } = await openPainted(on, what);
    // Both drivers' evaluate take a function and its argument alike.
    const passages = await articlePassages(page as unknown as PlaywrightPage, 2_000);
    await page.bringToFront();
    return {
      tab: firefoxTab(on, page),
      seed: (count) => seedFirefoxNotes(on, passages, count),
      async placed() {
        const record = await firefoxRecord(on, tabId);
        return {
          anchored: record?.notesAnchored ?? 0,
          orphans: record?.orphanedNoteIds?.length ?? 0,
          painted: (record?.claimsAnchored ?? 0) > 0,
        };
      },
      forget: () =>
        on.inExtension(async (id: number) => {
          const api = (globalThis as unknown as { browser: FirefoxStorage }).browser;
          await (api.storage.session ?? api.storage.local).remove(`tab:${id}`);
        }, tabId),
    };
  };
  try {
    await session.inExtension(() => true, null);
    for (let round = 0; round < ROUNDS; round++) {
      figures.busyWith.push(await buildBusyMs(session, 'the claims placed in Firefox'));
      if (baseline) {
        if (round === 0) await baseline.inExtension(() => true, null);
        figures.busyBaseline.push(
          await buildBusyMs(baseline, 'the claims placed in Firefox (baseline build)'),
        );
      }
      const plainPage = await open(plain);
      await new Promise((resolve) => setTimeout(resolve, 1000));
      const withoutTab = firefoxTab(plain, plainPage);
      figures.busyWithout.push(await busyCpuMs(withoutTab));
      await withoutTab.close();
      log(
        `Firefox busy round ${round + 1}: ${figures.busyWith.at(-1)?.toFixed(0)} ms with, ${figures.busyWithout.at(-1)?.toFixed(0)} ms without`,
      );
    }
    const builds = [
      { heavy: await heavyTab(session, 'the claims placed in Firefox'), baseline: false },
    ];
    if (baseline) {
      await baseline.inExtension(() => true, null);
      builds.push({
        heavy: await heavyTab(baseline, 'the claims placed in Firefox (baseline build)'),
        baseline: true,
      });
    }
    await heavyRounds(builds, figures, 'Firefox', log);
    if (FIREFOX_PROFILE) {
      for (const [index, build] of builds.entries()) {
        const on = index === 0 ? session : (baseline as FirefoxSession);
        figures.profiles.push(await profiledLoad(on, build.heavy, build.baseline, log));
      }
    }
    for (const build of builds) {
      await build.heavy.seed(0);
      await build.heavy.tab.close();
    }
  } finally {
    await plain.close();
    await session.close();
    await baseline?.close();
    rmSync(addOn, { recursive: true, force: true });
  }
}

const FRAME_GAPS = `frame gaps over ${LONG_GAP_MS} ms`;
const ms = (value: number) => `${value.toFixed(0)} ms`;
const gaps = (values: readonly number[]) =>
  values.length === 0 ? 'none' : `${values.length} (longest ${ms(Math.max(...values))})`;

/** The two-browser section of `npm run bench`. */
export const twoBrowsersSection: BenchSection = {
  name: 'Busy page and heavy annotation in Chromium and Firefox',
  async run(context) {
    const chromium = emptyFigures();
    const firefox = emptyFigures();
    await measureChromium(context, chromium);
    await measureFirefox(context.log, firefox);
    const busyRow = (label: string, pick: (figures: BrowserFigures) => number[]) => [
      label,
      ms(median(pick(chromium))),
      ms(median(pick(firefox))),
    ];
    const ratio = (figures: BrowserFigures) =>
      `${(median(figures.busyWith) / median(figures.busyWithout)).toFixed(2)}×`;
    const compared = chromium.busyBaseline.length > 0 || firefox.busyBaseline.length > 0;
    const baselineRatio = (figures: BrowserFigures) =>
      figures.busyBaseline.length > 0
        ? `${(median(figures.busyBaseline) / median(figures.busyWithout)).toFixed(2)}×`
        : 'not measured';
    const list = (values: readonly number[]) => values.map((value) => value.toFixed(0)).join(', ');
    const heavyCompared = [...chromium.notes, ...firefox.notes].some((load) => load.baseline);
    /**
     * One entry per load of this count and build, in the order run (`once`: each outcome once,
     * for what is the same every time).
     */
    const perLoad = (
      figures: BrowserFigures,
      count: number,
      baseline: boolean,
      cell: (load: HeavyLoad) => string,
      once: boolean,
    ) => {
      const values = figures.notes
        .filter((load) => load.count === count && load.baseline === baseline)
        .map(cell);
      return (once ? [...new Set(values)] : values).join('; ');
    };
    const noteRows = NOTE_COUNTS.flatMap((count) =>
      [false, ...(heavyCompared ? [true] : [])].flatMap((baseline) => {
        const build = heavyCompared ? (baseline ? ', baseline build (main)' : ', this build') : '';
        const label =
          count === 0 ? `no note${build}` : `${count.toLocaleString('en')} notes${build}`;
        const row = (
          measure: string,
          cell: (load: HeavyLoad) => string,
          { firefoxToo = true, once = false } = {},
        ) => [
          `${label}: ${measure}`,
          perLoad(chromium, count, baseline, cell, once),
          firefoxToo ? perLoad(firefox, count, baseline, cell, once) : 'not available',
        ];
        const longTasks = (load: HeavyLoad) =>
          `${gaps(load.loadLongTasks)} / ${gaps(load.scrollLongTasks)}`;
        const domWork = row(
          'the page’s own DOM work, 300 removals (no note: the floor)',
          (load) => `${load.domWork.removeMs.toFixed(1)} ms`,
        );
        if (count === 0) {
          return [
            row(`${FRAME_GAPS} until loaded`, (load) => gaps(load.loadGaps)),
            row(`${FRAME_GAPS} while scrolling`, (load) => gaps(load.scrollGaps)),
            row('PerformanceObserver long tasks, loading / scrolling', longTasks, {
              firefoxToo: false,
            }),
            domWork,
          ];
        }
        return [
          row('reload to every note placed', (load) => ms(load.placedMs)),
          row('placed', (load) => load.placed, { once: true }),
          row(`${FRAME_GAPS} until placed`, (load) => gaps(load.loadGaps)),
          row(`${FRAME_GAPS} while scrolling`, (load) => gaps(load.scrollGaps)),
          row('PerformanceObserver long tasks, until placed / scrolling', longTasks, {
            firefoxToo: false,
          }),
          domWork,
        ];
      }),
    );
    return {
      tables: [
        {
          title: `Busy page: main-thread CPU time over ${BUSY_MS / 1000} s (+${SETTLE_MS} ms to settle), medians of ${ROUNDS} runs`,
          header: ['measure', 'Chromium', 'Firefox ESR'],
          rows: [
            busyRow('with Counterpoint', (figures) => figures.busyWith),
            busyRow('without the extension', (figures) => figures.busyWithout),
            ['ratio (target ≤ 1.5×)', ratio(chromium), ratio(firefox)],
            ...(compared
              ? [
                  busyRow('the baseline build (main)', (figures) => figures.busyBaseline),
                  ['the baseline build’s ratio', baselineRatio(chromium), baselineRatio(firefox)],
                ]
              : []),
            [
              'runs, with / without (ms)',
              `${list(chromium.busyWith)} / ${list(chromium.busyWithout)}`,
              `${list(firefox.busyWith)} / ${list(firefox.busyWithout)}`,
            ],
            ...(compared
              ? [
                  [
                    'runs of the baseline build (ms)',
                    list(chromium.busyBaseline),
                    list(firefox.busyBaseline),
                  ],
                ]
              : []),
          ],
        },
        {
          title: `Heavy annotation: notes on the article page, the page probe in both browsers, ${HEAVY_ROUNDS} loads per build and count (one entry per load, in the order run)`,
          header: ['measure', 'Chromium', 'Firefox ESR'],
          rows: noteRows,
        },
        ...(firefox.profiles.length > 0
          ? [
              {
                title: `Firefox ESR under the profiler: one more ${PROFILED_COUNT.toLocaleString('en')}-note load per build, what ran inside its frame gaps`,
                header: [
                  'load',
                  FRAME_GAPS,
                  'samples in the gaps (every 0.5 ms)',
                  'with Counterpoint’s scripts on the stack',
                  'where the most samples were (innermost named frame)',
                ],
                rows: firefox.profiles.flatMap((profiled) =>
                  (['load', 'scroll'] as const).map((phase) => {
                    const read = profiled[phase];
                    return [
                      `${profiled.baseline ? 'baseline build (main)' : 'this build'}, ${phase === 'load' ? 'until placed' : 'scrolling'}`,
                      gaps(phase === 'load' ? profiled.loadGaps : profiled.scrollGaps),
                      String(read.samples),
                      read.samples > 0
                        ? `${read.ours} (${((100 * read.ours) / read.samples).toFixed(0)} %)`
                        : '—',
                      read.top.map((entry) => `${entry.samples} ${entry.frame}`).join('; ') || '—',
                    ];
                  }),
                ),
              },
            ]
          : []),
      ],
      notes: [
        'Both browsers get the same page, script and probe, each in its own headless browser, Chromium first. "Without the extension" is, in Chromium, a context of the plain browser; in Firefox, a second Firefox with an add-on that does nothing in place of Counterpoint. The busy script is the busy-page section’s: a teaser after the second paragraph replaced every 200 ms, a paragraph appended to the article body every second, for 10 s. With `BUSY_BASELINE` and `BUSY_BASELINE_FIREFOX` (unpacked builds of the main branch copied aside) a third browser of each kind runs the baseline build in the same rounds, right after the tab with this build, and its heavy-annotation loads beside this build’s.',
        'Main-thread CPU time is the CPU time of the main thread of the process showing the article, read before and after the busy window. Chromium: `Performance.getMetrics` TaskDuration after `Performance.enable` with the `threadTicks` time domain, the renderer main thread’s CPU time inside tasks (the busy-page section reads the same metric in wall time). Firefox: the `cpuTime` of the thread whose id is the process id (the main thread, "Web Content") in `ChromeUtils.requestProcInfo()`, evaluated in the browser’s own realm over WebDriver BiDi; Linux counts it in 10 ms ticks, so each Firefox figure is good to about ±20 ms. CPU time, unlike wall time, does not grow when other processes hold the machine’s two cores.',
        `The page probe stands in for PerformanceObserver \`longtask\`, which Firefox does not have: an animation-frame loop in the page (\`requestAnimationFrame\`, 60 a second in both headless browsers) that records each gap over ${LONG_GAP_MS} ms between two frames, from the reload until every note is placed (plus 0.5 s), then while the mouse wheel scrolls the whole article 400 px at a time, a frame after each step. A gap means the page’s main thread could not give a frame: a long task of the page, the content script or the in-page UI, or long style, layout or paint work, which the \`longtask\` entries Chromium reports beside it do not all count; on this shared machine it can also be the tab not being scheduled at all. The loop runs only in the heavy-annotation runs (a flag in the tab’s session storage), so it adds no frames to the busy-page windows. The notes are written to the extension’s database (in Firefox through an extension page), and the tab is reloaded for each load: every count in turn, round after round (\`HEAVY_ROUNDS\`, here ${HEAVY_ROUNDS}), and with the baseline builds each load of this build is followed by the same load in the baseline build’s browser, so both get the machine’s load alike.`,
        'The page’s own DOM work is timed in the page, after each load’s scroll, by the Heavy annotation section’s function: 300 paragraphs appended after the article and removed one by one, five rounds, the median. A browser keeps every live `Range` of the document up to date on each such change, so it grows with the live ranges the page holds; the load with no note is the floor. Firefox rounds `performance.now()` in a page to whole milliseconds, so its figures are 0 or 1 ms where the work takes less than one.',
        ...(firefox.profiles.length > 0
          ? [
              `With \`FIREFOX_PROFILE=<file prefix>\`, one more ${PROFILED_COUNT.toLocaleString('en')}-note load of each Firefox build runs under the Gecko profiler (\`Services.profiler\` in the browser’s own realm: every process’s main thread, a sample every 0.5 ms, with JS and native stacks), after the measured loads and not counted with them (the profiler slows what it watches). Its profile is written beside the prefix (\`-this.json\`, \`-baseline.json\`, for profiler.firefox.com) and read for the samples of the article’s content process inside the probe’s gaps: how many had one of the extension’s scripts (\`moz-extension://\`) on the stack, and the innermost named frame of each (native frames without symbols are skipped), "(ours)" when our script was on the stack.`,
            ]
          : []),
      ],
    };
  },
};

declare const chrome: { storage: { session: { remove(key: string): Promise<void> } } };
