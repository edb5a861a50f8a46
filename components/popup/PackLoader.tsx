/**
 * Loading a context pack from a file: the file control (or, where a file cannot be chosen here,
 * the button that opens a page that can), and the question asked before a newer edition
 * replaces an installed one. Draws only: the parent reads, checks and stores the file.
 */
import { formatBytes, MAX_PACK_FILE_BYTES } from '../../utils/packs/pack-file';
import { ConfirmQuestion } from './ConfirmQuestion';
import { strings } from './pack-files-strings';

/** Props of {@link PackLoader}. */
export interface PackLoaderProps {
  /** The question to ask while a newer edition waits for the reader's answer; else null. */
  replaceQuestion: string | null;
  /** Whether a chosen file is being read and checked. */
  reading: boolean;
  /** The file input's id. */
  inputId: string;
  /** The control that loads a file: focus comes back to it when a question closes. */
  loadRef: { current: (HTMLInputElement & HTMLButtonElement) | null };
  /** The question's confirming button, focused when the question appears. */
  confirmRef: { current: HTMLButtonElement | null };
  /** Opens a page where a file can be chosen, where this one cannot (absent: choose here). */
  onOpenPage?: () => void;
  /** A file was chosen in the input. */
  onChoose(input: HTMLInputElement): void;
  /** The reader agreed to replace the installed edition. */
  onConfirmReplace(): void;
  /** The reader declined to replace it. */
  onCancelReplace(): void;
}

/** The file control, or the replace question while one is open, and the size hint. */
export function PackLoader(props: PackLoaderProps) {
  const { replaceQuestion, reading } = props;
  return (
    <>
      {replaceQuestion !== null ? (
        <ConfirmQuestion
          question={replaceQuestion}
          confirmLabel={strings.replaceConfirm}
          declineLabel={strings.cancel}
          tone="primary"
          confirmRef={props.confirmRef}
          onConfirm={props.onConfirmReplace}
          onDecline={props.onCancelReplace}
        />
      ) : props.onOpenPage ? (
        <>
          <button
            type="button"
            class="cp-button cp-packs-file"
            ref={props.loadRef}
            onClick={props.onOpenPage}
          >
            {strings.load}
          </button>
          <p class="cp-packs-hint">{strings.loadElsewhere}</p>
        </>
      ) : (
        <span class="cp-button cp-packs-file">
          <label for={props.inputId}>{reading ? strings.reading : strings.load}</label>
          <input
            id={props.inputId}
            ref={props.loadRef}
            type="file"
            aria-label={strings.load}
            accept=".json,application/json"
            disabled={reading}
            onChange={(event) => props.onChoose(event.currentTarget)}
          />
        </span>
      )}
      <p class="cp-packs-hint">{strings.loadHint(formatBytes(MAX_PACK_FILE_BYTES))}</p>
    </>
  );
}
