/**
 * The content script on globalresearch.ca pages: recognise the article, then start the
 * annotator. It holds no data beyond what the background sends for this page, and never opens
 * a database (a content script's IndexedDB belongs to the web page).
 */
import { defineContentScript } from 'wxt/utils/define-content-script';
import { extensionAlive } from '@/utils/annotator/extension-alive';
import { pageProofClock } from '@/utils/annotator/page-clock';
import { startPageSession } from '@/utils/annotator/page-session';
import { extensionApi as browser } from '@/utils/browser';
import { createRequester, unansweredFrom } from '@/utils/messaging/client';

export default defineContentScript({
  matches: ['*://globalresearch.ca/*', '*://*.globalresearch.ca/*'],
  runAt: 'document_idle',
  main(ctx) {
    const startedAt = performance.now();
    const stopped = new AbortController();
    // WXT stops a content script when a newer copy announces itself with a DOM event, which
    // the page can dispatch too. Only a gone runtime (the extension reloaded or removed) stops us.
    ctx.onInvalidated(() => {
      if (!extensionAlive(browser)) stopped.abort();
    });
    void startPageSession({
      doc: document,
      url: location.href,
      browser,
      request: createRequester(
        (message) => browser.runtime.sendMessage(message),
        undefined,
        unansweredFrom((key, substitutions) => browser.i18n.getMessage(key, substitutions)),
      ),
      signal: stopped.signal,
      startedAt,
      // Timers the page's "clear every timeout" cannot cancel.
      clock: pageProofClock(window),
    }).catch((error: unknown) => {
      // Never let a failure reach the page's console as an uncaught error.
      console.debug('Counterpoint: not started', error);
    });
  },
});
