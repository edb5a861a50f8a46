/** The ✕ button every popover has, named "Close" for assistive tech, with Escape in its tooltip. */

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
      aria-label="Close"
      title="Close (Esc)"
      onClick={onClose}
    >
      <span aria-hidden="true">✕</span>
    </button>
  );
}
