import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ARTICLE_HEADLINE, readFixture } from '../../e2e/fixtures';
import type { Browser, Runtime } from '../browser';
import { readShownItem } from '../messaging/shown-item';
import { articleKeyFor } from '../notes-io/article-key';
import { loadBundledPacks } from '../packs';
import { articleText } from '../page/fingerprint';
import { recogniseArticle } from '../page/recognise';
import { openStore } from '../store/db';
import { allNotes, getNote, notesForArticle, putNote } from '../store/notes';
import { readTabPage } from '../store/tab-pages';
import type { Note } from '../store/types';
import { seedPacks } from './seed-packs';
import { createBackgroundService } from './service';

const browser = fakeBrowser as unknown as Browser;
const ARTICLE =
  'https://www.globalresearch.ca/mexico-president-amlo-meets-vice-president-kamala-harris/5746160';
const OTHER_ARTICLE = 'https://www.globalresearch.ca/another-story/5800001';
const { packs } = loadBundledPacks();
/** The article's text as the content script sends it. */
const ARTICLE_TEXT = (() => {
  const doc = new DOMParser().parseFromString(readFixture('article.html'), 'text/html');
  const recognition = recogniseArticle(doc, ARTICLE);
  if (!recognition) throw new Error('fixture not recognised');
  return articleText(recognition.body);
})();
const pack = packs[0]!;

let databaseCount = 0;
let injected: number[] = [];

async function setUp() {
  const db = await openStore({ name: `service-test-${databaseCount++}` });
  await seedPacks(db, { packs, errors: [] }, '2026-11-27T00:00:00.000Z');
  let clock = Date.parse('2026-11-27T10:00:00.000Z');
  const service = createBackgroundService({
    getDatabase: async () => db,
    browser,
    injectUi: async (tabId) => {
      injected.push(tabId);
    },
    now: () => {
      clock += 1000;
      return new Date(clock);
    },
  });
  return { db, service };
}

function fromTab(url: string, tabId = 7): Runtime.MessageSender {
  return {
    id: fakeBrowser.runtime.id,
    url,
    tab: { id: tabId } as Runtime.MessageSender['tab'],
    frameId: 0,
  };
}

/** The popover frame (an extension page) inside a tab. */
function fromFrame(tabId = 7): Runtime.MessageSender {
  return {
    id: fakeBrowser.runtime.id,
    url: fakeBrowser.runtime.getURL('/popover.html'),
    tab: { id: tabId } as Runtime.MessageSender['tab'],
    frameId: 3,
  };
}

const fromPopup: Runtime.MessageSender = {
  id: fakeBrowser.runtime.id,
  url: fakeBrowser.runtime.getURL('/popup.html'),
};

const quote = (exact: string) => ({
  selectors: [
    { type: 'TextQuoteSelector' as const, exact, prefix: 'before ', suffix: ' after' },
    { type: 'TextPositionSelector' as const, start: 10, end: 10 + exact.length },
  ],
});

beforeEach(() => {
  fakeBrowser.reset();
  injected = [];
});

describe('page.opened', () => {
  it('files notes written before the article had a pack under the pack, so the page shows them', async () => {
    const { db, service } = await setUp();
    const addressKey = articleKeyFor(ARTICLE);
    expect(addressKey).not.toBe(pack.article.id);
    const early: Note = {
      id: 'early-note',
      articleKey: addressKey,
      url: ARTICLE,
      articleTitle: ARTICLE_HEADLINE,
      target: quote('vicious cycle'),
      body: 'Written before the pack arrived',
      tags: [],
      created: '2026-11-01T00:00:00.000Z',
      modified: '2026-11-02T00:00:00.000Z',
    };
    await putNote(db, early);
    await putNote(db, { ...early, id: 'early-deleted', deletedAt: '2026-11-03T00:00:00.000Z' });
    const reply = await service.handle(
      { type: 'page.opened', payload: { headline: ARTICLE_HEADLINE, text: ARTICLE_TEXT } },
      fromTab(ARTICLE),
    );
    if (!reply.ok) throw new Error(reply.error);
    const data = reply.value as { notes: { id: string }[] };
    expect(data.notes.map((note) => note.id)).toEqual(['early-note']);
    // Moved, not edited, and nothing left under the address; the deleted one moved too.
    expect(await getNote(db, 'early-note')).toEqual({ ...early, articleKey: pack.article.id });
    expect((await getNote(db, 'early-deleted'))?.articleKey).toBe(pack.article.id);
    expect(await notesForArticle(db, addressKey)).toEqual([]);
  });

  it('files notes under the pack once per worker life, and again after a write names the address', async () => {
    const { db, service } = await setUp();
    const writes: string[] = [];
    type Open = (stores: never, mode?: IDBTransactionMode, options?: object) => unknown;
    const transaction = db.transaction.bind(db) as Open;
    const counting: Open = (stores, mode, options) => {
      if (mode === 'readwrite') writes.push(String(stores));
      return transaction(stores, mode, options);
    };
    db.transaction = counting as unknown as typeof db.transaction;
    const open = async () => {
      const reply = await service.handle(
        { type: 'page.opened', payload: { headline: ARTICLE_HEADLINE, text: ARTICLE_TEXT } },
        fromTab(ARTICLE),
      );
      if (!reply.ok) throw new Error(reply.error);
      return (reply.value as { notes: { id: string }[] }).notes.map((note) => note.id);
    };
    expect(await open()).toEqual([]);
    expect(writes).toEqual(['notes']);
    writes.length = 0;
    expect(await open()).toEqual([]);
    expect(writes).toEqual([]);
    // A note filed under the address afterwards (an import, say) announces itself: it moves.
    await putNote(db, {
      id: 'late-note',
      articleKey: articleKeyFor(ARTICLE),
      url: ARTICLE,
      articleTitle: ARTICLE_HEADLINE,
      target: quote('vicious cycle'),
      body: 'Imported later',
      tags: [],
      created: '2026-11-01T00:00:00.000Z',
      modified: '2026-11-01T00:00:00.000Z',
    });
    service.notesChanged([articleKeyFor(ARTICLE)]);
    expect(await open()).toEqual(['late-note']);
    expect((await getNote(db, 'late-note'))?.articleKey).toBe(pack.article.id);
  });

  it('matches the pack by headline and text, and labels the tab with the claim count', async () => {
    const { service } = await setUp();
    const reply = await service.handle(
      {
        type: 'page.opened',
        payload: { headline: ARTICLE_HEADLINE, text: ARTICLE_TEXT },
      },
      fromTab(`${ARTICLE}?utm_source=x#top`),
    );
    expect(reply.ok).toBe(true);
    if (!reply.ok) return;
    const data = reply.value as { articleKey: string; claims: unknown[]; pack: unknown };
    expect(data.articleKey).toBe(pack.article.id);
    expect(data.claims).toHaveLength(pack.claims.length);
    // The tab's record and badge are written after the reply; its next request waits for them.
    await service.handle({ type: 'page.notes', payload: {} }, fromTab(ARTICLE));
    expect(await fakeBrowser.action.getBadgeText({ tabId: 7 })).toBe(String(pack.claims.length));
    const page = await readTabPage(browser, 7);
    expect(page).toMatchObject({
      articleKey: pack.article.id,
      hasPack: true,
      lastReviewed: pack.lastReviewed,
      url: ARTICLE,
    });
  });

  it('keys an article without a pack by its canonical path, with no badge', async () => {
    const { service } = await setUp();
    const reply = await service.handle(
      { type: 'page.opened', payload: { headline: 'Another story', text: '' } },
      fromTab(`http://globalresearch.ca/another-story/5800001/`),
    );
    expect(reply).toMatchObject({
      ok: true,
      value: { articleKey: '/another-story/5800001', pack: null, claims: [] },
    });
    await service.handle({ type: 'page.notes', payload: {} }, fromTab(OTHER_ARTICLE));
    expect(await readTabPage(browser, 7)).toMatchObject({ hasPack: false });
    expect(await fakeBrowser.action.getBadgeText({ tabId: 7 })).toBe('');
  });

  it('refuses senders that are not Counterpoint on a Global Research page', async () => {
    const { service } = await setUp();
    const message = { type: 'page.opened', payload: { headline: 'x', text: '' } };
    expect(await service.handle(message, fromTab('https://evil.example/x/1234567'))).toEqual({
      ok: false,
      error: 'Unknown sender.',
    });
    expect(
      await service.handle(message, { ...fromTab(ARTICLE), id: 'another-extension' }),
    ).toMatchObject({ ok: false });
    expect(await service.handle(message, { ...fromTab(ARTICLE), frameId: 3 })).toMatchObject({
      ok: false,
    });
    expect(await service.handle(message, fromPopup)).toMatchObject({ ok: false });
  });

  it('refuses unknown and malformed requests with a readable reason', async () => {
    const { service } = await setUp();
    expect(await service.handle({ type: 'notes.dumpAll', payload: {} }, fromTab(ARTICLE))).toEqual({
      ok: false,
      error: 'Unknown request.',
    });
    expect(await service.handle('hello', fromTab(ARTICLE))).toMatchObject({ ok: false });
    const bad = await service.handle(
      { type: 'page.opened', payload: { headline: 42 } },
      fromTab(ARTICLE),
    );
    expect(bad).toMatchObject({ ok: false });
    if (!bad.ok) expect(bad.error).toMatch(/headline/);
  });
});

describe('notes through the background', () => {
  async function openedArticle() {
    const context = await setUp();
    await context.service.handle(
      {
        type: 'page.opened',
        payload: { headline: ARTICLE_HEADLINE, text: ARTICLE_TEXT },
      },
      fromTab(ARTICLE),
    );
    return context;
  }

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
    expect(empty).toEqual({ ok: false, error: 'body: Write something before saving.' });
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
    const anchors = await service.handle({ type: 'page.notes', payload: {} }, fromTab(ARTICLE));
    expect(anchors).toEqual({
      ok: true,
      value: [{ id: 'note-1', target: quote('new era'), claimId: 'c1' }],
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
        error: 'Not allowed.',
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
      error: 'Not allowed.',
    });
    expect(await service.handle({ type: 'panel.notes', payload: {} }, fromFrame())).toMatchObject({
      ok: true,
    });
  });
});

describe('page.status', () => {
  it('updates the badge to the number of claims anchored', async () => {
    const { service } = await setUp();
    await service.handle(
      {
        type: 'page.opened',
        payload: { headline: ARTICLE_HEADLINE, text: ARTICLE_TEXT },
      },
      fromTab(ARTICLE),
    );
    await service.handle(
      {
        type: 'page.status',
        payload: {
          claimsAnchored: 9,
          orphanedClaimIds: ['a', 'b'],
          notesAnchored: 0,
          orphanedNoteIds: [],
        },
      },
      fromTab(ARTICLE),
    );
    expect(await fakeBrowser.action.getBadgeText({ tabId: 7 })).toBe('9');
    expect(await readTabPage(browser, 7)).toMatchObject({
      claimsAnchored: 9,
      orphanedClaimIds: ['a', 'b'],
    });
  });
});

describe('ui.load', () => {
  it('injects the interface into the asking tab only, and only for a page', async () => {
    const { service } = await setUp();
    expect(await service.handle({ type: 'ui.load', payload: {} }, fromTab(ARTICLE, 12))).toEqual({
      ok: true,
      value: null,
    });
    expect(await service.handle({ type: 'ui.load', payload: {} }, fromPopup)).toMatchObject({
      ok: false,
    });
    expect(injected).toEqual([12]);
  });
});

describe('storage failures', () => {
  it('reports a full disk in plain words and keeps everything already saved', async () => {
    const { db, service } = await setUp();
    await service.handle(
      {
        type: 'page.opened',
        payload: { headline: ARTICLE_HEADLINE, text: ARTICLE_TEXT },
      },
      fromTab(ARTICLE),
    );
    await service.handle(
      {
        type: 'note.create',
        payload: { id: 'kept', target: quote('new era'), body: 'saved before', tags: [] },
      },
      fromFrame(),
    );
    // The same database, but the disk is now full.
    const full = new Proxy(db, {
      get(target, property, receiver) {
        if (property === 'put') {
          return () => Promise.reject(new DOMException('Quota exceeded', 'QuotaExceededError'));
        }
        const value = Reflect.get(target, property, receiver);
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
    const failing = createBackgroundService({
      getDatabase: async () => full,
      browser,
      now: () => new Date(),
      injectUi: async () => {},
    });
    const reply = await failing.handle(
      {
        type: 'note.create',
        payload: { id: 'new', target: quote('new era'), body: 'not saved', tags: [] },
      },
      fromFrame(),
    );
    expect(reply).toMatchObject({ ok: false });
    if (!reply.ok)
      expect(reply.error).toMatch(/storage for Counterpoint is full.*Nothing was changed/);
    expect((await allNotes(db)).map((note) => note.id)).toEqual(['kept']);
  });
});

describe('notes read for pages', () => {
  it('include notes written elsewhere (an import) once that write is announced', async () => {
    const { db, service } = await setUp();
    await service.handle(
      { type: 'page.opened', payload: { headline: ARTICLE_HEADLINE, text: ARTICLE_TEXT } },
      fromTab(ARTICLE),
    );
    expect(await service.handle({ type: 'page.notes', payload: {} }, fromTab(ARTICLE))).toEqual({
      ok: true,
      value: [],
    });
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
    const reply = await service.handle({ type: 'page.notes', payload: {} }, fromTab(ARTICLE));
    expect(reply).toEqual({ ok: true, value: [{ id: 'imported', target: quote('new era') }] });
    const inFrame = await service.handle({ type: 'panel.notes', payload: {} }, fromFrame());
    expect(inFrame).toMatchObject({ ok: true, value: [{ id: 'imported', body: 'from a file' }] });
  });
});

describe('page.shown', () => {
  it('records what an article tab has open, by id, until it closes or the tab leaves', async () => {
    const { service } = await setUp();
    await service.handle(
      { type: 'page.opened', payload: { headline: ARTICLE_HEADLINE, text: ARTICLE_TEXT } },
      fromTab(ARTICLE),
    );
    const claimId = pack.claims[0]!.id;
    const shown = await service.handle(
      { type: 'page.shown', payload: { kind: 'claim', id: claimId } },
      fromTab(ARTICLE),
    );
    expect(shown).toEqual({ ok: true, value: null });
    expect(await readShownItem(browser, 7)).toEqual({ kind: 'claim', id: claimId });
    await service.handle({ type: 'page.shown', payload: { kind: 'none' } }, fromTab(ARTICLE));
    expect(await readShownItem(browser, 7)).toBeNull();
    await service.handle(
      { type: 'page.shown', payload: { kind: 'note', id: 'n1' } },
      fromTab(ARTICLE),
    );
    await service.noteNavigation(7, OTHER_ARTICLE);
    expect(await readShownItem(browser, 7)).toBeNull();
  });

  it('is refused to other senders, to pages that are not articles, and with note text', async () => {
    const { service } = await setUp();
    const report = { type: 'page.shown', payload: { kind: 'claim', id: 'c1' } };
    expect(await service.handle(report, fromPopup)).toMatchObject({ ok: false });
    expect(await service.handle(report, fromFrame())).toMatchObject({ ok: false });
    expect(await service.handle(report, fromTab(ARTICLE))).toMatchObject({ ok: false });
    await service.handle(
      { type: 'page.opened', payload: { headline: ARTICLE_HEADLINE, text: ARTICLE_TEXT } },
      fromTab(ARTICLE),
    );
    expect(
      await service.handle(
        { type: 'page.shown', payload: { kind: 'note', id: 'n1', body: 'secret' } },
        fromTab(ARTICLE),
      ),
    ).toMatchObject({ ok: false });
    expect(await readShownItem(browser, 7)).toBeNull();
  });
});
