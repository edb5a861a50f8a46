import { render } from 'preact';
import { AboutPage } from '@/components/about/AboutPage';
import { extensionApi as browser } from '@/utils/browser';
import { t, uiLanguage } from '@/utils/i18n';
import { createRequester } from '@/utils/messaging/client';
import { unansweredInLanguage } from '@/utils/messaging/unanswered';
import { openStore } from '@/utils/store/db';
import { allNotes, UNDO_WINDOW_MS } from '@/utils/store/notes';

document.documentElement.lang = uiLanguage();
document.title = t('help_about_link');

const request = createRequester(
  (message) => browser.runtime.sendMessage(message),
  undefined,
  unansweredInLanguage,
);

const actions = {
  async countNotes() {
    const db = await openStore();
    try {
      return (await allNotes(db)).length;
    } finally {
      db.close();
    }
  },
  deleteAll: () => request('notes.deleteAll', {}),
  restoreAll: (deletedAt: string) => request('notes.restoreAll', { deletedAt }),
};

const root = document.getElementById('app');
if (root)
  render(
    <AboutPage
      actions={actions}
      undoMs={UNDO_WINDOW_MS}
      notesManagerUrl={browser.runtime.getURL('/notes.html')}
      helpUrl={browser.runtime.getURL('/help.html')}
      methodUrl={browser.runtime.getURL('/method.html')}
    />,
    root,
  );
