/** Injecting the in-page bundles: `scripting` where the browser has it (MV3), else `tabs`. */
import type { Browser } from '../browser';

/** The UI bundle's path in the build (WXT builds `entrypoints/content-ui.ts` here). */
export const UI_SCRIPT = '/content-ui.js';

/**
 * The extras bundle's path (`entrypoints/content-extras.ts`): the full matcher and the wrapping
 * fallback, which few pages need.
 */
export const EXTRAS_SCRIPT = '/content-extras.js';

/** Which in-page bundle to inject: the overlay UI (the default) or the painting extras. */
export type InPageBundle = 'overlay' | 'extras';

/** Runs an in-page bundle in a tab's top frame, in the extension's isolated world. */
export async function injectUi(
  browser: Browser,
  tabId: number,
  bundle: InPageBundle = 'overlay',
): Promise<void> {
  const file = bundle === 'extras' ? EXTRAS_SCRIPT : UI_SCRIPT;
  if (browser.scripting) {
    await browser.scripting.executeScript({ target: { tabId, frameIds: [0] }, files: [file] });
    return;
  }
  await browser.tabs.executeScript(tabId, { file, frameId: 0 });
}
