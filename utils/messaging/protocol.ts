/**
 * The typed protocol between the content script and the background. Payloads are plain data:
 * never a Range or an Element. The background validates every request against
 * `schemas.ts` before it acts, and works out the page's article from the sender's tab, never
 * from what the message claims.
 */
import type { Selector } from '../anchoring/types';
import type { StoredClaim, StoredPack } from '../store/db';
import type { Note } from '../store/types';

/** The most article text a page sends for recognition (about 100 pages of prose). */
export const MAX_ARTICLE_TEXT = 300_000;

/** What the content script found on the page. */
export interface PageOpenedRequest {
  headline: string;
  /**
   * The article's text (`articleText`), at most `MAX_ARTICLE_TEXT` characters. The background
   * fingerprints it: its code is warm from earlier pages, where the page's would start cold.
   */
  text: string;
}

/**
 * Where a note is, and nothing it says: what the page-side layer gets of each note. The body,
 * tags and dates stay with the extension's own pages.
 */
export interface NoteAnchor {
  id: string;
  target: { selectors: Selector[] };
  claimId?: string;
}

/** What the content script needs to paint a page: its claims (if a pack matches) and where notes are. */
export interface PageData {
  articleKey: string;
  articleTitle: string;
  pack: Pick<StoredPack, 'packVersion' | 'lastReviewed' | 'article' | 'about'> | null;
  claims: StoredClaim[];
  notes: NoteAnchor[];
}

/** How anchoring went on the page, for the badge and the popup. */
export interface PageStatusReport {
  claimsAnchored: number;
  orphanedClaimIds: string[];
  notesAnchored: number;
  /** Notes painted now (none while the notes layer is off). */
  notesShown?: number;
  orphanedNoteIds: string[];
  /** Milliseconds from the content script's start to the first paint of every layer (for the benchmark). */
  paintMs?: number;
}

/** A new note from the popover frame; the background adds the article, address and times. */
export interface NewNoteRequest {
  /** Chosen by the frame (a secure context), so a retried save cannot create a second note. */
  id: string;
  target: { selectors: Selector[] };
  body: string;
  tags: string[];
  claimId?: string;
}

/** Every request the background answers, with its response. */
export interface Protocol {
  'page.opened': { request: PageOpenedRequest; response: PageData };
  'page.status': { request: PageStatusReport; response: null };
  'page.notes': { request: Record<string, never>; response: NoteAnchor[] };
  /** The popover frame: the notes of the article its tab shows, in full. */
  'panel.notes': { request: Record<string, never>; response: Note[] };
  'note.create': { request: NewNoteRequest; response: Note };
  'note.update': { request: { id: string; body: string; tags: string[] }; response: Note };
  'note.delete': { request: { id: string }; response: Note };
  'note.restore': { request: { id: string }; response: Note };
  'notes.changed': { request: { articleKeys: string[] }; response: null };
  /** Injects the in-page UI bundle into the sender's page. */
  'ui.load': { request: Record<string, never>; response: null };
  /** Opens the help page in a new tab (the welcome card's link: a page may not link to it). */
  'help.open': { request: Record<string, never>; response: null };
  /** The about page's "Delete all my notes": every live note, undoable for the undo window. */
  'notes.deleteAll': {
    request: Record<string, never>;
    response: { deletedAt: string; count: number };
  };
  /** Its Undo: every note that delete marked, back as it was. */
  'notes.restoreAll': { request: { deletedAt: string }; response: { count: number } };
}

/** A request's name. */
export type MessageType = keyof Protocol;

/** A request as sent over `runtime.sendMessage`. */
export interface RequestMessage<K extends MessageType = MessageType> {
  type: K;
  payload: Protocol[K]['request'];
}

/** Every reply: a value, or an error a reader can understand. */
export type Reply<T> = { ok: true; value: T } | { ok: false; error: string };

/** Messages the background (or the popup) sends to a tab's content script. */
export type TabMessage =
  | { type: 'show-claim'; claimId: string }
  | { type: 'show-note'; noteId: string }
  | { type: 'add-note-from-selection' }
  /** The toggle command ran: say what it did, with the keys the browser bound to it. */
  | { type: 'highlights-toggled'; shown: boolean; shortcut: string }
  | { type: 'status-request' };
