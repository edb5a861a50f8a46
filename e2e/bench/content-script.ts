/**
 * The content script on the article page: how long from its start to every claim painted
 * (recognition, the background's reply, anchoring and painting included), and how big it is.
 * Measured with the built extension in headless Chromium; the paint time is the one the content
 * script reports to the background with its first status.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { ARTICLE_URL, THEME_URL } from '../fixtures';
import { type ChromiumSession, launchChromium } from '../harness/chromium';
import { launchFirefox } from '../harness/firefox';
import { openExtensionPage } from '../harness/firefox-extension-page';
import { ARTICLE_KEY } from '../harness/heavy-notes';
import { CHROME_BUILD } from '../harness/paths';
import { readTabRecordById } from '../harness/tab-record';
import { waitUntil } from '../harness/wait';
import {
  contentFloorOnce,
  firefoxContentFloorOnce,
  launchFirefoxFloorBrowser,
  launchFloorBrowser,
} from './content-floor';
import { median } from './median';
import type { BenchSection } from './section';
import { probedStart, type StartSteps } from './start-breakdown';

const RUNS = 15;
/** Loads with the logpoints set, after the plain ones (the first one, cold, is left out). */
const PROBED_RUNS = 12;

/** The parts of the start: each is the time from one step to the next, median over the runs. */
export const PARTS: readonly { label: string; from: string; to: string }[] = [
  { label: 'recognising the article', from: 'start', to: 'recognised' },
  {
    label: 'reading its text for the fingerprint, sending the requests',
    from: 'recognised',
    to: 'sent',
  },
  { label: 'reading the text for anchoring, meanwhile', from: 'sent', to: 'text read' },
  {
    label: 'waiting for the background and the storage read',
    from: 'text read',
    to: 'replied',
  },
  { label: 'setting up the view', from: 'replied', to: 'anchoring' },
  { label: 'anchoring 14 claims', from: 'anchoring', to: 'painting' },
  { label: 'painting them with their markers', from: 'painting', to: 'painted' },
  { label: 'total, start to claims painted', from: 'start', to: 'painted' },
];
/** Within the wait: when the request reached the background, and its answer the page. */
export const WAIT_DETAILS: readonly { label: string; from: string; to: string }[] = [
  {
    label:
      '… recognised to the arrival of the request in the service worker (fingerprint text read)',
    from: 'recognised',
    to: 'arrived',
  },
  { label: '… its arrival to the answer back in the page', from: 'arrived', to: 'reply' },
  {
    label: '… settings, painting option and first-run flag read (from sending)',
    from: 'sent',
    to: 'storage read',
  },
];

/** One floor of the start: an empty round trip and the two reads, in milliseconds. */
interface StartFloor {
  roundTrip: number;
  read: number;
}

/**
 * The floor of the start, measured in an extension page (Chromium's or Firefox's): a round trip
 * to the background that does no work (a request the background refuses from an extension page),
 * plus reading the same records the background reads for the page (the article's claims and
 * notes, by index, from IndexedDB). Self-contained: it is sent to the page as source.
 */
const floorInExtensionPage = async (key: string): Promise<StartFloor> => {
  type Messaging = { runtime: { sendMessage(message: unknown): Promise<unknown> } };
  // Firefox names the promise-based API `browser`, Chromium `chrome`.
  const scope = globalThis as unknown as { browser?: Messaging; chrome?: Messaging };
  const api = scope.browser ?? scope.chrome;
  if (!api) throw new Error('not an extension page');
  const roundTripStart = performance.now();
  await api.runtime.sendMessage({ type: 'page.notesPage', payload: {} }).catch(() => undefined);
  const roundTrip = performance.now() - roundTripStart;
  const readStart = performance.now();
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const request = indexedDB.open('counterpoint');
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  await new Promise<void>((resolve, reject) => {
    const tx = db.transaction(['claims', 'notes'], 'readonly');
    tx.objectStore('claims').getAll(IDBKeyRange.bound([key], [key, []]));
    tx.objectStore('notes').index('articleKey').getAll(key);
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
  });
  db.close();
  const read = performance.now() - readStart;
  return { roundTrip, read };
};

/** The start's floor from one of the Chromium session's extension pages (`floorInExtensionPage`). */
export function floorOnce(
  session: Awaited<ReturnType<typeof launchChromium>>,
  articleKey: string,
): Promise<StartFloor> {
  return session.inExtension(floorInExtensionPage, articleKey);
}

/**
 * The same page loads in Firefox ESR (the MV2 build): the paint time the content script reports,
 * read from the background's record of the tab through an extension page.
 */
async function firefoxPaints(
  runs: number,
  log: (line: string) => void,
): Promise<{ paints: number[]; floors: number[]; pageFloors: StartFloor[] }> {
  const session = await launchFirefox({ args: ['--remote-allow-system-access'] });
  // The floor as a content script meets it, in a Firefox of its own, one load after each.
  const floorSession = await launchFirefoxFloorBrowser();
  const paints: number[] = [];
  const floors: number[] = [];
  const pageFloors: StartFloor[] = [];
  try {
    const extensionPage = await openExtensionPage(session);
    for (let run = 0; run < runs; run++) {
      const page = await session.open(ARTICLE_URL);
      const record = await waitUntil(
        () =>
          extensionPage.evaluate(async (address) => {
            const api = (globalThis as unknown as { browser: FirefoxApi }).browser;
            const tabs = await api.tabs.query({});
            const tab = tabs.filter((entry) => entry.url === address).at(-1);
            if (!tab) return null;
            const area = api.storage.session ?? api.storage.local;
            const key = `tab:${tab.id}`;
            return ((await area.get(key))[key] ?? null) as { paintMs?: number } | null;
          }, ARTICLE_URL),
        (value) => typeof value?.paintMs === 'number',
        { what: 'the first paint report in Firefox', timeoutMs: 15_000 },
      );
      paints.push(record?.paintMs ?? Number.NaN);
      // The floor from an extension page right after the load, as in Chromium.
      pageFloors.push(await extensionPage.evaluate(floorInExtensionPage, ARTICLE_KEY));
      await page.close();
      floors.push(await firefoxContentFloorOnce(floorSession));
      const pageFloor = pageFloors.at(-1);
      log(
        `Firefox run ${run + 1}: ${record?.paintMs?.toFixed(1)} ms, floor ${floors.at(-1)} ms, from an extension page ${pageFloor?.roundTrip} + ${pageFloor?.read} ms`,
      );
    }
  } finally {
    await session.close();
    await floorSession.close();
  }
  return { paints, floors, pageFloors };
}

interface FirefoxApi {
  tabs: { query(query: object): Promise<{ id: number; url?: string }[]> };
  storage: {
    session?: { get(key: string): Promise<Record<string, unknown>> };
    local: { get(key: string): Promise<Record<string, unknown>> };
  };
}

function gzippedKilobytes(file: string): number {
  return gzipSync(readFileSync(join(CHROME_BUILD, file)), { level: 9 }).length / 1024;
}

/** The tab's first paint report (its `paintMs` and claims placed), once there is one. */
function firstPaintOf(session: ChromiumSession, tabId: number) {
  return waitUntil(
    () => readTabRecordById(session, tabId),
    (value) => typeof value?.paintMs === 'number',
    { what: 'the first paint report', timeoutMs: 15_000 },
  );
}

/** Loads of the article followed from the theme page in one tab, after the new-tab loads. */
const SAME_TAB_RUNS = 10;

/** The content-script section of `npm run bench`. */
export const contentScriptSection: BenchSection = {
  name: 'Content script',
  async run({ log }) {
    const session = await launchChromium();
    // The floor as a content script meets it, in a browser of its own, one load after each.
    const floorSession = await launchFloorBrowser();
    const contentFloors: number[] = [];
    const sameTab: number[] = [];
    const sameTabFloors: number[] = [];
    const paints: number[] = [];
    const floors: { roundTrip: number; read: number }[] = [];
    const probed: StartSteps[] = [];
    try {
      for (let run = 0; run < RUNS; run++) {
        const page = await session.open(ARTICLE_URL);
        const record = await firstPaintOf(session, await session.tabIdOf(page));
        paints.push(record?.paintMs ?? Number.NaN);
        floors.push(await floorOnce(session, ARTICLE_KEY));
        await page.close();
        contentFloors.push(await contentFloorOnce(floorSession));
        log(
          `run ${run + 1}: ${record?.paintMs?.toFixed(1)} ms, ${record?.claimsAnchored} claims; content-script floor ${contentFloors.at(-1)?.toFixed(1)} ms`,
        );
      }
      // A reader who follows a link from the site's theme page, in the same tab: the page's
      // renderer has run the content script before.
      const tab = await session.context.newPage();
      const floorTab = await floorSession.context.newPage();
      for (let run = 0; run < SAME_TAB_RUNS; run++) {
        await tab.goto(THEME_URL, { waitUntil: 'load' });
        const tabId = await session.tabIdOf(tab);
        await session.inExtension(
          (id: number) => chrome.storage.session.remove(`tab:${id}`),
          tabId,
        );
        await tab.goto(ARTICLE_URL, { waitUntil: 'load' });
        sameTab.push((await firstPaintOf(session, tabId))?.paintMs ?? Number.NaN);
        sameTabFloors.push(await contentFloorOnce(floorSession, floorTab));
        log(
          `same tab run ${run + 1}: ${sameTab.at(-1)?.toFixed(1)} ms; floor ${sameTabFloors.at(-1)?.toFixed(1)} ms`,
        );
      }
      await tab.close();
      await floorTab.close();
      for (let run = 0; run < PROBED_RUNS; run++) {
        const steps = await probedStart(session);
        probed.push(steps);
        log(`probed run ${run + 1}: ${steps.painted?.toFixed(1)} ms`);
      }
    } finally {
      await session.close();
      await floorSession.close();
    }
    const contentFloor = median(contentFloors.slice(1));
    const part = (from: string, to: string): string => {
      const value = median(probed.map((steps) => (steps[to] ?? Number.NaN) - (steps[from] ?? 0)));
      return `${value.toFixed(1)} ms`;
    };
    const first = paints[0] ?? Number.NaN;
    const warm = paints.slice(1);
    const {
      paints: fox,
      floors: foxFloors,
      pageFloors: foxPageFloors,
    } = await firefoxPaints(RUNS, log);
    const foxFloor = median(foxFloors.slice(1));
    const warmFloors = floors.slice(1);
    const roundTrip = median(warmFloors.map((floor) => floor.roundTrip));
    const read = median(warmFloors.map((floor) => floor.read));
    const floor = median(warmFloors.map((floor) => floor.roundTrip + floor.read));
    const foxWarmPageFloors = foxPageFloors.slice(1);
    const foxRoundTrip = median(foxWarmPageFloors.map((entry) => entry.roundTrip));
    const foxRead = median(foxWarmPageFloors.map((entry) => entry.read));
    const foxPageFloor = median(foxWarmPageFloors.map((entry) => entry.roundTrip + entry.read));
    const foxFirst = fox[0] ?? Number.NaN;
    const foxWarm = fox.slice(1);
    const content = gzippedKilobytes('content-scripts/content.js');
    const ui = gzippedKilobytes('content-ui.js');
    return {
      tables: [
        {
          title: 'Start of the content script to all claims painted (article page, 14 claims)',
          header: ['measure', 'Chromium', 'Firefox ESR', 'target'],
          rows: [
            [
              `median of ${warm.length} page loads`,
              `${median(warm).toFixed(1)} ms`,
              `${median(foxWarm).toFixed(1)} ms`,
              'under 50 ms',
            ],
            [
              'fastest / slowest',
              `${Math.min(...warm).toFixed(1)} / ${Math.max(...warm).toFixed(1)} ms`,
              `${Math.min(...foxWarm).toFixed(1)} / ${Math.max(...foxWarm).toFixed(1)} ms`,
              '',
            ],
            [
              'first load after the browser started',
              `${first.toFixed(1)} ms`,
              `${foxFirst.toFixed(1)} ms`,
              '',
            ],
          ],
        },
        {
          title: 'The start beside its floors (same run, medians of the warm loads)',
          header: ['measure', 'Chromium', 'Firefox ESR'],
          rows: [
            [
              'round trip to the background doing no work',
              `${roundTrip.toFixed(1)} ms`,
              `${foxRoundTrip.toFixed(1)} ms`,
            ],
            [
              'reading the same records (claims and notes of the article)',
              `${read.toFixed(1)} ms`,
              `${foxRead.toFixed(1)} ms`,
            ],
            [
              'floor from an extension page (the two, per run)',
              `${floor.toFixed(1)} ms`,
              `${foxPageFloor.toFixed(1)} ms`,
            ],
            [
              'start to claims painted ÷ that floor',
              `${(median(warm) / floor).toFixed(1)}× (target ≤ 2×)`,
              `${(median(foxWarm) / foxPageFloor).toFixed(1)}× (target ≤ 2×)`,
            ],
            [
              'floor as a content script meets it: its start to an empty answer after the same reads (a minimal extension, same moment of the load)',
              `${contentFloor.toFixed(1)} ms`,
              `${foxFloor.toFixed(1)} ms`,
            ],
            [
              'start to claims painted ÷ that floor',
              `${(median(warm) / contentFloor).toFixed(1)}×`,
              `${(median(foxWarm) / foxFloor).toFixed(1)}×`,
            ],
            [
              `followed from the site's theme page in the same tab (median of ${SAME_TAB_RUNS - 1}): start to claims painted`,
              `${median(sameTab.slice(1)).toFixed(1)} ms`,
              '—',
            ],
            [
              '… the floor as a content script meets it, the same way',
              `${median(sameTabFloors.slice(1)).toFixed(1)} ms`,
              '—',
            ],
            [
              '… start to claims painted ÷ that floor',
              `${(median(sameTab.slice(1)) / median(sameTabFloors.slice(1))).toFixed(1)}×`,
              '—',
            ],
          ],
        },
        {
          title: `Where the start goes (Chromium, same run, medians of ${PROBED_RUNS} loads with logpoints)`,
          header: ['part', 'ms'],
          rows: [
            ...PARTS.map(({ label, from, to }) => [label, part(from, to)]),
            ...WAIT_DETAILS.map(({ label, from, to }) => [label, part(from, to)]),
            [
              'empty round trip from the content script (after the load)',
              part('start', 'empty round trip'),
            ],
            [
              'total ÷ floor',
              `${(median(probed.map((steps) => steps.painted ?? Number.NaN)) / floor).toFixed(1)}×`,
            ],
          ],
        },
        {
          title: 'Bundle sizes (gzip -9)',
          header: ['file', 'gzipped', 'target'],
          rows: [
            [
              'content script (recognise, anchor, paint, markers)',
              `${content.toFixed(1)} KB`,
              'under 25 KB',
            ],
            [
              'in-page UI, injected after the first paint (Preact, popovers, editor)',
              `${ui.toFixed(1)} KB`,
              '',
            ],
          ],
        },
      ],
      notes: [
        'The paint time covers recognising the page, the round trip to the background (which reads the claims and notes from IndexedDB), anchoring every claim and note in one pass, and painting them with their markers. The in-page UI loads after that, off the critical path, so it is not in this figure.',
        'The first load after the browser starts includes waking the service worker and opening the database; it is reported separately.',
        'The floor is measured from an extension page right after each load, in both browsers (in Firefox through WebDriver BiDi, in the extension page that reads the tab’s record): a request the background refuses at once (a page-only request from an extension page), and the two IndexedDB reads the background makes for the page (claims by article, notes by the article index). The start also includes recognising the page, reading its text, anchoring and painting, which the floor leaves out.',
        'The second floor comes from a minimal extension (`e2e/bench/content-floor.ts`; MV3 in Chromium, an MV2 background page in Firefox ESR, as Counterpoint’s builds) in a headless browser of its own, one load of the article after each of the loads above: its content script runs at the same moment of the load as Counterpoint’s (`document_idle`), asks its service worker at once, and the worker answers with nothing once it has read the same records (the pack’s claims and the article’s notes, by index, from an IndexedDB database seeded with the same claims). It recognises, anchors and paints nothing, so its time is what any content script that asks its background pays at that moment: the message crossing to the worker and back, and the page’s own tasks (its first layout and paint) that the answer waits behind, which the floor from an extension page never meets.',
        'The breakdown comes from separate loads of the same build with DevTools logpoints: breakpoints at the start path’s steps in the built content script whose condition makes a `performance.mark` and never pauses, so the bundle carries no benchmark code. The marks land in the page’s performance timeline, which the page’s worlds share; a listener the harness adds in the service worker records when the request arrives (the two clocks are compared through `performance.timeOrigin`, so that row is approximate). With the debugger attached these loads run a little slower than the plain ones above. The two requests of the start (the page’s data from the background; the settings, the painting option and the first-run flag from extension storage, in one read) go out together, so the wait is the slower of them. The background answers from caches it keeps for its life (packs, claims, notes, and whether notes filed under the address were moved), dropped when a pack is installed, replaced, removed or turned off, or a write names the article.',
        'Firefox ESR runs the MV2 build (a background page, not a service worker) in its own headless browser after the Chromium runs; the figure is the same one, the `paintMs` the content script measures with its own clock and reports with its first status, read from the background’s record of the tab through an extension page (WebDriver BiDi). Firefox has no CDP `Performance.getMetrics`, so main-thread time is not compared there.',
      ],
    };
  },
};

declare const chrome: {
  storage: {
    session: {
      get(key: string): Promise<Record<string, unknown>>;
      remove(key: string): Promise<void>;
    };
  };
};
