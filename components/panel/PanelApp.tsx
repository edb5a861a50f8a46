/**
 * The popover frame's content (an extension page inside the article's tab): the claim popover,
 * a note, the note editor, or the article's notes. Everything that shows or takes note text is
 * drawn here, out of the page's reach. The controller (`utils/panel/panel-session.ts`) owns the
 * state and passes it down; this component only draws it.
 */

import type { Ref } from 'preact';
import { t } from '../../utils/i18n';
import type { PanelView } from '../../utils/messaging/panel-protocol';
import { DEFAULT_SHORTCUTS } from '../../utils/shortcuts';
import type { Note } from '../../utils/store/types';
import { ClaimPopover } from '../ClaimPopover';
import { CloseButton } from '../CloseButton';
import { NoteEditor, type NoteSaveResult } from '../NoteEditor';
import { NotePopover } from '../NotePopover';
import { quoteOfNote } from '../note-text';
import { VerdictChip } from '../VerdictChip';

/** Props of {@link PanelApp}. */
export interface PanelAppProps {
  view: PanelView | null;
  /** The article's notes, or null while they load. */
  notes: readonly Note[] | null;
  /** Why the notes could not be read, for the reader. */
  error: string | null;
  /** When the claims were last reviewed (ISO date), shown in claim popovers. */
  lastReviewed?: string | null;
  /** The article's address, for "Copy link to this claim" in claim popovers. */
  articleUrl?: string | null;
  /** The "How Counterpoint checks" page, linked from claim popovers. */
  methodUrl?: string;
  /** The edit view's note is being edited (an edit opened from a note's popover). */
  dialogRef: Ref<HTMLDivElement>;
  onClose(): void;
  onOpenNote(id: string): void;
  onAddNoteToClaim(claimId: string): void;
  onEditNote(id: string): void;
  onDeleteNote(id: string): void;
  onCreate(input: { body: string; tags: string[] }): Promise<NoteSaveResult>;
  onUpdate(id: string, input: { body: string; tags: string[] }): Promise<NoteSaveResult>;
  /** Unsaved text from an earlier visit of this editor, restored. */
  draft?: { body: string; tagsField: string } | null;
  /** Keeps the editor's unsaved text. */
  onDraft?(draft: { body: string; tagsField: string }): void;
}

/** The frame's root component. */
export function PanelApp(props: PanelAppProps) {
  const { view, notes, dialogRef } = props;
  if (!view) return null;
  const byId = (id: string) => notes?.find((note) => note.id === id) ?? null;

  switch (view.kind) {
    case 'claim':
      return (
        <ClaimPopover
          claim={view.claim}
          notes={(notes ?? []).filter((note) => note.claimId === view.claim.id)}
          dialogRef={dialogRef}
          onClose={props.onClose}
          onAddNote={() => props.onAddNoteToClaim(view.claim.id)}
          onOpenNote={props.onOpenNote}
          {...(props.lastReviewed ? { lastReviewed: props.lastReviewed } : {})}
          {...(props.methodUrl ? { methodUrl: props.methodUrl } : {})}
          {...(props.articleUrl ? { articleUrl: props.articleUrl } : {})}
        />
      );
    case 'claim-unavailable':
      return (
        <div
          ref={dialogRef}
          role="dialog"
          aria-labelledby="cp-unavailable-heading cp-unavailable-text"
          tabIndex={-1}
          class="cp-popover cp-claim"
          data-verdict={view.verdict}
        >
          <div class="cp-popover-header">
            <div class="cp-popover-heading">
              <h2 id="cp-unavailable-heading" class="cp-claim-heading">
                <span class="cp-visually-hidden">{t('claim_heading_prefix')} </span>
                <VerdictChip verdict={view.verdict} />
              </h2>
            </div>
            <CloseButton onClose={props.onClose} />
          </div>
          <div class="cp-popover-body">
            <p id="cp-unavailable-text">{t('panel_claim_unavailable')}</p>
          </div>
        </div>
      );
    case 'note': {
      const note = byId(view.noteId);
      if (!note) return <Missing {...props} />;
      return (
        <NotePopover
          note={note}
          dialogRef={dialogRef}
          onClose={props.onClose}
          onEdit={() => props.onEditNote(note.id)}
          onDelete={() => props.onDeleteNote(note.id)}
        />
      );
    }
    case 'new-note':
      return (
        <NoteEditor
          mode="add"
          quote={view.quote}
          draft={props.draft ?? null}
          {...(props.onDraft ? { onDraft: props.onDraft } : {})}
          dialogRef={dialogRef}
          onSave={props.onCreate}
          onCancel={props.onClose}
        />
      );
    case 'edit-note': {
      const note = byId(view.noteId);
      if (!note) return <Missing {...props} />;
      return (
        <NoteEditor
          mode="edit"
          quote={quoteOfNote(note)}
          initialBody={note.body}
          initialTags={note.tags}
          draft={props.draft ?? null}
          {...(props.onDraft ? { onDraft: props.onDraft } : {})}
          dialogRef={dialogRef}
          onSave={(input) => props.onUpdate(note.id, input)}
          onCancel={props.onClose}
        />
      );
    }
    case 'notes':
      return (
        <NotesList
          placed={view.placedNoteIds.map(byId).filter((note): note is Note => note !== null)}
          orphaned={view.orphanedNoteIds.map(byId).filter((note): note is Note => note !== null)}
          loading={notes === null && props.error === null}
          dialogRef={dialogRef}
          onClose={props.onClose}
          onOpenNote={props.onOpenNote}
        />
      );
    default:
      return null;
  }
}

/** A note that is loading, could not be read, or no longer exists. */
function Missing({ notes, error, dialogRef, onClose }: PanelAppProps) {
  const message = error ?? (notes === null ? t('panel_note_loading') : t('panel_note_gone'));
  return (
    <div
      ref={dialogRef}
      role="dialog"
      aria-label={t('note_heading')}
      tabIndex={-1}
      class="cp-popover"
    >
      <div class="cp-popover-header">
        <h2 class="cp-popover-heading">{t('note_heading')}</h2>
        <CloseButton onClose={onClose} />
      </div>
      <p class="cp-popover-body" role={error ? 'alert' : 'status'}>
        {message}
      </p>
    </div>
  );
}

/** The article's notes: those on the page (to go to), and those that could not be placed. */
function NotesList({
  placed,
  orphaned,
  loading,
  dialogRef,
  onClose,
  onOpenNote,
}: {
  placed: readonly Note[];
  orphaned: readonly Note[];
  loading: boolean;
  dialogRef: Ref<HTMLDivElement>;
  onClose(): void;
  onOpenNote(id: string): void;
}) {
  return (
    <div
      ref={dialogRef}
      role="dialog"
      aria-label={t('panel_notes_heading')}
      tabIndex={-1}
      class="cp-popover"
    >
      <div class="cp-popover-header">
        <h2 class="cp-popover-heading">{t('panel_notes_heading')}</h2>
        <CloseButton onClose={onClose} />
      </div>
      <div class="cp-popover-body">
        {loading ? <p>{t('panel_notes_loading')}</p> : null}
        {!loading && placed.length === 0 && orphaned.length === 0 ? (
          <p class="cp-muted">{t('panel_notes_empty', [DEFAULT_SHORTCUTS.addNote])}</p>
        ) : null}
        {placed.length === 0 ? null : (
          <ul class="cp-orphans">
            {placed.map((note) => (
              <li key={note.id}>
                <blockquote dir="auto">{quoteOfNote(note)}</blockquote>
                <p dir="auto">{note.body}</p>
                <button type="button" class="cp-link-button" onClick={() => onOpenNote(note.id)}>
                  {t('panel_go_to_note')}
                </button>
              </li>
            ))}
          </ul>
        )}
        {orphaned.length === 0 ? null : (
          <section>
            <h3 class="cp-section-heading">{t('panel_orphans_heading')}</h3>
            <p class="cp-muted">{t('panel_orphans_hint')}</p>
            <ul class="cp-orphans">
              {orphaned.map((note) => (
                <li key={note.id}>
                  <blockquote dir="auto">{quoteOfNote(note)}</blockquote>
                  <p dir="auto">{note.body}</p>
                </li>
              ))}
            </ul>
          </section>
        )}
      </div>
    </div>
  );
}

/** Layout of the frame's page. */
export const PANEL_CSS = `
html, body { margin: 0; padding: 0; background: transparent; }
body { overflow: hidden; }
.cp-panel-root {
  max-height: 100vh; overflow: auto;
  font-family: system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif;
  font-size: 16px; line-height: 1.5; color: var(--cp-text);
  -webkit-text-size-adjust: 100%; text-size-adjust: 100%;
}
.cp-panel-root.cp-has-more { box-shadow: inset 0 -18px 14px -14px var(--cp-shadow); }
.cp-more-cue {
  position: fixed; left: 50%; bottom: 8px; transform: translateX(-50%);
  font: 600 13px/1.4 system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif;
  padding: 2px 10px; border-radius: 999px; pointer-events: none;
  background: var(--cp-surface); color: var(--cp-text); border: 1px solid var(--cp-border);
  box-shadow: 0 2px 6px var(--cp-shadow);
}
.cp-panel-root > .cp-popover {
  box-sizing: border-box; width: auto; max-height: none; box-shadow: none; border-radius: 8px;
}
.cp-orphans { display: grid; gap: 0.75em; margin: 0.75em 0 0; padding: 0; list-style: none; }
.cp-orphans blockquote { margin: 0 0 0.3em; border-left: 3px solid var(--cp-border); padding-left: 0.6em; color: var(--cp-muted); }
.cp-orphans p { margin: 0 0 0.3em; white-space: pre-wrap; }
`;
