/**
 * "Delete all my notes" and its Undo. Every live note is marked deleted with one shared time, in
 * one transaction, so the undo window's purge treats them as one delete and Undo brings back
 * exactly those notes (not ones the reader deleted one by one before), whole, as they were.
 */
import type { CounterpointDatabase } from './db';
import { explainStorageError } from './errors';
import { UNDO_WINDOW_MS } from './notes';

/** What a delete-all did: when, and the articles whose notes went. */
export interface DeleteAllResult {
  /** The shared `deletedAt` of every note it deleted (ISO time); Undo names it. */
  deletedAt: string;
  count: number;
  articleKeys: string[];
}

/** Marks every live note deleted at `now`, in one transaction. */
export async function softDeleteAllNotes(
  db: CounterpointDatabase,
  now: string,
): Promise<DeleteAllResult> {
  try {
    const tx = db.transaction('notes', 'readwrite');
    const articleKeys = new Set<string>();
    let count = 0;
    for await (const cursor of tx.store.iterate()) {
      if (cursor.value.deletedAt) continue;
      articleKeys.add(cursor.value.articleKey);
      await cursor.update({ ...cursor.value, deletedAt: now });
      count++;
    }
    await tx.done;
    return { deletedAt: now, count, articleKeys: [...articleKeys] };
  } catch (error) {
    throw explainStorageError(error, 'delete-all');
  }
}

/** What an Undo of a delete-all did. */
export interface RestoreAllResult {
  count: number;
  articleKeys: string[];
}

/**
 * Brings back every note a delete-all marked at `deletedAt`, while the undo window lasts; null
 * once it has passed (the purge may already have removed some, and a partial Undo would mislead).
 */
export async function restoreAllDeletedAt(
  db: CounterpointDatabase,
  deletedAt: string,
  now: number,
): Promise<RestoreAllResult | null> {
  const at = Date.parse(deletedAt);
  if (Number.isNaN(at) || now - at > UNDO_WINDOW_MS) return null;
  try {
    const tx = db.transaction('notes', 'readwrite');
    const articleKeys = new Set<string>();
    let count = 0;
    for await (const cursor of tx.store.index('deletedAt').iterate(IDBKeyRange.only(deletedAt))) {
      const { deletedAt: _gone, ...note } = cursor.value;
      articleKeys.add(note.articleKey);
      await cursor.update(note);
      count++;
    }
    await tx.done;
    return { count, articleKeys: [...articleKeys] };
  } catch (error) {
    throw explainStorageError(error, 'restore-all');
  }
}
