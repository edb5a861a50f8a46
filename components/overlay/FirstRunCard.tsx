/**
 * The welcome card, shown once, on the first article Counterpoint recognises: what the marks
 * mean, where the guide and the notes are, how to add a note, and the way to the help page. It
 * lives in the page's overlay (a closed shadow root), so it says nothing about any note; it never
 * takes the focus, and "Got it" or Escape (the controller's) puts it away.
 */
import { t } from '../../utils/i18n';
import { useUniqueId } from '../unique-id';

/** Every reader-facing sentence of the card, read in the interface language when used. */
export const strings = {
  get title() {
    return t('welcome_title');
  },
  get marks() {
    return t('welcome_marks');
  },
  get guide() {
    return t('welcome_guide');
  },
  notes: (shortcut: string) => t('welcome_notes', [shortcut]),
  get help() {
    return t('welcome_help');
  },
  get dismiss() {
    return t('welcome_dismiss');
  },
};

/** Props of {@link FirstRunCard}. */
export interface FirstRunCardProps {
  addNoteShortcut: string;
  onHelp(): void;
  onDismiss(): void;
}

/** The card. */
export function FirstRunCard({ addNoteShortcut, onHelp, onDismiss }: FirstRunCardProps) {
  const titleId = useUniqueId();
  return (
    <section class="cp-welcome" aria-labelledby={titleId}>
      <h2 id={titleId}>{strings.title}</h2>
      <ul>
        <li>{strings.marks}</li>
        <li>{strings.guide}</li>
        <li>{strings.notes(addNoteShortcut)}</li>
      </ul>
      <div class="cp-welcome-actions">
        <button type="button" class="cp-link-button" onClick={onHelp}>
          {strings.help}
        </button>
        <button type="button" class="cp-button cp-button-primary" onClick={onDismiss}>
          {strings.dismiss}
        </button>
      </div>
    </section>
  );
}

/**
 * The card's look, inside the overlay's corner (after the corner's rules): where the corner is
 * shorter than the card, the list scrolls and the title and the buttons stay in view. A shade at
 * the list's edge shows there is more (backgrounds that scroll with the list cover it at the end).
 */
export const FIRST_RUN_CSS = `
.cp-welcome {
  min-height: 0; flex: 0 1 auto;
  display: flex; flex-direction: column; gap: 0.6em; padding: 0.9em 1em;
  font-size: 0.875em; color: var(--cp-text); background: var(--cp-surface);
  border: 1px solid var(--cp-border); border-left: 4px solid var(--cp-link); border-radius: 8px;
  box-shadow: 0 6px 24px var(--cp-shadow); animation: cp-appear 120ms ease-out;
}
.cp-welcome h2 { font-size: 1.05em; }
.cp-welcome > * { flex: none; }
.cp-welcome ul {
  min-height: 0; flex: 0 1 auto; overflow: auto; list-style: disc; padding-left: 1.2em; display: flex; flex-direction: column; gap: 0.4em;
  background: linear-gradient(var(--cp-surface) 30%, transparent) top, linear-gradient(transparent, var(--cp-surface) 70%) bottom,
    radial-gradient(farthest-side at 50% 0, var(--cp-shadow), transparent) top, radial-gradient(farthest-side at 50% 100%, var(--cp-shadow), transparent) bottom;
  background-repeat: no-repeat; background-size: 100% 2em, 100% 2em, 100% 0.8em, 100% 0.8em; background-attachment: local, local, scroll, scroll;
}
.cp-welcome-actions { display: flex; align-items: center; justify-content: space-between; gap: 0.75em; }
`;
