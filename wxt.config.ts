import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';
import { DEFAULT_SHORTCUTS } from './utils/shortcuts';

const TOOLBAR_BUTTON = {
  default_title: 'Counterpoint',
  default_icon: { '16': 'icon/16.png', '32': 'icon/32.png', '48': 'icon/48.png' },
};

/** Build configuration: one manifest for Chrome (MV3) and Firefox, Preact through Vite. */
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  // Explicit imports everywhere: a reader sees where every name comes from.
  imports: false,
  vite: () => ({
    plugins: [preact()],
    build: { sourcemap: false },
  }),
  manifest: ({ browser, manifestVersion }) => ({
    name: 'Counterpoint',
    description: 'Claim-level, sourced context and private notes on the articles you read.',
    // MV3 injects the page UI with `scripting.executeScript`; MV2 (Firefox's default build) uses
    // `tabs.executeScript`, which needs no permission of its own.
    permissions: ['storage', 'contextMenus', ...(manifestVersion === 3 ? ['scripting'] : [])],
    host_permissions: ['*://globalresearch.ca/*', '*://*.globalresearch.ca/*'],
    // WXT lists public/icon/<size>.png as `icons`; the toolbar button needs its own. For MV2 WXT
    // writes the popup into `browser_action` and drops `action`, so name the key for the version.
    [manifestVersion === 3 ? 'action' : 'browser_action']: TOOLBAR_BUTTON,
    // The popover frame is the one page a web page may embed, and only on the site's articles.
    // Chrome: a dynamic URL, new each session, so a page cannot probe for the extension by it.
    // Firefox MV3 wants the object form too (WXT refuses to build with the list).
    web_accessible_resources:
      browser === 'firefox' && manifestVersion === 2
        ? ['popover.html']
        : browser === 'firefox'
          ? [
              {
                resources: ['popover.html'],
                matches: ['*://globalresearch.ca/*', '*://*.globalresearch.ca/*'],
              },
            ]
          : [
              {
                resources: ['popover.html'],
                matches: ['*://globalresearch.ca/*', '*://*.globalresearch.ca/*'],
                use_dynamic_url: true,
              },
            ],
    commands: {
      'toggle-highlights': {
        suggested_key: { default: DEFAULT_SHORTCUTS.toggleHighlights },
        description: 'Turn claim and note highlights on or off',
      },
      'add-note': {
        suggested_key: { default: DEFAULT_SHORTCUTS.addNote },
        description: 'Add a note to the selected text',
      },
    },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'counterpoint@counterpoint.invalid',
              strict_min_version: '140.0',
              data_collection_permissions: { required: ['none'] },
            },
            // Firefox for Android reads `data_collection_permissions` from 142 on.
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {}),
  }),
  zip: {
    // The sources zip (for Firefox's review) is the tracked source less what the build does not
    // need: browser tests and their artefacts, screenshots. e2e/check-sources-zip.ts checks it.
    excludeSources: [
      'e2e/**',
      'docs/**/*.png',
      'demo-screenshots/**',
      'stats.html',
      '**/*.log',
      'biome.json',
      'vitest.config.ts',
    ],
  },
});
