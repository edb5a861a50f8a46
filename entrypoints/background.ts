/**
 * The background: the only owner of the database. It answers the content script's requests,
 * seeds the bundled context packs, keeps the toolbar badge, and turns the context menu and
 * keyboard commands into messages to the active tab.
 */
import { defineBackground } from 'wxt/utils/define-background';
import { refreshBadgeTitles } from '@/utils/background/badge';
import { createContextMenu, runCommand, runMenuItem } from '@/utils/background/commands';
import { injectUi } from '@/utils/background/inject-ui';
import { seedPacks } from '@/utils/background/seed-packs';
import { createBackgroundService } from '@/utils/background/service';
import { extensionApi as browser, type Tabs } from '@/utils/browser';
import { bundledPacks, loadBundledPacks } from '@/utils/packs';
import { watchSettings } from '@/utils/settings';
import { sharedUntilRejected } from '@/utils/shared-promise';
import { watchNotesChanged } from '@/utils/store/change-feed';
import { openStore } from '@/utils/store/db';
import { purgeDeletedNotes } from '@/utils/store/notes';

export default defineBackground(() => {
  /** Opens the database once; a failed open is retried on the next request. */
  const getDatabase = sharedUntilRejected(() =>
    openStore({
      onBlocked: () =>
        console.warn('Counterpoint: waiting for its other pages to close before upgrading storage'),
    }),
  );

  const service = createBackgroundService({
    getDatabase,
    browser,
    now: () => new Date(),
    injectUi: (tabId, bundle, words) => injectUi(browser, tabId, bundle, words),
    bundledPacks,
  });

  browser.runtime.onMessage.addListener((message, sender, sendResponse) => {
    void service.handle(message, sender).then(sendResponse);
    return true;
  });

  const start = async (): Promise<void> => {
    try {
      const db = await getDatabase();
      const report = await seedPacks(db, loadBundledPacks(), new Date().toISOString());
      if (report.installed.length > 0) service.packsChanged();
      await purgeDeletedNotes(db, Date.now());
    } catch (error) {
      console.error('Counterpoint: could not prepare its storage', error);
    }
  };
  void start();
  browser.runtime.onInstalled.addListener(() => void start());

  void createContextMenu(browser).catch((error: unknown) =>
    console.error('Counterpoint: context menu', error),
  );
  browser.contextMenus.onClicked.addListener((info, tab) => void runMenuItem(browser, info, tab));
  browser.commands.onCommand.addListener(
    (command: string, tab?: Tabs.Tab) => void runCommand(browser, command, tab),
  );

  // Any view that wrote notes announces it; the service's cache of those articles is then stale.
  watchNotesChanged(browser, (articleKeys) => service.notesChanged(articleKeys));

  // Pausing or resuming a site changes what the toolbar tooltip should say.
  watchSettings(browser, () => void refreshBadgeTitles(browser));

  browser.tabs.onRemoved.addListener((tabId) => void service.forgetTab(tabId));
  browser.tabs.onUpdated.addListener((tabId, change) => {
    if (change.url !== undefined) void service.noteNavigation(tabId, change.url);
  });
});
