import { describe, expect, it } from 'vitest';
import { loadBundledPacks } from '../packs';
import { validatePack } from '../packs/schema';
import type { ContextPack } from '../packs/types';
import { openStore } from '../store/db';
import { putNote } from '../store/notes';
import { claimsForArticle, getMeta, PACK_PROBLEMS_KEY } from '../store/packs';
import { seedPacks } from './seed-packs';

const [pack] = loadBundledPacks().packs as [ContextPack];
let count = 0;
const now = '2026-11-27T10:00:00.000Z';

async function freshStore() {
  return openStore({ name: `seed-test-${count++}` });
}

describe('seeding the bundled packs', () => {
  it('installs the pack, then leaves the same version alone', async () => {
    const db = await freshStore();
    expect(await seedPacks(db, { packs: [pack], errors: [] }, now)).toMatchObject({
      installed: [pack.article.id],
      problems: [],
    });
    expect(await claimsForArticle(db, pack.article.id)).toHaveLength(pack.claims.length);
    expect(await seedPacks(db, { packs: [pack], errors: [] }, now)).toMatchObject({
      unchanged: [pack.article.id],
    });
  });

  it('replaces the claims with a newer pack and never touches notes', async () => {
    const db = await freshStore();
    await seedPacks(db, { packs: [pack], errors: [] }, now);
    await putNote(db, {
      id: 'mine',
      articleKey: pack.article.id,
      url: 'https://www.globalresearch.ca/x/1234567',
      articleTitle: pack.article.title,
      target: { selectors: [{ type: 'TextQuoteSelector', exact: 'new era' }] },
      body: 'keep me',
      tags: [],
      created: now,
      modified: now,
    });
    const newer: ContextPack = {
      ...pack,
      packVersion: pack.packVersion + 1,
      claims: pack.claims.slice(0, 10),
    };
    expect(validatePack(newer).ok).toBe(true);
    await seedPacks(db, { packs: [newer], errors: [] }, now);
    expect(await claimsForArticle(db, pack.article.id)).toHaveLength(10);
    expect((await db.get('notes', 'mine'))?.body).toBe('keep me');
  });

  it('refuses a broken pack with its reason, keeping the last good data', async () => {
    const db = await freshStore();
    await seedPacks(db, { packs: [pack], errors: [] }, now);
    const broken = { ...pack, packVersion: 99, claims: [] };
    const validation = validatePack(broken);
    expect(validation.ok).toBe(false);
    const errors = validation.ok
      ? []
      : validation.errors.map((error) => `broken.pack.json: ${error}`);
    const report = await seedPacks(db, { packs: [], errors }, now);
    expect(report.problems.length).toBeGreaterThan(0);
    expect(report.problems[0]).toMatch(/^broken\.pack\.json: claims/);
    expect(await getMeta(db, PACK_PROBLEMS_KEY)).toEqual(report.problems);
    expect(await claimsForArticle(db, pack.article.id)).toHaveLength(pack.claims.length);
  });
});
