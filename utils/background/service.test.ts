/**
 * The background service's checks and page requests: which senders are answered, the page
 * opening (pack, claims, notes filed under the pack), the tab's status and badge, loading the
 * in-page UI, what a tab has open, and storage failures in plain words. The note requests are
 * in `service-notes.test.ts`.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ARTICLE_HEADLINE } from '../../e2e/fixtures';
import { readShownItem } from '../messaging/shown-item';
import { articleKeyFor } from '../notes-io/article-key';
import { allNotes, getNote, notesForArticle, putNote } from '../store/notes';
import { readTabPage } from '../store/tab-pages';
import type { Note } from '../store/types';
import { createBackgroundService } from './service';
import {
  ARTICLE,
  ARTICLE_TEXT,
  browser,
  fromFrame,
  fromPopup,
  fromTab,
  OTHER_ARTICLE,
  pack,
  quote,
  setUp,
} from './test-service';

beforeEach(() => {
  fakeBrowser.reset();
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
    await service.handle({ type: 'page.notesPage', payload: {} }, fromTab(ARTICLE));
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
    await service.handle({ type: 'page.notesPage', payload: {} }, fromTab(OTHER_ARTICLE));
    expect(await readTabPage(browser, 7)).toMatchObject({ hasPack: false });
    expect(await fakeBrowser.action.getBadgeText({ tabId: 7 })).toBe('');
  });

  it('refuses senders that are not Counterpoint on a Global Research page', async () => {
    const { service } = await setUp();
    const message = { type: 'page.opened', payload: { headline: 'x', text: '' } };
    expect(await service.handle(message, fromTab('https://evil.example/x/1234567'))).toEqual({
      ok: false,
      error: 'Counterpoint answers only its own pages and Global Research articles.',
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
      error: 'Counterpoint does not recognise this request.',
    });
    expect(await service.handle('hello', fromTab(ARTICLE))).toMatchObject({ ok: false });
    const bad = await service.handle(
      { type: 'page.opened', payload: { headline: 42 } },
      fromTab(ARTICLE),
    );
    expect(bad).toMatchObject({ ok: false });
    if (!bad.ok)
      expect(bad.error).toMatch(/^Counterpoint could not read this request \(headline: /);
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
    const { service, injected, injections } = await setUp();
    expect(await service.handle({ type: 'ui.load', payload: {} }, fromTab(ARTICLE, 12))).toEqual({
      ok: true,
      value: null,
    });
    expect(await service.handle({ type: 'ui.load', payload: {} }, fromPopup)).toMatchObject({
      ok: false,
    });
    expect(injected).toEqual([12]);
    // The interface goes with its words, their substitutions marked for the page to fill.
    expect(injections[0]).toEqual({
      tabId: 12,
      bundle: 'overlay',
      words: {
        language: 'en-GB',
        messages: expect.objectContaining({
          guide_checked_other: '\ue000 claims checked',
          date_at_time: '\ue000, \ue001',
          welcome_title: expect.any(String),
        }),
      },
    });
  });

  it('injects the extras with no words', async () => {
    const { service, injections } = await setUp();
    expect(
      await service.handle(
        { type: 'ui.load', payload: { bundle: 'extras' } },
        fromTab(ARTICLE, 12),
      ),
    ).toEqual({ ok: true, value: null });
    expect(injections).toEqual([{ tabId: 12, bundle: 'extras' }]);
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
