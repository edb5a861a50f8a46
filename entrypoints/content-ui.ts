/**
 * The in-page UI bundle (Preact, the popovers, the editor, the reading guide, and what the reader
 * does with them), injected by the background into the content script's isolated world once the
 * article is painted.
 */
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { createInteractions } from '@/utils/annotator/interactions';
import { createOverlay } from '@/utils/annotator/overlay-host';
import { registerOverlayUi } from '@/utils/annotator/ui-loader';

export default defineUnlistedScript(() => {
  registerOverlayUi({
    createInteractions: (deps) => createInteractions({ ...deps, createOverlay }),
  });
});
