/**
 * The in-page UI bundle (Preact, the popovers, the editor, the reading guide), injected by the
 * background into the content script's isolated world when the page first needs it.
 */
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { createOverlay } from '@/utils/annotator/overlay-host';
import { registerOverlayUi } from '@/utils/annotator/ui-loader';

export default defineUnlistedScript(() => {
  registerOverlayUi({ createOverlay });
});
