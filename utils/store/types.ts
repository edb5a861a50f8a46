/**
 * The records Counterpoint keeps. Plain data only: everything here crosses extension messages
 * and is written to IndexedDB as it is.
 */
import type { Selector } from '../anchoring/types';

/** The limits of a note's text live with the other note rules; re-exported for the store's users. */
export { NOTE_MAX_LENGTH, NOTE_MAX_TAGS, TAG_MAX_LENGTH } from './note-rules';

/** A reader's private note on a passage of an article. */
export interface Note {
  /** A random UUID. */
  id: string;
  /** Which article the note belongs to: a pack's article id, or the page's canonical path. */
  articleKey: string;
  /** The page address the note was written on, without query or fragment. */
  url: string;
  /** The article's headline when the note was written, for listing notes by article. */
  articleTitle: string;
  /** Where the passage is: a TextQuoteSelector and a TextPositionSelector. */
  target: { selectors: Selector[] };
  /** The note itself: plain text with light Markdown. */
  body: string;
  tags: string[];
  /** The claim this note is attached to, when written from a claim's popover. */
  claimId?: string;
  /** ISO 8601 times. */
  created: string;
  modified: string;
  /** Set while a delete can still be undone; such notes are hidden everywhere and purged later. */
  deletedAt?: string;
}
