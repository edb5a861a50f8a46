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
    // One retry: a few browser tests race the page's own timing on a loaded two-core machine
    // (Escape pressed while focus is still moving into the popover frame; a selection drag
    // while the page settles). A test that fails twice fails the run; vitest's report names
    // every test that needed its retry, and docs/testing.md lists the ones known to.
    retry: 1,
    // What a test computes from the interface's words (dates, messages) is in US English.
    setupFiles: ['e2e/harness/i18n-setup.ts'],
  },
});
