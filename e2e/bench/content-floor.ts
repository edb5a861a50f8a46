/**
 * The start's floor as a content script meets it: a second, minimal extension whose content
 * script runs at the same moment of the article's load as Counterpoint's (`document_idle`, same
 * address), asks its service worker at once, and gets an empty answer once the worker has read
 * the same records (the article's claims and notes, by index, from an IndexedDB database seeded
 * with the pack's claims). It recognises nothing, anchors nothing and paints nothing, so its time
 * is what any content script that asks its background pays there: the message crossing to the
 * worker and back, and the page's own work (its first layout and paint) that the answer waits
 * behind. The floor measured from an extension page (`floorOnce` in `content-script.ts`) stays
 * inside the extension's process and meets none of that page work.
 *
 * It loads in a browser of its own, so the two extensions never share a page: Chromium with an
 * MV3 service worker, or Firefox ESR with an MV2 background page, as Counterpoint's own builds.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { ARTICLE_PATH, ARTICLE_URL, THEME_URL } from '../fixtures';
import { type ChromiumSession, launchChromium } from '../harness/chromium';
import { type FirefoxSession, GECKO_ID, launchFirefox } from '../harness/firefox';
import { waitUntil } from '../harness/wait';

const PACK_FILE = join(import.meta.dirname, '../../utils/packs/amlo-harris-2021.pack.json');

/** The background: the same two reads as Counterpoint's background makes for a page. */
const WORKER = `
const api = globalThis.browser ?? globalThis.chrome;
const ready = new Promise((resolve, reject) => {
  const request = indexedDB.open('floor', 1);
  request.onupgradeneeded = () => {
    const db = request.result;
    db.createObjectStore('claims', { keyPath: ['articleKey', 'id'] }).createIndex('articleKey', 'articleKey');
    db.createObjectStore('notes', { keyPath: 'id' }).createIndex('articleKey', 'articleKey');
    const claims = request.transaction.objectStore('claims');
    for (const claim of CLAIMS) claims.put(claim);
  };
  request.onsuccess = () => resolve(request.result);
  request.onerror = () => reject(request.error);
});
globalThis.floorTimes = [];
api.runtime.onMessage.addListener((message, _sender, sendResponse) => {
  if (message?.type === 'floor.done') {
    if (message.article) globalThis.floorTimes.push(message.ms);
    return false;
  }
  ready.then((db) => {
    const tx = db.transaction(['claims', 'notes'], 'readonly');
    tx.objectStore('claims').getAll(IDBKeyRange.bound([ARTICLE_KEY], [ARTICLE_KEY, []]));
    tx.objectStore('notes').index('articleKey').getAll(ARTICLE_KEY);
    tx.oncomplete = () => sendResponse(null);
  });
  return true;
});
`;

/** The content script: from its start to the empty answer, reported to the worker. */
const CONTENT = `
const started = performance.now();
const api = globalThis.browser ?? globalThis.chrome;
api.runtime.sendMessage({ type: 'floor' }).then(() => {
  // Only the article's loads count: the floor runs on every page of the site, as Counterpoint does.
  api.runtime.sendMessage({
    type: 'floor.done',
    ms: performance.now() - started,
    article: location.pathname.replace(/\\/+$/, '') === ARTICLE_PATH,
  });
});
`;

/** Writes the floor extension (for Chromium, MV3, or Firefox, MV2) into a new directory. */
function writeFloorExtension(browser: 'chromium' | 'firefox'): string {
  const pack = JSON.parse(readFileSync(PACK_FILE, 'utf8')) as {
    article: { id: string };
    claims: object[];
  };
  const articleKey = pack.article.id;
  const claims = pack.claims.map((claim, order) => ({ ...claim, articleKey, order }));
  const dir = mkdtempSync(join(tmpdir(), 'counterpoint-floor-'));
  const hosts = ['*://globalresearch.ca/*', '*://*.globalresearch.ca/*'];
  const content_scripts = [{ matches: hosts, js: ['content.js'], run_at: 'document_idle' }];
  writeFileSync(
    join(dir, 'manifest.json'),
    JSON.stringify(
      browser === 'chromium'
        ? {
            manifest_version: 3,
            name: 'Start floor',
            version: '1.0',
            background: { service_worker: 'background.js' },
            host_permissions: hosts,
            content_scripts,
          }
        : {
            manifest_version: 2,
            name: 'Start floor',
            version: '1.0',
            // The harness reaches an add-on's pages by this id.
            browser_specific_settings: { gecko: { id: GECKO_ID } },
            background: { scripts: ['background.js'] },
            permissions: hosts,
            content_scripts,
          },
    ),
  );
  writeFileSync(
    join(dir, 'background.js'),
    `const ARTICLE_KEY = ${JSON.stringify(articleKey)};\nconst CLAIMS = ${JSON.stringify(claims)};\n${WORKER}`,
  );
  writeFileSync(
    join(dir, 'content.js'),
    `const ARTICLE_PATH = ${JSON.stringify(ARTICLE_PATH)};\n${CONTENT}`,
  );
  // The harness opens the extension's popup page to reach its API.
  writeFileSync(join(dir, 'popup.html'), '<!doctype html><title>Start floor</title>');
  return dir;
}

/** A Chromium with the floor extension loaded instead of Counterpoint. */
export function launchFloorBrowser(): Promise<ChromiumSession> {
  return launchChromium({ extensionPath: writeFloorExtension('chromium') });
}

/** A Firefox ESR with the floor add-on installed instead of Counterpoint. */
export function launchFirefoxFloorBrowser(): Promise<FirefoxSession> {
  return launchFirefox({
    extensionPath: writeFloorExtension('firefox'),
    args: ['--remote-allow-system-access'],
  });
}

/** One load of the article in a new tab in Firefox: as {@link contentFloorOnce}. */
export async function firefoxContentFloorOnce(session: FirefoxSession): Promise<number> {
  const times = () =>
    session.inExtension(async () => {
      const api = (globalThis as unknown as { browser: FirefoxExtensionApi }).browser;
      const background = await api.runtime.getBackgroundPage();
      return background.floorTimes.splice(0);
    }, null);
  await times();
  const page = await session.open(ARTICLE_URL);
  const found = await waitUntil(times, (value) => value.length > 0, {
    what: 'the floor content script’s answer in Firefox',
    timeoutMs: 15_000,
  });
  await page.close();
  return found[0] ?? Number.NaN;
}

interface FirefoxExtensionApi {
  runtime: { getBackgroundPage(): Promise<{ floorTimes: number[] }> };
}

/**
 * One load of the article: the content script's start to its empty answer, in ms. In a new tab,
 * or, given a tab, followed from the site's theme page in that tab (as a reader who clicks
 * through from a listing).
 */
export async function contentFloorOnce(session: ChromiumSession, tab?: Page): Promise<number> {
  const worker = await session.worker();
  if (tab) await tab.goto(THEME_URL, { waitUntil: 'load' });
  await worker.evaluate(() => {
    (globalThis as unknown as { floorTimes: number[] }).floorTimes = [];
  });
  const page = tab ?? (await session.open(ARTICLE_URL));
  if (tab) await tab.goto(ARTICLE_URL, { waitUntil: 'load' });
  const times = await waitUntil(
    () => worker.evaluate(() => (globalThis as unknown as { floorTimes: number[] }).floorTimes),
    (value) => value.length > 0,
    { what: 'the floor content script’s answer', timeoutMs: 15_000 },
  );
  if (!tab) await page.close();
  return times[0] ?? Number.NaN;
}
