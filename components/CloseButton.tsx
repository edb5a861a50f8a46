/** The ✕ button every popover has, named "Close" for assistive tech, with Escape in its tooltip. */
import { t } from '../utils/i18n';

/** Props of {@link CloseButton}. */
export interface CloseButtonProps {
  onClose(): void;
}

/** The popover's Close button. */
export function CloseButton({ onClose }: CloseButtonProps) {
  return (
    <button
      type="button"
      class="cp-icon-button"
      aria-label={t('common_close')}
      title={t('common_close_tooltip')}
      onClick={onClose}
    >
      <span aria-hidden="true">✕</span>
    </button>
  );
}
