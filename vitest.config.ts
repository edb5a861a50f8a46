import preact from '@preact/preset-vite';
import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

/** Unit tests: beside the code, in happy-dom, with WXT's fake browser. */
export default defineConfig({
  plugins: [WxtVitest(), preact()],
  test: {
    environment: 'happy-dom',
    include: [
      'utils/**/*.test.{ts,tsx}',
      'components/**/*.test.{ts,tsx}',
      'entrypoints/**/*.test.{ts,tsx}',
    ],
    // Real-browser tests run in the browser-test config (e2e/vitest.config.ts).
    exclude: ['**/node_modules/**', '**/*.chromium.test.ts'],
    // The interface speaks English from its messages file (WXT's fake browser has no i18n).
    setupFiles: ['fake-indexeddb/auto', 'utils/i18n/test-setup.ts'],
    restoreMocks: true,
  },
});
