/**
 * What the popup shows, read in the extension origin: the current tab's article (from the
 * background's tab records) and its claims and notes (from the database, opened here directly
 * since the popup is an extension page). Writes go through the background's messages.
 */

import { PACK_PROBLEMS_KEY } from '../background/seed-packs';
import { readTabPage, type TabPage } from '../background/tab-pages';
import type { Browser } from '../browser';
import { type CounterpointDatabase, openStore, type StoredClaim } from '../store/db';
import { notesForArticle } from '../store/notes';
import { claimsForArticle, getMeta } from '../store/packs';
import type { Note } from '../store/types';

/** The popup's view of the current tab. */
export type TabView =
  | { kind: 'article'; page: TabPage; claims: StoredClaim[]; notes: Note[] }
  | { kind: 'no-context' };

/** Everything the popup reads, passed to its components (tests give a fake). */
export interface PopupData {
  /** The tab the popup is about: `?tabId=` in the address, else the active tab. */
  currentTabId(): Promise<number | undefined>;
  tabView(tabId: number | undefined): Promise<TabView>;
  packProblems(): Promise<string[]>;
}

/** The real data source over the extension API and the database. */
export function createPopupData(browser: Browser, location: Location = window.location): PopupData {
  let database: Promise<CounterpointDatabase> | null = null;
  const db = (): Promise<CounterpointDatabase> => {
    database ??= openStore();
    return database;
  };
  return {
    async currentTabId() {
      const fromAddress = new URLSearchParams(location.search).get('tabId');
      if (fromAddress !== null && /^-?\d+$/.test(fromAddress)) return Number(fromAddress);
      const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
      return tab?.id;
    },
    async tabView(tabId) {
      if (tabId === undefined) return { kind: 'no-context' };
      const page = await readTabPage(browser, tabId);
      if (!page) return { kind: 'no-context' };
      const store = await db();
      const [claims, notes] = await Promise.all([
        page.hasPack ? claimsForArticle(store, page.articleKey) : Promise.resolve([]),
        notesForArticle(store, page.articleKey),
      ]);
      return { kind: 'article', page, claims, notes };
    },
    async packProblems() {
      const problems = await getMeta(await db(), PACK_PROBLEMS_KEY);
      return Array.isArray(problems)
        ? problems.filter((p): p is string => typeof p === 'string')
        : [];
    },
  };
}
