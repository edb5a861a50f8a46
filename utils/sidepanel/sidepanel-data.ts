/**
 * What the side panel reads and does, in the extension origin (an extension page, so it reads
 * the database directly, as the popup does): which tab it is about, that tab's article, claims,
 * notes, the reader's settings and what the page has open, and the changes to any of them. It
 * sends the tab only ids ("show this claim", "show this note"), never note text.
 *
 * Which tab: `sidepanel.html?tabId=<id>` pins the panel to that tab (the browser tests open the
 * panel as a page in a tab of its own, where "the active tab" would be the panel itself);
 * without it the panel follows the active tab of its own window, as readers use it.
 */
import type { Browser, Storage } from '../browser';
import type { TabMessage } from '../messaging/protocol';
import { isShownItem, readShownItem, type ShownItem, shownItemKey } from '../messaging/shown-item';
import { readSettings, type Settings, updateSettings, watchSettings } from '../settings';
import { sharedUntilRejected } from '../shared-promise';
import { watchNotesChanged } from '../store/change-feed';
import { type CounterpointDatabase, openStore, type StoredClaim } from '../store/db';
import { notesForArticle } from '../store/notes';
import { claimsForArticle } from '../store/packs';
import { readTabPage, type TabPage } from '../store/tab-pages';
import type { Note } from '../store/types';

/** Which part of a tab's data changed. */
export type TabChange = 'page' | 'shown' | 'notes' | 'settings' | 'navigated';

/** Everything the panel reads and does (tests give a fake). */
export interface SidePanelData {
  /** The tab pinned by the address, if any: then the panel never follows another tab. */
  pinnedTabId(): number | undefined;
  /** The active tab of the panel's window. */
  activeTabId(): Promise<number | undefined>;
  /** Calls back with the new active tab of the panel's window; returns the unsubscribe function. */
  watchActiveTab(onTab: (tabId: number) => void): () => void;
  /** The tab's address, where the browser gives it (the site's pages). */
  tabUrl(tabId: number): Promise<string | undefined>;
  tabPage(tabId: number): Promise<TabPage | null>;
  shownItem(tabId: number): Promise<ShownItem | null>;
  claims(articleKey: string): Promise<StoredClaim[]>;
  notes(articleKey: string): Promise<Note[]>;
  readSettings(): Promise<Settings>;
  /** Calls back when something about the tab changes; returns the unsubscribe function. */
  watchTab(
    tabId: number,
    articleKey: () => string | null,
    onChange: (what: TabChange) => void,
  ): () => void;
  /** Removes a host from the paused sites. */
  resume(host: string): Promise<void>;
  /** Asks the tab to scroll to a claim or note and open its popover. */
  show(tabId: number, item: ShownItem): Promise<void>;
  /** Puts text on the clipboard. */
  copyText(text: string): Promise<void>;
  /** The "How Counterpoint checks" page. */
  methodUrl: string;
}

/** What the real data source is built from; everything but `browser` has a default. */
export interface SidePanelDataDependencies {
  browser: Browser;
  location?: Pick<Location, 'search'>;
  openDatabase?: () => Promise<CounterpointDatabase>;
  clipboard?: Pick<Clipboard, 'writeText'>;
}

/** Reads `?tabId=` from the panel's address. */
export function tabIdFromSearch(search: string): number | undefined {
  const value = new URLSearchParams(search).get('tabId');
  return value !== null && /^\d+$/.test(value) ? Number(value) : undefined;
}

/** The real data source over the extension API and the database. */
export function createSidePanelData(dependencies: SidePanelDataDependencies): SidePanelData {
  const { browser } = dependencies;
  const search = (dependencies.location ?? window.location).search;
  const openDatabase = dependencies.openDatabase ?? (() => openStore());
  const db = sharedUntilRejected(openDatabase);
  let windowId: Promise<number | undefined> | null = null;
  const ownWindow = (): Promise<number | undefined> => {
    windowId ??= browser.windows
      .getCurrent()
      .then((win) => win.id)
      .catch(() => undefined);
    return windowId;
  };

  return {
    pinnedTabId: () => tabIdFromSearch(search),
    async activeTabId() {
      const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
      return tab?.id;
    },
    watchActiveTab(onTab) {
      const listener = (info: { tabId: number; windowId: number }): void => {
        void ownWindow().then((own) => {
          if (own === undefined || own === info.windowId) onTab(info.tabId);
        });
      };
      browser.tabs.onActivated.addListener(listener);
      return () => browser.tabs.onActivated.removeListener(listener);
    },
    async tabUrl(tabId) {
      const tab = await browser.tabs.get(tabId).catch(() => undefined);
      return tab?.url;
    },
    tabPage: (tabId) => readTabPage(browser, tabId),
    shownItem: (tabId) => readShownItem(browser, tabId),
    claims: async (articleKey) => claimsForArticle(await db(), articleKey),
    notes: async (articleKey) => notesForArticle(await db(), articleKey),
    readSettings: () => readSettings(browser.storage.local),
    watchTab(tabId, articleKey, onChange) {
      const pageKey = `tab:${tabId}`;
      const shownKey = shownItemKey(tabId);
      const onStorage = (changes: Record<string, Storage.StorageChange>): void => {
        if (pageKey in changes) onChange('page');
        if (shownKey in changes) {
          const next = changes[shownKey]?.newValue;
          if (next === undefined || isShownItem(next)) onChange('shown');
        }
      };
      browser.storage.onChanged.addListener(onStorage);
      const stopNotes = watchNotesChanged(browser, (keys) => {
        const key = articleKey();
        if (key !== null && keys.includes(key)) onChange('notes');
      });
      const stopSettings = watchSettings(browser, () => onChange('settings'));
      const onUpdated = (updatedId: number, change: { url?: string; status?: string }): void => {
        if (updatedId === tabId && (change.url !== undefined || change.status === 'complete')) {
          onChange('navigated');
        }
      };
      browser.tabs.onUpdated.addListener(onUpdated);
      return () => {
        browser.storage.onChanged.removeListener(onStorage);
        stopNotes();
        stopSettings();
        browser.tabs.onUpdated.removeListener(onUpdated);
      };
    },
    async resume(host) {
      await updateSettings(browser.storage.local, (current) => ({
        pausedHosts: current.pausedHosts.filter((paused) => paused !== host),
      }));
    },
    async show(tabId, item) {
      const message: TabMessage =
        item.kind === 'claim'
          ? { type: 'show-claim', claimId: item.id }
          : { type: 'show-note', noteId: item.id };
      await browser.tabs.sendMessage(tabId, message);
    },
    copyText: (text) => (dependencies.clipboard ?? navigator.clipboard).writeText(text),
    methodUrl: browser.runtime.getURL('/method.html'),
  };
}
