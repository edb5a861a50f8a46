/**
 * What follows a note's save, delete or Undo in the popover frame, on the page side: the page
 * learns where the note is (the selectors it handed the editor, or the anchor the background
 * returns on Undo) and anchors only that note again. No request is made for a save, and the
 * change feed's echo of this tab's own writes is skipped (`page-session.ts`), so one save costs
 * the frame's one request and one broadcast. Undo is offered for a while after a delete.
 */
import type { Selector } from '../anchoring/types';
import { t } from '../i18n';
import type { Requester } from '../messaging/client';
import type { NoteAnchor } from '../messaging/protocol';
import type { ArticleView } from './article-view';
import { placeNamedNotes } from './notes-sync';
import type { ToastAction } from './overlay-controller';

/** How long "Undo" is offered after a delete. */
export const UNDO_TOAST_MS = 8000;

/** What the note actions need. */
export interface NoteActionsDependencies {
  article: Pick<ArticleView, 'notes' | 'reanchorNotes'>;
  request: Requester;
  showToast(message: string, action?: ToastAction, ms?: number): void;
}

/** The page side of the reader's note actions. */
export interface NoteActions {
  /** The editor was opened for a new note on these selectors. */
  expectNew(selectors: Selector[], claimId?: string): void;
  /** The frame saved a note: a new one is placed at once, an edited one stays where it is. */
  saved(noteId: string, created: boolean): Promise<void>;
  /** The frame deleted a note: it leaves the page, and Undo is offered. */
  deleted(noteId: string): void;
  /** Brings a deleted note back (the Undo). */
  restore(noteId: string): Promise<void>;
  destroy(): void;
}

/** Creates the note actions. */
export function createNoteActions(deps: NoteActionsDependencies): NoteActions {
  const { article, request } = deps;
  let expected: Omit<NoteAnchor, 'id'> | null = null;
  let destroyed = false;

  /** Puts one note in place (new or back), leaving every other passage as it is. */
  const place = (anchor: NoteAnchor): void => {
    if (destroyed) return;
    const others = article.notes().filter((note) => note.id !== anchor.id);
    article.reanchorNotes([...others, anchor], [anchor.id]);
  };

  async function restore(noteId: string): Promise<void> {
    try {
      // To the page-side layer the background answers with the note's anchor only.
      const restored = await request('note.restore', { id: noteId });
      place({
        id: restored.id,
        target: restored.target,
        ...(restored.claimId ? { claimId: restored.claimId } : {}),
      });
      if (!destroyed) deps.showToast(t('page_note_restored'));
    } catch (error) {
      if (!destroyed) deps.showToast(error instanceof Error ? error.message : String(error));
    }
  }

  return {
    expectNew(selectors, claimId) {
      expected = { target: { selectors }, ...(claimId ? { claimId } : {}) };
    },
    async saved(noteId, created) {
      // An edit changes the note's words, which the page never has: nothing moves here.
      if (!created) return;
      const known = expected;
      expected = null;
      if (known) {
        place({ id: noteId, ...known });
        return;
      }
      // A note saved without this page's selectors (none known): ask where it is, that note alone.
      await placeNamedNotes(article, request, [noteId], () => !destroyed);
    },
    deleted(noteId) {
      article.reanchorNotes(
        article.notes().filter((note) => note.id !== noteId),
        [noteId],
      );
      deps.showToast(
        t('page_note_deleted'),
        { label: t('notes_undo'), run: () => void restore(noteId) },
        UNDO_TOAST_MS,
      );
    },
    restore,
    destroy() {
      destroyed = true;
    },
  };
}
