/**
 * One note in the popup's or the manager's list: the passage, the note, tags and date, with
 * "Show in page", "Edit" (the in-page editor, in place) and "Delete". Each button's name ends
 * with the note's first words, so a screen reader's list of buttons tells the notes apart.
 */

import { useEffect, useRef } from 'preact/hooks';
import { t } from '../../utils/i18n';
import { notePage } from '../../utils/popup/show-in-page';
import type { Note } from '../../utils/store/types';
import { formatTimestamp } from '../dates';
import { NoteContent } from '../NoteCard';
import { NoteEditor, type NoteSaveResult } from '../NoteEditor';
import { excerptOfNote, quoteOfNote } from '../note-text';

/** Props of {@link NoteRow}. */
export interface NoteRowProps {
  note: Note;
  editing: boolean;
  /** The passage was not found on the page the popup is about. */
  orphan?: boolean;
  /** Busy with a delete or "Show in page": the actions wait. */
  busy?: boolean;
  onEdit(id: string): void;
  onCancelEdit(): void;
  onSave(id: string, input: { body: string; tags: string[] }): Promise<NoteSaveResult>;
  onDelete(note: Note): void;
  onShowInPage(note: Note): void;
}

/** A note card with its actions, or the editor while it is being edited. */
export function NoteRow({
  note,
  editing,
  orphan = false,
  busy = false,
  onEdit,
  onCancelEdit,
  onSave,
  onDelete,
  onShowInPage,
}: NoteRowProps) {
  const editButton = useRef<HTMLButtonElement>(null);
  const wasEditing = useRef(editing);
  useEffect(() => {
    // Focus goes back to "Edit" when the editor closes, as it would from a dialog.
    if (wasEditing.current && !editing) editButton.current?.focus();
    wasEditing.current = editing;
  }, [editing]);

  if (editing) {
    return (
      <li class="cp-note-row-editing">
        <NoteEditor
          mode="edit"
          quote={quoteOfNote(note)}
          initialBody={note.body}
          initialTags={note.tags}
          onSave={(input) => onSave(note.id, input)}
          onCancel={onCancelEdit}
        />
      </li>
    );
  }

  const quote = quoteOfNote(note);
  const excerpt = excerptOfNote(note, 40);
  // Imported notes may come from pages Counterpoint does not run on: kept, listed, not opened.
  const page = notePage(note.url);
  return (
    <li>
      <article
        class="cp-note-card cp-note-row"
        data-orphan={orphan ? '' : undefined}
        aria-label={t('row_note', [excerpt])}
      >
        <NoteContent quote={quote} note={note} />
        {orphan ? <p class="cp-note-flag">{t('common_not_found_on_page')}</p> : null}
        {page.kind === 'other-site' ? (
          <p class="cp-note-flag">
            {page.host === '' ? t('row_other_site') : t('row_other_site_named', [page.host])}
          </p>
        ) : page.kind === 'not-an-article' ? (
          <p class="cp-note-flag">{t('row_not_article')}</p>
        ) : null}
        <div class="cp-note-card-meta">
          <time dateTime={note.modified}>{formatTimestamp(note.modified)}</time>
          <span class="cp-note-actions">
            {page.kind === 'article' ? (
              <button
                type="button"
                class="cp-link-button"
                aria-label={t('row_show_in_page_named', [excerpt])}
                disabled={busy}
                onClick={() => onShowInPage(note)}
              >
                {t('row_show_in_page')}
              </button>
            ) : null}
            <button
              ref={editButton}
              type="button"
              class="cp-link-button"
              aria-label={t('row_edit_named', [excerpt])}
              disabled={busy}
              onClick={() => onEdit(note.id)}
            >
              {t('common_edit')}
            </button>
            <button
              type="button"
              class="cp-link-button cp-button-danger"
              aria-label={t('row_delete_named', [excerpt])}
              disabled={busy}
              onClick={() => onDelete(note)}
            >
              {t('common_delete')}
            </button>
          </span>
        </div>
      </article>
    </li>
  );
}
