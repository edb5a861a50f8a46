/**
 * A short status message ("Note deleted.") with an optional action ("Undo"). The caller decides
 * when it goes away; `onPause` tells it when the reader is hovering or focused on the toast, so
 * it can hold off dismissing while they reach for the action.
 *
 * Keep it mounted with an empty message between toasts: screen readers announce changes to a
 * live region that already exists more reliably than a region that appears with its text.
 */

import type { ToastState } from '../utils/annotator/overlay-state';
import { t } from '../utils/i18n';

/** Props of {@link Toast}. */
export type ToastProps = ToastState;

/** The toast, inside a `role="status"` live region. */
export function Toast({ message, actionLabel, onAction, onDismiss, onPause }: ToastProps) {
  return (
    <div role="status" class="cp-toast-region">
      {message === '' ? null : (
        // biome-ignore lint/a11y/noStaticElementInteractions: the handlers only pause the caller's timer; the buttons inside do the acting.
        <div
          class="cp-toast"
          onMouseEnter={() => onPause?.(true)}
          onMouseLeave={() => onPause?.(false)}
          onFocusIn={() => onPause?.(true)}
          onFocusOut={() => onPause?.(false)}
        >
          <span>{message}</span>
          {actionLabel === undefined || onAction === undefined ? null : (
            <button type="button" class="cp-link-button" onClick={onAction}>
              {actionLabel}
            </button>
          )}
          {onDismiss === undefined ? null : (
            <button
              type="button"
              class="cp-icon-button"
              aria-label={t('toast_dismiss')}
              onClick={onDismiss}
            >
              <span aria-hidden="true">✕</span>
            </button>
          )}
        </div>
      )}
    </div>
  );
}
