/**
 * "Show in page" for a note listed in the popup or the notes manager: bring the article's tab to
 * the front (or open the article), wait until its content script has painted the notes, then ask
 * it to scroll to the passage and open the note's popover.
 */

import type { Browser } from '../browser';
import { t } from '../i18n';
import type { TabMessage } from '../messaging/protocol';
import {
  articlePathFromUrl,
  GLOBAL_RESEARCH_ORIGIN,
  isGlobalResearchHost,
} from '../page/article-path';
import { readTabPage, type TabPage } from '../store/tab-pages';
import type { Note } from '../store/types';

/** Timing knobs; tests shorten them. */
export interface ShowInPageOptions {
  /** How long to wait for the page to report its notes, in milliseconds. */
  timeoutMs?: number;
  intervalMs?: number;
  wait?: (ms: number) => Promise<void>;
}

/** What happened: shown, shown but the passage was not found, or why nothing could be shown. */
export type ShowInPageOutcome =
  | { status: 'shown'; tabId: number }
  | { status: 'orphaned'; tabId: number }
  | { status: 'failed'; error: string };

const DEFAULT_TIMEOUT_MS = 15_000;
const DEFAULT_INTERVAL_MS = 150;

/**
 * Where a note's page is: an article Counterpoint shows (with the address "Show in page" opens),
 * a page of the site that is not an article, or a page on another site (imported notes).
 */
export type NotePage =
  | { kind: 'article'; address: string }
  | { kind: 'not-an-article' }
  | { kind: 'other-site'; host: string };

/**
 * Where a note's page is. The address to open is never the note's own text: it is rebuilt as
 * the site's canonical article address (https, www, no query or fragment) from the article path,
 * so an imported file cannot make "Show in page" open another site, a `javascript:` address, or
 * a page of the site that is not an article.
 */
export function notePage(url: string): NotePage {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { kind: 'other-site', host: '' };
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    return { kind: 'other-site', host: '' };
  }
  if (!isGlobalResearchHost(parsed.hostname)) return { kind: 'other-site', host: parsed.hostname };
  const path = articlePathFromUrl(url);
  return path === null
    ? { kind: 'not-an-article' }
    : { kind: 'article', address: `${GLOBAL_RESEARCH_ORIGIN}${path}` };
}

/** An open tab showing the note's page, if any (the active one of several wins). */
export async function findTabShowing(browser: Browser, url: string): Promise<number | undefined> {
  const page = notePage(url);
  if (page.kind !== 'article') return undefined;
  const wanted = page.address;
  // Every tab, compared by address: tabs of hosts the extension may not read come back without
  // an address and drop out, which is right, since notes can only be shown where it runs. (A
  // match-pattern query cannot express "this page with or without a query or trailing slash".)
  const tabs = await browser.tabs.query({});
  const showing = tabs.filter((tab) => {
    if (tab.id === undefined || tab.url === undefined) return false;
    const shown = notePage(tab.url);
    return shown.kind === 'article' && shown.address === wanted;
  });
  return (showing.find((tab) => tab.active) ?? showing[0])?.id;
}

/** Focuses the article's tab or opens the article, then opens the note's popover there. */
export async function showNoteInPage(
  browser: Browser,
  note: Pick<Note, 'id' | 'url' | 'articleKey'>,
  options: ShowInPageOptions = {},
): Promise<ShowInPageOutcome> {
  const notesPage = notePage(note.url);
  if (notesPage.kind !== 'article') {
    return { status: 'failed', error: cannotShowMessage(notesPage) };
  }
  let tabId = await findTabShowing(browser, note.url);
  if (tabId === undefined) {
    const created = await browser.tabs.create({ url: notesPage.address, active: true });
    tabId = created.id;
    if (tabId === undefined) return { status: 'failed', error: t('show_no_tab') };
  } else {
    const tab = await browser.tabs.update(tabId, { active: true });
    if (tab.windowId !== undefined) {
      await browser.windows.update(tab.windowId, { focused: true }).catch(() => {
        // Focusing the window is a courtesy; the tab is already in front within it.
      });
    }
  }

  const page = await waitForNotes(browser, tabId, options);
  if (page === null) {
    return {
      status: 'failed',
      error: t('show_timeout'),
    };
  }
  if (page.articleKey !== note.articleKey) {
    return { status: 'failed', error: t('show_other_article') };
  }
  const message: TabMessage = { type: 'show-note', noteId: note.id };
  try {
    await browser.tabs.sendMessage(tabId, message);
  } catch {
    return { status: 'failed', error: t('show_no_answer') };
  }
  return page.orphanedNoteIds.includes(note.id)
    ? { status: 'orphaned', tabId }
    : { status: 'shown', tabId };
}

/** Why a note's page cannot be shown, for the reader. */
export function cannotShowMessage(page: Exclude<NotePage, { kind: 'article' }>): string {
  if (page.kind === 'not-an-article') {
    return t('show_not_article');
  }
  return page.host === '' ? t('show_other_site') : t('show_other_site_named', [page.host]);
}

/** Polls the tab's record until its notes are painted (notesAnchored is reported), or null. */
async function waitForNotes(
  browser: Browser,
  tabId: number,
  options: ShowInPageOptions,
): Promise<TabPage | null> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const intervalMs = options.intervalMs ?? DEFAULT_INTERVAL_MS;
  const wait = options.wait ?? ((ms: number) => new Promise((done) => setTimeout(done, ms)));
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const page = await readTabPage(browser, tabId);
    if (page !== null && page.notesAnchored !== undefined) return page;
    if (Date.now() >= deadline) return null;
    await wait(intervalMs);
  }
}
