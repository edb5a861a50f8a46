/**
 * The notice that some of the article's notes could not be loaded onto the page (a page of them
 * failed every time): it says so, with Retry and Dismiss, and carries no count and no note data,
 * since it lives in the page's overlay. An alert, so screen readers say it when it appears; it
 * never takes the focus.
 */
import type { NotesMissingState } from '../../utils/annotator/overlay-state';
import { t } from '../../utils/i18n';

/** Every reader-facing sentence of the notice, read in the interface language when used. */
export const strings = {
  get missing() {
    return t('page_notes_missing');
  },
  get retrying() {
    return t('page_notes_retrying');
  },
  get retry() {
    return t('page_notes_retry');
  },
  get dismiss() {
    return t('toast_dismiss');
  },
};

/** The notice. */
export function NotesMissingNotice({ retrying, onRetry, onDismiss }: NotesMissingState) {
  return (
    <div class="cp-notice" role="alert">
      <p>{retrying ? strings.retrying : strings.missing}</p>
      <div class="cp-notice-actions">
        {/* Not disabled while retrying: a disabled button would drop the reader's focus. */}
        <button
          type="button"
          class="cp-button"
          aria-disabled={retrying ? 'true' : undefined}
          onClick={onRetry}
        >
          {strings.retry}
        </button>
        <button
          type="button"
          class="cp-icon-button"
          aria-label={strings.dismiss}
          onClick={onDismiss}
        >
          <span aria-hidden="true">✕</span>
        </button>
      </div>
    </div>
  );
}

/** The notice's look, inside the overlay's corner. */
export const NOTES_MISSING_CSS = `
.cp-notice {
  display: flex; flex-wrap: wrap; align-items: center; justify-content: space-between; gap: 0.5em 0.75em;
  padding: 0.6em 0.6em 0.6em 1em; font-size: 0.875em; color: var(--cp-text); background: var(--cp-surface);
  border: 1px solid var(--cp-border); border-left: 4px solid var(--cp-danger); border-radius: 8px;
  box-shadow: 0 6px 24px var(--cp-shadow); animation: cp-appear 120ms ease-out;
}
.cp-notice p { margin: 0; flex: 1 1 14em; }
.cp-notice-actions { display: flex; align-items: center; gap: 0.25em; }
.cp-notice [aria-disabled="true"] { cursor: default; opacity: 0.7; }
`;
