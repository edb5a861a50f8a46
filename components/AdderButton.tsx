/**
 * The "Add note" button shown beside a text selection. The controller positions it; this
 * component only keeps the selection alive while it is clicked.
 */
import { t } from '../utils/i18n';

/** Props of {@link AdderButton}. */
export interface AdderButtonProps {
  onAdd(): void;
  /** A keyboard shortcut for the same action, in aria-keyshortcuts form ("Alt+Shift+M"). */
  shortcut?: string;
}

/** The adder button. */
export function AdderButton({ onAdd, shortcut }: AdderButtonProps) {
  return (
    <button
      type="button"
      class="cp-adder"
      title={shortcut === undefined ? undefined : t('adder_tooltip', [shortcut])}
      aria-keyshortcuts={shortcut}
      // Without this, pressing the button clears the reader's selection before the click lands.
      onMouseDown={(event) => event.preventDefault()}
      onClick={onAdd}
    >
      <span aria-hidden="true">✎</span>
      {t('common_add_note')}
    </button>
  );
}
