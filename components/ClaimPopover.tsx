/**
 * The popover opened from a highlighted claim: verdict, kind, summary, context, counterpoints
 * and sources, then the reader's notes on the claim.
 *
 * A non-modal dialog. The controller positions it, handles Escape and returns focus; it should
 * focus the dialog itself (it has tabIndex -1, so a screen reader announces its name), after
 * which Tab reaches Close first and then the links in reading order.
 */
import type { Ref } from 'preact';
import type { Claim, ClaimKind } from '../utils/packs/types';
import type { Note } from '../utils/store/types';
import { NoteCard } from './NoteCard';
import { SourceList } from './SourceList';
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
}

/** The claim popover. */
export function ClaimPopover({
  claim,
  notes,
  onClose,
  onAddNote,
  onOpenNote,
  dialogRef,
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
                  <SourceList
                    sources={counterpoint.sources}
                    label="Sources for this counterpoint"
                  />
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
      </div>
    </div>
  );
}
