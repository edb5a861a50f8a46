/**
 * The popover opened from a highlighted claim: verdict, kind, summary, context, counterpoints
 * and sources, then the reader's notes on the claim. The footer says when the pack was last
 * reviewed and links to the page that explains how Counterpoint checks.
 *
 * Each source is listed once, numbered; counterpoints cite the numbers. The method page's
 * address is passed in rather than looked up, so the component needs no browser API and works
 * in the page's shadow root and in an extension frame alike.
 *
 * A non-modal dialog. The controller positions it, handles Escape and returns focus; it should
 * focus the dialog itself (it has tabIndex -1, so a screen reader announces its name), after
 * which Tab reaches Close first and then the links in reading order.
 */
import type { Ref } from 'preact';
import type { Claim, ClaimKind } from '../utils/packs/types';
import type { Note } from '../utils/store/types';
import { formatPartialDate } from './dates';
import { EXTERNAL_LINK_ATTRIBUTES } from './links';
import { NoteCard } from './NoteCard';
import { SourceList, SourceReferences } from './SourceList';
import { useUniqueId } from './unique-id';
import { VerdictChip } from './VerdictChip';

/** How each kind of claim is described under the verdict. */
export const CLAIM_KIND_LABELS: Record<ClaimKind, string> = {
  factual: 'Statement of fact',
  opinion: 'Opinion',
  prediction: 'Prediction',
  attribution: 'Attributed statement',
};

/** Props of {@link ClaimPopover}. */
export interface ClaimPopoverProps {
  claim: Claim;
  /** The reader's notes attached to this claim, already filtered and sorted by the caller. */
  notes: readonly Note[];
  onClose(): void;
  onAddNote(): void;
  /** Opens one of the listed notes; without it the notes are shown but not openable. */
  onOpenNote?(id: string): void;
  /** The dialog element, for the controller to focus and position. */
  dialogRef?: Ref<HTMLDivElement>;
  /** The pack's review date, YYYY-MM-DD, shown in the footer. */
  lastReviewed?: string;
  /** Address of the "How Counterpoint checks" page (an extension page), opened in a new tab. */
  methodUrl?: string;
}

/** The claim popover. */
export function ClaimPopover({
  claim,
  notes,
  onClose,
  onAddNote,
  onOpenNote,
  dialogRef,
  lastReviewed,
  methodUrl,
}: ClaimPopoverProps) {
  const headingId = useUniqueId();
  const summaryId = useUniqueId();
  return (
    <div
      ref={dialogRef}
      role="dialog"
      aria-labelledby={`${headingId} ${summaryId}`}
      tabIndex={-1}
      class="cp-popover cp-claim"
      data-verdict={claim.verdict}
    >
      <div class="cp-popover-header">
        <div class="cp-popover-heading">
          {/* The chip's glyph is hidden from assistive tech, so the heading reads "Claim: Misleading". */}
          <h2 id={headingId} class="cp-claim-heading">
            <span class="cp-visually-hidden">Claim: </span>
            <VerdictChip verdict={claim.verdict} />
          </h2>
          <p class="cp-kind">{CLAIM_KIND_LABELS[claim.kind]}</p>
        </div>
        <button
          type="button"
          class="cp-icon-button"
          aria-label="Close"
          title="Close (Esc)"
          onClick={onClose}
        >
          <span aria-hidden="true">✕</span>
        </button>
      </div>
      <div class="cp-popover-body">
        <p id={summaryId} class="cp-summary">
          {claim.summary}
        </p>
        {claim.context === '' ? null : <p>{claim.context}</p>}
        {claim.counterpoints.length === 0 ? null : (
          <section>
            <h3 class="cp-section-heading">Counterpoints</h3>
            <ul class="cp-counterpoints">
              {claim.counterpoints.map((counterpoint, index) => (
                <li key={index}>
                  <p>{counterpoint.text}</p>
                  <SourceReferences ids={counterpoint.sources} sources={claim.sources} />
                </li>
              ))}
            </ul>
          </section>
        )}
        {claim.sources.length === 0 ? null : (
          <section>
            <h3 class="cp-section-heading">Sources</h3>
            <SourceList sources={claim.sources} />
          </section>
        )}
        {notes.length === 0 ? null : (
          <section>
            <h3 class="cp-section-heading">
              {notes.length === 1 ? 'Your note' : `Your notes (${notes.length})`}
            </h3>
            <ul class="cp-note-cards">
              {notes.map((note) => (
                <li key={note.id}>
                  <NoteCard note={note} compact onOpen={onOpenNote} />
                </li>
              ))}
            </ul>
          </section>
        )}
      </div>
      <div class="cp-popover-footer">
        <button type="button" class="cp-button" onClick={onAddNote}>
          Add note to this claim
        </button>
        {lastReviewed === undefined && methodUrl === undefined ? null : (
          <p class="cp-review-line">
            {lastReviewed === undefined ? null : (
              <>
                Reviewed <time dateTime={lastReviewed}>{formatPartialDate(lastReviewed)}</time>
              </>
            )}
            {lastReviewed !== undefined && methodUrl !== undefined ? ' · ' : null}
            {methodUrl === undefined ? null : (
              <a href={methodUrl} {...EXTERNAL_LINK_ATTRIBUTES}>
                How Counterpoint checks
              </a>
            )}
          </p>
        )}
      </div>
    </div>
  );
}
