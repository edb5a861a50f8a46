/**
 * The typed protocol between the extension's contexts. Payloads are plain data: never a Range
 * or an Element. The background validates every request against `schemas.ts` before it acts,
 * and works out the page's article from the sender's tab, never from what the message claims.
 *
 * One source of truth: every request's type is the output of its valibot schema, so a schema
 * and its type cannot drift. The maps are named by direction (who sends to whom), and the
 * background refuses a request from a context its map does not list.
 */
import type * as v from 'valibot';
import type { Selector } from '../anchoring/types';
import type { PackFileProblem } from '../packs/pack-file';
import type { AboutEntry, Claim, Verdict } from '../packs/types';
import type { StoredClaim, StoredPack } from '../store/db';
import type { Note } from '../store/types';
import type { requestSchemas, tabMessageSchema } from './schemas';

/** The most article text a page sends for recognition (about 100 pages of prose). */
export const MAX_ARTICLE_TEXT = 300_000;

/** A request's name. */
export type MessageType = keyof typeof requestSchemas;

/** The payload of a request, as its schema outputs it. */
export type RequestOf<K extends MessageType> = v.InferOutput<(typeof requestSchemas)[K]>;

/**
 * What the content script found on the page: its headline and its text (`articleText`, at most
 * `MAX_ARTICLE_TEXT` characters), which the background fingerprints (its code is warm).
 */
export type PageOpenedRequest = RequestOf<'page.opened'>;

/** How anchoring went on the page, for the badge and the popup. */
export type PageStatusReport = RequestOf<'page.status'>;

/** A new note from the popover frame; the background adds the article, address and times. */
export type NewNoteRequest = RequestOf<'note.create'>;

/** What changed, as an extension page that wrote the store itself (an import) reports it. */
export type NotesChangedRequest = RequestOf<'notes.changed'>;

/**
 * Where a note is, and nothing it says: what the page-side layer gets of each note. The body,
 * tags and dates stay with the extension's own pages.
 */
export interface NoteAnchor {
  id: string;
  target: { selectors: Selector[] };
  claimId?: string;
}

/**
 * The most notes one reply carries to the page: decoding a reply is one task of the page (about
 * 1.6 µs a note in Chromium, so 100,000 notes were one 160 ms task); more come in further pages.
 * At 2,000 (about 3 ms) or 5,000 the pages' replies were not among a 100,000-note load's five
 * heaviest tasks, nor was the time to every note placed apart by more than the runs' spread
 * (docs/benchmarks.md); the smaller page keeps the first reply small.
 */
export const NOTE_PAGE_SIZE = 2000;

/** Where some of an article's notes are, and the cursor of the page after them, if any. */
export interface NotePage {
  notes: NoteAnchor[];
  /** The id of the last note of this page, to ask for the next (`page.notesPage`); none at the end. */
  next?: string;
}

/** A request for a page of notes: the first, the one after a cursor, or the notes a change names. */
export type NotePageRequest = RequestOf<'page.notesPage'>;

/**
 * What the page-side layer needs of a claim to place and mark it: its passage and its verdict.
 * The verdict's words (summary, context, counterpoints, sources) go to the in-page UI later
 * (`page.claims`), off the way to the first paint.
 */
export type PageClaim = Pick<Claim, 'id' | 'quote' | 'verdict'>;

/**
 * What the content script needs to paint a page: its claims (if a pack matches), where notes
 * are, the first {@link NOTE_PAGE_SIZE} of them (the rest follow from `notesNext`), and the
 * reader's settings it paints by.
 */
export interface PageData {
  articleKey: string;
  articleTitle: string;
  pack: Pick<StoredPack, 'packVersion' | 'lastReviewed'> | null;
  claims: PageClaim[];
  notes: NoteAnchor[];
  /** The cursor of the next page of notes, when the article has more than one page of them. */
  notesNext?: string;
  /**
   * Set when the article has more than a page of notes and this worker has not read them yet:
   * the reply carries none, so that the claims are painted without waiting for that read (4 s
   * for 100,000 notes), and the pages start at the first note.
   */
  notesLater?: true;
  /**
   * The writer id of this tab in the change feed (its content script and popover frame): the
   * tab skips the records it wrote itself, which it has already applied.
   */
  writer?: string;
  /** The page-side layer's words in the interface language (`utils/i18n/page-words.ts`). */
  words: PageWords;
}

/**
 * The in-page UI's part of the claims, asked for once it loads: each claim in full, for its
 * popover, and the pack's "About this source" entries, for the reading guide. Empty when the
 * tab's article has no pack (or its pack was turned off or removed since the page opened).
 */
export interface PageClaims {
  claims: StoredClaim[];
  about: AboutEntry[];
}

/**
 * The words the page-side layer shows, in the interface language, sent with the page's data: the
 * content script reads no message catalogue on its way to the first paint.
 */
export interface PageWords {
  /** A claim marker's accessible name for each verdict ("Claim: Misleading. Open context"). */
  claimMarkers: Record<Verdict, string>;
  /** A claim marker's name when its claim is not known. */
  claim: string;
  /** The notes' notice when only part of them is shown. */
  notesPartial: string;
}

/** What the background answers to each request. */
export interface Responses {
  'page.opened': PageData;
  'page.claims': PageClaims;
  'page.status': null;
  /** A page of the article's notes, in the store's order (oldest first, then by id). */
  'page.notesPage': NotePage;
  /** The popover frame: the notes of the article its tab shows, in full. */
  'panel.notes': Note[];
  'note.create': Note;
  'note.update': Note;
  'note.delete': Note;
  /** The note back; a content script (the Undo of its own toast) gets only its anchor. */
  'note.restore': Note;
  'notes.changed': null;
  /** Injects the in-page UI bundle (or, `bundle: 'extras'`, the extras) into the sender's page. */
  'ui.load': null;
  /** The page's popover now shows this claim or note (or nothing), for the side panel. */
  'page.shown': null;
  /** Installs a pack from a file (checked again here). Notes untouched. */
  'packs.load': PackLoadResponse;
  /** Removes a pack loaded from a file; the bundled edition, if any, comes back (its version). */
  'packs.remove': { restoredBundledVersion: number | null };
  /** Turns a pack off (kept, matched to no page) or on again. */
  'packs.turnOff': null;
  /** Opens the help page in a new tab (the welcome card's link: a page may not link to it). */
  'help.open': null;
  /** The about page's "Delete all my notes": every live note, undoable for the undo window. */
  'notes.deleteAll': { deletedAt: string; count: number };
  /** Its Undo: every note that delete marked, back as it was. */
  'notes.restoreAll': { count: number };
}

/**
 * What the reader has open in the page, by id only: a claim or note popover opened by a click,
 * a marker, the keyboard or the overview; `none` once it closes. The side panel follows it.
 */
export type ShownItemReport = RequestOf<'page.shown'>;

/** A pack file the reader chose, for the background to check again and install. */
export type PackLoadRequest = RequestOf<'packs.load'>;

/** What loading a pack file did. */
export type PackLoadResponse =
  | { status: 'installed' | 'replaced'; articleKey: string; title: string; packVersion: number }
  | { status: 'refused'; problem: PackFileProblem }
  /** The installed edition is no longer the one the reader agreed to replace: nothing changed. */
  | { status: 'changed'; installedVersion: number | null };

/** Every request the background answers, with its response. */
export type Protocol = {
  [K in MessageType]: { request: RequestOf<K>; response: Responses[K] };
};

/** Requests the content script (the page-side layer of an article tab) sends. */
export const CONTENT_REQUESTS = [
  'page.opened',
  'page.claims',
  'page.status',
  'page.notesPage',
  'ui.load',
  'note.restore',
  'page.shown',
  'help.open',
] as const satisfies readonly MessageType[];
/** Requests the popover frame (an extension page inside an article tab) sends. */
export const FRAME_REQUESTS = [
  'panel.notes',
  'note.create',
  'note.update',
  'note.delete',
  'note.restore',
] as const satisfies readonly MessageType[];
/** Requests the extension's own pages (the popup, the notes manager) send. */
export const EXTENSION_PAGE_REQUESTS = [
  'note.update',
  'note.delete',
  'note.restore',
  'notes.changed',
  'packs.load',
  'packs.remove',
  'packs.turnOff',
  'notes.deleteAll',
  'notes.restoreAll',
] as const satisfies readonly MessageType[];

/** Content script → background. */
export type ContentToBackground = Pick<Protocol, (typeof CONTENT_REQUESTS)[number]>;
/** Popover frame → background. */
export type FrameToBackground = Pick<Protocol, (typeof FRAME_REQUESTS)[number]>;
/** Popup and notes manager → background. */
export type ExtensionPageToBackground = Pick<Protocol, (typeof EXTENSION_PAGE_REQUESTS)[number]>;

/** A request as sent over `runtime.sendMessage`. */
export interface RequestMessage<K extends MessageType = MessageType> {
  type: K;
  payload: Protocol[K]['request'];
}

/** Every reply: a value, or an error a reader can understand. */
export type Reply<T> = { ok: true; value: T } | { ok: false; error: string };

/** Background (or popup) → a tab's content script, as its schema reads it. */
export type BackgroundToContent = v.InferOutput<typeof tabMessageSchema>;

/** Messages the background (or the popup) sends to a tab's content script. */
export type TabMessage = BackgroundToContent;
