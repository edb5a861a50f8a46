/**
 * The notes of an article tab in pages: the first with the claims, the rest one request at a
 * time after a cursor, in the store's order, so no reply grows with the note count. A note
 * deleted or added between two pages moves no other note into or out of a page; the request is
 * checked like every other; what reaches the page is where notes are, never what they say.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ARTICLE_HEADLINE } from '../../e2e/fixtures';
import { NOTE_PAGE_SIZE, type NotePage, type PageData } from '../messaging/protocol';
import type { CounterpointDatabase } from '../store/db';
import type { Note } from '../store/types';
import { notePageOf } from './note-pages';
import {
  ARTICLE,
  ARTICLE_TEXT,
  fromFrame,
  fromPopup,
  fromTab,
  pack,
  quote,
  setUp,
} from './test-service';

beforeEach(() => {
  fakeBrowser.reset();
});

/** A note of the pack's article, created `second` seconds into a day before the tests' clock. */
function note(id: string, second: number): Note {
  const at = new Date(Date.UTC(2026, 10, 26, 0, 0, second)).toISOString();
  return {
    id,
    articleKey: pack.article.id,
    url: ARTICLE,
    articleTitle: pack.article.title,
    target: quote('new era'),
    body: `secret body of ${id}`,
    tags: ['private-tag'],
    created: at,
    modified: at,
  };
}

async function seed(db: CounterpointDatabase, notes: readonly Note[]): Promise<void> {
  const tx = db.transaction('notes', 'readwrite');
  await Promise.all([...notes.map((item) => tx.store.put(item)), tx.done]);
}

const ids = (page: { notes: { id: string }[] }) => page.notes.map((item) => item.id);
const nothing = () => Promise.resolve(undefined);

describe('notePageOf', () => {
  const notes = ['a', 'b', 'c', 'd', 'e', 'f', 'g'].map((id, minute) => note(id, minute));

  it('cuts the notes into pages after a cursor, the last one with no cursor', async () => {
    const first = await notePageOf(notes, {}, nothing, 3);
    expect(first).toMatchObject({ next: 'c' });
    expect(ids(first)).toEqual(['a', 'b', 'c']);
    const second = await notePageOf(notes, { after: 'c' }, nothing, 3);
    expect(ids(second)).toEqual(['d', 'e', 'f']);
    const last = await notePageOf(notes, { after: second.next as string }, nothing, 3);
    expect(ids(last)).toEqual(['g']);
    expect(last.next).toBeUndefined();
    // Exactly one page's worth: no empty page after it.
    expect((await notePageOf(notes.slice(0, 6), { after: 'c' }, nothing, 3)).next).toBeUndefined();
  });

  it('goes on after where a deleted cursor stood, from its record, skipping nothing', async () => {
    const withoutC = notes.filter((item) => item.id !== 'c');
    const page = await notePageOf(withoutC, { after: 'c' }, async (id) =>
      id === 'c' ? notes[2] : undefined,
    );
    expect(ids(page)).toEqual(['d', 'e', 'f', 'g']);
  });

  it('starts again at the first note for a cursor with no record at all (the page skips what it has)', async () => {
    expect(ids(await notePageOf(notes, { after: 'unknown' }, nothing, 3))).toEqual(['a', 'b', 'c']);
  });

  it('answers the notes a change names, in the store’s order, without their text', async () => {
    const page = await notePageOf(notes, { ids: ['f', 'b', 'gone'] }, nothing);
    expect(page).toEqual({
      notes: [
        { id: 'b', target: quote('new era') },
        { id: 'f', target: quote('new era') },
      ],
    });
  });
});

describe('page.opened and page.notesPage', () => {
  async function openedWith(count: number) {
    const setup = await setUp();
    await seed(
      setup.db,
      Array.from({ length: count }, (_, index) =>
        note(`n${String(index).padStart(6, '0')}`, index),
      ),
    );
    const open = async () => {
      const reply = await setup.service.handle(
        { type: 'page.opened', payload: { headline: ARTICLE_HEADLINE, text: ARTICLE_TEXT } },
        fromTab(ARTICLE),
      );
      return (reply as { ok: true; value: PageData }).value;
    };
    return { ...setup, open, opened: await open() };
  }

  /** Every page after `next` (none: from the first note), each checked for its size. */
  async function pagesAfter(
    service: Awaited<ReturnType<typeof openedWith>>['service'],
    next: string | undefined,
  ): Promise<{ ids: string[]; pages: number }> {
    const seen: string[] = [];
    let cursor = next;
    let pages = 0;
    do {
      const reply = await service.handle(
        { type: 'page.notesPage', payload: cursor === undefined ? {} : { after: cursor } },
        fromTab(ARTICLE),
      );
      const page = (reply as { ok: true; value: NotePage }).value;
      expect(page.notes.length).toBeLessThanOrEqual(NOTE_PAGE_SIZE);
      seen.push(...page.notes.map((item) => item.id));
      cursor = page.next;
      pages++;
    } while (cursor !== undefined);
    return { ids: seen, pages };
  }

  it('sends the claims at once and every note in pages when more than a page was not read yet', async () => {
    const count = 2 * NOTE_PAGE_SIZE + 3;
    const { service, opened } = await openedWith(count);
    expect(opened.claims.length).toBeGreaterThan(0);
    // This worker has not read the notes: the claims do not wait for that.
    expect(opened.notes).toEqual([]);
    expect(opened.notesLater).toBe(true);
    expect(opened).not.toHaveProperty('notesNext');
    const { ids: seen, pages } = await pagesAfter(service, undefined);
    expect(pages).toBe(3);
    expect(seen).toHaveLength(count);
    expect(new Set(seen).size).toBe(count);
  });

  it('sends the first page with the claims once the notes are read, then the rest in pages', async () => {
    const count = 2 * NOTE_PAGE_SIZE + 3;
    const { service, open } = await openedWith(count);
    await pagesAfter(service, undefined);
    const opened = await open();
    expect(opened.claims.length).toBeGreaterThan(0);
    expect(opened.notes).toHaveLength(NOTE_PAGE_SIZE);
    expect(opened).not.toHaveProperty('notesLater');
    expect(opened.notesNext).toBe(opened.notes.at(-1)?.id);
    const rest = await pagesAfter(service, opened.notesNext);
    const seen = [...opened.notes.map((item) => item.id), ...rest.ids];
    expect(rest.pages).toBe(2);
    expect(seen).toHaveLength(count);
    expect(new Set(seen).size).toBe(count);
  });

  it('sends the notes with the claims when they fit one page, read or not', async () => {
    const { opened } = await openedWith(NOTE_PAGE_SIZE);
    expect(opened.notes).toHaveLength(NOTE_PAGE_SIZE);
    expect(opened).not.toHaveProperty('notesLater');
    expect(opened).not.toHaveProperty('notesNext');
  });

  it('sends no cursor when every note fits the first page', async () => {
    const { opened } = await openedWith(3);
    expect(opened.notes).toHaveLength(3);
    expect(opened).not.toHaveProperty('notesNext');
  });

  it('loses no note and sends none twice when notes are deleted and added between pages', async () => {
    const { service, open } = await openedWith(NOTE_PAGE_SIZE + 2);
    // Read once (the first reply then carries the first page and its cursor).
    await pagesAfter(service, undefined);
    const opened = await open();
    const cursor = opened.notesNext as string;
    const firstIds = opened.notes.map((item) => item.id);
    // The cursor note itself and one before it are deleted; a new note is written.
    for (const id of [cursor, firstIds[0] as string]) {
      expect(
        await service.handle({ type: 'note.delete', payload: { id } }, fromPopup),
      ).toMatchObject({ ok: true });
    }
    const created = await service.handle(
      {
        type: 'note.create',
        payload: { id: 'later', target: quote('new era'), body: 'new', tags: [] },
      },
      fromFrame(),
    );
    expect(created).toMatchObject({ ok: true });
    const reply = await service.handle(
      { type: 'page.notesPage', payload: { after: cursor } },
      fromTab(ARTICLE),
    );
    const rest = (reply as { ok: true; value: NotePage }).value;
    const expected = [
      `n${String(NOTE_PAGE_SIZE).padStart(6, '0')}`,
      `n${String(NOTE_PAGE_SIZE + 1).padStart(6, '0')}`,
      'later',
    ];
    expect(ids(rest)).toEqual(expected);
    expect(rest.next).toBeUndefined();
  });

  it('answers the notes a change names, where they are and nothing they say', async () => {
    const { service } = await openedWith(4);
    const reply = await service.handle(
      { type: 'page.notesPage', payload: { ids: ['n000002', 'n000000'] } },
      fromTab(ARTICLE),
    );
    expect(reply).toEqual({
      ok: true,
      value: {
        notes: [
          { id: 'n000000', target: quote('new era') },
          { id: 'n000002', target: quote('new era') },
        ],
      },
    });
    expect(JSON.stringify(reply)).not.toMatch(/secret|private-tag|2026-/);
  });

  it('checks the request like any other: a malformed cursor, extra fields, other senders', async () => {
    const { service } = await openedWith(2);
    for (const payload of [
      { after: 'not an id!' },
      { after: 42 },
      { after: 'n000000', limit: 100_000 },
      { ids: [] },
      { ids: Array.from({ length: 1001 }, (_, index) => `n${index}`) },
      { ids: ['n000000'], after: 'n000000' },
    ]) {
      const reply = await service.handle({ type: 'page.notesPage', payload }, fromTab(ARTICLE));
      expect(reply, JSON.stringify(payload).slice(0, 60)).toMatchObject({ ok: false });
    }
    for (const sender of [fromFrame(), fromPopup]) {
      const reply = await service.handle({ type: 'page.notesPage', payload: {} }, sender);
      expect(reply).toMatchObject({ ok: false });
    }
    // A tab whose article was never recognised gets nothing.
    const stranger = await service.handle(
      { type: 'page.notesPage', payload: {} },
      fromTab(ARTICLE, 99),
    );
    expect(stranger).toEqual({ ok: false, error: 'This page is not a recognised article.' });
  });
});
