/**
 * The content script on the article page: how long from its start to every claim painted
 * (recognition, the background's reply, anchoring and painting included), and how big it is.
 * Measured with the built extension in headless Chromium; the paint time is the one the content
 * script reports to the background with its first status.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { ARTICLE_URL } from '../fixtures';
import { launchChromium } from '../harness/chromium';
import { CHROME_BUILD } from '../harness/paths';
import { waitUntil } from '../harness/wait';
import type { BenchSection } from './section';

const RUNS = 15;

function gzippedKilobytes(file: string): number {
  return gzipSync(readFileSync(join(CHROME_BUILD, file)), { level: 9 }).length / 1024;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

/** The content-script section of `npm run bench`. */
export const contentScriptSection: BenchSection = {
  name: 'Content script',
  async run({ log }) {
    const session = await launchChromium();
    const paints: number[] = [];
    try {
      for (let run = 0; run < RUNS; run++) {
        const page = await session.open(ARTICLE_URL);
        const tabId = await session.tabIdOf(page);
        const record = await waitUntil(
          () =>
            session.inExtension(async (id: number) => {
              const key = `tab:${id}`;
              return ((await chrome.storage.session.get(key))[key] ?? null) as {
                paintMs?: number;
                claimsAnchored?: number;
              } | null;
            }, tabId),
          (value) => typeof value?.paintMs === 'number',
          { what: 'the first paint report', timeoutMs: 15_000 },
        );
        paints.push(record?.paintMs ?? Number.NaN);
        log(`run ${run + 1}: ${record?.paintMs?.toFixed(1)} ms, ${record?.claimsAnchored} claims`);
        await page.close();
      }
    } finally {
      await session.close();
    }
    const first = paints[0] ?? Number.NaN;
    const warm = paints.slice(1);
    const content = gzippedKilobytes('content-scripts/content.js');
    const ui = gzippedKilobytes('content-ui.js');
    return {
      tables: [
        {
          title: 'Start of the content script to all claims painted (article page, 14 claims)',
          header: ['measure', 'value', 'target'],
          rows: [
            [`median of ${warm.length} page loads`, `${median(warm).toFixed(1)} ms`, 'under 50 ms'],
            [
              'fastest / slowest',
              `${Math.min(...warm).toFixed(1)} / ${Math.max(...warm).toFixed(1)} ms`,
              '',
            ],
            ['first load after the browser started', `${first.toFixed(1)} ms`, ''],
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
      ],
    };
  },
};

declare const chrome: {
  storage: { session: { get(key: string): Promise<Record<string, unknown>> } };
};
