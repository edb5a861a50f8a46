/**
 * The background's answers to the content script: every request is checked (who sent it, and
 * that its payload matches the protocol) before anything is read or written. The page's article
 * is worked out here from the sender's tab, never taken from the message.
 */

import * as v from 'valibot';
import type { Browser, Runtime } from '../browser';
import { t } from '../i18n';
import { PANEL_PAGE } from '../messaging/panel-protocol';
import {
  CONTENT_REQUESTS,
  EXTENSION_PAGE_REQUESTS,
  FRAME_REQUESTS,
  type MessageType,
  type NoteAnchor,
  type PageData,
  type Protocol,
  type Reply,
} from '../messaging/protocol';
import {
  describeIssues,
  envelopeSchema,
  MAX_CHANGED_IDS,
  requestSchemas,
} from '../messaging/schemas';
import { writeShownItem } from '../messaging/shown-item';
import { articleKeyFor } from '../notes-io/article-key';
import { matchPackArticle } from '../packs/match';
import { readPackFile } from '../packs/pack-file';
import type { ContextPack } from '../packs/types';
import { isGlobalResearchHost } from '../page/article-path';
import { fingerprintSimilarity, textFingerprint } from '../page/fingerprint';
import { announceNotesChanged, type NotesChangeInput } from '../store/change-feed';
import type { CounterpointDatabase, StoredClaim, StoredPack } from '../store/db';
import { restoreAllDeletedAt, softDeleteAllNotes } from '../store/delete-all';
import { StorageError } from '../store/errors';
import { normaliseTags } from '../store/note-rules';
import {
  getNote,
  notesForArticle,
  purgeDeletedNotes,
  putNote,
  refileNotes,
  restoreNote,
  softDeleteNote,
  updateNote,
} from '../store/notes';
import {
  claimsForArticle,
  installedPacks,
  installPack,
  originOf,
  removePack,
  setPackTurnedOff,
} from '../store/packs';
import { forgetTabPage, readTabPage, type TabPage, writeTabPage } from '../store/tab-pages';
import type { Note } from '../store/types';
import { setBadge } from './badge';
import type { InPageBundle } from './inject-ui';

/** What the service needs from the outside world. */
export interface BackgroundDependencies {
  getDatabase: () => Promise<CounterpointDatabase>;
  browser: Browser;
  /** Runs the in-page UI bundle in a tab's top frame, next to the content script. */
  injectUi: (tabId: number, bundle?: InPageBundle) => Promise<void>;
  now: () => Date;
  /** The packs shipped with the extension: removing a file's pack puts the bundled one back. */
  bundledPacks?: readonly ContextPack[];
}

/**
 * Who sent a request: the content script of an article tab (the page-side layer, which may know
 * where notes are but never what they say), the popover frame inside such a tab (an extension
 * page: it reads and writes the notes of its own tab's article), or another extension page (the
 * popup, the notes manager), which may touch any note.
 */
type Sender =
  | { kind: 'content'; tabId: number; url: URL }
  | { kind: 'frame'; tabId: number }
  | { kind: 'extension-page' }
  | { kind: 'unknown' };

/** What each kind of sender may ask (the direction maps of `protocol.ts`). */
const ALLOWED: Record<Exclude<Sender['kind'], 'unknown'>, ReadonlySet<MessageType>> = {
  content: new Set(CONTENT_REQUESTS),
  frame: new Set(FRAME_REQUESTS),
  'extension-page': new Set(EXTENSION_PAGE_REQUESTS),
};
/** Requests of the page-side layer alone: they need the page's article to be known. */
const CONTENT_ONLY: ReadonlySet<MessageType> = new Set(
  CONTENT_REQUESTS.filter(
    (type) =>
      !(FRAME_REQUESTS as readonly MessageType[]).includes(type) &&
      !(EXTENSION_PAGE_REQUESTS as readonly MessageType[]).includes(type),
  ),
);

/**
 * Who wrote a change, for the change feed: a tab (its content script and its popover frame
 * share one id), or the extension page that named itself.
 */
function writerOf(sender: Sender, payload: unknown): string | undefined {
  if (sender.kind === 'content' || sender.kind === 'frame') return `tab:${sender.tabId}`;
  const named = (payload as { writer?: unknown }).writer;
  return typeof named === 'string' ? named : undefined;
}

/** Creates the request handler the background registers with `runtime.onMessage`. */
export function createBackgroundService(deps: BackgroundDependencies) {
  const { browser } = deps;
  const extensionOrigin = browser.runtime.getURL('/');

  function classify(sender: Runtime.MessageSender): Sender {
    if (sender.id !== undefined && sender.id !== browser.runtime.id) return { kind: 'unknown' };
    const url = safeUrl(sender.url);
    if (!url) return { kind: 'unknown' };
    const tabId = sender.tab?.id;
    const topFrame = sender.frameId === undefined || sender.frameId === 0;
    if (url.href.startsWith(extensionOrigin)) {
      // Our own page inside a tab's frame is the popover frame of that tab's article.
      if (tabId !== undefined && !topFrame && url.pathname === PANEL_PAGE) {
        return { kind: 'frame', tabId };
      }
      return { kind: 'extension-page' };
    }
    if (tabId !== undefined && topFrame && isGlobalResearchHost(url.hostname)) {
      return { kind: 'content', tabId, url };
    }
    return { kind: 'unknown' };
  }

  /** Tab records being written; a tab's later requests wait for its record. */
  const pendingTabWrites = new Map<number, Promise<void>>();

  /** Installed packs and their claims, read once per worker life (they change only on install). */
  let packCache: Promise<StoredPack[]> | null = null;
  const claimCache = new Map<string, Promise<StoredClaim[]>>();
  const packsOf = (db: CounterpointDatabase): Promise<StoredPack[]> => {
    packCache ??= installedPacks(db).catch((error: unknown) => {
      packCache = null;
      throw error;
    });
    return packCache;
  };
  const claimsOf = (db: CounterpointDatabase, articleKey: string): Promise<StoredClaim[]> => {
    let cached = claimCache.get(articleKey);
    if (!cached) {
      cached = claimsForArticle(db, articleKey).catch((error: unknown) => {
        claimCache.delete(articleKey);
        throw error;
      });
      claimCache.set(articleKey, cached);
    }
    return cached;
  };

  /**
   * Each article's live notes, read once and kept until a write names the article: every write
   * goes through this service or announces itself (`notesChanged`), which calls `notesChanged`.
   */
  const noteCache = new Map<string, Promise<Note[]>>();
  const notesOf = (db: CounterpointDatabase, articleKey: string): Promise<Note[]> => {
    let cached = noteCache.get(articleKey);
    if (!cached) {
      cached = notesForArticle(db, articleKey).catch((error: unknown) => {
        noteCache.delete(articleKey);
        throw error;
      });
      noteCache.set(articleKey, cached);
    }
    return cached.then((notes) => [...notes]);
  };
  const forgetNotesOf = (articleKey: string): void => {
    noteCache.delete(articleKey);
    refiled.delete(articleKey);
  };
  /** Address keys whose notes were filed under their article's pack (none left there since). */
  const refiled = new Set<string>();
  /** One record per write: which notes, how, and who wrote them (one storage write). */
  const announce = async (
    articleKeys: readonly string[],
    details: NotesChangeInput,
  ): Promise<void> => {
    for (const key of articleKeys) forgetNotesOf(key);
    await announceNotesChanged(browser.storage.local, articleKeys, details);
  };

  async function pageOf(sender: Sender): Promise<TabPage> {
    if (sender.kind !== 'content' && sender.kind !== 'frame') {
      throw new RequestError('This request comes from a page only.');
    }
    await pendingTabWrites.get(sender.tabId);
    const page = await readTabPage(browser, sender.tabId);
    if (!page) throw new RequestError(t('error_not_article'));
    return page;
  }

  /** Notes may be changed by their own article's page, or by the extension's pages. */
  async function noteFor(
    sender: Sender,
    id: string,
  ): Promise<{ db: CounterpointDatabase; note: Note }> {
    const db = await deps.getDatabase();
    const note = await getNote(db, id);
    if (!note) throw new RequestError(t('error_note_gone'));
    if (sender.kind === 'content' || sender.kind === 'frame') {
      const page = await pageOf(sender);
      if (note.articleKey !== page.articleKey) throw new RequestError(t('error_note_not_here'));
    }
    return { db, note };
  }

  const handlers: {
    [K in MessageType]: (
      payload: Protocol[K]['request'],
      sender: Sender,
    ) => Promise<Protocol[K]['response']>;
  } = {
    async 'page.opened'(payload, sender) {
      if (sender.kind !== 'content') throw new RequestError('This request comes from a page only.');
      const db = await deps.getDatabase();
      const packs = (await packsOf(db)).filter((installed) => installed.turnedOff !== true);
      const pack = matchPackArticle(
        packs,
        {
          hostname: sender.url.hostname,
          headline: payload.headline,
          fingerprint: textFingerprint(payload.text),
        },
        fingerprintSimilarity,
      );
      const url = `${sender.url.origin}${sender.url.pathname}`;
      const articleKey = articleKeyFor(sender.url.href, { packArticleKey: pack?.articleKey });
      // Notes written here before the article had a pack were filed under its address: one
      // article, one key, so they move to the pack's id (and the views that list them hear it).
      const addressKey = articleKeyFor(sender.url.href);
      // Once done, nothing is left there until a write names the address again, so the later
      // visits of this worker's life open no write transaction.
      if (pack && addressKey !== articleKey && !refiled.has(addressKey)) {
        // Marked first: a write under the address while the notes move unmarks it again.
        refiled.add(addressKey);
        const moved = await refileNotes(db, addressKey, articleKey).catch((error: unknown) => {
          refiled.delete(addressKey);
          throw error;
        });
        if (moved.length > 0) {
          await announce([addressKey, articleKey], {
            kind: 'updated',
            ...(moved.length <= MAX_CHANGED_IDS ? { noteIds: moved.map((note) => note.id) } : {}),
            writer: `tab:${sender.tabId}`,
          });
        }
      }
      const [claims, notes] = await Promise.all([
        pack ? claimsOf(db, pack.articleKey) : Promise.resolve([]),
        notesOf(db, articleKey),
      ]);
      const articleTitle = pack?.article.title ?? payload.headline;
      // The page gets its data at once; the tab's record and badge are written meanwhile, and
      // the tab's next request waits for them.
      const tabId = sender.tabId;
      const written = writeTabPage(browser, {
        tabId,
        articleKey,
        articleTitle,
        url,
        hasPack: pack !== null,
        ...(pack ? { lastReviewed: pack.lastReviewed } : {}),
        claimsTotal: claims.length,
        orphanedClaimIds: [],
        orphanedNoteIds: [],
      })
        .then(() => setBadge(browser, tabId, pack ? String(claims.length) : ''))
        .catch((error: unknown) => console.error('Counterpoint: could not record the tab', error))
        .finally(() => {
          if (pendingTabWrites.get(tabId) === written) pendingTabWrites.delete(tabId);
        });
      pendingTabWrites.set(tabId, written);
      const data: PageData = {
        articleKey,
        articleTitle,
        pack: pack
          ? {
              packVersion: pack.packVersion,
              lastReviewed: pack.lastReviewed,
              article: pack.article,
              about: pack.about,
            }
          : null,
        claims,
        notes: anchorsOf(notes),
        writer: `tab:${tabId}`,
      };
      return data;
    },

    async 'page.status'(payload, sender) {
      const page = await pageOf(sender);
      await writeTabPage(browser, { ...page, ...payload });
      if (page.hasPack && sender.kind === 'content') {
        await setBadge(browser, sender.tabId, String(payload.claimsAnchored));
      }
      return null;
    },

    async 'page.notes'(_payload, sender) {
      const page = await pageOf(sender);
      return anchorsOf(await notesOf(await deps.getDatabase(), page.articleKey));
    },

    async 'page.shown'(payload, sender) {
      // Ids only, and only for a tab whose article is known: what the side panel marks current.
      await pageOf(sender);
      if (sender.kind !== 'content') throw new RequestError('This request comes from a page only.');
      await writeShownItem(browser, sender.tabId, payload.kind === 'none' ? null : payload);
      return null;
    },

    async 'panel.notes'(_payload, sender) {
      const page = await pageOf(sender);
      return notesOf(await deps.getDatabase(), page.articleKey);
    },

    async 'note.create'(payload, sender) {
      const page = await pageOf(sender);
      const db = await deps.getDatabase();
      const existing = await getNote(db, payload.id);
      if (existing) {
        // A save retried after the worker stopped mid-way: the first attempt got through.
        if (existing.articleKey === page.articleKey && !existing.deletedAt) return existing;
        throw new RequestError(t('error_note_exists'));
      }
      const now = deps.now().toISOString();
      const note: Note = {
        id: payload.id,
        articleKey: page.articleKey,
        url: page.url,
        articleTitle: page.articleTitle,
        target: payload.target,
        body: payload.body,
        tags: normaliseTags(payload.tags),
        ...(payload.claimId ? { claimId: payload.claimId } : {}),
        created: now,
        modified: now,
      };
      await putNote(db, note);
      await announce([note.articleKey], {
        noteIds: [note.id],
        kind: 'created',
        ...withWriter(sender, payload),
      });
      return note;
    },

    async 'note.update'(payload, sender) {
      const { db } = await noteFor(sender, payload.id);
      const updated = await updateNote(
        db,
        payload.id,
        { body: payload.body, tags: normaliseTags(payload.tags) },
        deps.now().toISOString(),
      );
      if (!updated) throw new RequestError(t('error_note_gone'));
      await announce([updated.articleKey], {
        noteIds: [updated.id],
        kind: 'updated',
        ...withWriter(sender, payload),
      });
      return updated;
    },

    async 'note.delete'(payload, sender) {
      const { db } = await noteFor(sender, payload.id);
      const now = deps.now();
      await purgeDeletedNotes(db, now.getTime());
      const deleted = await softDeleteNote(db, payload.id, now.toISOString());
      if (!deleted) throw new RequestError(t('error_note_gone'));
      await announce([deleted.articleKey], {
        noteIds: [deleted.id],
        kind: 'deleted',
        ...withWriter(sender, payload),
      });
      return deleted;
    },

    async 'note.restore'(payload, sender) {
      const { db } = await noteFor(sender, payload.id);
      const restored = await restoreNote(db, payload.id);
      if (!restored) throw new RequestError(t('error_not_restorable'));
      await announce([restored.articleKey], {
        noteIds: [restored.id],
        kind: 'created',
        ...withWriter(sender, payload),
      });
      return restored;
    },

    async 'ui.load'(payload, sender) {
      if (sender.kind !== 'content') throw new RequestError('This request comes from a page only.');
      await deps.injectUi(sender.tabId, payload.bundle);
      return null;
    },

    async 'notes.changed'(payload, sender) {
      await announce(payload.articleKeys, {
        ...(payload.noteIds ? { noteIds: payload.noteIds } : {}),
        ...(payload.kind ? { kind: payload.kind } : {}),
        ...withWriter(sender, payload),
      });
      return null;
    },

    async 'packs.load'(payload) {
      const db = await deps.getDatabase();
      const installed = await installedPacks(db);
      const result = readPackFile(
        payload.text,
        installed.map((pack) => ({
          articleKey: pack.articleKey,
          packVersion: pack.packVersion,
          title: pack.article.title,
          headline: pack.article.recognise.headline,
        })),
      );
      if (!result.ok) return { status: 'refused', problem: result.problem };
      // The reader agreed to replace one edition; if another is there now, ask again.
      if (result.installedVersion !== payload.replaces) {
        return { status: 'changed', installedVersion: result.installedVersion };
      }
      // The name as shown in the list: without folders, and short.
      const fileName = payload.fileName.split(/[\\/]/).pop()?.trim().slice(0, 200) || 'pack file';
      const outcome = await installPack(db, result.pack, deps.now().toISOString(), {
        kind: 'file',
        fileName,
      });
      packsChanged();
      if (outcome === 'unchanged') {
        return { status: 'changed', installedVersion: result.installedVersion };
      }
      return {
        status: outcome,
        articleKey: result.pack.article.id,
        title: result.pack.article.title,
        packVersion: result.pack.packVersion,
      };
    },

    async 'packs.remove'(payload) {
      const db = await deps.getDatabase();
      const stored = (await installedPacks(db)).find(
        (pack) => pack.articleKey === payload.articleKey,
      );
      if (!stored) throw new RequestError(t('error_pack_gone'));
      if (originOf(stored).kind === 'bundled') {
        throw new RequestError(t('error_pack_bundled'));
      }
      await removePack(db, payload.articleKey);
      const bundled = deps.bundledPacks?.find((pack) => pack.article.id === payload.articleKey);
      if (bundled) await installPack(db, bundled, deps.now().toISOString());
      packsChanged();
      return { restoredBundledVersion: bundled?.packVersion ?? null };
    },

    async 'packs.turnOff'(payload) {
      const db = await deps.getDatabase();
      if (!(await setPackTurnedOff(db, payload.articleKey, payload.off))) {
        throw new RequestError(t('error_pack_gone'));
      }
      packsChanged();
      return null;
    },

    async 'help.open'() {
      await browser.tabs.create({ url: browser.runtime.getURL('/help.html') });
      return null;
    },

    async 'notes.deleteAll'() {
      const db = await deps.getDatabase();
      const now = deps.now();
      await purgeDeletedNotes(db, now.getTime());
      const result = await softDeleteAllNotes(db, now.toISOString());
      await announce(result.articleKeys, { kind: 'deleted' });
      return { deletedAt: result.deletedAt, count: result.count };
    },

    async 'notes.restoreAll'(payload) {
      const db = await deps.getDatabase();
      const result = await restoreAllDeletedAt(db, payload.deletedAt, deps.now().getTime());
      if (!result) throw new RequestError('The notes can no longer be restored.');
      await announce(result.articleKeys, { kind: 'created' });
      return { count: result.count };
    },
  };

  /** Answers one request. Never throws: every failure is a reply with a readable error. */
  async function handle(
    message: unknown,
    rawSender: Runtime.MessageSender,
  ): Promise<Reply<unknown>> {
    try {
      const sender = classify(rawSender);
      if (sender.kind === 'unknown') return { ok: false, error: 'Unknown sender.' };
      const envelope = v.safeParse(envelopeSchema, message);
      if (!envelope.success) return { ok: false, error: 'Unknown request.' };
      const type = envelope.output.type;
      if (!ALLOWED[sender.kind].has(type)) {
        // The page-side layer never gets note text: nothing it may not ask is answered.
        return {
          ok: false,
          error: CONTENT_ONLY.has(type) ? 'This request comes from a page only.' : 'Not allowed.',
        };
      }
      const payload = v.safeParse(requestSchemas[type], envelope.output.payload);
      if (!payload.success) return { ok: false, error: describeIssues(payload.issues) };
      const handler = handlers[type] as (payload: unknown, sender: Sender) => Promise<unknown>;
      const value = await handler(payload.output, sender);
      // The page-side layer gets where a restored note is, never what it says.
      if (sender.kind === 'content' && type === 'note.restore') {
        return { ok: true, value: anchorOf(value as Note) };
      }
      return { ok: true, value };
    } catch (error) {
      if (error instanceof RequestError || error instanceof StorageError) {
        return { ok: false, error: error.message };
      }
      console.error('Counterpoint: request failed', error);
      return { ok: false, error: t('error_unexpected') };
    }
  }

  /** Drops cached notes of these articles (written elsewhere, e.g. by an import). */
  function notesChanged(articleKeys: readonly string[]): void {
    for (const key of articleKeys) forgetNotesOf(key);
  }

  /** Drops cached packs and claims after a pack was installed. */
  function packsChanged(): void {
    packCache = null;
    claimCache.clear();
  }

  /** Forgets what a closed tab showed. */
  async function forgetTab(tabId: number): Promise<void> {
    await forgetTabPage(browser, tabId);
    await writeShownItem(browser, tabId, null);
  }

  /**
   * A tab's address changed. Leaving the article forgets it (and its badge) until the next page
   * reports; a fragment or query change on the same article keeps everything.
   */
  async function noteNavigation(tabId: number, newUrl: string): Promise<void> {
    const page = await readTabPage(browser, tabId);
    const url = safeUrl(newUrl);
    if (!page || (url && `${url.origin}${url.pathname}` === page.url)) return;
    await forgetTabPage(browser, tabId);
    await writeShownItem(browser, tabId, null);
    await setBadge(browser, tabId, '');
  }

  return { handle, forgetTab, noteNavigation, packsChanged, notesChanged };
}

/** The service's public face. */
export type BackgroundService = ReturnType<typeof createBackgroundService>;

/** Where a note is, without what it says: all the page-side layer may know of it. */
export function anchorOf(note: Note): NoteAnchor {
  return {
    id: note.id,
    target: note.target,
    ...(note.claimId ? { claimId: note.claimId } : {}),
  };
}

function withWriter(sender: Sender, payload: unknown): { writer?: string } {
  const writer = writerOf(sender, payload);
  return writer ? { writer } : {};
}

function anchorsOf(notes: readonly Note[]): NoteAnchor[] {
  return notes.map(anchorOf);
}

/** A refusal whose message is meant for the reader. */
class RequestError extends Error {}

function safeUrl(url: string | undefined): URL | null {
  if (!url) return null;
  try {
    return new URL(url);
  } catch {
    return null;
  }
}
