/**
 * The content script on globalresearch.ca pages: recognise the article, then start the
 * annotator. It holds no data beyond what the background sends for this page, and never opens
 * a database (a content script's IndexedDB belongs to the web page).
 */
import { defineContentScript } from 'wxt/utils/define-content-script';
import { startPageSession } from '@/utils/annotator/page-session';
import { extensionApi as browser } from '@/utils/browser';
import { createRequester } from '@/utils/messaging/client';

export default defineContentScript({
  matches: ['*://globalresearch.ca/*', '*://*.globalresearch.ca/*'],
  runAt: 'document_idle',
  main(ctx) {
    const startedAt = performance.now();
    const stopped = new AbortController();
    ctx.onInvalidated(() => stopped.abort());
    void startPageSession({
      doc: document,
      url: location.href,
      browser,
      request: createRequester((message) => browser.runtime.sendMessage(message)),
      signal: stopped.signal,
      startedAt,
    }).catch((error: unknown) => {
      // Never let a failure reach the page's console as an uncaught error.
      console.debug('Counterpoint: not started', error);
    });
  },
});
