import { describe, expect, it } from 'vitest';
import { IMPORT_BATCH_SIZE } from '../notes-io';
import thirdParty from '../notes-io/fixtures/third-party-annotation.json';
import { makeNote, testId } from '../notes-io/test-notes';
import { loadBundledPacks } from '../packs';
import { allNotes, notesForArticle, putNote, softDeleteNote } from '../store/notes';
import { installPack } from '../store/packs';
import { freshDatabasePerTest } from '../store/test-database';
import {
  buildExportFile,
  fileDate,
  fileSlug,
  fileTooLargeMessage,
  importNotesText,
} from './notes-transfer';

const NOW = new Date(2026, 10, 27, 15, 30);

const store = freshDatabasePerTest('transfer');

const dependencies = () => ({ db: store.db, now: NOW, newId: testId });

describe('export files', () => {
  const harbour = makeNote({ body: 'Harbour note' });
  const other = makeNote({
    articleKey: '/other',
    articleTitle: 'Mexico: President AMLO Meets Vice President Kamala Harris',
    body: 'Vaccine note',
  });

  it('names files by date, and by article for one article', () => {
    expect(fileDate(NOW)).toBe('2026-11-27');
    expect(buildExportFile([harbour], 'jsonld', { kind: 'all' }, NOW).filename).toBe(
      'counterpoint-notes-2026-11-27.jsonld',
    );
    const article = buildExportFile(
      [harbour, other],
      'markdown',
      { kind: 'article', articleKey: '/other', title: other.articleTitle },
      NOW,
    );
    expect(article.filename).toBe(
      'counterpoint-notes-mexico-president-amlo-meets-vice-2026-11-27.md',
    );
    expect(fileSlug('Émile’s «café» — 2021!')).toBe('emile-s-cafe-2021');
  });

  it('writes every note as a Web Annotation collection', () => {
    const file = buildExportFile([harbour, other], 'jsonld', { kind: 'all' }, NOW);
    expect(file.mimeType).toBe('application/ld+json');
    const collection = JSON.parse(file.content);
    expect(collection.type).toBe('AnnotationCollection');
    expect(collection.total).toBe(2);
    expect(collection.generated).toBe(NOW.toISOString());
    expect(collection.first.items.map((item: { id: string }) => item.id)).toEqual([
      `urn:uuid:${harbour.id}`,
      `urn:uuid:${other.id}`,
    ]);
  });

  it("writes only the article's notes for that scope, in Markdown", () => {
    const file = buildExportFile(
      [harbour, other],
      'markdown',
      { kind: 'article', articleKey: '/other', title: other.articleTitle },
      NOW,
    );
    expect(file.mimeType).toBe('text/markdown');
    expect(file.content).toContain('Vaccine note');
    expect(file.content).not.toContain('Harbour note');
  });
});

describe('importNotesText', () => {
  it('adds the notes of an export to an empty store and says so', async () => {
    const notes = [makeNote(), makeNote({ articleKey: '/other', body: 'Second' })];
    const file = buildExportFile(notes, 'jsonld', { kind: 'all' }, NOW);
    const outcome = await importNotesText(file.content, dependencies());
    expect(outcome).toMatchObject({ ok: true, summary: 'Added 2 notes.' });
    expect(outcome.ok && outcome.articleKeys.sort()).toEqual(['/other', notes[0]?.articleKey]);
    expect((await allNotes(store.db)).map((note) => note.id).sort()).toEqual(
      notes.map((note) => note.id).sort(),
    );
  });

  it('adds nothing twice when the same file is imported again', async () => {
    const file = buildExportFile([makeNote()], 'jsonld', { kind: 'all' }, NOW);
    await importNotesText(file.content, dependencies());
    const again = await importNotesText(file.content, dependencies());
    expect(again).toMatchObject({
      ok: true,
      summary: 'Added no notes; skipped 1 already present.',
    });
    expect(await allNotes(store.db)).toHaveLength(1);
  });

  it('does not fail the whole import on the id of a note deleted moments ago', async () => {
    const kept = makeNote({ body: 'kept' });
    const removed = makeNote({ body: 'removed' });
    await putNote(store.db, removed);
    await softDeleteNote(store.db, removed.id, NOW.toISOString());
    const file = buildExportFile([kept, removed], 'jsonld', { kind: 'all' }, NOW);
    const outcome = await importNotesText(file.content, dependencies());
    expect(outcome).toMatchObject({
      ok: true,
      summary: 'Added 1 note; skipped 1 already present.',
    });
    expect((await allNotes(store.db)).map((note) => note.body)).toEqual(['kept']);
  });

  it('adds a file larger than one batch, leaving out repeats that are batches apart', async () => {
    const count = IMPORT_BATCH_SIZE * 2 + 10;
    const items = Array.from({ length: count }, (_, index) => foreignAnnotation(index));
    // The last annotation repeats the first one's passage and text.
    items.push(foreignAnnotation(0));
    const outcome = await importNotesText(JSON.stringify(items), dependencies());
    expect(outcome).toMatchObject({
      ok: true,
      summary: `Added ${count.toLocaleString('en')} notes; skipped 1 already present.`,
    });
    expect(await store.db.count('notes')).toBe(count);
  });

  it('writes nothing when a note late in a large file fails, and leaves existing notes as they were', async () => {
    const existing = makeNote();
    await putNote(store.db, existing);
    // Annotations without a urn:uuid id are given a new one; the id source fails in the third
    // batch, after the first two were already written in the same transaction.
    const items = Array.from({ length: IMPORT_BATCH_SIZE * 2 + 10 }, (_, index) =>
      foreignAnnotation(index),
    );
    let idsGiven = 0;
    const outcome = await importNotesText(JSON.stringify(items), {
      db: store.db,
      now: NOW,
      newId: () => {
        idsGiven += 1;
        if (idsGiven > IMPORT_BATCH_SIZE * 2 + 5) throw new Error('no randomness');
        return testId();
      },
    });
    expect(outcome).toEqual({
      ok: false,
      error: 'The file could not be read: no randomness Nothing was imported.',
    });
    expect(await allNotes(store.db)).toEqual([existing]);
  });

  it('refuses a file that is not JSON and leaves the stored notes as they were', async () => {
    const existing = makeNote();
    await putNote(store.db, existing);
    const outcome = await importNotesText('{ not json', dependencies());
    expect(outcome.ok).toBe(false);
    expect(!outcome.ok && outcome.error).toMatch(
      /^The file is not JSON: .*Nothing was imported\.$/,
    );
    expect(await allNotes(store.db)).toEqual([existing]);
  });

  it('refuses a JSON file with no annotations, with the reason', async () => {
    const outcome = await importNotesText('{"type":"Person","name":"x"}', dependencies());
    expect(!outcome.ok && outcome.error).toContain('No annotations found');
  });

  it("stores a third-party annotation's tags as the editor and the background do", async () => {
    const outcome = await importNotesText(JSON.stringify(thirdParty), dependencies());
    expect(outcome.ok && outcome.summary).toBe('Added 1 note.');
    const [note] = await allNotes(store.db);
    expect(note?.tags).toEqual(['Foo', 'a b']);
  });

  it("files a third-party annotation of a pack article under the pack's id, where the page reads", async () => {
    const [pack] = loadBundledPacks().packs;
    if (!pack) throw new Error('The bundled pack is missing.');
    await installPack(store.db, pack, NOW.toISOString());
    const outcome = await importNotesText(JSON.stringify(thirdParty), dependencies());
    expect(outcome.ok && outcome.articleKeys).toEqual([pack.article.id]);
    const onArticle = await notesForArticle(store.db, pack.article.id);
    expect(onArticle.map((note) => note.body)).toEqual([
      'Worth checking against the official readout.',
    ]);
    // The address is kept as the other tool gave it, without query or fragment.
    expect(onArticle[0]?.url).toBe(
      'http://globalresearch.ca/mexico-president-amlo-meets-vice-president-kamala-harris/5746160/',
    );
  });

  it("files a third-party annotation under the key the reader's notes of that page already have", async () => {
    const path = '/mexico-president-amlo-meets-vice-president-kamala-harris/5746160';
    await putNote(
      store.db,
      makeNote({ articleKey: 'some-pack-article', url: `https://www.globalresearch.ca${path}` }),
    );
    const outcome = await importNotesText(JSON.stringify(thirdParty), dependencies());
    expect(outcome.ok && outcome.articleKeys).toEqual(['some-pack-article']);
  });

  it('files a third-party annotation under the key an open tab of that article reads', async () => {
    const outcome = await importNotesText(JSON.stringify(thirdParty), {
      ...dependencies(),
      openPages: [
        {
          url: 'https://www.globalresearch.ca/mexico-president-amlo-meets-vice-president-kamala-harris/5746160',
          articleKey: 'tab-article',
        },
      ],
    });
    expect(outcome.ok && outcome.articleKeys).toEqual(['tab-article']);
  });

  it('explains a file over the size limit before reading it', () => {
    expect(fileTooLargeMessage(62_345_678)).toBe(
      'The file is 62.3 MB; the limit is 50 MB. Nothing was imported.',
    );
  });
});

/** An annotation as another tool writes it: no Counterpoint fields, no urn:uuid id. */
function foreignAnnotation(index: number): Record<string, unknown> {
  return {
    type: 'Annotation',
    body: { type: 'TextualBody', value: `Note number ${index}` },
    target: {
      source: 'https://news.example/world/harbour-vote/1234567',
      selector: { type: 'TextQuoteSelector', exact: `passage number ${index}` },
    },
  };
}
