import { openDB } from 'idb';
import { describe, expect, it } from 'vitest';
import { makeNote } from '../notes-io/test-notes';
import {
  type CounterpointSchema,
  DATABASE_VERSION,
  migrations,
  openStore,
  type StoredClaim,
  type StoredPack,
} from './db';
import versionOne from './fixtures/version-1.json';
import { allNotes, getNote, newestNotes, purgeDeletedNotes, putNote } from './notes';
import type { Note } from './types';

let count = 0;
const freshName = () => `db-test-${count++}`;

/** Builds a database exactly as schema version 1 left it, filled with the committed fixture. */
async function createVersionOne(name: string): Promise<void> {
  const db = await openDB<CounterpointSchema>(name, 1, {
    upgrade(database, _old, _new, tx) {
      migrations[1]?.(database, tx);
    },
  });
  const tx = db.transaction(['notes', 'claims', 'packs', 'meta'], 'readwrite');
  for (const note of versionOne.notes as Note[]) await tx.objectStore('notes').put(note);
  // Claims stored by a format-1 pack keep their old shape until a newer pack replaces them.
  for (const claim of versionOne.claims as unknown as StoredClaim[])
    await tx.objectStore('claims').put(claim);
  for (const pack of versionOne.packs as unknown as StoredPack[])
    await tx.objectStore('packs').put(pack);
  for (const meta of versionOne.meta) await tx.objectStore('meta').put(meta);
  await tx.done;
  db.close();
}

describe('the database schema', () => {
  it('is at the version its migrations reach', () => {
    expect(Object.keys(migrations).map(Number).sort()).toEqual(
      Array.from({ length: DATABASE_VERSION }, (_, index) => index + 1),
    );
  });

  it('upgrades a version-1 database with real data and loses nothing', async () => {
    const name = freshName();
    await createVersionOne(name);
    const db = await openStore({ name });
    expect(db.version).toBe(DATABASE_VERSION);
    const notes = await db.getAll('notes');
    expect(notes.sort((a, b) => a.id.localeCompare(b.id))).toEqual(
      [...(versionOne.notes as Note[])].sort((a, b) => a.id.localeCompare(b.id)),
    );
    expect(await db.getAll('claims')).toHaveLength(versionOne.claims.length);
    expect(await db.getAll('packs')).toEqual(versionOne.packs);
    expect(await db.getAll('meta')).toEqual(versionOne.meta);
    // Version 3 dropped the tags index nothing read; version 2's index holds just the deleted note.
    expect([...db.transaction('notes').store.indexNames].sort()).toEqual([
      'articleKey',
      'deletedAt',
      'modified',
    ]);
    expect(await db.getAllKeysFromIndex('notes', 'deletedAt')).toEqual([
      'e8f7a6b5-c4d3-42e1-90f8-a7b6c5d4e304',
    ]);
    expect((await allNotes(db)).map((note) => note.id)).toHaveLength(3);
    db.close();
  });

  it('purges only deletes older than the undo window, through the new index', async () => {
    const name = freshName();
    await createVersionOne(name);
    const db = await openStore({ name });
    expect(await purgeDeletedNotes(db, Date.parse('2026-11-27T00:00:00.000Z'))).toBe(1);
    expect(await getNote(db, 'e8f7a6b5-c4d3-42e1-90f8-a7b6c5d4e304')).toBeUndefined();
    expect(await db.count('notes')).toBe(3);
    db.close();
  });

  it('waits for an old connection that blocks the upgrade, says so, and then upgrades with everything', async () => {
    const name = freshName();
    await createVersionOne(name);
    // Another page still holds version 1 open and does not step aside.
    const old = await openDB(name, 1);
    let blocked = 0;
    const opening = openStore({ name, onBlocked: () => blocked++ });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(blocked).toBe(1);
    old.close();
    const db = await opening;
    expect(db.version).toBe(DATABASE_VERSION);
    expect(await db.count('notes')).toBe(versionOne.notes.length);
    db.close();
  });
});

describe('reading notes', () => {
  it('lists live notes newest first, without deleted ones', async () => {
    const name = freshName();
    await createVersionOne(name);
    const db = await openStore({ name });
    const live = await allNotes(db);
    expect(live.map((note) => note.modified)).toEqual(
      [...live.map((note) => note.modified)].sort().reverse(),
    );
    expect(live.some((note) => note.deletedAt)).toBe(false);
    db.close();
  });
});

describe('the newest notes', () => {
  it('come from the modified index, newest first, without deleted ones, up to the limit', async () => {
    const name = freshName();
    await createVersionOne(name);
    const db = await openStore({ name });
    const all = await allNotes(db);
    expect(await newestNotes(db, 2)).toEqual(all.slice(0, 2));
    expect((await newestNotes(db, 50)).map((note) => note.id)).toEqual(all.map((note) => note.id));
    db.close();
  });

  it('fill the limit with live notes when the newest ones were deleted', async () => {
    const name = freshName();
    const db = await openStore({ name });
    const day = (n: number) => `2026-10-${String(n).padStart(2, '0')}T10:00:00.000Z`;
    for (let n = 1; n <= 6; n++) {
      // The three newest notes are deleted (still kept for Undo).
      const deletedAt = n > 3 ? day(20) : undefined;
      await putNote(db, { ...makeNote({ id: `note-${n}`, modified: day(n) }), deletedAt });
    }
    expect((await newestNotes(db, 2)).map((note) => note.id)).toEqual(['note-3', 'note-2']);
    expect((await newestNotes(db, 5)).map((note) => note.id)).toEqual([
      'note-3',
      'note-2',
      'note-1',
    ]);
    db.close();
  });

  it('are read with a cursor where the browser has no getAllRecords (Firefox)', async () => {
    const name = freshName();
    await createVersionOne(name);
    const db = await openStore({ name });
    const all = await allNotes(db);
    const prototype = IDBIndex.prototype as { getAllRecords?: unknown };
    const getAllRecords = prototype.getAllRecords;
    delete prototype.getAllRecords;
    try {
      expect(await newestNotes(db, 2)).toEqual(all.slice(0, 2));
    } finally {
      prototype.getAllRecords = getAllRecords;
    }
    db.close();
  });
});
