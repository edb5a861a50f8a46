/**
 * Benchmark section "Popup scale": the toolbar popup and the notes manager with 10,000 notes
 * over 500 articles, in headless Chromium with the built extension (`npx wxt build` first).
 *
 * Measured, each as the median of several runs:
 * - first screen: from navigation to the first notes list rendered (the views set a performance
 *   mark when it is in the DOM), for the popup and for the notes manager;
 * - search: from the input event carrying a query to the list updated in the DOM, and to the
 *   next frame after it, for a rare word, a common word and a two-word query;
 * - export: the click on "Export notes (JSON-LD)" / "(Markdown)" until the download has started
 *   (all notes read, serialised, handed to the browser);
 * - import: the exported JSON-LD file into an empty database, from choosing the file to the
 *   summary (parse, duplicate check, one transaction), and until the list shows the notes; the
 *   page is checked in every animation frame for both.
 *
 * The extension needs a persistent profile, so this section launches its own Chromium through
 * the browser-test harness rather than using the driver's shared browser.
 */

import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page, Worker } from 'playwright-core';
import { IMPORT_MAX_BYTES } from '../../utils/notes-io';
import {
  IMPORT_FINISHED_MARK,
  IMPORT_STARTED_MARK,
  NOTES_RENDERED_MARK,
  NOTES_UPDATED_MARK,
} from '../../utils/popup/perf-marks';
import { ARTICLE_URL } from '../fixtures';
import { type ChromiumSession, launchChromium } from '../harness/chromium';
import { ARTICLE_KEY, seedArguments, writeArticleNotes } from '../harness/heavy-notes';
import { waitUntil } from '../harness/wait';
import type { BenchContext, BenchSection, SectionReport, Table } from './section';

const NOTE_COUNT = 10_000;
const ARTICLE_COUNT = 500;
const FIRST_SCREEN_RUNS = 7;
const SEARCH_RUNS = 7;
const EXPORT_RUNS = 3;
const IMPORT_RUNS = 3;
/** A word put in every thousandth note, so the rare search has ten answers. */
const RARE_WORD = 'zanzibar';
const QUERIES: readonly { label: string; query: string }[] = [
  { label: `rare word ("${RARE_WORD}", 10 notes)`, query: RARE_WORD },
  { label: 'common word ("the")', query: 'the' },
  { label: 'two words ("migration figures")', query: 'migration figures' },
];

/** Writes the benchmark's notes from the service worker; generated there to spare 5 MB of IPC. */
async function seedNotes(worker: Worker): Promise<void> {
  await worker.evaluate(
    async ({ noteCount, articleCount, rareWord, realArticle }) => {
      for (let tries = 0; tries < 100; tries++) {
        const known = await indexedDB.databases();
        if (known.some((entry) => entry.name === 'counterpoint')) break;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      // A small deterministic generator: the same notes on every run.
      let state = 20210609;
      const random = () => {
        state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
        return state / 2 ** 31;
      };
      const words =
        'the of and to in a is that for on with as was by at from it this be are which government president meeting vaccine migration border trade figures report aid policy economy crisis agreement promised export mexico united states central america countries leaders diplomatic poverty investment security asylum workers wages prices energy oil summit minister decision program'.split(
          ' ',
        );
      const pick = (count: number) =>
        Array.from({ length: count }, () => words[Math.floor(random() * words.length)]).join(' ');
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open('counterpoint');
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      const start = Date.UTC(2025, 0, 1);
      await new Promise<void>((resolve, reject) => {
        const tx = db.transaction('notes', 'readwrite');
        const store = tx.objectStore('notes');
        for (let n = 0; n < noteCount; n++) {
          const article = n % articleCount;
          // Article 0 is the real article, so the popup can be measured on its tab too.
          const articleKey =
            article === 0 ? realArticle.key : `/bench/article-${article}/${5_000_000 + article}`;
          const url =
            article === 0
              ? realArticle.url
              : `https://www.globalresearch.ca/bench/article-${article}/${5_000_000 + article}`;
          const time = new Date(start + n * 53 * 60_000).toISOString();
          const body = `${pick(8 + Math.floor(random() * 25))}${n % 1000 === 7 ? ` ${rareWord}` : ''}`;
          store.put({
            id: `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`,
            articleKey,
            url,
            articleTitle: `Bench article ${article}: ${pick(6)}`,
            target: {
              selectors: [
                { type: 'TextQuoteSelector', exact: pick(6 + Math.floor(random() * 12)) },
                { type: 'TextPositionSelector', start: n, end: n + 40 },
              ],
            },
            body,
            tags: Array.from(
              { length: Math.floor(random() * 4) },
              () => `tag-${Math.floor(random() * 40)}`,
            ).filter((tag, index, all) => all.indexOf(tag) === index),
            created: time,
            modified: time,
          });
        }
        tx.oncomplete = () => resolve();
        tx.onerror = () => reject(tx.error);
      });
      db.close();
      // The background keeps each article's notes until a change names it.
      const articleKeys = Array.from({ length: articleCount }, (_, article) =>
        article === 0 ? realArticle.key : `/bench/article-${article}/${5_000_000 + article}`,
      );
      await chrome.storage.local.set({
        notesChanged: { articleKeys, stamp: `seed-${Date.now()}` },
      });
    },
    {
      noteCount: NOTE_COUNT,
      articleCount: ARTICLE_COUNT,
      rareWord: RARE_WORD,
      realArticle: { key: ARTICLE_KEY, url: ARTICLE_URL },
    },
  );
}

/** Empties the notes store (for the import into an empty database). */
async function clearNotes(worker: Worker): Promise<void> {
  await worker.evaluate(writeArticleNotes, seedArguments([], 0, true));
}

/** Opens an extension page and returns the time from navigation to the first notes list. */
async function firstScreen(session: ChromiumSession, file: string): Promise<number> {
  const page = await session.context.newPage();
  try {
    await page.setViewportSize({ width: 380, height: 600 });
    await page.goto(`chrome-extension://${session.extensionId}/${file}`);
    const handle = await page.waitForFunction(
      (mark) => performance.getEntriesByName(mark)[0]?.startTime ?? false,
      NOTES_RENDERED_MARK,
      { timeout: 60_000 },
    );
    return (await handle.jsonValue()) as number;
  } finally {
    await page.close();
  }
}

/** Puts a query into the search box at once (after clearing it); times the DOM update and the next frame. */
async function searchOnce(page: Page, query: string): Promise<{ dom: number; frame: number }> {
  return page.evaluate(
    async ({ text, updated }) => {
      const box = document.querySelector<HTMLInputElement>('input[type="search"]');
      if (!box) throw new Error('no search box');
      const setQuery = async (value: string) => {
        const started = performance.now();
        const marked = new Promise<number>((resolve) => {
          const observer = new PerformanceObserver((list) => {
            const entry = list.getEntriesByName(updated).find((e) => e.startTime >= started);
            if (entry) {
              observer.disconnect();
              resolve(entry.startTime);
            }
          });
          observer.observe({ type: 'mark' });
        });
        box.value = value;
        box.dispatchEvent(new Event('input', { bubbles: true }));
        const dom = (await marked) - started;
        await new Promise((resolve) => requestAnimationFrame(resolve));
        return { dom, frame: performance.now() - started };
      };
      // Setting the same text again changes nothing and sets no mark: clear first, if needed.
      let result = { dom: 0, frame: 0 };
      if (box.value !== '') result = await setQuery('');
      if (text !== '') result = await setQuery(text);
      return result;
    },
    { text: query, updated: NOTES_UPDATED_MARK },
  );
}

/** Clicks an export button; the time until the browser reports the download, and its size. */
async function exportOnce(page: Page, label: string): Promise<{ ms: number; bytes: number }> {
  const download = page.waitForEvent('download', { timeout: 60_000 });
  const started = Date.now();
  await page.getByRole('button', { name: label }).click();
  const file = await download;
  const ms = Date.now() - started;
  const path = await file.path();
  return { ms, bytes: path ? statSync(path).size : 0 };
}

/** One import run: its times, or the reason the file was refused. */
interface ImportRun {
  refused?: string;
  /** In the page: file chosen to outcome known (read, parse, check, write). */
  inPage: number;
  /** From Node: file chosen to summary shown, and to the notes listed. */
  toSummary: number;
  toList: number;
}

/** Empties the database, opens the notes manager and imports a file through its input. */
async function importOnce(
  session: ChromiumSession,
  worker: Worker,
  file: string,
): Promise<ImportRun> {
  await clearNotes(worker);
  const page = await session.context.newPage();
  try {
    await page.goto(`chrome-extension://${session.extensionId}/notes.html`);
    await page.getByText(/^No notes yet/).waitFor({ timeout: 60_000 });
    const started = Date.now();
    await page.getByLabel('Import notes').setInputFiles(file);
    // Checked in every animation frame, so the time is that of the frame that first shows the
    // outcome (a locator's wait polls only every 500 ms after its first tries).
    const outcome = await page.waitForFunction(
      () => {
        const texts = (role: string) =>
          [...document.querySelectorAll(`[role="${role}"]`)].map((node) => node.textContent ?? '');
        const summary = texts('status').find((text) => /^Added /.test(text));
        if (summary !== undefined) return { summary };
        const refused = texts('alert').find((text) => /\S/.test(text));
        return refused === undefined ? false : { refused };
      },
      undefined,
      { polling: 'raf', timeout: 120_000 },
    );
    const toSummary = Date.now() - started;
    const shown = (await outcome.jsonValue()) as { summary: string } | { refused: string };
    if ('refused' in shown) return { refused: shown.refused, inPage: 0, toSummary: 0, toList: 0 };
    const added = Number(/^Added (\d+)/.exec(shown.summary)?.[1] ?? 0);
    await page.waitForFunction(
      (count) => document.querySelector('.cp-result-count')?.textContent?.includes(count) ?? false,
      added.toLocaleString('en'),
      { polling: 'raf', timeout: 60_000 },
    );
    const toList = Date.now() - started;
    const inPage = await page.evaluate(
      ({ from, to }) =>
        (performance.getEntriesByName(to)[0]?.startTime ?? 0) -
        (performance.getEntriesByName(from)[0]?.startTime ?? 0),
      { from: IMPORT_STARTED_MARK, to: IMPORT_FINISHED_MARK },
    );
    return { inPage, toSummary, toList };
  } finally {
    await page.close();
  }
}

const megabytes = (bytes: number) => `${(bytes / 1_000_000).toFixed(1)} MB`;

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] ?? 0)
    : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

const ms = (value: number) => `${value.toFixed(value < 10 ? 1 : 0)} ms`;
const range = (values: readonly number[]) =>
  `${ms(Math.min(...values))} – ${ms(Math.max(...values))}`;

async function runPopupScale(context: BenchContext): Promise<SectionReport> {
  const session = await launchChromium();
  try {
    const worker = await session.worker();
    // tsx compiles this file keeping function names through a `__name` helper that the browser
    // does not have; the functions passed to evaluate() call it, so give every context one.
    const nameHelper = 'globalThis.__name = (target) => target;';
    await session.context.addInitScript(nameHelper);
    await worker.evaluate(nameHelper);
    context.log(`seeding ${NOTE_COUNT} notes over ${ARTICLE_COUNT} articles`);
    await seedNotes(worker);

    const firstScreenRows: string[][] = [];
    for (const [label, file] of [
      ['Popup on a page without context (all articles)', 'popup.html'],
      ['Notes manager', 'notes.html'],
    ] as const) {
      // One unmeasured load warms the browser's code cache, as a reader's second open would.
      await firstScreen(session, file);
      const times: number[] = [];
      for (let run = 0; run < FIRST_SCREEN_RUNS; run++)
        times.push(await firstScreen(session, file));
      context.log(`${label} first screen: ${times.map((t) => t.toFixed(0)).join(', ')} ms`);
      firstScreenRows.push([label, ms(median(times)), range(times), String(times.length)]);
    }

    {
      // The popup on the article's own tab: its 20 notes show before all 10,000 are read.
      const article = await session.open(ARTICLE_URL);
      const tabId = await session.tabIdOf(article);
      await waitUntil(
        () => session.badgeText(tabId),
        (text) => text !== '',
        { what: 'the article to be recognised' },
      );
      const file = `popup.html?tabId=${tabId}`;
      await firstScreen(session, file);
      const times: number[] = [];
      for (let run = 0; run < FIRST_SCREEN_RUNS; run++)
        times.push(await firstScreen(session, file));
      context.log(
        `Popup on the article first screen: ${times.map((t) => t.toFixed(0)).join(', ')} ms`,
      );
      firstScreenRows.push([
        `Popup on the article's tab (${NOTE_COUNT / ARTICLE_COUNT} of its notes shown first)`,
        ms(median(times)),
        range(times),
        String(times.length),
      ]);
      await article.close();
    }

    const popup = await session.context.newPage();
    await popup.setViewportSize({ width: 380, height: 600 });
    await popup.goto(`chrome-extension://${session.extensionId}/popup.html`);
    await popup.waitForFunction(
      (mark) => performance.getEntriesByName(mark).length > 0,
      NOTES_RENDERED_MARK,
      {
        timeout: 60_000,
      },
    );
    const searchRows: string[][] = [];
    for (const { label, query } of QUERIES) {
      await searchOnce(popup, query);
      const dom: number[] = [];
      const frame: number[] = [];
      for (let run = 0; run < SEARCH_RUNS; run++) {
        const result = await searchOnce(popup, query);
        dom.push(result.dom);
        frame.push(result.frame);
      }
      const matches = await popup.locator('.cp-result-count').textContent();
      context.log(`search ${query}: ${dom.map((t) => t.toFixed(1)).join(', ')} ms`);
      searchRows.push([label, matches ?? '', ms(median(dom)), ms(median(frame)), range(frame)]);
    }
    await searchOnce(popup, '');

    const exportRows: string[][] = [];
    let exportedJson = '';
    for (const label of ['Export notes (JSON-LD)', 'Export notes (Markdown)']) {
      const times: number[] = [];
      let bytes = 0;
      for (let run = 0; run < EXPORT_RUNS; run++) {
        const result = await exportOnce(popup, label);
        times.push(result.ms);
        bytes = result.bytes;
      }
      context.log(`${label}: ${times.join(', ')} ms`);
      exportRows.push([label, megabytes(bytes), ms(median(times)), range(times)]);
    }
    {
      const download = popup.waitForEvent('download');
      await popup.getByRole('button', { name: 'Export notes (JSON-LD)' }).click();
      const path = await (await download).path();
      if (!path) throw new Error('the export was not saved');
      exportedJson = path;
      context.log(`JSON-LD export: ${statSync(path).size} bytes`);
    }
    await popup.close();

    // A backup of every note should restore into an empty database. When the export is over
    // the importer's size limit it is refused; the import is then timed on the largest part of
    // the same file that the importer accepts, and the report says so.
    const fullBytes = statSync(exportedJson).size;
    const fullAttempt = await importOnce(session, worker, exportedJson);
    let importFile = exportedJson;
    let importedCount = NOTE_COUNT;
    let refusal = '';
    if (fullAttempt.refused !== undefined) {
      refusal = fullAttempt.refused;
      context.log(`the full export was refused: ${refusal}`);
      const collection = JSON.parse(readFileSync(exportedJson, 'utf8')) as {
        total: number;
        first: { items: unknown[] };
      };
      importedCount = Math.floor((NOTE_COUNT * IMPORT_MAX_BYTES * 0.95) / fullBytes);
      collection.first.items = collection.first.items.slice(0, importedCount);
      collection.total = importedCount;
      importFile = join(mkdtempSync(join(tmpdir(), 'counterpoint-bench-')), 'part.jsonld');
      writeFileSync(importFile, JSON.stringify(collection, null, 2));
    }
    const runs: ImportRun[] = [];
    for (let run = 0; run < IMPORT_RUNS; run++) {
      const result = await importOnce(session, worker, importFile);
      if (result.refused !== undefined)
        throw new Error(`the import was refused: ${result.refused}`);
      runs.push(result);
      context.log(`import run ${run + 1}: ${result.toSummary} ms to the summary`);
    }
    const inPage = runs.map((run) => run.inPage);
    const importToSummary = runs.map((run) => run.toSummary);
    const importToList = runs.map((run) => run.toList);
    const importedBytes = statSync(importFile).size;
    const importTitle =
      refusal === ''
        ? `Import of the JSON-LD export (${megabytes(fullBytes)}, ${NOTE_COUNT.toLocaleString('en')} notes) into an empty database`
        : `Import into an empty database: the full export (${megabytes(fullBytes)}) is refused ("${refusal}"); timed on its first ${importedCount.toLocaleString('en')} notes (${megabytes(importedBytes)})`;

    const tables: Table[] = [
      {
        title: `First screen with ${NOTE_COUNT.toLocaleString('en')} notes over ${ARTICLE_COUNT} articles (navigation to the first notes list in the DOM)`,
        header: ['View', 'Median', 'Range', 'Runs'],
        rows: firstScreenRows,
      },
      {
        title: 'Search as you type, over all notes (input event to list updated)',
        header: ['Query', 'Result', 'Median to DOM', 'Median to next frame', 'Range to next frame'],
        rows: searchRows,
      },
      {
        title: 'Export of all notes (click to download started)',
        header: ['Format', 'Size', 'Median', 'Range'],
        rows: exportRows,
      },
      {
        title: importTitle,
        header: ['Measure', 'Median', 'Range', 'Runs'],
        rows: [
          [
            'Read, parse, check, write (in the page)',
            ms(median(inPage)),
            range(inPage),
            String(inPage.length),
          ],
          [
            'File chosen to summary shown',
            ms(median(importToSummary)),
            range(importToSummary),
            String(importToSummary.length),
          ],
          [
            'File chosen to notes listed',
            ms(median(importToList)),
            range(importToList),
            String(importToList.length),
          ],
        ],
      },
    ];
    return {
      tables,
      notes: [
        `Notes are generated deterministically in the service worker and written straight to the extension's database; each note has 8–33 words, a 6–17-word quote and up to 3 of 40 tags. The views first show the 100 newest notes (read from the modified index), then read every note once (allNotes), build a lower-cased search text per note, and render the first 100 notes of the result ("Show more" adds the rest). The popup on an article's tab first shows that article's notes (read by index) instead. Article 0 of the 500 is the real article, so its tab has 20 notes (their quotes are random words, so they are listed as not placed).`,
        'First-screen times start at navigation (performance.timeOrigin) and end at the mark the notes area sets when its list is in the DOM; one unmeasured load precedes the runs. Search times are measured in the page with a PerformanceObserver; "next frame" adds layout and paint. Export and import include Playwright\'s handling of the file, so they slightly overstate what a reader waits. The import\'s summary and list are looked for in every animation frame (until 2026-11-27 a locator wait did it, which after its first second looks only every 500 ms and overstated both by up to half a second).',
      ],
    };
  } finally {
    await session.close();
  }
}

/** The section, for the driver in run.ts. */
export const popupScaleSection: BenchSection = { name: 'Popup scale', run: runPopupScale };

declare const chrome: { storage: { local: { set(items: object): Promise<void> } } };
