/**
 * The toolbar's keyboard commands and the page's context menu, as plain functions of the
 * browser API so they can be tested with a fake browser.
 */

import type { Browser, Menus, Tabs } from '../browser';
import { t } from '../i18n';
import type { TabMessage } from '../messaging/protocol';
import { overviewOpener } from '../open-overview';
import { toggleBothLayers, updateSettings } from '../settings';

/** The context menu item's id. */
export const ADD_NOTE_MENU_ID = 'counterpoint-add-note';

/** The toolbar button's menu item that opens the overview (side panel or sidebar). */
export const OPEN_OVERVIEW_MENU_ID = 'counterpoint-open-overview';

/** Pages the context menu appears on. */
export const ARTICLE_PAGES = ['*://globalresearch.ca/*', '*://*.globalresearch.ca/*'];

/** Creates the context menu afresh (it is kept across restarts in some browsers, not others). */
export async function createContextMenu(browser: Browser): Promise<void> {
  await browser.contextMenus.removeAll();
  browser.contextMenus.create({
    id: ADD_NOTE_MENU_ID,
    title: t('menu_add_note'),
    contexts: ['selection'],
    documentUrlPatterns: ARTICLE_PAGES,
  });
  if (overviewOpener(browser).available) {
    browser.contextMenus.create({
      id: OPEN_OVERVIEW_MENU_ID,
      title: t('menu_open_overview'),
      // The toolbar button's own menu: `action` in Manifest V3, `browser_action` in V2.
      contexts: [
        browser.runtime.getManifest().manifest_version === 3 ? 'action' : 'browser_action',
      ],
    });
  }
}

async function tellTab(
  browser: Browser,
  tabId: number | undefined,
  message: TabMessage,
): Promise<void> {
  if (tabId === undefined) return;
  try {
    await browser.tabs.sendMessage(tabId, message);
  } catch {
    // No Counterpoint on that page: nothing to do.
  }
}

async function activeTab(browser: Browser): Promise<Tabs.Tab | undefined> {
  return (await browser.tabs.query({ active: true, currentWindow: true }))[0];
}

/** The keys the browser bound to a command now ('' when none, or when it does not say). */
async function boundShortcut(browser: Browser, name: string): Promise<string> {
  try {
    const commands = await browser.commands.getAll();
    return commands.find((command) => command.name === name)?.shortcut ?? '';
  } catch {
    return '';
  }
}

/** A keyboard command from the browser: toggle both highlight layers, or add a note. */
export async function runCommand(browser: Browser, command: string, tab?: Tabs.Tab): Promise<void> {
  if (command === 'toggle-highlights') {
    const next = await updateSettings(browser.storage.local, toggleBothLayers);
    // The page says what happened, or the reader is left with a page that just went bare.
    const target = tab ?? (await activeTab(browser));
    await tellTab(browser, target?.id, {
      type: 'highlights-toggled',
      shown: next.claimHighlights || next.noteHighlights,
      shortcut: await boundShortcut(browser, command),
    });
  } else if (command === 'add-note') {
    const target = tab ?? (await activeTab(browser));
    await tellTab(browser, target?.id, { type: 'add-note-from-selection' });
  }
}

/** A click on the context menu item. */
export async function runMenuItem(
  browser: Browser,
  info: Menus.OnClickData,
  tab?: Tabs.Tab,
): Promise<void> {
  if (info.menuItemId === OPEN_OVERVIEW_MENU_ID && tab?.id !== undefined) {
    // Called at once, while the browser still counts the click as the reader's.
    await overviewOpener(browser)
      .open(tab.id)
      .catch((error: unknown) => console.warn('Counterpoint: the overview did not open', error));
    return;
  }
  if (info.menuItemId === ADD_NOTE_MENU_ID) {
    await tellTab(browser, tab?.id, { type: 'add-note-from-selection' });
  }
}
