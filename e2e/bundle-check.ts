/**
 * `npm test`, after the builds: the content script runs on every article page, so nothing ships
 * in it that nothing uses, and it stays within its size budget.
 *
 * - WXT's auto-import (still active despite `imports: false`) pulls `@wxt-dev/storage` into a
 *   bundle whenever a function parameter is named `storage`.
 * - webextension-polyfill serves the background and the extension pages; the content script
 *   takes the browser's own promise-based API (`wxt.config.ts`, `vite:build:extendConfig`).
 *
 * The check fails if either library's code is in the built content script, or if the script is
 * over its gzip budget, and prints the script's size.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { CHROME_BUILD } from './harness/paths';

/**
 * The content script's budget, in KB (1000 bytes) of gzip. The goal is 20; the painter's
 * viewport gate, note shade and idle batching brought it to 24.7, so the check holds it there.
 */
export const CONTENT_SCRIPT_BUDGET_KB = 25;

/** Code that must not be in the content script, each known by strings found only in it. */
export const DEAD_CODE_MARKERS: Readonly<Record<string, readonly string[]>> = {
  '@wxt-dev/storage': ['@wxt-dev/storage', "'wxt/storage'", 'Storage migration'],
  'webextension-polyfill': [
    'This script should only be loaded in a browser extension',
    'webextension-polyfill',
  ],
};

/** The libraries whose markers a bundle's code contains, with the markers found. */
export function deadCodeIn(code: string): { library: string; markers: string[] }[] {
  return Object.entries(DEAD_CODE_MARKERS).flatMap(([library, markers]) => {
    const found = markers.filter((marker) => code.includes(marker));
    return found.length > 0 ? [{ library, markers: found }] : [];
  });
}

const contentScript = join(CHROME_BUILD, 'content-scripts', 'content.js');
if (!existsSync(contentScript)) {
  console.error(`No content script at ${contentScript}: build first (npx wxt build).`);
  process.exit(1);
}
const code = readFileSync(contentScript, 'utf8');
const gzipKb = gzipSync(code).length / 1000;
console.log(`content script: ${(code.length / 1000).toFixed(1)} KB, ${gzipKb.toFixed(1)} KB gzip`);
let failed = false;
for (const { library, markers } of deadCodeIn(code)) {
  failed = true;
  console.error(
    `The content script contains ${library} code (found ${markers.map((m) => JSON.stringify(m)).join(', ')}). ` +
      (library === '@wxt-dev/storage'
        ? 'A function parameter named `storage` somewhere in its imports makes WXT auto-import it; rename the parameter.'
        : 'Something in its imports reads the polyfill (`utils/browser.ts` at run time); pass the API in instead.'),
  );
}
if (gzipKb > CONTENT_SCRIPT_BUDGET_KB) {
  failed = true;
  console.error(
    `The content script is ${gzipKb.toFixed(1)} KB gzip, over its ${CONTENT_SCRIPT_BUDGET_KB} KB budget.`,
  );
}
if (failed) process.exit(1);
console.log(
  `content script: no @wxt-dev/storage or webextension-polyfill code, within ${CONTENT_SCRIPT_BUDGET_KB} KB gzip`,
);
