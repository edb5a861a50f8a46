import { describe, expect, it } from 'vitest';
import { makeNote } from '../notes-io/test-notes';
import { StorageError } from './errors';
import { addNotesInBatches, fewNotesForArticle, putNote, softDeleteNote } from './notes';
import { freshDatabasePerTest } from './test-database';
import type { Note } from './types';

const store = freshDatabasePerTest('notes');

const storedIds = async (): Promise<string[]> => (await store.db.getAllKeys('notes')).sort();
const notes = (count: number, body: string): Note[] =>
  Array.from({ length: count }, (_, index) => makeNote({ body: `${body} ${index}` }));

describe('addNotesInBatches', () => {
  it('writes every batch, and shows the preparer every stored note, deleted ones too', async () => {
    const live = makeNote({ body: 'live' });
    const deleted = makeNote({ body: 'deleted' });
    await putNote(store.db, live);
    await putNote(store.db, deleted);
    await softDeleteNote(store.db, deleted.id, '2026-11-27T10:00:00.000Z');
    const batches = [notes(3, 'first'), [], notes(2, 'third')];
    let seen: readonly Note[] = [];

    await addNotesInBatches(store.db, (stored) => {
      seen = stored;
      return batches;
    });

    expect(seen.map((note) => note.id).sort()).toEqual([live.id, deleted.id].sort());
    expect(await storedIds()).toEqual(
      [live, deleted, ...batches.flat()].map((note) => note.id).sort(),
    );
  });

  it('stores nothing, and leaves existing notes as they were, when a late batch fails to prepare', async () => {
    const existing = makeNote({ body: 'existing' });
    await putNote(store.db, existing);
    const failure = new Error('no randomness');
    function* batches(): Generator<Note[]> {
      yield notes(3, 'first');
      yield notes(3, 'second');
      throw failure;
    }

    await expect(addNotesInBatches(store.db, () => batches())).rejects.toBe(failure);

    expect(await store.db.getAll('notes')).toEqual([existing]);
  });

  it('stores nothing when a write in a late batch fails, and says why', async () => {
    const existing = makeNote({ body: 'existing' });
    await putNote(store.db, existing);
    // The second batch repeats a stored id, which the store refuses.
    const batches = [notes(3, 'first'), [...notes(2, 'second'), { ...existing, body: 'again' }]];

    const failure = addNotesInBatches(store.db, () => batches);

    await expect(failure).rejects.toBeInstanceOf(StorageError);
    await expect(failure).rejects.toThrow(/^Could not import the notes: /);
    expect(await store.db.getAll('notes')).toEqual([existing]);
  });

  it('stores nothing when the preparer fails before its first batch', async () => {
    const failure = new Error('bad start');
    await expect(
      addNotesInBatches(store.db, () => {
        throw failure;
      }),
    ).rejects.toBe(failure);
    expect(await store.db.count('notes')).toBe(0);
  });
});

describe('fewNotesForArticle', () => {
  const at = (minute: number) => new Date(Date.UTC(2026, 10, 1, 0, minute)).toISOString();

  it('gives the live notes of one article, oldest first, when it has no more than the limit', async () => {
    const later = makeNote({ body: 'later', created: at(5) });
    const earlier = makeNote({ body: 'earlier', created: at(1) });
    const gone = makeNote({ body: 'gone', created: at(3) });
    const elsewhere = makeNote({ body: 'elsewhere', articleKey: '/other/article/7654321' });
    for (const note of [later, earlier, gone, elsewhere]) await putNote(store.db, note);
    await softDeleteNote(store.db, gone.id, at(9));

    const few = await fewNotesForArticle(store.db, later.articleKey, 3);

    expect(few?.map((note) => note.body)).toEqual(['earlier', 'later']);
  });

  it('gives null when the article has more notes on record than the limit, deleted ones counted', async () => {
    const kept = makeNote({ body: 'kept' });
    const deleted = makeNote({ body: 'deleted' });
    for (const note of [kept, deleted, makeNote({ body: 'third' })]) await putNote(store.db, note);
    await softDeleteNote(store.db, deleted.id, at(9));

    expect(await fewNotesForArticle(store.db, kept.articleKey, 2)).toBeNull();
    expect(await fewNotesForArticle(store.db, kept.articleKey, 3)).toHaveLength(2);
  });
});
