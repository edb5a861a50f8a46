import { defineConfig } from 'vitest/config';

/**
 * Browser tests: real Chromium and Firefox with the built extension (`npm run build` first;
 * `npm test` does it). One file at a time: the machines have two cores and each file starts a
 * browser.
 */
export default defineConfig({
  test: {
    root: new URL('..', import.meta.url).pathname,
    environment: 'node',
    include: ['e2e/**/*.e2e.ts', 'utils/**/*.chromium.test.ts'],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // One retry, as a net for a shared two-core machine under heavy load: the races once known
    // (a hover reopening a popover closed with Escape, a selection made before the in-page UI
    // started, the editor's frame losing focus) are fixed in the product and have tests of
    // their own (e2e/suites/reader-races.ts). A test that fails twice fails the run; vitest's
    // report names every test that needed its retry, and docs/testing.md says what is known.
    retry: 1,
    // What a test computes from the interface's words (dates, messages) is in US English.
    setupFiles: ['e2e/harness/i18n-setup.ts'],
  },
});
