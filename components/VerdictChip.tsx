/**
 * The verdict chip used by the claim popover, the reading guide and the popup. Colour is never
 * the only cue: each verdict has a word, a glyph and a short sample of the underline its page
 * highlight wears (a sample beside the word, not under it, so a chip never looks like a link).
 * In the reading guide's legend the chip is a button that opens the next claim of its verdict.
 */
import { verdictLabel } from '../utils/i18n/verdicts';
import type { Verdict } from '../utils/packs/types';
import { VERDICT_GLYPHS, VERDICT_LABELS } from '../utils/packs/verdicts';

/** The verdict words (English, for exports and the page markers) and glyphs, re-exported for the chip's users; they live beside the verdicts so the page markers (no Preact) share them. */
export { VERDICT_GLYPHS, VERDICT_LABELS };

/** Props of {@link VerdictChip}. */
export interface VerdictChipProps {
  verdict: Verdict;
  /** When given, the chip reads as a tally: "Misleading: 3". */
  count?: number;
  /** Makes the chip a button that does this (the guide: the next claim of this verdict). */
  onActivate?: () => void;
  /** What the button does, said after the chip's own words ("Next misleading claim"). */
  actionLabel?: string;
}

/** A tinted pill with glyph and label for one verdict, optionally with a count. */
export function VerdictChip({ verdict, count, onActivate, actionLabel }: VerdictChipProps) {
  const content = (
    <>
      <span class="cp-chip-glyph" aria-hidden="true">
        {VERDICT_GLYPHS[verdict]}
      </span>
      <span class="cp-chip-label">{verdictLabel(verdict)}</span>
      {count === undefined ? null : (
        <>
          <span class="cp-visually-hidden">: </span>
          <span class="cp-chip-count">{count}</span>
        </>
      )}
      <span class="cp-chip-line" aria-hidden="true" />
    </>
  );
  if (onActivate === undefined) {
    return (
      <span class="cp-chip" data-verdict={verdict}>
        {content}
      </span>
    );
  }
  return (
    <button
      type="button"
      class="cp-chip cp-chip-button"
      data-verdict={verdict}
      title={actionLabel}
      // One name, as it reads (the pill's flex layout would otherwise split it into pieces).
      aria-label={[
        count === undefined ? verdictLabel(verdict) : `${verdictLabel(verdict)}: ${count}`,
        actionLabel,
      ]
        .filter(Boolean)
        .join(', ')}
      onClick={onActivate}
    >
      {content}
    </button>
  );
}
