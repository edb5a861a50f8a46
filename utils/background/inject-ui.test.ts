import { describe, expect, it } from 'vitest';
import type { Browser } from '../browser';
import { UI_WORDS_PROPERTY, type UiWords } from '../i18n/ui-words';
import { EXTRAS_SCRIPT, injectUi, UI_SCRIPT } from './inject-ui';

const words: UiWords = { language: 'en', messages: { guide_next: 'Next claim' } };

/** A browser that records its injections and runs injected functions in `world`. */
function recordingBrowser(kind: 'scripting' | 'tabs') {
  const world: Record<string, unknown> = {};
  const injected: string[] = [];
  const scripting = {
    executeScript: async (details: {
      files?: string[];
      func?: (...args: unknown[]) => void;
      args?: unknown[];
    }) => {
      if (details.func) {
        // Run as the browser would in the isolated world, where `globalThis` is that world's.
        const saved = (globalThis as Record<string, unknown>)[UI_WORDS_PROPERTY];
        details.func(...(details.args ?? []));
        world[UI_WORDS_PROPERTY] = (globalThis as Record<string, unknown>)[UI_WORDS_PROPERTY];
        (globalThis as Record<string, unknown>)[UI_WORDS_PROPERTY] = saved;
        injected.push('words');
      }
      injected.push(...(details.files ?? []));
      return [];
    },
  };
  const tabs = {
    executeScript: async (_tabId: number, details: { file?: string; code?: string }) => {
      if (details.code) {
        new Function('globalThis', details.code)(world);
        injected.push('words');
      }
      if (details.file) injected.push(details.file);
      return [];
    },
  };
  const browser = (kind === 'scripting' ? { scripting, tabs } : { tabs }) as unknown as Browser;
  return { browser, world, injected };
}

describe('injecting the in-page bundles', () => {
  for (const kind of ['scripting', 'tabs'] as const) {
    it(`puts the UI's words in its world before the bundle (${kind})`, async () => {
      const { browser, world, injected } = recordingBrowser(kind);
      await injectUi(browser, 3, 'overlay', words);
      expect(injected).toEqual(['words', UI_SCRIPT]);
      expect(world[UI_WORDS_PROPERTY]).toEqual(words);
    });

    it(`injects the extras alone (${kind})`, async () => {
      const { browser, world, injected } = recordingBrowser(kind);
      await injectUi(browser, 3, 'extras');
      expect(injected).toEqual([EXTRAS_SCRIPT]);
      expect(world).toEqual({});
    });
  }

  it('writes hostile message text into the code as data, never as code (tabs)', async () => {
    const { browser, world } = recordingBrowser('tabs');
    const hostile: UiWords = {
      language: 'en',
      messages: { guide_next: '"; globalThis.pwned = 1; "\u2028</script>\ue000' },
    };
    await injectUi(browser, 3, 'overlay', hostile);
    expect(world[UI_WORDS_PROPERTY]).toEqual(hostile);
    expect(world).not.toHaveProperty('pwned');
  });
});
