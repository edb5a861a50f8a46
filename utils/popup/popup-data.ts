/**
 * What the popup and the notes manager read and do, in the extension origin: the current tab's
 * article (from the background's tab records), its claims and the notes (read from the database
 * directly, since these are extension pages), the reader's settings, and note changes (sent
 * through the background's messages so every open tab hears of them). Components receive this
 * as an interface, so their tests pass a fake.
 */

import type { Browser } from '../browser';
import { createRequester, type Requester } from '../messaging/client';
import type { TabMessage } from '../messaging/protocol';
import { MAX_CHANGED_IDS } from '../messaging/schemas';
import { unansweredInLanguage } from '../messaging/unanswered';
import { readSettings, type Settings, updateSettings, watchSettings } from '../settings';
import { sharedUntilRejected } from '../shared-promise';
import { type NotesChange, watchNotesChanged } from '../store/change-feed';
import { type CounterpointDatabase, openStore, type StoredClaim } from '../store/db';
import { allNotes, getNote, newestNotes, notesForArticle } from '../store/notes';
import { claimsForArticle, getMeta, PACK_PROBLEMS_KEY } from '../store/packs';
import { readAllTabPages, readTabPage, type TabPage } from '../store/tab-pages';
import type { Note } from '../store/types';
import { type ExportFile, type ImportOutcome, importNotesText } from './notes-transfer';
import { saveFileWithLink } from './save-file';
import { type ShowInPageOutcome, showNoteInPage } from './show-in-page';

/** The popup's view of the current tab. */
export type TabView =
  | { kind: 'article'; page: TabPage; claims: StoredClaim[]; notes: Note[] }
  | { kind: 'no-context' };

/** What the notes list needs: shared by the popup and the notes manager. */
export interface NotesData {
  /** Every live note, newest first. */
  loadNotes(): Promise<Note[]>;
  /** The newest live notes, at most `limit`: a quick first screen while every note is read. */
  loadNewestNotes?(limit: number): Promise<Note[]>;
  /**
   * Calls back when notes change anywhere but in this view, with the change record (which
   * notes, how); returns the unsubscribe function.
   */
  watchNotes(onChange: (articleKeys: string[], change?: NotesChange) => void): () => void;
  /** The stored versions of these notes (a deleted or missing one is left out or marked). */
  loadNotesById?(ids: readonly string[]): Promise<Note[]>;
  updateNote(id: string, changes: { body: string; tags: string[] }): Promise<Note>;
  deleteNote(id: string): Promise<Note>;
  restoreNote(id: string): Promise<Note>;
  showNoteInPage(note: Note): Promise<ShowInPageOutcome>;
  /** Imports a notes file's text and tells every open view. */
  importNotes(text: string): Promise<ImportOutcome>;
  saveFile(file: ExportFile): void;
  openNotesManager(): Promise<void>;
  /** The clock, for export dates. */
  now(): Date;
}

/** Everything the popup reads and does (tests give a fake). */
export interface PopupData extends NotesData {
  /** The tab the popup is about: `?tabId=` in the address, else the active tab. */
  currentTabId(): Promise<number | undefined>;
  tabView(tabId: number | undefined): Promise<TabView>;
  packProblems(): Promise<string[]>;
  /** The tab's host without "www.", for pausing; undefined for pages that are not web pages. */
  tabHost(tabId: number | undefined): Promise<string | undefined>;
  readSettings(): Promise<Settings>;
  updateSettings(change: (current: Settings) => Partial<Settings>): Promise<Settings>;
  watchSettings(onChange: (settings: Settings) => void): () => void;
  /** Scrolls the tab to a claim and opens its popover. */
  showClaim(tabId: number, claimId: string): Promise<void>;
  /** Closes the popup (in a tab, as the tests open it, this may do nothing). */
  closeWindow(): void;
}

/** What the real data source is built from; everything but `browser` has a default. */
export interface PopupDataDependencies {
  browser: Browser;
  location?: Location;
  document?: Document;
  openDatabase?: () => Promise<CounterpointDatabase>;
  request?: Requester;
  now?: () => Date;
  newId?: () => string;
  closeWindow?: () => void;
}

/** The host of a web address without "www.", lower case; undefined for anything else. */
export function hostForPausing(url: string | undefined): string | undefined {
  if (url === undefined) return undefined;
  try {
    const parsed = new URL(url);
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return undefined;
    return parsed.hostname.toLowerCase().replace(/^www\./, '');
  } catch {
    return undefined;
  }
}

/** The real data source over the extension API and the database. */
export function createPopupData(dependencies: PopupDataDependencies): PopupData {
  const { browser } = dependencies;
  const location = dependencies.location ?? window.location;
  const doc = dependencies.document ?? document;
  const openDatabase = dependencies.openDatabase ?? (() => openStore());
  const request =
    dependencies.request ??
    createRequester(
      (message) => browser.runtime.sendMessage(message),
      undefined,
      unansweredInLanguage,
    );
  const now = dependencies.now ?? (() => new Date());
  const newId = dependencies.newId ?? (() => crypto.randomUUID());
  /** This view's writer id in the change feed: it skips the echo of its own writes. */
  const writer = `page-${newId()}`.slice(0, 64);
  // A failed open is reported now and tried again next time, not cached for ever.
  const db = sharedUntilRejected(openDatabase);

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
    async tabHost(tabId) {
      if (tabId === undefined) return undefined;
      const page = await readTabPage(browser, tabId);
      if (page) return hostForPausing(page.url);
      // Only hosts the extension may read report their address; others cannot be paused anyway.
      const tab = await browser.tabs.get(tabId).catch(() => undefined);
      return hostForPausing(tab?.url);
    },
    readSettings: () => readSettings(browser.storage.local),
    updateSettings: (change) => updateSettings(browser.storage.local, change),
    watchSettings: (onChange) => watchSettings(browser, onChange),
    async showClaim(tabId, claimId) {
      const message: TabMessage = { type: 'show-claim', claimId };
      await browser.tabs.sendMessage(tabId, message);
    },
    closeWindow: dependencies.closeWindow ?? (() => window.close()),

    loadNotes: async () => allNotes(await db()),
    loadNewestNotes: async (limit) => newestNotes(await db(), limit),
    async loadNotesById(ids) {
      const store = await db();
      const found = await Promise.all(ids.map((id) => getNote(store, id)));
      return found.filter((note): note is Note => note !== undefined);
    },
    watchNotes: (onChange) => watchNotesChanged(browser, onChange, { writer }),
    updateNote: (id, changes) => request('note.update', { id, ...changes, writer }),
    deleteNote: (id) => request('note.delete', { id, writer }),
    restoreNote: (id) => request('note.restore', { id, writer }),
    showNoteInPage: (note) => showNoteInPage(browser, note),
    async importNotes(text) {
      const openPages = await readAllTabPages(browser).catch(() => []);
      const outcome = await importNotesText(text, { db: await db(), now: now(), newId, openPages });
      if (outcome.ok && outcome.articleKeys.length > 0) {
        // The notes are stored whether or not this reaches the background (open tabs would then
        // pick them up on their next load), so the reader is not kept waiting for it.
        const ids = outcome.added.map((note) => note.id);
        void request('notes.changed', {
          articleKeys: outcome.articleKeys,
          // Few enough to name: other views read only these; else every note of the articles.
          ...(ids.length <= MAX_CHANGED_IDS ? { noteIds: ids } : {}),
          kind: 'imported',
          writer,
        }).catch(() => null);
      }
      return outcome;
    },
    saveFile: (file) => saveFileWithLink(doc, file),
    async openNotesManager() {
      await browser.tabs.create({ url: browser.runtime.getURL('/notes.html') });
    },
    now,
  };
}
