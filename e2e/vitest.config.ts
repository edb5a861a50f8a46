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
    retry: 0,
    // What a test computes from the interface's words (dates, messages) is in US English.
    setupFiles: ['e2e/harness/i18n-setup.ts'],
  },
});
