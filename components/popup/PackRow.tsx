/**
 * One installed context pack in the list: what it is (title, publisher, review date, claims,
 * edition), where it came from, turning a bundled one off or on, removing one from a file after
 * a question, and its two downloads.
 */
import { Fragment } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import type { PackExportFormat } from '../../utils/packs/export';
import type { PackListing } from '../../utils/popup/pack-files';
import { formatPartialDate } from '../dates';
import { useUniqueId } from '../unique-id';
import { ConfirmQuestion } from './ConfirmQuestion';
import { strings } from './pack-files-strings';

/** Props of one row of the list. */
export interface PackRowProps {
  pack: PackListing;
  confirming: boolean;
  confirmRef: { current: HTMLButtonElement | null };
  downloads: boolean;
  onAskRemove(): void;
  onCancel(): void;
  onRemove(): void;
  onTurn(off: boolean): void;
  onDownload(format: PackExportFormat): void;
}

/** One installed pack: what it is, where it came from, and what can be done with it. */
export function PackRow(props: PackRowProps) {
  const { pack, confirming } = props;
  const titleId = useUniqueId('cp-pack-title');
  const removeRef = useRef<HTMLButtonElement>(null);
  const wasConfirming = useRef(false);
  // "Keep it" (or a failed removal) gives focus back to the Remove button it came from.
  useEffect(() => {
    if (wasConfirming.current && !confirming) removeRef.current?.focus();
    wasConfirming.current = confirming;
  }, [confirming]);
  const facts = [
    strings.by(pack.publisher ?? strings.publisherUnknown),
    strings.reviewed(formatPartialDate(pack.lastReviewed)),
    strings.claims(pack.claimCount),
    strings.edition(pack.packVersion),
  ];
  return (
    <li class="cp-pack" data-off={String(pack.turnedOff)} aria-labelledby={titleId}>
      <p class="cp-pack-title" id={titleId}>
        {pack.title}
      </p>
      <p class="cp-pack-meta">
        {/* Each fact keeps together with the separator after it; lines break between facts. */}
        {facts.map((fact, index) => (
          <Fragment key={fact}>
            {index === 0 ? null : ' '}
            <span class="cp-pack-fact">{index < facts.length - 1 ? `${fact} ·` : fact}</span>
          </Fragment>
        ))}
      </p>
      <p class="cp-pack-origin">
        {pack.origin.kind === 'bundled' ? strings.bundled : strings.fromFile(pack.origin.fileName)}
      </p>
      {pack.turnedOff ? <p class="cp-pack-off">{strings.turnedOff}</p> : null}
      {confirming ? (
        <ConfirmQuestion
          question={strings.removeQuestion(pack.title)}
          confirmLabel={strings.removeConfirm}
          declineLabel={strings.keep}
          tone="danger"
          confirmRef={props.confirmRef}
          onConfirm={props.onRemove}
          onDecline={props.onCancel}
        />
      ) : null}
      <div class="cp-pack-actions">
        {pack.origin.kind === 'bundled' ? (
          <button type="button" class="cp-button" onClick={() => props.onTurn(!pack.turnedOff)}>
            {pack.turnedOff ? strings.turnOn : strings.turnOff}
          </button>
        ) : (
          <button
            type="button"
            class="cp-button cp-button-danger"
            ref={removeRef}
            disabled={confirming}
            onClick={props.onAskRemove}
          >
            {strings.remove}
          </button>
        )}
      </div>
      {props.downloads ? (
        <div class="cp-pack-actions">
          <button type="button" class="cp-button" onClick={() => props.onDownload('claim-review')}>
            {strings.downloadClaimReview}
          </button>
          <button
            type="button"
            class="cp-button"
            onClick={() => props.onDownload('assessing-annotations')}
          >
            {strings.downloadAnnotations}
          </button>
        </div>
      ) : null}
    </li>
  );
}
