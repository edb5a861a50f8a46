/**
 * The side panel's list entries: a claim (verdict, quote, "not found", "Copy link"), a placed
 * note (its quote, an excerpt, its tags) and an unplaced note, as rows of the virtual lists,
 * with the lists' keys and height estimates. Draws only: choosing an entry is the caller's.
 */
import type { StoredClaim } from '../../utils/store/db';
import type { Note } from '../../utils/store/types';
import { excerptOfNote, quoteOfNote } from '../note-text';
import { VerdictChip } from '../VerdictChip';
import { PACK_LANGUAGE, strings } from './sidepanel-strings';
import type { RowState } from './VirtualList';

/** What a claim's entry does when used. */
export interface ClaimEntryActions {
  /** Whether the claim was found on the page. */
  found: boolean;
  /** Opens the claim in the page. */
  onShow(): void;
  /** Copies a link to the claim's words. */
  onCopyLink(): void;
}

/** A claim's row: its verdict and quote (opens it in the page), and its "Copy link". */
export function claimEntry(claim: StoredClaim, row: RowState, actions: ClaimEntryActions) {
  const tab = row.active ? 0 : -1;
  return (
    <div class="cp-entry" data-current={String(row.current)}>
      <button
        type="button"
        class="cp-entry-main"
        data-row-focus
        tabIndex={tab}
        aria-current={row.current ? 'true' : undefined}
        aria-description={claim.summary}
        onClick={actions.onShow}
      >
        <VerdictChip verdict={claim.verdict} />
        <span class="cp-entry-quote" dir="auto" lang={PACK_LANGUAGE}>
          {claim.quote.exact}
        </span>
        {actions.found ? null : <span class="cp-entry-missing">{strings.notFound}</span>}
        {row.current ? <span class="cp-entry-current">{strings.shownNow}</span> : null}
      </button>
      <div class="cp-entry-actions">
        <button
          type="button"
          class="cp-button"
          tabIndex={tab}
          aria-label={strings.copyLinkName(shortQuote(claim.quote.exact))}
          onClick={actions.onCopyLink}
        >
          {strings.copyLink}
        </button>
      </div>
    </div>
  );
}

/** What a note's entry shows: the words it is on, an excerpt, its tags. */
function noteContent(note: Note) {
  return (
    <>
      <span class="cp-entry-note-quote" dir="auto">
        {quoteOfNote(note) || strings.noQuote}
      </span>
      <span class="cp-entry-body" dir="auto">
        {excerptOfNote(note, 400)}
      </span>
      {note.tags.length === 0 ? null : (
        <span class="cp-tags">
          <span class="cp-visually-hidden">{strings.tags} </span>
          {note.tags.map((tag) => (
            <span key={tag} class="cp-tag" dir="auto">
              {tag}
            </span>
          ))}
        </span>
      )}
    </>
  );
}

/** A placed note's row: it opens the note in the page. */
export function noteEntry(note: Note, row: RowState, onShow: () => void) {
  return (
    <div class="cp-entry" data-current={String(row.current)}>
      <button
        type="button"
        class="cp-entry-main"
        data-row-focus
        tabIndex={row.active ? 0 : -1}
        aria-current={row.current ? 'true' : undefined}
        onClick={onShow}
      >
        {noteContent(note)}
        {row.current ? <span class="cp-entry-current">{strings.shownNow}</span> : null}
      </button>
    </div>
  );
}

/** An unplaced note's row: no passage to open, so it is read here, and reached by the keyboard. */
export function orphanEntry(note: Note, row: RowState) {
  return (
    <div class="cp-entry">
      <div class="cp-entry-main" data-row-focus tabIndex={row.active ? 0 : -1}>
        {noteContent(note)}
      </div>
    </div>
  );
}

/** A claim's key in the lists. */
export const claimKey = (claim: StoredClaim): string => `claim:${claim.id}`;
/** A note's key in the lists. */
export const noteKey = (note: Note): string => `note:${note.id}`;
/** A claim row's height before it is measured. */
export const estimateClaim = (claim: StoredClaim): number =>
  90 + Math.ceil(claim.quote.exact.length / 40) * 20;
/** A note row's height before it is measured. */
export const estimateNote = (note: Note): number =>
  70 + Math.min(4, Math.ceil(note.body.length / 40)) * 20;

/** A claim's words, cut to a few for names and announcements. */
export function shortQuote(quote: string): string {
  const words = quote.split(/\s+/).filter((word) => word !== '');
  return words.length <= 8 ? words.join(' ') : `${words.slice(0, 8).join(' ')}…`;
}
