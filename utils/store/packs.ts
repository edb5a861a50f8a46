/**
 * Context packs in the database: claims replaced whole when a newer pack arrives, notes never
 * touched. A pack is installed in one transaction, so a failure leaves the last good data.
 */
import type { ContextPack } from '../packs/types';
import type { CounterpointDatabase, StoredClaim, StoredPack } from './db';
import { explainStorageError } from './errors';

/** The meta key under which refused packs are remembered (written by the background, read by the popup). */
export const PACK_PROBLEMS_KEY = 'packProblems';

/** What installing a pack did. */
export type InstallOutcome = 'installed' | 'replaced' | 'unchanged';

/** Installs a validated pack unless the same or a newer version is already there. */
export async function installPack(
  db: CounterpointDatabase,
  pack: ContextPack,
  now: string,
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
    await packs.put({
      articleKey,
      packVersion: pack.packVersion,
      lastReviewed: pack.lastReviewed,
      article: pack.article,
      about: pack.about,
      installedAt: now,
    });
    await tx.done;
    return existing ? 'replaced' : 'installed';
  } catch (error) {
    throw explainStorageError(error, `install the context pack for "${pack.article.title}"`);
  }
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
