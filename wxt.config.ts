import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';
import { DEFAULT_SHORTCUTS } from './utils/shortcuts';

/** Build configuration: one manifest for Chrome (MV3) and Firefox, Preact through Vite. */
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  // Explicit imports everywhere: a reader sees where every name comes from.
  imports: false,
  vite: () => ({
    plugins: [preact()],
    build: { sourcemap: false },
  }),
  manifest: ({ browser }) => ({
    name: 'Counterpoint',
    description: 'Claim-level, sourced context and private notes on the articles you read.',
    permissions: ['storage', 'contextMenus', ...(browser === 'firefox' ? [] : ['scripting'])],
    host_permissions: ['*://globalresearch.ca/*', '*://*.globalresearch.ca/*'],
    action: { default_title: 'Counterpoint' },
    // The popover frame is the one page a web page may embed, and only on the site's articles.
    // Chrome: a dynamic URL, new each session, so a page cannot probe for the extension by it.
    web_accessible_resources:
      browser === 'firefox'
        ? ['popover.html']
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
              strict_min_version: '128.0',
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
  }),
});
