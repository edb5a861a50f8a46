/**
 * An article's notes for the page-side layer in pages: the first comes with the claims, the rest
 * are asked for one at a time, so that no reply (which the page decodes in one task) grows with
 * the note count. The order is the store's (oldest first, then by id), and the cursor is the
 * last note's id: a note written while the pages come is announced by the change feed anyway,
 * and one deleted does not move the others, so no note is skipped or sent twice.
 */

import { NOTE_PAGE_SIZE, type NotePage, type NotePageRequest } from '../messaging/protocol';
import type { Note } from '../store/types';
import { anchorsOf } from './request-context';

/** `a` before `b` in the store's order of an article's notes. */
function before(a: Pick<Note, 'created' | 'id'>, b: Pick<Note, 'created' | 'id'>): boolean {
  return a.created < b.created || (a.created === b.created && a.id < b.id);
}

/**
 * Where the page after the cursor `after` starts in `notes` (the store's order): after that note,
 * or, when it is no longer among them (deleted or moved since), after where it stood, from its
 * record (`lookup`). A cursor with no record at all starts again at the first note: the page
 * skips the notes it already has.
 */
async function startAfter(
  notes: readonly Note[],
  after: string,
  lookup: (id: string) => Promise<Pick<Note, 'created' | 'id'> | undefined>,
): Promise<number> {
  const index = notes.findIndex((note) => note.id === after);
  if (index >= 0) return index + 1;
  const record = await lookup(after);
  if (!record) return 0;
  const next = notes.findIndex((note) => before(record, note));
  return next < 0 ? notes.length : next;
}

/** The page of `notes` (an article's live notes, in the store's order) that a request asks for. */
export async function notePageOf(
  notes: readonly Note[],
  request: NotePageRequest,
  lookup: (id: string) => Promise<Pick<Note, 'created' | 'id'> | undefined>,
  size = NOTE_PAGE_SIZE,
): Promise<NotePage> {
  if ('ids' in request) {
    const wanted = new Set(request.ids);
    return { notes: anchorsOf(notes.filter((note) => wanted.has(note.id))) };
  }
  const start = request.after === undefined ? 0 : await startAfter(notes, request.after, lookup);
  const page = notes.slice(start, start + size);
  const last = page.at(-1);
  return {
    notes: anchorsOf(page),
    ...(last && start + size < notes.length ? { next: last.id } : {}),
  };
}
