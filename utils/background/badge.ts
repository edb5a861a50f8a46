/** The toolbar badge, through whichever action API the browser has (MV3 `action`, MV2 `browserAction`). */
import type { Browser } from '../browser';

/** The toolbar button's tooltip when the tab has nothing of Counterpoint's to count. */
export const DEFAULT_TITLE = 'Counterpoint';

/** The tooltip that explains a badge: the number is how many of the article's claims were found. */
export function badgeTitle(text: string): string {
  if (!/^\d+$/.test(text)) return DEFAULT_TITLE;
  const count = Number(text);
  if (count === 0) return 'Counterpoint: none of this article’s claims were found on this page';
  return `Counterpoint: ${count} ${count === 1 ? 'claim' : 'claims'} checked on this page`;
}

/** Sets a tab's badge text and the tooltip that explains it; an empty text removes the badge. */
export async function setBadge(browser: Browser, tabId: number, text: string): Promise<void> {
  const action = browser.action ?? browser.browserAction;
  if (!action) return;
  try {
    await action.setBadgeText({ tabId, text });
    await action.setTitle({ tabId, title: badgeTitle(text) });
    if (text) await action.setBadgeBackgroundColor({ tabId, color: '#4b3b8f' });
  } catch {
    // The tab closed meanwhile: nothing to label.
  }
}
