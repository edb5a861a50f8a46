/**
 * Notes through the background: created for the page's article only, edited, deleted and
 * restored by their own page or the extension's pages, each write announced once with its
 * writer, and the page-side layer told where notes are, never what they say.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ARTICLE_HEADLINE } from '../../e2e/fixtures';
import type { Runtime } from '../browser';
import { allNotes, getNote } from '../store/notes';
import {
  ARTICLE,
  ARTICLE_TEXT,
  fromFrame,
  fromPopup,
  fromTab,
  OTHER_ARTICLE,
  openedArticle,
  pack,
  quote,
  setUp,
} from './test-service';

beforeEach(() => {
  fakeBrowser.reset();
});

describe('notes through the background', () => {
  it('creates a note keyed to the page’s article, and a retried save creates nothing more', async () => {
    const { service, db } = await openedArticle();
    const request = {
      type: 'note.create',
      payload: {
        id: 'note-1',
        target: quote('new era'),
        body: 'Check this',
        tags: [' policy ', 'Policy', 'mexico'],
      },
    };
    const first = await service.handle(request, fromFrame());
    const retried = await service.handle(request, fromFrame());
    expect(first).toMatchObject({
      ok: true,
      value: { articleKey: pack.article.id, tags: ['policy', 'mexico'] },
    });
    expect(retried).toEqual(first);
    expect(await allNotes(db)).toHaveLength(1);
  });

  it('refuses empty notes and notes over the limit, saying what the limit is', async () => {
    const { service, db } = await openedArticle();
    const empty = await service.handle(
      { type: 'note.create', payload: { id: 'n', target: quote('x'), body: '   ', tags: [] } },
      fromFrame(),
    );
    expect(empty).toEqual({ ok: false, error: 'Write something before saving.' });
    const huge = await service.handle(
      {
        type: 'note.create',
        payload: { id: 'n', target: quote('x'), body: 'a'.repeat(20_001), tags: [] },
      },
      fromFrame(),
    );
    expect(huge).toMatchObject({ ok: false });
    if (!huge.ok) expect(huge.error).toContain('up to 20,000 characters; this one has 20,001');
    expect(await allNotes(db)).toHaveLength(0);
  });

  it('edits, deletes and restores a note; another article’s page cannot touch it', async () => {
    const { service, db } = await openedArticle();
    await service.handle(
      {
        type: 'note.create',
        payload: { id: 'note-1', target: quote('new era'), body: 'one', tags: [] },
      },
      fromFrame(),
    );
    // A tab showing another article.
    await service.handle(
      { type: 'page.opened', payload: { headline: 'Another story', text: '' } },
      fromTab(OTHER_ARTICLE, 8),
    );
    const foreign = await service.handle(
      { type: 'note.update', payload: { id: 'note-1', body: 'hijacked', tags: [] } },
      fromFrame(8),
    );
    expect(foreign).toEqual({ ok: false, error: 'That note is not on this page.' });

    const edited = await service.handle(
      { type: 'note.update', payload: { id: 'note-1', body: 'two', tags: ['t'] } },
      fromFrame(),
    );
    expect(edited).toMatchObject({ ok: true, value: { body: 'two', tags: ['t'] } });
    await service.handle({ type: 'note.delete', payload: { id: 'note-1' } }, fromFrame());
    expect(await allNotes(db)).toHaveLength(0);
    expect((await getNote(db, 'note-1'))?.deletedAt).toBeDefined();
    await service.handle({ type: 'note.restore', payload: { id: 'note-1' } }, fromPopup);
    expect(await allNotes(db)).toMatchObject([{ id: 'note-1', body: 'two' }]);
  });

  it('announces every change in extension storage, naming only the article', async () => {
    const { service } = await openedArticle();
    const seen: unknown[] = [];
    fakeBrowser.storage.onChanged.addListener((changes) =>
      seen.push(changes.notesChanged?.newValue),
    );
    await service.handle(
      {
        type: 'note.create',
        payload: { id: 'note-1', target: quote('new era'), body: 'secret text', tags: [] },
      },
      fromFrame(),
    );
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({ articleKeys: [pack.article.id] });
    expect(JSON.stringify(seen[0])).not.toContain('secret text');
  });

  it('names in each change the notes, what happened to them and which tab or page wrote them', async () => {
    const { service } = await openedArticle();
    const seen: unknown[] = [];
    fakeBrowser.storage.onChanged.addListener((changes) =>
      seen.push(changes.notesChanged?.newValue),
    );
    await service.handle(
      {
        type: 'note.create',
        payload: { id: 'note-1', target: quote('new era'), body: 'b', tags: [] },
      },
      fromFrame(7),
    );
    await service.handle(
      { type: 'note.update', payload: { id: 'note-1', body: 'c', tags: [], writer: 'page-x' } },
      fromPopup,
    );
    // A frame cannot pass itself off as another writer: its tab is its writer.
    await service.handle(
      { type: 'note.delete', payload: { id: 'note-1', writer: 'page-x' } },
      fromFrame(7),
    );
    await service.handle({ type: 'note.restore', payload: { id: 'note-1' } }, fromTab(ARTICLE));
    const key = pack.article.id;
    expect(seen).toEqual([
      expect.objectContaining({
        articleKeys: [key],
        noteIds: ['note-1'],
        kind: 'created',
        writer: 'tab:7',
      }),
      expect.objectContaining({ noteIds: ['note-1'], kind: 'updated', writer: 'page-x' }),
      expect.objectContaining({ noteIds: ['note-1'], kind: 'deleted', writer: 'tab:7' }),
      expect.objectContaining({ noteIds: ['note-1'], kind: 'created', writer: 'tab:7' }),
    ]);
    const opened = await service.handle(
      { type: 'page.opened', payload: { headline: ARTICLE_HEADLINE, text: ARTICLE_TEXT } },
      fromTab(ARTICLE, 9),
    );
    expect(opened).toMatchObject({ ok: true, value: { writer: 'tab:9' } });
  });

  it('refuses a note from a page that was never recognised', async () => {
    const { service } = await setUp();
    const reply = await service.handle(
      { type: 'note.create', payload: { id: 'n', target: quote('x'), body: 'b', tags: [] } },
      fromFrame(99),
    );
    expect(reply).toEqual({ ok: false, error: 'This page is not a recognised article.' });
  });

  it('tells the page-side layer where notes are, never what they say, and lets it write none', async () => {
    const { service } = await openedArticle();
    await service.handle(
      {
        type: 'note.create',
        payload: {
          id: 'note-1',
          target: quote('new era'),
          body: 'secret text',
          tags: ['private-tag'],
          claimId: 'c1',
        },
      },
      fromFrame(),
    );
    const opened = await service.handle(
      { type: 'page.opened', payload: { headline: ARTICLE_HEADLINE, text: ARTICLE_TEXT } },
      fromTab(ARTICLE),
    );
    const anchors = await service.handle({ type: 'page.notesPage', payload: {} }, fromTab(ARTICLE));
    expect(anchors).toEqual({
      ok: true,
      value: { notes: [{ id: 'note-1', target: quote('new era'), claimId: 'c1' }] },
    });
    expect(JSON.stringify(opened)).not.toMatch(/secret text|private-tag/);
    expect(opened).toMatchObject({ ok: true, value: { notes: [{ id: 'note-1' }] } });

    for (const [type, payload] of [
      ['panel.notes', {}],
      ['note.create', { id: 'note-2', target: quote('x'), body: 'b', tags: [] }],
      ['note.update', { id: 'note-1', body: 'changed', tags: [] }],
      ['note.delete', { id: 'note-1' }],
    ] as const) {
      expect(await service.handle({ type, payload }, fromTab(ARTICLE))).toEqual({
        ok: false,
        error: 'This page is not allowed to ask Counterpoint for that.',
      });
    }
    // Undo of a delete is the page side's one write, and it answers without the text.
    await service.handle({ type: 'note.delete', payload: { id: 'note-1' } }, fromFrame());
    const restored = await service.handle(
      { type: 'note.restore', payload: { id: 'note-1' } },
      fromTab(ARTICLE),
    );
    expect(restored).toEqual({
      ok: true,
      value: { id: 'note-1', target: quote('new era'), claimId: 'c1' },
    });
    const full = await service.handle({ type: 'panel.notes', payload: {} }, fromFrame());
    expect(full).toMatchObject({ ok: true, value: [{ id: 'note-1', body: 'secret text' }] });
  });

  it('answers a frame of our own only when it is the popover page inside a tab', async () => {
    const { service } = await openedArticle();
    const popupInTab: Runtime.MessageSender = {
      ...fromFrame(),
      url: fakeBrowser.runtime.getURL('/popup.html'),
    };
    expect(await service.handle({ type: 'panel.notes', payload: {} }, popupInTab)).toEqual({
      ok: false,
      error: 'This page is not allowed to ask Counterpoint for that.',
    });
    expect(await service.handle({ type: 'panel.notes', payload: {} }, fromFrame())).toMatchObject({
      ok: true,
    });
  });
});

describe('notes read for pages', () => {
  it('include notes written elsewhere (an import) once that write is announced', async () => {
    const { db, service } = await setUp();
    await service.handle(
      { type: 'page.opened', payload: { headline: ARTICLE_HEADLINE, text: ARTICLE_TEXT } },
      fromTab(ARTICLE),
    );
    expect(await service.handle({ type: 'page.notesPage', payload: {} }, fromTab(ARTICLE))).toEqual(
      { ok: true, value: { notes: [] } },
    );
    await db.put('notes', {
      id: 'imported',
      articleKey: pack.article.id,
      url: ARTICLE,
      articleTitle: pack.article.title,
      target: quote('new era'),
      body: 'from a file',
      tags: [],
      created: '2026-11-27T09:00:00.000Z',
      modified: '2026-11-27T09:00:00.000Z',
    });
    await service.handle(
      { type: 'notes.changed', payload: { articleKeys: [pack.article.id] } },
      fromPopup,
    );
    const reply = await service.handle({ type: 'page.notesPage', payload: {} }, fromTab(ARTICLE));
    expect(reply).toEqual({
      ok: true,
      value: { notes: [{ id: 'imported', target: quote('new era') }] },
    });
    const inFrame = await service.handle({ type: 'panel.notes', payload: {} }, fromFrame());
    expect(inFrame).toMatchObject({ ok: true, value: [{ id: 'imported', body: 'from a file' }] });
  });
});
