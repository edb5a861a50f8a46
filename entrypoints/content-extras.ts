/**
 * The extras bundle: the full (fuzzy) matcher for quotes the page no longer holds word for word,
 * and the wrapping fallback for browsers without the Custom Highlight API. The background
 * injects it into the content script's isolated world only on a page that needs either.
 */
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { CONTENT_EXTRAS } from '@/utils/annotator/content-extras';
import { registerContentExtras } from '@/utils/annotator/ui-loader';

export default defineUnlistedScript(() => {
  registerContentExtras(CONTENT_EXTRAS);
});
