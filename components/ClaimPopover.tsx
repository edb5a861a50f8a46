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
import { useEffect, useRef, useState } from 'preact/hooks';
import { textFragmentLink } from '../utils/anchoring/text-fragment';
import { plural, t } from '../utils/i18n';
import type { Claim, ClaimKind } from '../utils/packs/types';
import type { Note } from '../utils/store/types';
import { CloseButton } from './CloseButton';
import { formatPartialDate } from './dates';
import { EXTERNAL_LINK_ATTRIBUTES } from './links';
import { NoteCard } from './NoteCard';
import { SourceList, SourceReferences } from './SourceList';
import { useUniqueId } from './unique-id';
import { VerdictChip } from './VerdictChip';

/** How each kind of claim is described under the verdict. */
export const CLAIM_KIND_LABELS: Record<ClaimKind, string> = {
  get factual() {
    return t('claim_kind_factual');
  },
  get opinion() {
    return t('claim_kind_opinion');
  },
  get prediction() {
    return t('claim_kind_prediction');
  },
  get attribution() {
    return t('claim_kind_attribution');
  },
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
  /** The language of the pack's texts (summary, context, counterpoints, sources), for screen readers' voices. */
  packLanguage?: string;
  /** The article's address; with it the popover offers "Copy link to this claim". */
  articleUrl?: string;
  /** Puts text on the clipboard; `navigator.clipboard.writeText` by default. */
  copyText?(text: string): Promise<void>;
}

/** The state of "Copy link to this claim": not yet, copied, or refused (the link is shown). */
type CopyState = { kind: 'idle' } | { kind: 'copied' } | { kind: 'shown'; link: string };

function clipboardWrite(text: string): Promise<void> {
  return navigator.clipboard.writeText(text);
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
  articleUrl,
  copyText = clipboardWrite,
  packLanguage = 'en',
}: ClaimPopoverProps) {
  const headingId = useUniqueId();
  const summaryId = useUniqueId();
  const linkFieldId = useUniqueId();
  const [copy, setCopy] = useState<CopyState>({ kind: 'idle' });
  const linkField = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (copy.kind === 'shown') linkField.current?.select();
  }, [copy]);
  const copyLink = (): void => {
    if (articleUrl === undefined) return;
    const link = textFragmentLink(articleUrl, claim.quote.exact);
    copyText(link).then(
      () => setCopy({ kind: 'copied' }),
      () => setCopy({ kind: 'shown', link }),
    );
  };
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
            <span class="cp-visually-hidden">{t('claim_heading_prefix')} </span>
            <VerdictChip verdict={claim.verdict} />
          </h2>
          {/* "Opinion" under an Opinion verdict would say the same thing twice. */}
          {claim.kind === 'opinion' && claim.verdict === 'opinion' ? null : (
            <p class="cp-kind">{CLAIM_KIND_LABELS[claim.kind]}</p>
          )}
        </div>
        <CloseButton onClose={onClose} />
      </div>
      <div class="cp-popover-body">
        <p id={summaryId} class="cp-summary" lang={packLanguage}>
          {claim.summary}
        </p>
        {claim.context === '' ? null : <p lang={packLanguage}>{claim.context}</p>}
        {claim.counterpoints.length === 0 ? null : (
          <section>
            <h3 class="cp-section-heading">{t('claim_counterpoints')}</h3>
            <ul class="cp-counterpoints">
              {claim.counterpoints.map((counterpoint, index) => (
                <li key={index}>
                  <p lang={packLanguage}>{counterpoint.text}</p>
                  <SourceReferences ids={counterpoint.sources} sources={claim.sources} />
                </li>
              ))}
            </ul>
          </section>
        )}
        {claim.sources.length === 0 ? null : (
          <section>
            <h3 class="cp-section-heading">{t('claim_sources')}</h3>
            <SourceList sources={claim.sources} lang={packLanguage} />
          </section>
        )}
        {notes.length === 0 ? null : (
          <section>
            <h3 class="cp-section-heading">{plural('claim_your_notes', notes.length)}</h3>
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
          {t('claim_add_note')}
        </button>
        {articleUrl === undefined ? null : (
          <button type="button" class="cp-button" onClick={copyLink}>
            {t('claim_copy_link')}
          </button>
        )}
        {articleUrl === undefined ? null : (
          <p role="status" class="cp-copy-status">
            {copy.kind === 'copied' ? t('claim_link_copied') : null}
            {copy.kind === 'shown' ? t('claim_copy_refused') : null}
          </p>
        )}
        {copy.kind === 'shown' ? (
          <p class="cp-copy-field">
            <label for={linkFieldId}>{t('claim_link_field')}</label>
            <input
              id={linkFieldId}
              ref={linkField}
              type="text"
              readOnly
              value={copy.link}
              onFocus={(event) => event.currentTarget.select()}
            />
          </p>
        ) : null}
        {lastReviewed === undefined && methodUrl === undefined ? null : (
          <p class="cp-review-line">
            {lastReviewed === undefined ? null : (
              <>
                {t('claim_reviewed')}{' '}
                <time dateTime={lastReviewed}>{formatPartialDate(lastReviewed)}</time>
              </>
            )}
            {lastReviewed !== undefined && methodUrl !== undefined ? ' · ' : null}
            {methodUrl === undefined ? null : (
              <a href={methodUrl} {...EXTERNAL_LINK_ATTRIBUTES}>
                {t('common_how_checks')}
              </a>
            )}
          </p>
        )}
      </div>
    </div>
  );
}
