/** Injecting the in-page UI bundle: `scripting` where the browser has it (MV3), else `tabs`. */
import type { Browser } from '../browser';

/** The UI bundle's path in the build (WXT builds `entrypoints/content-ui.ts` here). */
export const UI_SCRIPT = '/content-ui.js';

/** Runs the UI bundle in a tab's top frame, in the extension's isolated world. */
export async function injectUi(browser: Browser, tabId: number): Promise<void> {
  if (browser.scripting) {
    await browser.scripting.executeScript({ target: { tabId, frameIds: [0] }, files: [UI_SCRIPT] });
    return;
  }
  await browser.tabs.executeScript(tabId, { file: UI_SCRIPT, frameId: 0 });
}
