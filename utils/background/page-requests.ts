/**
 * The requests of an article tab: the page opening (which pack, where its claims and notes
 * are), the claims in full for the in-page UI, its status and what it has open, the notes' anchors for the page-side layer and their
 * text for the popover frame, loading the in-page UI, and opening the help page.
 */

import { messageSource } from '../i18n';
import { pageWords } from '../i18n/page-words';
import { type UiWords, uiWords } from '../i18n/ui-words';
import { NOTE_PAGE_SIZE, type PageData } from '../messaging/protocol';
import { MAX_CHANGED_IDS } from '../messaging/schemas';
import { writeShownItem } from '../messaging/shown-item';
import { articleKeyFor } from '../notes-io/article-key';
import { matchPackArticle } from '../packs/match';
import { fingerprintSimilarity, textFingerprint } from '../page/fingerprint';
import { getNote, refileNotes } from '../store/notes';
import { writeTabPage } from '../store/tab-pages';
import { setBadge } from './badge';
import { notePageOf } from './note-pages';
import { pageOnlyError, type RequestContext, type RequestHandlers } from './request-context';

/** The page's requests. */
export type PageRequest =
  | 'page.opened'
  | 'page.claims'
  | 'page.status'
  | 'page.notesPage'
  | 'page.shown'
  | 'panel.notes'
  | 'ui.load'
  | 'help.open';

/** Handlers for the page's requests. */
export function createPageRequests(context: RequestContext): RequestHandlers<PageRequest> {
  const { deps, caches, pageOf } = context;
  const { browser } = deps;
  // The in-page UI's words: the same for the worker's life (the interface language is the
  // browser's, fixed until it restarts).
  let words: UiWords | null = null;

  return {
    async 'page.opened'(payload, sender) {
      if (sender.kind !== 'content') throw pageOnlyError();
      const db = await deps.getDatabase();
      const packs = (await caches.packsOf(db)).filter((installed) => installed.turnedOff !== true);
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
      if (pack && addressKey !== articleKey && !caches.refiled.has(addressKey)) {
        // Marked first: a write under the address while the notes move unmarks it again.
        caches.refiled.add(addressKey);
        const moved = await refileNotes(db, addressKey, articleKey).catch((error: unknown) => {
          caches.refiled.delete(addressKey);
          throw error;
        });
        if (moved.length > 0) {
          await caches.announce([addressKey, articleKey], {
            kind: 'updated',
            ...(moved.length <= MAX_CHANGED_IDS ? { noteIds: moved.map((note) => note.id) } : {}),
            writer: `tab:${sender.tabId}`,
          });
        }
      }
      // Notes this worker has not read yet are read up to a page's worth (and kept when that is
      // all of them): an article with more gets its claims at once and its notes in pages, from
      // the first. Reading them all first
      // held the claims back (4 s for 100,000 notes, 0.3 s for 10,000). The first page asked
      // for starts that read, once the in-page UI is in, so the worker is not busy decoding
      // notes before.
      const [claims, few] = await Promise.all([
        pack ? caches.claimsOf(db, pack.articleKey) : Promise.resolve([]),
        caches.fewNotesOf(db, articleKey, NOTE_PAGE_SIZE),
      ]);
      const notesLater = few === null;
      const notes = few ?? [];
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
          if (caches.pendingTabWrites.get(tabId) === written) caches.pendingTabWrites.delete(tabId);
        });
      caches.pendingTabWrites.set(tabId, written);
      // The first page of notes only: the page asks for the rest from idle time.
      const firstPage = await notePageOf(notes, {}, () => Promise.resolve(undefined));
      const data: PageData = {
        articleKey,
        articleTitle,
        pack: pack ? { packVersion: pack.packVersion, lastReviewed: pack.lastReviewed } : null,
        // Where each claim is and its verdict: the rest waits for the in-page UI (`page.claims`).
        claims: claims.map(({ id, quote, verdict }) => ({ id, quote, verdict })),
        notes: firstPage.notes,
        ...(firstPage.next ? { notesNext: firstPage.next } : {}),
        ...(notesLater ? { notesLater: true as const } : {}),
        writer: `tab:${tabId}`,
        words: pageWords(),
      };
      return data;
    },

    async 'page.claims'(_payload, sender) {
      if (sender.kind !== 'content') throw pageOnlyError();
      const page = await pageOf(sender);
      const db = await deps.getDatabase();
      const packs = await caches.packsOf(db);
      const pack = page.hasPack
        ? packs.find((installed) => installed.articleKey === page.articleKey)
        : undefined;
      // A pack turned off or removed since the page opened shows nothing more.
      if (!pack || pack.turnedOff === true) return { claims: [], about: [] };
      return { claims: await caches.claimsOf(db, pack.articleKey), about: pack.about };
    },

    async 'page.status'(payload, sender) {
      const page = await pageOf(sender);
      await writeTabPage(browser, { ...page, ...payload });
      if (page.hasPack && sender.kind === 'content') {
        await setBadge(browser, sender.tabId, String(payload.claimsAnchored));
      }
      return null;
    },

    async 'page.notesPage'(payload, sender) {
      const page = await pageOf(sender);
      const db = await deps.getDatabase();
      return notePageOf(await caches.notesOf(db, page.articleKey), payload, (id) =>
        getNote(db, id),
      );
    },

    async 'page.shown'(payload, sender) {
      // Ids only, and only for a tab whose article is known: what the side panel marks current.
      await pageOf(sender);
      if (sender.kind !== 'content') throw pageOnlyError();
      await writeShownItem(browser, sender.tabId, payload.kind === 'none' ? null : payload);
      return null;
    },

    async 'panel.notes'(_payload, sender) {
      const page = await pageOf(sender);
      return caches.notesOf(await deps.getDatabase(), page.articleKey);
    },

    async 'ui.load'(payload, sender) {
      if (sender.kind !== 'content') throw pageOnlyError();
      if (payload.bundle === 'extras') {
        await deps.injectUi(sender.tabId, 'extras');
        return null;
      }
      words ??= uiWords(messageSource());
      await deps.injectUi(sender.tabId, 'overlay', words);
      return null;
    },

    async 'help.open'() {
      await browser.tabs.create({ url: browser.runtime.getURL('/help.html') });
      return null;
    },
  };
}
