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
    // The words are in public/_locales/<lang>/messages.json (docs/i18n.md).
    name: '__MSG_ext_name__',
    description: '__MSG_ext_description__',
    default_locale: 'en',
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
        description: '__MSG_command_toggle_highlights__',
      },
      'add-note': {
        suggested_key: { default: DEFAULT_SHORTCUTS.addNote },
        description: '__MSG_command_add_note__',
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
  hooks: {
    // The content script runs on every article page and uses only what Chrome (MV3) and Firefox
    // give with promises natively (runtime messages, storage, events): it takes the browser's own
    // API instead of webextension-polyfill, which stays where it serves (the background's
    // promise-returning message listeners, the extension pages). So does the in-page UI bundle
    // the background injects into the content script's world: it reads only the interface's
    // words and its own URLs, and sends through the content script's requester.
    'vite:build:extendConfig': (entrypoints, config) => {
      const inPage = entrypoints.every(
        (entrypoint) => entrypoint.type === 'content-script' || entrypoint.name === 'content-ui',
      );
      if (!inPage) return;
      config.plugins = [
        ...(config.plugins ?? []),
        {
          name: 'counterpoint:native-browser-api-in-content-script',
          enforce: 'pre',
          resolveId(source, importer) {
            if (source !== '@wxt-dev/webextension-polyfill/browser') return null;
            return this.resolve('@wxt-dev/browser', importer, { skipSelf: true });
          },
        },
      ];
    },
  },
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
