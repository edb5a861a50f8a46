/** Injecting the in-page bundles: `scripting` where the browser has it (MV3), else `tabs`. */
import type { Browser } from '../browser';
import { UI_WORDS_PROPERTY, type UiWords } from '../i18n/ui-words';

/** The UI bundle's path in the build (WXT builds `entrypoints/content-ui.ts` here). */
export const UI_SCRIPT = '/content-ui.js';

/**
 * The extras bundle's path (`entrypoints/content-extras.ts`): the full matcher and the wrapping
 * fallback, which few pages need.
 */
export const EXTRAS_SCRIPT = '/content-extras.js';

/** Which in-page bundle to inject: the overlay UI (the default) or the painting extras. */
export type InPageBundle = 'overlay' | 'extras';

/**
 * Runs an in-page bundle in a tab's top frame, in the extension's isolated world. `words` go
 * first, into a property of that world's global object (`UI_WORDS_PROPERTY`, which the page's
 * scripts cannot see), for the bundle to take as it starts.
 */
export async function injectUi(
  browser: Browser,
  tabId: number,
  bundle: InPageBundle = 'overlay',
  words?: UiWords,
): Promise<void> {
  const file = bundle === 'extras' ? EXTRAS_SCRIPT : UI_SCRIPT;
  if (browser.scripting) {
    const target = { tabId, frameIds: [0] };
    if (words) {
      await browser.scripting.executeScript({
        target,
        func: (property: string, table: UiWords) => {
          (globalThis as Record<string, unknown>)[property] = table;
        },
        args: [UI_WORDS_PROPERTY, words],
      });
    }
    await browser.scripting.executeScript({ target, files: [file] });
    return;
  }
  if (words) {
    // MV2 (Firefox) injects code as text: the table as a JSON literal, read as a value.
    const code = `globalThis[${JSON.stringify(UI_WORDS_PROPERTY)}] = ${JSON.stringify(words)};`;
    await browser.tabs.executeScript(tabId, { code, frameId: 0 });
  }
  await browser.tabs.executeScript(tabId, { file, frameId: 0 });
}
