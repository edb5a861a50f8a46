/**
 * The in-page UI bundle (Preact, the popovers, the editor, the reading guide, and what the reader
 * does with them), injected by the background into the content script's isolated world once the
 * article is painted.
 */
import { options } from 'preact';
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { createOverlay } from '@/components/overlay/overlay-host';
import { startInteractions } from '@/utils/annotator/interactions';
import { createNotesMissingRelay, followNotes } from '@/utils/annotator/note-pages';
import { pageProofClock } from '@/utils/annotator/page-clock';
import { createPanelFrame } from '@/utils/annotator/panel-frame';
import { registerOverlayUi } from '@/utils/annotator/ui-loader';
import { extensionApi as browser } from '@/utils/browser';
import { browserMessageSource, setMessageSource } from '@/utils/i18n';
import { takeUiWords, uiWordsSource } from '@/utils/i18n/ui-words';
import { PANEL_PAGE } from '@/utils/messaging/panel-protocol';

/**
 * The extension's own origin. `URL.origin` is "null" for extension schemes, and in Chrome
 * `getURL` of a `use_dynamic_url` resource names a per-session host, while the page loaded from
 * it still runs in the origin of the extension's id.
 */
function extensionOrigin(api: typeof browser): string {
  const url = new URL(api.runtime.getURL('/'));
  return url.protocol === 'chrome-extension:'
    ? `chrome-extension://${api.runtime.id}`
    : `${url.protocol}//${url.host}`;
}

export default defineUnlistedScript(() => {
  // Preact runs effects after the next frame, on the window's timers by default: a page that
  // cancels every timer id would stop every effect for good. These timers it cannot cancel.
  const clock = pageProofClock(window);
  options.requestAnimationFrame = (flush) => {
    clock.frame(() => clock.after(0, flush));
  };
  // The words the background put in this world before the bundle: no catalogue read on the page.
  const words = takeUiWords(globalThis as unknown as Record<string, unknown>);
  if (words) setMessageSource(uiWordsSource(words, browserMessageSource()));
  // The notes pager tells the overlay's notice when some notes could not be loaded.
  const notesMissing = createNotesMissingRelay();
  registerOverlayUi({
    startInteractions: (start) =>
      startInteractions(start, {
        createOverlay,
        notesMissing,
        createPanel: (panel) =>
          createPanelFrame({
            ...panel,
            frameUrl: browser.runtime.getURL(PANEL_PAGE),
            frameOrigin: extensionOrigin(browser),
          }),
      }),
    followNotes: (deps) => followNotes({ ...deps, onMissing: notesMissing.set }),
  });
});
