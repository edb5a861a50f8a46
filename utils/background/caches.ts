/**
 * What the background keeps for one worker life, shared by its request handlers: installed packs
 * and their claims (they change only when a pack is installed, removed or turned off), each
 * article's live notes (until a write names the article), the address keys whose notes were
 * already filed under their pack, and the tab records being written.
 *
 * Made once per service and passed to every handler, so what they share is in one place.
 */

import type { Browser } from '../browser';
import { sharedByKeyUntilRejected, sharedUntilRejected } from '../shared-promise';
import { announceNotesChanged, type NotesChangeInput } from '../store/change-feed';
import type { CounterpointDatabase, StoredClaim, StoredPack } from '../store/db';
import { fewNotesForArticle, notesForArticle } from '../store/notes';
import { claimsForArticle, installedPacks } from '../store/packs';
import type { Note } from '../store/types';

/** The background's per-worker caches and the one way to announce a write. */
export interface ServiceCaches {
  /** Tab records being written; a tab's later requests wait for its record. */
  readonly pendingTabWrites: Map<number, Promise<void>>;
  /** Address keys whose notes were filed under their article's pack (none left there since). */
  readonly refiled: Set<string>;
  /** The installed packs, read once until {@link ServiceCaches.packsChanged}. */
  packsOf(db: CounterpointDatabase): Promise<StoredPack[]>;
  /** A pack article's claims, read once until {@link ServiceCaches.packsChanged}. */
  claimsOf(db: CounterpointDatabase, articleKey: string): Promise<StoredClaim[]>;
  /** An article's live notes (a fresh array each time), read once until a write names it. */
  notesOf(db: CounterpointDatabase, articleKey: string): Promise<Note[]>;
  /**
   * An article's live notes (a fresh array) when it has at most `limit` on record, else null:
   * those read already, or one read of at most `limit + 1` notes, which the cache then keeps
   * unless a write named the article while it was read.
   */
  fewNotesOf(db: CounterpointDatabase, articleKey: string, limit: number): Promise<Note[] | null>;
  /** Drops the cached notes of these articles (written elsewhere, e.g. by an import). */
  notesChanged(articleKeys: readonly string[]): void;
  /** Drops cached packs and claims after a pack was installed, removed or turned off. */
  packsChanged(): void;
  /** One record per write: which notes, how, and who wrote them (one storage write). */
  announce(articleKeys: readonly string[], details: NotesChangeInput): Promise<void>;
}

/** Empty caches for a new worker life. */
export function createServiceCaches(browser: Browser): ServiceCaches {
  const pendingTabWrites = new Map<number, Promise<void>>();
  const packs = sharedUntilRejected((db: CounterpointDatabase) => installedPacks(db));
  const claims = sharedByKeyUntilRejected((articleKey, db: CounterpointDatabase) =>
    claimsForArticle(db, articleKey),
  );
  // Each article's live notes, read once and kept until a write names the article: every write
  // goes through the service or announces itself (`notes.changed`), which calls `notesChanged`.
  const notes = sharedByKeyUntilRejected((articleKey, db: CounterpointDatabase) =>
    notesForArticle(db, articleKey),
  );
  const refiled = new Set<string>();

  const forgetNotesOf = (articleKey: string): void => {
    notes.forget(articleKey);
    refiled.delete(articleKey);
  };

  return {
    pendingTabWrites,
    refiled,
    packsOf: packs,
    claimsOf: (db, articleKey) => claims.get(articleKey, db),
    // A copy for each caller, so one that sorts or filters its notes leaves the cached ones alone.
    notesOf: (db, articleKey) => notes.get(articleKey, db).then((list) => [...list]),
    async fewNotesOf(db, articleKey, limit) {
      const read = notes.peek(articleKey);
      if (read) return [...read];
      // A write that lands during the read forgets the article, which moves its stamp on: the
      // notes read are then not kept (they may be from before the write).
      const stamp = notes.stampOf(articleKey);
      const few = await fewNotesForArticle(db, articleKey, limit);
      if (few === null) return null;
      notes.offer(articleKey, [...few], stamp);
      return few;
    },
    notesChanged(articleKeys) {
      for (const key of articleKeys) forgetNotesOf(key);
    },
    packsChanged() {
      packs.forget();
      claims.forgetAll();
    },
    async announce(articleKeys, details) {
      for (const key of articleKeys) forgetNotesOf(key);
      await announceNotesChanged(browser.storage.local, articleKeys, details);
    },
  };
}
