/**
 * The popover opened from a highlighted note: the passage, the note (light Markdown, rendered
 * as elements, never as HTML), its tags and dates, and Edit / Delete.
 *
 * A non-modal dialog like the claim popover: the controller positions it, handles Escape, and
 * focuses the dialog itself (tabIndex -1). Delete does not ask for confirmation; the caller
 * offers Undo in a Toast, which is kinder than a confirm step.
 */

import type { Ref } from 'preact';
import { t } from '../utils/i18n';
import type { Note } from '../utils/store/types';
import { CloseButton } from './CloseButton';
import { formatTimestamp } from './dates';
import { renderMarkdown } from './markdown';
import { TagList } from './NoteCard';
import { quoteOfNote } from './note-text';
import { useUniqueId } from './unique-id';

/** Props of {@link NotePopover}. */
export interface NotePopoverProps {
  note: Note;
  onClose(): void;
  onEdit(): void;
  onDelete(): void;
  /** The dialog element, for the controller to focus and position. */
  dialogRef?: Ref<HTMLDivElement>;
}

/** The note popover. */
export function NotePopover({ note, onClose, onEdit, onDelete, dialogRef }: NotePopoverProps) {
  const headingId = useUniqueId();
  const quote = quoteOfNote(note);
  const edited = note.modified !== note.created;
  return (
    <div
      ref={dialogRef}
      role="dialog"
      aria-labelledby={headingId}
      tabIndex={-1}
      class="cp-popover cp-note"
      data-kind="note"
    >
      <div class="cp-popover-header">
        <h2 id={headingId} class="cp-popover-heading">
          {t('note_heading')}
        </h2>
        <CloseButton onClose={onClose} />
      </div>
      <div class="cp-popover-body">
        {quote === '' ? null : (
          <blockquote class="cp-quote" aria-label={t('common_passage')} dir="auto">
            {quote}
          </blockquote>
        )}
        <div class="cp-note-body" dir="auto">
          {renderMarkdown(note.body)}
        </div>
        <TagList tags={note.tags} />
        <p class="cp-dates">
          {t('note_written')} <time dateTime={note.created}>{formatTimestamp(note.created)}</time>
          {edited ? (
            <>
              {` · ${t('note_edited')} `}
              <time dateTime={note.modified}>{formatTimestamp(note.modified)}</time>
            </>
          ) : null}
        </p>
      </div>
      <div class="cp-popover-footer">
        <button type="button" class="cp-button" onClick={onEdit}>
          {t('common_edit')}
        </button>
        <button type="button" class="cp-button cp-button-danger" onClick={onDelete}>
          {t('common_delete')}
        </button>
      </div>
    </div>
  );
}
