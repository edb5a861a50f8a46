/** The toolbar badge, through whichever action API the browser has (MV3 `action`, MV2 `browserAction`). */
import type { Browser } from '../browser';

/** Sets a tab's badge text; an empty text removes the badge. */
export async function setBadge(browser: Browser, tabId: number, text: string): Promise<void> {
  const action = browser.action ?? browser.browserAction;
  if (!action) return;
  try {
    await action.setBadgeText({ tabId, text });
    if (text) await action.setBadgeBackgroundColor({ tabId, color: '#4b3b8f' });
  } catch {
    // The tab closed meanwhile: nothing to label.
  }
}
