import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ARTICLE_URL } from '../../e2e/fixtures';
import type { Browser } from '../browser';
import { pageWords } from '../i18n/page-words';
import { createRequester, type Requester } from '../messaging/client';
import { type MessageType, NOTE_PAGE_SIZE, type NoteAnchor } from '../messaging/protocol';
import { loadBundledPacks } from '../packs';
import { announceNotesChanged, type ChangeKind } from '../store/change-feed';
import type { StoredClaim } from '../store/db';
import { CONTENT_EXTRAS } from './content-extras';
import { startInteractions } from './interactions';
import { FIRST_NOTE_BATCH } from './layers';
import { followNotes } from './note-pages';
import { type PageSession, startPageSession } from './page-session';
import { fakePanel, loadArticle, recordingOverlay } from './test-doubles';
import { registerContentExtras } from './ui-loader';

const browser = fakeBrowser as unknown as Browser;
const [pack] = loadBundledPacks().packs;
const claims: StoredClaim[] = (pack?.claims ?? []).map((claim, order) => ({
  ...claim,
  articleKey: 'article',
  order,
}));

/**
 * The background as the page sees it, with the records it writes to the change feed (the real
 * service's records are checked in `service.test.ts`): a tab's content script and its popover
 * frame write as `tab:<id>`.
 */
function fakeBackground(
  pageSize = NOTE_PAGE_SIZE,
  notes: NoteAnchor[] = [],
  /** Answers the page with no note, every one left for the pages (`notesLater`). */
  notesLater = false,
) {
  /** The page of notes after the cursor `after` (from the first without). */
  const pageAfter = (after?: string) => {
    const start = after === undefined ? 0 : notes.findIndex((note) => note.id === after) + 1;
    const page = notes.slice(start, start + pageSize);
    const last = page.at(-1);
    return {
      notes: page,
      ...(last && start + pageSize < notes.length ? { next: last.id } : {}),
    };
  };
  const announce = (noteIds: string[], kind: ChangeKind, tabId: number) =>
    announceNotesChanged(browser.storage.local, ['article'], {
      noteIds,
      kind,
      writer: `tab:${tabId}`,
    });
  const reply = (value: unknown) => ({ ok: true, value });
  return {
    /** A content script's request from tab 7. */
    async fromPage(message: unknown) {
      const { type, payload } = message as { type: MessageType; payload: unknown };
      if (type === 'page.opened') {
        const first = notesLater ? { notes: [] } : pageAfter();
        return reply({
          articleKey: 'article',
          articleTitle: 'Mexico',
          pack: null,
          claims,
          notes: first.notes,
          ...('next' in first && first.next ? { notesNext: first.next } : {}),
          ...(notesLater ? { notesLater: true } : {}),
          writer: 'tab:7',
          words: pageWords(),
        });
      }
      if (type === 'page.notesPage') {
        const wanted = payload as { after?: string; ids?: string[] };
        return reply(
          wanted.ids
            ? { notes: notes.filter((note) => wanted.ids?.includes(note.id)) }
            : pageAfter(wanted.after),
        );
      }
      // The real background injects the extras bundle, which registers itself.
      if (type === 'ui.load' && (payload as { bundle?: string }).bundle === 'extras') {
        registerContentExtras(CONTENT_EXTRAS);
      }
      return reply(null);
    },
    /** A popover frame's request from a tab (the frame of tab 7, or another tab's). */
    async fromFrame(message: unknown, tabId: number) {
      const { type, payload } = message as { type: MessageType; payload: NoteAnchor };
      if (type === 'note.create') {
        notes.push({ id: payload.id, target: payload.target });
        await announce([payload.id], 'created', tabId);
        return reply({ ...payload, body: 'text' });
      }
      if (type === 'note.update') {
        await announce([payload.id], 'updated', tabId);
        return reply(payload);
      }
      if (type === 'note.delete') {
        notes.splice(
          notes.findIndex((note) => note.id === payload.id),
          1,
        );
        await announce([payload.id], 'deleted', tabId);
        return reply(payload);
      }
      return { ok: false, error: 'Not allowed.' };
    },
  };
}

/** Every change-feed broadcast (one storage write each). */
function countBroadcasts(): { count: () => number } {
  let count = 0;
  fakeBrowser.storage.onChanged.addListener((changes) => {
    if ('notesChanged' in changes) count++;
  });
  return { count: () => count };
}

/**
 * Runs a page session on the article fixture with this requester, its UI bundle drawing into a
 * fake panel and overlay; resolves after the first paint (the interactions may still be coming).
 */
async function startSession(request: Requester) {
  loadArticle();
  const panel = fakePanel();
  const overlay = recordingOverlay();
  const controller = new AbortController();
  const session = (await startPageSession({
    doc: document,
    url: ARTICLE_URL,
    browser,
    request,
    signal: controller.signal,
    loadUi: async () => ({
      startInteractions: (start) =>
        startInteractions(start, {
          createOverlay: overlay.createOverlay,
          createPanel: panel.create,
        }),
      followNotes,
    }),
  })) as PageSession;
  return { session, panel, stop: () => controller.abort() };
}

/** Runs a page session on the article fixture against the fake background. */
async function start(background = fakeBackground()) {
  const sent: MessageType[] = [];
  const request = createRequester(async (message) => {
    sent.push((message as { type: MessageType }).type);
    return background.fromPage(message);
  });
  const { session, panel, stop } = await startSession(request);
  await session.interactions;
  const frameSent: string[] = [];
  const frame = async (tabId: number) =>
    createRequester((message) => {
      frameSent.push((message as { type: string }).type);
      return background.fromFrame(message, tabId);
    });
  return { session, sent, frameSent, panel, frame, stop };
}

/** Lets storage events and the requests they start run to the end. */
async function flush(): Promise<void> {
  for (let i = 0; i < 20; i++) await Promise.resolve();
  await new Promise((resolve) => setTimeout(resolve, 0));
}

/** Counts whole-article anchorings and the ids of partial ones. */
function watchAnchoring(session: PageSession) {
  const whole = vi.spyOn(session.article.layers, 'setData');
  const partial = vi.spyOn(session.article.layers, 'updateNotes');
  const fullReanchor = vi.spyOn(session.article.layers, 'reanchor');
  return {
    whole: () => whole.mock.calls.length + fullReanchor.mock.calls.filter((c) => !c[0]).length,
    partialIds: () => partial.mock.calls.map(([, ids]) => [...ids]),
  };
}

const SELECTORS = [{ type: 'TextQuoteSelector' as const, exact: 'vicious cycle' }];

beforeEach(() => {
  fakeBrowser.reset();
  document.documentElement.innerHTML = '<head></head><body></body>';
});
afterEach(() => vi.useRealTimers());

describe('a page session and the change feed', () => {
  it('one save costs the frame one request and one broadcast, and the page no request and no whole-article re-anchor', async () => {
    const { session, sent, frameSent, panel, frame, stop } = await start();
    document.getSelection()?.removeAllRanges();
    const paragraph = [...document.querySelectorAll('p')].find((p) =>
      p.textContent?.includes('vicious cycle'),
    )!;
    const text = paragraph.firstChild as Text;
    const at = text.data.indexOf('vicious cycle');
    const range = document.createRange();
    range.setStart(text, at);
    range.setEnd(text, at + 'vicious cycle'.length);
    document.getSelection()?.addRange(range);
    (await session.interactions).addNoteFromSelection();
    // The selection is described by the extras bundle, which the page has the background load.
    await flush();
    const view = panel.last()?.view;
    if (view?.kind !== 'new-note') throw new Error('the editor did not open');

    sent.length = 0;
    const broadcasts = countBroadcasts();
    const anchoring = watchAnchoring(session);
    const request = await frame(7);
    const note = await request('note.create', {
      id: 'saved-note',
      target: { selectors: view.selectors },
      body: 'A note',
      tags: [],
    });
    panel.emit({ type: 'saved', noteId: note.id, created: true });
    await flush();

    expect(frameSent).toEqual(['note.create']);
    expect(broadcasts.count()).toBe(1);
    // The page asks nothing; it reports its new count for the badge, as after any paint.
    expect(sent).toEqual(['page.status']);
    expect(anchoring.whole()).toBe(0);
    expect(anchoring.partialIds()).toEqual([['saved-note']]);
    expect(session.article.layers.rangeOf('saved-note')?.toString()).toBe('vicious cycle');
    stop();
  });

  it('a note another tab saves on this article is read once and anchored alone', async () => {
    const { session, sent, frame, stop } = await start();
    sent.length = 0;
    const anchoring = watchAnchoring(session);
    const elsewhere = await frame(8);
    await elsewhere('note.create', {
      id: 'from-tab-8',
      target: { selectors: SELECTORS },
      body: 'Elsewhere',
      tags: [],
    });
    await flush();
    expect(sent.filter((type) => type !== 'page.status')).toEqual(['page.notesPage']);
    expect(anchoring.whole()).toBe(0);
    expect(anchoring.partialIds()).toEqual([['from-tab-8']]);
    expect(session.article.layers.rangeOf('from-tab-8')).not.toBeNull();

    // An edit elsewhere changes words this page never has: no request, nothing anchored.
    sent.length = 0;
    await elsewhere('note.update', { id: 'from-tab-8', body: 'Edited', tags: [] });
    await flush();
    expect(sent).toEqual([]);
    expect(anchoring.partialIds()).toHaveLength(1);

    // A delete elsewhere takes the passage off without a request.
    await elsewhere('note.delete', { id: 'from-tab-8' });
    await flush();
    expect(sent.filter((type) => type !== 'page.status')).toEqual([]);
    expect(anchoring.partialIds().at(-1)).toEqual(['from-tab-8']);
    expect(session.article.layers.rangeOf('from-tab-8')).toBeNull();
    expect(anchoring.whole()).toBe(0);
    stop();
  });

  it('asks for the notes after the first page a page per request, and places every one', async () => {
    const many: NoteAnchor[] = Array.from({ length: 8 }, (_, n) => ({
      id: `paged-${n}`,
      target: { selectors: SELECTORS },
    }));
    const { session, sent, stop } = await start(fakeBackground(3, many));
    const placed = () => session.article.layers.status().notesAnchored;
    for (let turn = 0; turn < 50 && placed() < many.length; turn++) await flush();
    expect(placed()).toBe(many.length);
    expect(session.article.notes().map((note) => note.id)).toEqual(many.map((note) => note.id));
    expect(sent.filter((type) => type === 'page.notesPage')).toHaveLength(2);
    stop();
  });

  it('paints the claims with no note when the reply left them for later, then places every one from the first page', async () => {
    const many: NoteAnchor[] = Array.from({ length: 8 }, (_, n) => ({
      id: `later-${n}`,
      target: { selectors: SELECTORS },
    }));
    const { session, sent, stop } = await start(fakeBackground(3, many, true));
    expect(session.article.layers.status().claimsAnchored).toBeGreaterThan(0);
    const placed = () => session.article.layers.status().notesAnchored;
    for (let turn = 0; turn < 50 && placed() < many.length; turn++) await flush();
    expect(placed()).toBe(many.length);
    expect(session.article.notes().map((note) => note.id)).toEqual(many.map((note) => note.id));
    // Every note came in pages, the first of them asked for with no cursor.
    expect(sent.filter((type) => type === 'page.notesPage')).toHaveLength(3);
    stop();
  });

  it('stops listening to the feed when the session stops', async () => {
    const { session, sent, frame, stop } = await start();
    stop();
    sent.length = 0;
    await (await frame(8))('note.create', {
      id: 'after-stop',
      target: { selectors: SELECTORS },
      body: 'Late',
      tags: [],
    });
    await flush();
    expect(sent).toEqual([]);
    expect(session.article.notes()).toEqual([]);
  });
});

describe('a heavy annotator’s page', () => {
  /** Starts a session whose reply holds `count` notes, counting the yields before the paint. */
  async function startWith(count: number) {
    loadArticle();
    const notes: NoteAnchor[] = Array.from({ length: count }, (_, n) => ({
      id: `imported-${n}`,
      target: { selectors: SELECTORS },
    }));
    const sent: MessageType[] = [];
    const request = createRequester(async (message) => {
      const { type } = message as { type: MessageType };
      sent.push(type);
      const value =
        type === 'page.opened'
          ? {
              articleKey: 'article',
              articleTitle: 'Mexico',
              pack: null,
              claims,
              notes,
              words: pageWords(),
            }
          : null;
      return { ok: true, value };
    });
    const yields: { statusSent: boolean }[] = [];
    const controller = new AbortController();
    const session = (await startPageSession({
      doc: document,
      url: ARTICLE_URL,
      browser,
      request,
      signal: controller.signal,
      loadUi: () => new Promise(() => undefined),
      yieldToPage: async () => {
        // Nothing is painted yet: the first report follows the first paint.
        yields.push({ statusSent: sent.includes('page.status') });
      },
    })) as PageSession;
    return { session, yields, stop: () => controller.abort() };
  }

  it('paints a reply of 10,000 notes in a task after the one that decoded it, with only the first batch anchored at once', async () => {
    const { session, yields, stop } = await startWith(10_000);
    expect(yields).toEqual([{ statusSent: false }]);
    expect(session.article.layers.status().notesAnchored).toBe(FIRST_NOTE_BATCH);
    stop();
  });

  it('paints a reply with few notes at once, with no yield', async () => {
    const { session, yields, stop } = await startWith(FIRST_NOTE_BATCH);
    expect(yields).toEqual([]);
    expect(session.article.layers.status().notesAnchored).toBe(FIRST_NOTE_BATCH);
    stop();
  });
});

describe('the claims’ words', () => {
  /** The reply to `page.opened` on a page whose pack matched: each claim's passage and verdict. */
  const opened = (notes: NoteAnchor[] = []) => ({
    ok: true,
    value: {
      articleKey: 'article',
      articleTitle: 'Mexico',
      pack: { packVersion: 1, lastReviewed: '2026-11-27' },
      claims: claims.map(({ id, quote, verdict }) => ({ id, quote, verdict })),
      notes,
      words: pageWords(),
    },
  });

  it('come after the first paint, and a claim’s popover shows them in full', async () => {
    const sent: MessageType[] = [];
    let giveClaims: () => void = () => undefined;
    const request = createRequester(async (message) => {
      const { type } = message as { type: MessageType };
      sent.push(type);
      if (type === 'page.opened') return opened();
      if (type === 'page.claims') {
        await new Promise<void>((resolve) => {
          giveClaims = resolve;
        });
        return { ok: true, value: { claims, about: pack?.about ?? [] } };
      }
      return { ok: true, value: null };
    });
    const { session, panel, stop } = await startSession(request);
    // Painted and reported while the words are still on their way.
    expect(session.article.layers.status().claimsAnchored).toBe(claims.length);
    expect(sent.slice(0, 2)).toEqual(['page.opened', 'page.status']);
    expect(sent).toContain('page.claims');
    let attached = false;
    void session.interactions.then(() => {
      attached = true;
    });
    await flush();
    expect(attached).toBe(false);

    giveClaims();
    const ui = await session.interactions;
    const first = claims[0];
    if (!first) throw new Error('the pack has no claim');
    ui.showClaim(first.id);
    const view = panel.last()?.view;
    expect(view).toMatchObject({ kind: 'claim', claim: { id: first.id, summary: first.summary } });
    expect(panel.last()?.options.about).toEqual(pack?.about);
    stop();
  });

  it('that cannot be had leave the notes working, and the claims’ popovers say so', async () => {
    const request = createRequester(async (message) => {
      const { type } = message as { type: MessageType };
      if (type === 'page.claims') return { ok: false, error: 'The background is gone.' };
      if (type !== 'page.opened') return { ok: true, value: null };
      return opened([{ id: 'kept', target: { selectors: SELECTORS } }]);
    });
    const debug = vi.spyOn(console, 'debug').mockImplementation(() => undefined);
    const { session, panel, stop } = await startSession(request);
    const ui = await session.interactions;
    ui.showNote('kept');
    expect(panel.last()?.view).toEqual({ kind: 'note', noteId: 'kept' });
    const first = claims[0];
    if (!first) throw new Error('the pack has no claim');
    ui.showClaim(first.id);
    expect(panel.last()?.view).toEqual({
      kind: 'claim-unavailable',
      claimId: first.id,
      verdict: first.verdict,
    });
    expect(debug).toHaveBeenCalled();
    debug.mockRestore();
    stop();
  });

  it('are not asked for on a page without a pack', async () => {
    const { sent, stop } = await start();
    expect(sent).not.toContain('page.claims');
    stop();
  });
});
