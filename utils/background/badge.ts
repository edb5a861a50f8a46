/**
 * The toolbar badge, through whichever action API the browser has (MV3 `action`, MV2
 * `browserAction`), and the tooltip that explains it: how many of the article's claims were
 * found on the page, or that Counterpoint is paused on the site (then the badge shows no count,
 * since nothing is shown on the page; the tooltip keeps the count).
 */
import type { Browser } from '../browser';
import { plural, t } from '../i18n';
import { isPaused, readSettings } from '../settings';
import { readTabPage } from '../store/tab-pages';

/** The toolbar button's tooltip when the tab has nothing of Counterpoint's to count. */
export const DEFAULT_TITLE = 'Counterpoint';

/**
 * The tooltip that explains a badge text: the number is how many of the claims were found. In
 * the interface language, since the tooltip is read like any of the extension's words.
 */
export function badgeTitle(text: string, paused = false): string {
  const count = /^\d+$/.test(text) ? Number(text) : null;
  if (paused) {
    return count ? plural('badge_paused_found', count) : t('badge_paused');
  }
  if (count === null) return DEFAULT_TITLE;
  if (count === 0) return t('badge_none_found');
  return plural('badge_checked', count);
}

/** Whether the reader paused Counterpoint on the site a tab shows (false when unknown). */
async function pausedIn(browser: Browser, tabId: number): Promise<boolean> {
  try {
    const tab = await browser.tabs.get(tabId);
    if (!tab.url) return false;
    return isPaused(await readSettings(browser.storage.local), new URL(tab.url).hostname);
  } catch {
    return false;
  }
}

/**
 * Sets a tab's badge and the tooltip that explains it: `text` is the count found on the page (an
 * empty text removes the badge). On a paused site the badge stays empty and only the tooltip
 * says what was found.
 */
export async function setBadge(browser: Browser, tabId: number, text: string): Promise<void> {
  const action = browser.action ?? browser.browserAction;
  if (!action) return;
  try {
    const paused = await pausedIn(browser, tabId);
    const shown = paused ? '' : text;
    await action.setBadgeText({ tabId, text: shown });
    await action.setTitle({ tabId, title: badgeTitle(text, paused) });
    if (shown) await action.setBadgeBackgroundColor({ tabId, color: '#4b3b8f' });
  } catch {
    // The tab closed meanwhile: nothing to label.
  }
}

/** The count a tab's badge stands for, from the tab's record ('' when it has no pack). */
async function countOf(browser: Browser, tabId: number): Promise<string> {
  const page = await readTabPage(browser, tabId);
  if (!page?.hasPack) return '';
  return String(page.claimsAnchored ?? page.claimsTotal);
}

/** Writes every article tab's badge and tooltip again, after the reader paused or resumed a site. */
export async function refreshBadgeTitles(browser: Browser): Promise<void> {
  const action = browser.action ?? browser.browserAction;
  if (!action) return;
  const tabs = await browser.tabs.query({});
  await Promise.all(
    tabs.map(async ({ id: tabId }) => {
      if (tabId === undefined) return;
      try {
        const text = await countOf(browser, tabId);
        if (text) await setBadge(browser, tabId, text);
      } catch {
        // The tab closed meanwhile.
      }
    }),
  );
}
