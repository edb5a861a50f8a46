/**
 * Context packs in the database: claims replaced whole when a newer pack arrives, notes never
 * touched. A pack is installed, removed or turned off in one transaction, so a failure leaves
 * the last good data. Only the background writes here.
 */
import type { ContextPack } from '../packs/types';
import type { CounterpointDatabase, PackOrigin, StoredClaim, StoredPack } from './db';
import { explainStorageError } from './errors';

/** The meta key under which refused packs are remembered (written by the background, read by the popup). */
export const PACK_PROBLEMS_KEY = 'packProblems';

/** What installing a pack did. */
export type InstallOutcome = 'installed' | 'replaced' | 'unchanged';

/** The bundled origin, for packs stored without one. */
const BUNDLED: PackOrigin = { kind: 'bundled' };

/** Where a stored pack came from; packs stored before origins were kept are bundled. */
export function originOf(pack: StoredPack): PackOrigin {
  return pack.origin ?? BUNDLED;
}

/**
 * Installs a validated pack unless the same or a newer version is already there. A bundled pack
 * the reader turned off stays off when a newer bundled edition replaces it; a pack the reader
 * loads from a file is on.
 */
export async function installPack(
  db: CounterpointDatabase,
  pack: ContextPack,
  now: string,
  origin: PackOrigin = BUNDLED,
): Promise<InstallOutcome> {
  const articleKey = pack.article.id;
  try {
    const tx = db.transaction(['packs', 'claims'], 'readwrite');
    const packs = tx.objectStore('packs');
    const claims = tx.objectStore('claims');
    const existing = await packs.get(articleKey);
    if (existing && existing.packVersion >= pack.packVersion) {
      await tx.done;
      return 'unchanged';
    }
    const oldKeys = await claims.index('articleKey').getAllKeys(articleKey);
    for (const key of oldKeys) await claims.delete(key);
    for (const [order, claim] of pack.claims.entries()) {
      await claims.put({ ...claim, articleKey, order });
    }
    const keepOff = origin.kind === 'bundled' && existing?.turnedOff === true;
    await packs.put({
      articleKey,
      packVersion: pack.packVersion,
      lastReviewed: pack.lastReviewed,
      ...(pack.publisher === undefined ? {} : { publisher: pack.publisher }),
      article: pack.article,
      about: pack.about,
      installedAt: now,
      origin,
      claimCount: pack.claims.length,
      ...(keepOff ? { turnedOff: true } : {}),
    });
    await tx.done;
    return existing ? 'replaced' : 'installed';
  } catch (error) {
    throw explainStorageError(error, 'install-pack', pack.article.title);
  }
}

/**
 * Removes a pack and its claims, and nothing else (notes are filed under the article id and stay).
 * Returns the removed pack, or null when none was installed for the article.
 */
export async function removePack(
  db: CounterpointDatabase,
  articleKey: string,
): Promise<StoredPack | null> {
  try {
    const tx = db.transaction(['packs', 'claims'], 'readwrite');
    const packs = tx.objectStore('packs');
    const claims = tx.objectStore('claims');
    const existing = await packs.get(articleKey);
    if (existing) {
      const keys = await claims.index('articleKey').getAllKeys(articleKey);
      for (const key of keys) await claims.delete(key);
      await packs.delete(articleKey);
    }
    await tx.done;
    return existing ?? null;
  } catch (error) {
    throw explainStorageError(error, 'remove-pack');
  }
}

/** Turns a pack off (its claims kept, no page matched to it) or on again. False if none is installed. */
export async function setPackTurnedOff(
  db: CounterpointDatabase,
  articleKey: string,
  off: boolean,
): Promise<boolean> {
  try {
    const tx = db.transaction('packs', 'readwrite');
    const existing = await tx.store.get(articleKey);
    if (existing) {
      const { turnedOff: _previous, ...rest } = existing;
      await tx.store.put(off ? { ...rest, turnedOff: true } : rest);
    }
    await tx.done;
    return existing !== undefined;
  } catch (error) {
    throw explainStorageError(error, off ? 'pack-off' : 'pack-on');
  }
}

/**
 * Every installed pack with its claim count, for the pack list: packs stored before the count was
 * kept are counted from their claims.
 */
export async function listPacks(
  db: CounterpointDatabase,
): Promise<(StoredPack & { claimCount: number })[]> {
  const packs = await db.getAll('packs');
  return Promise.all(
    packs.map(async (pack) => ({
      ...pack,
      claimCount:
        pack.claimCount ?? (await db.countFromIndex('claims', 'articleKey', pack.articleKey)),
    })),
  );
}

/** An installed pack put back together as a format-2 pack (for the exports), or null. */
export async function readInstalledPack(
  db: CounterpointDatabase,
  articleKey: string,
): Promise<ContextPack | null> {
  const stored = await db.get('packs', articleKey);
  if (!stored) return null;
  const claims = (await claimsForArticle(db, articleKey)).map(
    ({ articleKey: _key, order: _order, ...claim }) => claim,
  );
  return {
    format: 'counterpoint-context-pack',
    formatVersion: 2,
    packVersion: stored.packVersion,
    lastReviewed: stored.lastReviewed,
    ...(stored.publisher === undefined ? {} : { publisher: stored.publisher }),
    article: stored.article,
    about: stored.about,
    claims,
  };
}

/** Every installed pack (without claims), for recognising articles. */
export async function installedPacks(db: CounterpointDatabase): Promise<StoredPack[]> {
  return db.getAll('packs');
}

/** The claims of one article in the pack's order. */
export async function claimsForArticle(
  db: CounterpointDatabase,
  articleKey: string,
): Promise<StoredClaim[]> {
  const claims = await db.getAllFromIndex('claims', 'articleKey', articleKey);
  return claims.sort((a, b) => a.order - b.order);
}

/** Remembers a problem for the popup to show (e.g. a refused pack). */
export async function setMeta(
  db: CounterpointDatabase,
  key: string,
  value: unknown,
): Promise<void> {
  await db.put('meta', { key, value });
}

/** Reads a remembered value. */
export async function getMeta(db: CounterpointDatabase, key: string): Promise<unknown> {
  return (await db.get('meta', key))?.value;
}
