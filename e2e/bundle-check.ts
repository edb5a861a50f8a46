/**
 * `npm test`, after the builds: the content script runs on every article page, so nothing ships
 * in it that nothing uses. WXT's auto-import (still active despite `imports: false`) pulls
 * `@wxt-dev/storage` into a bundle whenever a function parameter is named `storage`; this check
 * fails if that library's code is in the built content script, and prints the script's gzip size.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { CHROME_BUILD } from './harness/paths';

/** Strings found only in `@wxt-dev/storage`'s code (its error and debug messages). */
export const WXT_STORAGE_MARKERS: readonly string[] = [
  '@wxt-dev/storage',
  "'wxt/storage'",
  'Storage migration',
];

/** The markers of `@wxt-dev/storage` that a bundle's code contains. */
export function wxtStorageMarkersIn(code: string): string[] {
  return WXT_STORAGE_MARKERS.filter((marker) => code.includes(marker));
}

const contentScript = join(CHROME_BUILD, 'content-scripts', 'content.js');
if (!existsSync(contentScript)) {
  console.error(`No content script at ${contentScript}: build first (npx wxt build).`);
  process.exit(1);
}
const code = readFileSync(contentScript, 'utf8');
const gzipKb = (gzipSync(code).length / 1000).toFixed(1);
const found = wxtStorageMarkersIn(code);
console.log(`content script: ${(code.length / 1000).toFixed(1)} KB, ${gzipKb} KB gzip`);
if (found.length > 0) {
  console.error(
    `The content script contains @wxt-dev/storage code (found ${found.map((m) => JSON.stringify(m)).join(', ')}). ` +
      'A function parameter named `storage` somewhere in its imports makes WXT auto-import it; rename the parameter.',
  );
  process.exit(1);
}
console.log('content script: no @wxt-dev/storage code');
