/**
 * Keeps the painted article's notes in step with the change feed: a record names the notes
 * that changed, so only those are anchored again, against the article as it stands. A change
 * of a note's text moves nothing on the page (the page side never has the text), a delete
 * needs no request, and only a new or imported note asks the background where it is.
 */
import type { Requester } from '../messaging/client';
import type { NotesChange } from '../store/change-feed';
import type { ArticleView } from './article-view';

/** What applying a change did: for tests and logs. */
export type NotesSyncOutcome = 'unchanged' | 'removed' | 'reanchored' | 'reloaded';

/** Applies one change record of this article to the painted notes. */
export async function applyNotesChange(
  article: Pick<ArticleView, 'notes' | 'setNotes' | 'reanchorNotes'>,
  request: Requester,
  change: Pick<NotesChange, 'noteIds' | 'kind'>,
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
  const anchors = await request('page.notes', {});
  if (ids) {
    article.reanchorNotes(anchors, ids);
    return 'reanchored';
  }
  article.setNotes(anchors);
  return 'reloaded';
}
