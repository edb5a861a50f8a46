/**
 * Keeps the painted article's notes in step with the change feed: a record names the notes
 * that changed, so only those are anchored again, against the article as it stands. A change
 * of a note's text moves nothing on the page (the page side never has the text), a delete
 * needs no request, and only a new or imported note asks the background where it is (those
 * notes alone). A change that names no note loads them all again, in pages (`reload`).
 */
import type { Requester } from '../messaging/client';
import type { NotesChange } from '../store/change-feed';
import type { ArticleView } from './article-view';

/** What applying a change did: for tests and logs. */
export type NotesSyncOutcome = 'unchanged' | 'removed' | 'reanchored' | 'reloaded';

/** Applies one change record of this article to the painted notes. */
export async function applyNotesChange(
  article: Pick<ArticleView, 'notes' | 'reanchorNotes'>,
  request: Requester,
  change: Pick<NotesChange, 'noteIds' | 'kind'>,
  reload: () => void,
): Promise<NotesSyncOutcome> {
  const ids = change.noteIds;
  if (ids && change.kind === 'updated') return 'unchanged';
  if (ids && change.kind === 'deleted') {
    const gone = new Set(ids);
    const known = article.notes();
    if (!known.some((note) => gone.has(note.id))) return 'unchanged';
    article.reanchorNotes(
      known.filter((note) => !gone.has(note.id)),
      ids,
    );
    return 'removed';
  }
  if (!ids) {
    reload();
    return 'reloaded';
  }
  if (ids.length === 0) return 'unchanged';
  await placeNamedNotes(article, request, ids);
  return 'reanchored';
}

/**
 * Asks the background where the notes these ids name are (those notes alone) and anchors them
 * in place of the painted ones of those ids; nothing is placed once `live` says the view is gone.
 */
export async function placeNamedNotes(
  article: Pick<ArticleView, 'notes' | 'reanchorNotes'>,
  request: Requester,
  ids: readonly string[],
  live: () => boolean = () => true,
): Promise<void> {
  const { notes } = await request('page.notesPage', { ids: [...ids] });
  if (!live()) return;
  const named = new Set(ids);
  article.reanchorNotes([...article.notes().filter((note) => !named.has(note.id)), ...notes], ids);
}
