import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Browser, Menus, Tabs } from '../browser';
import { inLanguage } from '../i18n/test-languages';
import { readSettings, updateSettings } from '../settings';
import {
  ADD_NOTE_MENU_ID,
  createContextMenu,
  OPEN_OVERVIEW_MENU_ID,
  runCommand,
  runMenuItem,
} from './commands';

const browser = fakeBrowser as unknown as Browser;

beforeEach(() => {
  fakeBrowser.reset();
});

describe('keyboard commands and the context menu', () => {
  it('The toggle command hides both layers when any shows, and shows both when none does', async () => {
    await runCommand(browser, 'toggle-highlights');
    expect(await readSettings(browser.storage.local)).toMatchObject({
      claimHighlights: false,
      noteHighlights: false,
    });
    await runCommand(browser, 'toggle-highlights');
    expect(await readSettings(browser.storage.local)).toMatchObject({
      claimHighlights: true,
      noteHighlights: true,
    });
    await updateSettings(browser.storage.local, () => ({ claimHighlights: false }));
    await runCommand(browser, 'toggle-highlights');
    expect(await readSettings(browser.storage.local)).toMatchObject({
      claimHighlights: false,
      noteHighlights: false,
    });
  });

  it('The toggle command tells the tab what it did, with the keys the browser bound', async () => {
    const sent: { tabId: number; message: unknown }[] = [];
    const spyBrowser = {
      ...browser,
      commands: {
        getAll: async () => [{ name: 'toggle-highlights', shortcut: 'Ctrl+Shift+Y' }],
      },
      tabs: {
        ...browser.tabs,
        sendMessage: async (tabId: number, message: unknown) => {
          sent.push({ tabId, message });
        },
      },
    } as unknown as Browser;
    await runCommand(spyBrowser, 'toggle-highlights', { id: 4 } as Tabs.Tab);
    await runCommand(spyBrowser, 'toggle-highlights', { id: 4 } as Tabs.Tab);
    expect(sent).toEqual([
      { tabId: 4, message: { type: 'highlights-toggled', shown: false, shortcut: 'Ctrl+Shift+Y' } },
      { tabId: 4, message: { type: 'highlights-toggled', shown: true, shortcut: 'Ctrl+Shift+Y' } },
    ]);
  });

  it('Alt+Shift+M and the menu item ask the tab to open the note editor for its selection', async () => {
    const tab = { id: 3 } as Tabs.Tab;
    const sent: { tabId: number; message: unknown }[] = [];
    const spyBrowser = {
      ...browser,
      tabs: {
        ...browser.tabs,
        sendMessage: async (tabId: number, message: unknown) => {
          sent.push({ tabId, message });
        },
      },
    } as unknown as Browser;
    await runCommand(spyBrowser, 'add-note', tab);
    await runMenuItem(spyBrowser, { menuItemId: ADD_NOTE_MENU_ID } as Menus.OnClickData, tab);
    await runMenuItem(spyBrowser, { menuItemId: 'something-else' } as Menus.OnClickData, tab);
    expect(sent).toEqual([
      { tabId: 3, message: { type: 'add-note-from-selection' } },
      { tabId: 3, message: { type: 'add-note-from-selection' } },
    ]);
  });

  it('does nothing, and throws nothing, for a tab without Counterpoint', async () => {
    const failing = {
      ...browser,
      tabs: { ...browser.tabs, sendMessage: async () => Promise.reject(new Error('no receiver')) },
    } as unknown as Browser;
    await expect(runCommand(failing, 'add-note', { id: 9 } as Tabs.Tab)).resolves.toBeUndefined();
  });

  it('the toolbar button’s “Open overview” opens the side panel beside the tab, at once', async () => {
    const opened: unknown[] = [];
    const withPanel = {
      ...browser,
      sidePanel: {
        open: async (options: unknown) => {
          opened.push(options);
        },
      },
    } as unknown as Browser;
    const clicked = runMenuItem(
      withPanel,
      { menuItemId: OPEN_OVERVIEW_MENU_ID } as Menus.OnClickData,
      { id: 5 } as Tabs.Tab,
    );
    // Before anything is awaited: the browser refuses once the click's handling is over.
    expect(opened).toEqual([{ tabId: 5 }]);
    await clicked;
    const created: unknown[] = [];
    await createContextMenu({
      ...withPanel,
      runtime: { ...browser.runtime, getManifest: () => ({ manifest_version: 3 }) },
      contextMenus: {
        removeAll: async () => undefined,
        create: (item: unknown) => created.push(item),
      },
    } as unknown as Browser);
    expect(created).toContainEqual({
      id: OPEN_OVERVIEW_MENU_ID,
      title: 'Open overview',
      contexts: ['action'],
    });
  });

  it('names the menu items in the interface language', async () => {
    const titles = async (): Promise<unknown[]> => {
      const created: { title?: unknown }[] = [];
      await createContextMenu({
        ...browser,
        sidePanel: { open: async () => undefined },
        runtime: { ...browser.runtime, getManifest: () => ({ manifest_version: 3 }) },
        contextMenus: {
          removeAll: async () => undefined,
          create: (item: { title?: unknown }) => created.push(item),
        },
      } as unknown as Browser);
      return created.map((item) => item.title);
    };
    expect(await inLanguage('fr', titles)).toEqual([
      'Ajouter une note à la sélection',
      'Ouvrir la vue d’ensemble',
    ]);
    expect(await inLanguage('es', titles)).toEqual([
      'Añadir nota a la selección',
      'Abrir el resumen',
    ]);
  });
});
