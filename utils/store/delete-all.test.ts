import { describe, expect, it } from 'vitest';
import { makeNote } from '../notes-io/test-notes';
import { restoreAllDeletedAt, softDeleteAllNotes } from './delete-all';
import { allNotes, putNote, softDeleteNote, UNDO_WINDOW_MS } from './notes';
import { freshDatabasePerTest } from './test-database';

const store = freshDatabasePerTest('delete-all');
const NOW = '2026-12-01T10:00:00.000Z';

describe('deleting all notes', () => {
  it('hides every live note, and Undo brings back each one exactly as it was', async () => {
    const notes = [
      makeNote({ body: 'first', articleKey: 'a', tags: ['x'] }),
      makeNote({ body: 'second', articleKey: 'a' }),
      makeNote({ body: 'third', articleKey: 'b' }),
    ];
    for (const note of notes) await putNote(store.db, note);

    const deleted = await softDeleteAllNotes(store.db, NOW);
    expect(deleted.count).toBe(3);
    expect(deleted.articleKeys.sort()).toEqual(['a', 'b']);
    expect(await allNotes(store.db)).toEqual([]);

    const restored = await restoreAllDeletedAt(store.db, deleted.deletedAt, Date.parse(NOW) + 5000);
    expect(restored?.count).toBe(3);
    const byId = (list: { id: string }[]) => [...list].sort((x, y) => (x.id < y.id ? -1 : 1));
    expect(byId(await store.db.getAll('notes'))).toEqual(byId(notes));
  });

  it('leaves a note deleted earlier, on its own, deleted after Undo', async () => {
    const kept = makeNote({ body: 'kept' });
    const earlier = makeNote({ body: 'deleted before' });
    await putNote(store.db, kept);
    await putNote(store.db, earlier);
    await softDeleteNote(store.db, earlier.id, '2026-12-01T09:59:58.000Z');

    const deleted = await softDeleteAllNotes(store.db, NOW);
    expect(deleted.count).toBe(1);
    await restoreAllDeletedAt(store.db, deleted.deletedAt, Date.parse(NOW) + 1000);
    expect((await allNotes(store.db)).map((note) => note.id)).toEqual([kept.id]);
    expect((await store.db.get('notes', earlier.id))?.deletedAt).toBe('2026-12-01T09:59:58.000Z');
  });

  it('refuses an Undo once the undo window has passed, and changes nothing', async () => {
    await putNote(store.db, makeNote({ body: 'gone' }));
    const deleted = await softDeleteAllNotes(store.db, NOW);
    const late = Date.parse(NOW) + UNDO_WINDOW_MS + 1;
    expect(await restoreAllDeletedAt(store.db, deleted.deletedAt, late)).toBeNull();
    expect(await allNotes(store.db)).toEqual([]);
  });
});
