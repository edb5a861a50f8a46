/** Where the builds and test artefacts live, resolved from this file so any working folder works. */
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The project's root folder. */
export const PROJECT_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** The Chrome MV3 build. */
export const CHROME_BUILD = join(PROJECT_ROOT, '.output', 'chrome-mv3');

/** The Firefox build (Manifest V2, WXT's default for Firefox). */
export const FIREFOX_BUILD = join(PROJECT_ROOT, '.output', 'firefox-mv2');

/** The Firefox Manifest V3 build (`wxt build -b firefox --mv3`; `e2e/check-firefox-mv3.ts` makes it). */
export const FIREFOX_MV3_BUILD = join(PROJECT_ROOT, '.output', 'firefox-mv3');

/** Screenshots and other artefacts of the browser tests. */
export function artifactsDir(...parts: string[]): string {
  const dir = join(PROJECT_ROOT, 'e2e', 'artifacts', ...parts);
  mkdirSync(dir, { recursive: true });
  return dir;
}
