/**
 * The IndexedDB database of the extension origin: schema, migrations by version, and opening.
 * Only extension pages (background, popup, notes manager) open it; content scripts never do,
 * because a content script's `indexedDB` belongs to the web page.
 */
import { type DBSchema, type IDBPDatabase, openDB, unwrap } from 'idb';
import type { AboutEntry, Claim, PackArticle } from '../packs/types';
import type { Note } from './types';

/** The database's name in the extension origin. */
export const DATABASE_NAME = 'counterpoint';

/** The current schema version. Every change adds a step to `migrations` below. */
export const DATABASE_VERSION = 3;

/** A claim as stored: the pack's claim with the article it belongs to and its order. */
export interface StoredClaim extends Claim {
  articleKey: string;
  /** Position in the pack, so claims list in the pack's (reading) order. */
  order: number;
}

/** Where an installed pack came from: shipped inside the extension, or a file the reader chose. */
export type PackOrigin = { kind: 'bundled' } | { kind: 'file'; fileName: string };

/** What is kept of an installed pack besides its claims. */
export interface StoredPack {
  articleKey: string;
  packVersion: number;
  lastReviewed: string;
  /** Who wrote the pack's verdicts, when the pack names them. */
  publisher?: string;
  article: PackArticle;
  about: AboutEntry[];
  installedAt: string;
  /** Absent on packs stored before packs could come from files: those are all bundled. */
  origin?: PackOrigin;
  /** How many claims the pack has (absent on packs stored before it was kept). */
  claimCount?: number;
  /**
   * The reader turned the pack off: its claims are kept but no page is matched to it. Bundled
   * packs are turned off rather than removed, so the next start does not install them again.
   */
  turnedOff?: boolean;
}

/** The typed schema: every store and index, so idb types every read and write. */
export interface CounterpointSchema extends DBSchema {
  notes: {
    key: string;
    value: Note;
    indexes: { articleKey: string; modified: string; deletedAt: string };
  };
  claims: {
    key: [string, string];
    value: StoredClaim;
    indexes: { articleKey: string };
  };
  packs: {
    key: string;
    value: StoredPack;
  };
  meta: {
    key: string;
    value: { key: string; value: unknown };
  };
}

/** An open Counterpoint database. */
export type CounterpointDatabase = IDBPDatabase<CounterpointSchema>;

type UpgradeArguments = Parameters<
  NonNullable<NonNullable<Parameters<typeof openDB<CounterpointSchema>>[2]>['upgrade']>
>;
type UpgradeDatabase = UpgradeArguments[0];
type UpgradeTransaction = UpgradeArguments[3];

/** Schema steps by the version they create. Never edit a step that has shipped: add one. */
export const migrations: Record<number, (db: UpgradeDatabase, tx: UpgradeTransaction) => void> = {
  1(db) {
    const notes = db.createObjectStore('notes', { keyPath: 'id' });
    notes.createIndex('articleKey', 'articleKey');
    notes.createIndex('modified', 'modified');
    // Version 1 also indexed tags; version 3 removes that index. Created untyped, as version 1 did.
    unwrap(notes).createIndex('tags', 'tags', { multiEntry: true });
    const claims = db.createObjectStore('claims', { keyPath: ['articleKey', 'id'] });
    claims.createIndex('articleKey', 'articleKey');
    db.createObjectStore('packs', { keyPath: 'articleKey' });
    db.createObjectStore('meta', { keyPath: 'key' });
  },
  2(_db, tx) {
    // Only deleted notes carry `deletedAt`, so this index holds just them: purging the undo
    // window no longer walks every note.
    tx.objectStore('notes').createIndex('deletedAt', 'deletedAt');
  },
  3(_db, tx) {
    // Search and the tag filter work in memory, so the multi-entry tags index was only ever
    // written, never read — and every note write paid for an entry per tag.
    const notes = unwrap(tx.objectStore('notes'));
    if (notes.indexNames.contains('tags')) notes.deleteIndex('tags');
  },
};

/** Why the database could not be opened, in words a reader can act on. */
export class StoreOpenError extends Error {
  override name = 'StoreOpenError';
}

/** Options for opening the database; tests pass their own name. */
export interface OpenStoreOptions {
  name?: string;
  /** Called when an open tab holds an older version open and the upgrade must wait. */
  onBlocked?: () => void;
}

/** Opens (and upgrades, step by step) the database. */
export async function openStore(options: OpenStoreOptions = {}): Promise<CounterpointDatabase> {
  const name = options.name ?? DATABASE_NAME;
  try {
    const db = await openDB<CounterpointSchema>(name, DATABASE_VERSION, {
      upgrade(database, oldVersion, newVersion, transaction) {
        const target = newVersion ?? DATABASE_VERSION;
        for (let version = oldVersion + 1; version <= target; version++) {
          migrations[version]?.(database, transaction);
        }
      },
      blocked() {
        // Another page of Counterpoint still has the old version open; the upgrade waits for it.
        options.onBlocked?.();
      },
      blocking() {
        // A newer version wants to open (an update in another context): step aside.
        db.close();
      },
    });
    return db;
  } catch (error) {
    throw new StoreOpenError(
      `Counterpoint could not open its storage: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}
