/**
 * The background's per-worker note cache: what the first reply's bounded read finds is kept for
 * the later requests of the worker's life, unless a write named the article while it was read.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Browser } from '../browser';
import { type CounterpointDatabase, openStore } from '../store/db';
import type { Note } from '../store/types';
import { createServiceCaches } from './caches';

const ARTICLE_KEY = 'globalresearch:5746160';
let databaseCount = 0;

beforeEach(() => {
  fakeBrowser.reset();
});

function note(id: string): Note {
  return {
    id,
    articleKey: ARTICLE_KEY,
    url: 'https://www.globalresearch.ca/article/5746160',
    articleTitle: 'The article',
    target: { selectors: [{ type: 'TextQuoteSelector', exact: 'new era' }] },
    body: `body of ${id}`,
    tags: [],
    created: `2026-11-27T00:00:0${id.length}.000Z`,
    modified: `2026-11-27T00:00:0${id.length}.000Z`,
  };
}

async function setUp(): Promise<{
  db: CounterpointDatabase;
  caches: ReturnType<typeof createServiceCaches>;
}> {
  const db = await openStore({ name: `caches-test-${databaseCount++}` });
  await db.put('notes', note('a'));
  await db.put('notes', note('bb'));
  return { db, caches: createServiceCaches(fakeBrowser as unknown as Browser) };
}

const ids = (notes: readonly Note[] | null) => notes?.map((item) => item.id) ?? null;

describe('the notes a bounded read finds', () => {
  it('are kept for the worker’s later reads when they are all of the article’s', async () => {
    const { db, caches } = await setUp();
    expect(ids(await caches.fewNotesOf(db, ARTICLE_KEY, 5))).toEqual(['a', 'bb']);
    // Written without a word to the caches: a later read that went to the database would see it.
    await db.put('notes', note('ccc'));
    expect(ids(await caches.notesOf(db, ARTICLE_KEY))).toEqual(['a', 'bb']);
    expect(ids(await caches.fewNotesOf(db, ARTICLE_KEY, 5))).toEqual(['a', 'bb']);
    // Once a write names the article, the next read goes to the database.
    caches.notesChanged([ARTICLE_KEY]);
    expect(ids(await caches.notesOf(db, ARTICLE_KEY))).toEqual(['a', 'bb', 'ccc']);
  });

  it('are not kept when the article has more than the limit', async () => {
    const { db, caches } = await setUp();
    expect(await caches.fewNotesOf(db, ARTICLE_KEY, 1)).toBeNull();
    await db.put('notes', note('ccc'));
    expect(ids(await caches.notesOf(db, ARTICLE_KEY))).toEqual(['a', 'bb', 'ccc']);
  });

  it('are not kept when a write names the article while they are read', async () => {
    const { db, caches } = await setUp();
    const reading = caches.fewNotesOf(db, ARTICLE_KEY, 5);
    const written = db.put('notes', note('ccc'));
    caches.notesChanged([ARTICLE_KEY]);
    await Promise.all([reading, written]);
    expect(ids(await caches.notesOf(db, ARTICLE_KEY))).toEqual(['a', 'bb', 'ccc']);
  });

  it('hand each caller its own array', async () => {
    const { db, caches } = await setUp();
    const first = await caches.fewNotesOf(db, ARTICLE_KEY, 5);
    first?.splice(0);
    expect(ids(await caches.fewNotesOf(db, ARTICLE_KEY, 5))).toEqual(['a', 'bb']);
    const cached = await caches.fewNotesOf(db, ARTICLE_KEY, 5);
    cached?.pop();
    expect(ids(await caches.notesOf(db, ARTICLE_KEY))).toEqual(['a', 'bb']);
  });
});
