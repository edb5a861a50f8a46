/**
 * What every request handler of the background is given: the outside world, the per-worker
 * caches, and the two checks most requests begin with (which article the sender's tab shows, and
 * whether the sender may touch a note).
 */

import type { Browser } from '../browser';
import { t } from '../i18n';
import type { UiWords } from '../i18n/ui-words';
import type { MessageType, NoteAnchor, Protocol } from '../messaging/protocol';
import type { ContextPack } from '../packs/types';
import type { CounterpointDatabase } from '../store/db';
import { getNote } from '../store/notes';
import { readTabPage, type TabPage } from '../store/tab-pages';
import type { Note } from '../store/types';
import type { ServiceCaches } from './caches';
import type { InPageBundle } from './inject-ui';
import type { Sender } from './sender';

/** What the service needs from the outside world. */
export interface BackgroundDependencies {
  getDatabase: () => Promise<CounterpointDatabase>;
  browser: Browser;
  /**
   * Runs the in-page UI bundle in a tab's top frame, next to the content script; the UI bundle
   * is given its words (`utils/i18n/ui-words.ts`).
   */
  injectUi: (tabId: number, bundle?: InPageBundle, words?: UiWords) => Promise<void>;
  now: () => Date;
  /** The packs shipped with the extension: removing a file's pack puts the bundled one back. */
  bundledPacks?: readonly ContextPack[];
}

/** What a handler works with. */
export interface RequestContext {
  deps: BackgroundDependencies;
  caches: ServiceCaches;
  /** The article the sender's tab shows, once its record is written; refused for other senders. */
  pageOf(sender: Sender): Promise<TabPage>;
  /** A note the sender may change: by its own article's page, or by the extension's pages. */
  noteFor(sender: Sender, id: string): Promise<{ db: CounterpointDatabase; note: Note }>;
}

/** Handlers for some of the protocol's requests, each given a valid payload and its sender. */
export type RequestHandlers<K extends MessageType> = {
  [P in K]: (payload: Protocol[P]['request'], sender: Sender) => Promise<Protocol[P]['response']>;
};

/** A refusal whose message is meant for the reader. */
export class RequestError extends Error {}

/** The refusal of a request only an article tab's page may send. */
export function pageOnlyError(): RequestError {
  return new RequestError(t('error_page_only'));
}

/** The context the handlers of one service share. */
export function createRequestContext(
  deps: BackgroundDependencies,
  caches: ServiceCaches,
): RequestContext {
  async function pageOf(sender: Sender): Promise<TabPage> {
    if (sender.kind !== 'content' && sender.kind !== 'frame') throw pageOnlyError();
    await caches.pendingTabWrites.get(sender.tabId);
    const page = await readTabPage(deps.browser, sender.tabId);
    if (!page) throw new RequestError(t('error_not_article'));
    return page;
  }

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

  return { deps, caches, pageOf, noteFor };
}

/** Where a note is, without what it says: all the page-side layer may know of it. */
export function anchorOf(note: Note): NoteAnchor {
  return {
    id: note.id,
    target: note.target,
    ...(note.claimId ? { claimId: note.claimId } : {}),
  };
}

/** {@link anchorOf} for each note. */
export function anchorsOf(notes: readonly Note[]): NoteAnchor[] {
  return notes.map(anchorOf);
}
