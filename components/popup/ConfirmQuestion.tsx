/**
 * A question asked in place before an action that cannot be taken back: the question as the
 * group's legend, a confirming button (focused by the parent when the question appears) and a
 * declining one. Used by the packs section for "replace this edition?" and "remove this pack?".
 */

/** Props of {@link ConfirmQuestion}. */
export interface ConfirmQuestionProps {
  /** The question, read as the group's name. */
  question: string;
  /** The confirming button's words. */
  confirmLabel: string;
  /** The declining button's words. */
  declineLabel: string;
  /** How the confirming button looks: the usual next step, or one that removes something. */
  tone: 'primary' | 'danger';
  /** The confirming button, for the parent to focus. */
  confirmRef: { current: HTMLButtonElement | null };
  /** The reader confirmed. */
  onConfirm(): void;
  /** The reader declined. */
  onDecline(): void;
}

/** The question with its two answers. */
export function ConfirmQuestion(props: ConfirmQuestionProps) {
  return (
    <fieldset class="cp-packs-confirm">
      <legend>{props.question}</legend>
      <div class="cp-packs-confirm-actions">
        <button
          type="button"
          class={`cp-button cp-button-${props.tone}`}
          ref={props.confirmRef}
          onClick={props.onConfirm}
        >
          {props.confirmLabel}
        </button>
        <button type="button" class="cp-button" onClick={props.onDecline}>
          {props.declineLabel}
        </button>
      </div>
    </fieldset>
  );
}
