/**
 * What the background knows about each open article tab: its article, and how anchoring went.
 * Kept in session storage (extension contexts only) so a stopped service worker picks up where
 * it left off, and so the popup can read it directly.
 */
import type { Browser } from '../browser';

/** One tab showing a recognised article. */
export interface TabPage {
  tabId: number;
  articleKey: string;
  articleTitle: string;
  /** The page address without query or fragment. */
  url: string;
  hasPack: boolean;
  /** When the matched pack's claims were last reviewed (ISO date); absent without a pack. */
  lastReviewed?: string;
  claimsTotal: number;
  /** Undefined until the page has reported how anchoring went. */
  claimsAnchored?: number;
  orphanedClaimIds: string[];
  notesAnchored?: number;
  /** Notes painted now (none while the notes layer is off). */
  notesShown?: number;
  orphanedNoteIds: string[];
  /** How long the first paint took on this page, in milliseconds. */
  paintMs?: number;
}

const key = (tabId: number): string => `tab:${tabId}`;

/** Where tab records live: session storage where the browser has it, else local storage. */
function area(browser: Browser) {
  return browser.storage.session ?? browser.storage.local;
}

/** Reads the record of a tab, or null when the tab shows no recognised article. */
export async function readTabPage(browser: Browser, tabId: number): Promise<TabPage | null> {
  const stored = await area(browser).get(key(tabId));
  return (stored[key(tabId)] as TabPage | undefined) ?? null;
}

/** Writes the record of a tab. */
export async function writeTabPage(browser: Browser, page: TabPage): Promise<void> {
  await area(browser).set({ [key(page.tabId)]: page });
}

/** Forgets a tab (closed, or navigated away from an article). */
export async function forgetTabPage(browser: Browser, tabId: number): Promise<void> {
  await area(browser).remove(key(tabId));
}

/** Every tab's record, for the popup's import to file notes where open articles read them. */
export async function readAllTabPages(browser: Browser): Promise<TabPage[]> {
  const stored = await area(browser).get(null);
  return Object.entries(stored)
    .filter(([name]) => name.startsWith('tab:'))
    .map(([, page]) => page as TabPage);
}
